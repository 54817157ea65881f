package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/truce-lab/truce/dataset"
)

// NoValue is the group label Labels gives a deal whose cell is empty.
const NoValue = "(none)"

// Sample is the survival data of a set of deals, read from the gota frame
// that dataset.Frame builds (columns id, days, event, counted): one entry
// per deal counted at the frame's as-of date. Times are in days; Events[i]
// is true when deal i broke down and false when its time is censored.
type Sample struct {
	Frame  dataframe.DataFrame // the counted deals only, in frame order
	IDs    []string
	Times  []float64
	Events []bool

	lazy *lazyColumns // set by SampleFor: builds missing columns on demand
}

// NewSample reads the survival columns of a deals frame.
func NewSample(df dataframe.DataFrame) (*Sample, error) {
	for _, c := range []string{"id", "days", "event", "counted"} {
		if !slices.Contains(df.Names(), c) {
			return nil, fmt.Errorf("analysis: frame has no %q column (build it with dataset.Frame)", c)
		}
	}
	counted, err := df.Col("counted").Bool()
	if err != nil {
		return nil, fmt.Errorf("analysis: column counted: %w", err)
	}
	keep := make([]int, 0, len(counted))
	for i, ok := range counted {
		if ok {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		return nil, fmt.Errorf("analysis: no deal started by the as-of date")
	}
	f := df // every deal counted: no copy of the frame
	if len(keep) < len(counted) {
		f = df.Subset(keep)
	}
	if f.Err != nil {
		return nil, fmt.Errorf("analysis: %w", f.Err)
	}
	events, err := f.Col("event").Bool()
	if err != nil {
		return nil, fmt.Errorf("analysis: column event: %w", err)
	}
	return &Sample{Frame: f, IDs: f.Col("id").Records(), Times: f.Col("days").Float(), Events: events}, nil
}

// SampleOf is NewSample(dataset.FrameAt(deals, asOf)): the survival sample
// of the deals with durations measured to asOf. Select the deals first
// with dataset.Select to get the command's selection.
func SampleOf(deals []dataset.Deal, asOf dataset.Date) (*Sample, error) {
	return NewSample(dataset.FrameAt(deals, asOf))
}

// Len is the number of deals in the sample.
func (s *Sample) Len() int { return len(s.Times) }

// Labels returns each deal's value of a column as a group label: the cell
// as written for text columns, "yes"/"no" for Bool columns, and the number
// for numeric ones. Missing numbers are an error.
func (s *Sample) Labels(col string) ([]string, error) {
	c, ok := s.column(col)
	if !ok {
		return nil, fmt.Errorf("analysis: no column %q to group by", col)
	}
	switch c.Type() {
	case series.Bool:
		b, err := c.Bool()
		if err != nil {
			return nil, fmt.Errorf("analysis: column %s: %w", col, err)
		}
		out := make([]string, len(b))
		for i, v := range b {
			out[i] = map[bool]string{true: "yes", false: "no"}[v]
		}
		return out, nil
	case series.Float, series.Int:
		f := c.Float()
		out := make([]string, len(f))
		for i, v := range f {
			if math.IsNaN(v) {
				return nil, fmt.Errorf("analysis: column %s has a missing value for deal %s", col, s.IDs[i])
			}
			out[i] = strconv.FormatFloat(v, 'f', -1, 64)
		}
		return out, nil
	}
	out := c.Records()
	for i, v := range out {
		if v == "" {
			out[i] = NoValue
		}
	}
	return out, nil
}

// Covariate returns a numeric column for regression: Bool columns as 0/1,
// Int and Float as they are. Missing values are an error: say which deal.
func (s *Sample) Covariate(col string) ([]float64, error) {
	c, ok := s.column(col)
	if !ok {
		return nil, fmt.Errorf("analysis: no column %q (concession flags are has:NAME, commitments commits:NAME)", col)
	}
	switch c.Type() {
	case series.Bool:
		b, err := c.Bool()
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(b))
		for i, v := range b {
			if v {
				out[i] = 1
			}
		}
		return out, nil
	case series.Float, series.Int:
		f := c.Float()
		for i, v := range f {
			if math.IsNaN(v) {
				return nil, fmt.Errorf("analysis: column %s has a missing value for deal %s", col, s.IDs[i])
			}
		}
		return f, nil
	}
	return nil, fmt.Errorf("analysis: column %s is text; a covariate must be numeric or boolean", col)
}

// Subset returns the deals whose label (from Labels) equals value.
func (s *Sample) subsetBy(labels []string, value string) (times []float64, events []bool) {
	for i, l := range labels {
		if l == value {
			times = append(times, s.Times[i])
			events = append(events, s.Events[i])
		}
	}
	return times, events
}

// levels returns the distinct labels in sorted order.
func levels(labels []string) []string {
	// A set first: sorting a copy of 100,000 labels cost a tenth of a
	// second in the survival command; the distinct labels are few.
	seen := map[string]bool{}
	var out []string
	for _, l := range labels {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}
