package analysis

import (
	"fmt"
	"slices"
	"sync"

	"github.com/go-gota/gota/series"

	"github.com/truce-lab/truce/dataset"
)

// SampleFor is the survival sample of the deals with durations measured to
// asOf, like SampleOf, but its Frame has only the survival columns and
// cols (built by dataset.FrameOf; empty names are skipped). Labels and
// Covariate build any other column the first time they are asked for it,
// with dataset.Column (the series dataset.FrameAt would build, its type
// decided over all deals), and keep it for later calls; Frame itself is
// not extended. At 100,000 deals this keeps an analysis command to the few
// columns it reads instead of the full frame (about 6 million gota
// elements).
func SampleFor(deals []dataset.Deal, asOf dataset.Date, cols ...string) (*Sample, error) {
	cols = slices.DeleteFunc(slices.Clone(cols), func(c string) bool { return c == "" })
	df, err := dataset.FrameOf(deals, asOf, cols...)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	s, err := NewSample(df)
	if err != nil {
		return nil, err
	}
	counted, err := df.Col("counted").Bool()
	if err != nil {
		return nil, fmt.Errorf("analysis: column counted: %w", err)
	}
	s.lazy = &lazyColumns{deals: deals, asOf: asOf}
	for i, ok := range counted {
		if ok {
			s.lazy.keep = append(s.lazy.keep, i)
		}
	}
	return s, nil
}

// lazyColumns is what a SampleFor sample needs to build a column later,
// and the columns it has built.
type lazyColumns struct {
	mu    sync.Mutex
	deals []dataset.Deal // all the deals the sample was built from
	asOf  dataset.Date
	keep  []int // the rows of deals that are counted, in order
	built map[string]series.Series
}

// column returns the column col of the sample's deals: from Frame, or for
// a SampleFor sample built from its deals on first use. false: there is
// no such column.
func (s *Sample) column(col string) (series.Series, bool) {
	if slices.Contains(s.Frame.Names(), col) {
		return s.Frame.Col(col), true
	}
	l := s.lazy
	if l == nil {
		return series.Series{}, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.built[col]; ok {
		return c, true
	}
	c, err := dataset.Column(l.deals, l.asOf, col)
	if err != nil {
		return series.Series{}, false
	}
	if len(l.keep) < len(l.deals) {
		c = c.Subset(l.keep)
	}
	if l.built == nil {
		l.built = map[string]series.Series{}
	}
	l.built[col] = c
	return c, true
}
