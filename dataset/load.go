package dataset

import (
	_ "embed"
)

// Version is the dataset's version; CODEBOOK.md's change log says what
// changed in each.
const Version = "0.2.0"

// AsOf returns the date up to which reporting was reviewed: ongoing deals
// are censored there unless the caller chooses another date.
func AsOf() Date { return asOf }

var asOf = MustDate("2026-12-01")

// The embedded files, read-only: embedding []byte variables avoids the
// copy that embed.FS.ReadFile makes on every Load.
var (
	//go:embed deals.csv
	dealsCSV []byte
	//go:embed sources.csv
	sourcesCSV []byte
	//go:embed citations.csv
	citationsCSV []byte
	//go:embed governments.csv
	governmentsCSV []byte
)

// Data is the whole dataset: the deals and their provenance.
type Data struct {
	Deals       []Deal
	Sources     []Source
	Citations   []Citation
	Governments []Government
}

// Load parses the embedded dataset, checking every file and the links
// between them (see checkProvenance). It needs no files at run time. The
// error, if any, is an Errors value.
func Load() (*Data, error) {
	return loadFiles("dataset/", dealsCSV, sourcesCSV, citationsCSV, governmentsCSV)
}

// loadFiles parses the four files of a dataset whose paths start with dir.
func loadFiles(dir string, deals, sources, citations, governments []byte) (*Data, error) {
	pd := &problems{file: dir + "deals.csv"}
	ps := &problems{file: dir + "sources.csv"}
	pc := &problems{file: dir + "citations.csv"}
	pg := &problems{file: dir + "governments.csv"}
	d := &Data{}
	var dealTable *table
	d.Deals, dealTable = parseDeals(deals, true, pd, 1, 0)
	d.Sources = parseSources(sources, ps)
	d.Citations = parseCitations(citations, pc)
	d.Governments = parseGovernments(governments, pg)
	if len(pd.list)+len(ps.list)+len(pc.list)+len(pg.list) == 0 {
		checkProvenance(d, dealTable, pd, pc)
	}
	var all Errors
	for _, p := range []*problems{pd, ps, pc, pg} {
		all = append(all, p.list...)
	}
	if len(all) > 0 {
		return nil, all
	}
	return d, nil
}

// Deal returns the deal with the given id; a nil *Data has none.
func (d *Data) Deal(id string) (*Deal, bool) {
	if d == nil {
		return nil, false
	}
	for i := range d.Deals {
		if d.Deals[i].ID == id {
			return &d.Deals[i], true
		}
	}
	return nil, false
}

// Source returns the source with the given id; a nil *Data has none.
func (d *Data) Source(id string) (*Source, bool) {
	if d == nil {
		return nil, false
	}
	for i := range d.Sources {
		if d.Sources[i].ID == id {
			return &d.Sources[i], true
		}
	}
	return nil, false
}

// CitationsOf returns the citations of one deal, in file order; a nil
// *Data has none.
func (d *Data) CitationsOf(id string) []Citation {
	if d == nil {
		return nil
	}
	var out []Citation
	for _, c := range d.Citations {
		if c.Deal == id {
			out = append(out, c)
		}
	}
	return out
}
