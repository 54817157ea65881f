package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/truce-lab/truce/analysis"
	"github.com/truce-lab/truce/dataset"
	"github.com/truce-lab/truce/dataset/external"
)

// readData reads the embedded dataset or --data in --data-format
// (external.LoadData; its warnings go to stderr), and checks the columns
// the flags name (checkColumns).
func (o *options) readData() (*dataset.Data, error) {
	afterRead := beforeRead()
	data, warnings, err := external.LoadData(o.data, o.dataFormat)
	afterRead()
	if err != nil {
		return nil, err
	}
	o.warn(warnings)
	return data, o.checkColumns(data.Deals)
}

// beforeRead is called before the input is read, and its result after:
// main sets it to gcOffWhileReading; tests that call run keep Go's
// collector defaults.
var beforeRead = func() (afterRead func()) { return func() {} }

// warn prints a reader's warnings to stderr.
func (o *options) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(o.stderr, "truce: warning:", w)
	}
}

// checkColumns checks that the columns --by, --strata and --covariates
// name exist in the deals (dataset.HasColumn), before any analysis.
func (o *options) checkColumns(deals []dataset.Deal) error {
	if len(deals) == 0 {
		return nil
	}
	if o.by != "" && !dataset.HasColumn(deals, o.by) {
		return usagef("--by %q: no such column (see dataset/CODEBOOK.md; derived columns: decade, start_year, has:CONCESSION, ...)", o.by)
	}
	if o.strata != "" && !dataset.HasColumn(deals, o.strata) {
		return usagef("--strata %q: no such column", o.strata)
	}
	if o.covariates != "" {
		for _, c := range strings.Split(o.covariates, ",") {
			if c = strings.TrimSpace(c); !dataset.HasColumn(deals, c) {
				return usagef("--covariates: no column %q (concession flags are has:NAME, commitments commits:NAME)", c)
			}
		}
	}
	return nil
}

// load reads the deals (embedded, or --data) and keeps those matching
// --where, talks included.
func (o *options) load() (*dataset.Data, []dataset.Deal, error) {
	data, err := o.readData()
	if err != nil {
		return nil, nil, err
	}
	deals, err := dataset.Filter(data.Deals, o.conds())
	if err == nil && len(deals) == 0 {
		err = fmt.Errorf("%w %s", dataset.ErrNoMatch, strings.Join(o.where, " "))
	}
	return data, deals, whereError(err)
}

// whereError makes a --where condition on no column, and a --by column
// with too many groups, usage errors naming the flag.
func whereError(err error) error {
	switch {
	case errors.Is(err, dataset.ErrWhere):
		return usagef("--where: %v", err)
	case errors.Is(err, analysis.ErrTooManyGroups):
		return usagef("--by: %s", strings.TrimPrefix(err.Error(), "analysis: "))
	}
	return err
}

// selection reads the deals an analysis command studies, selected by
// dataset.Select (agreements and ceasefires unless --where names kind).
func (o *options) selection() (*dataset.Selection, error) {
	data, err := o.readData()
	if err != nil {
		return nil, err
	}
	sel, err := dataset.Select(data.Deals, o.conds(), o.asOfDate())
	return sel, whereError(err)
}
