package external

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// ethPrioCoverage is the last day the ETH/PRIO Civil Conflict Ceasefire
// dataset covers (ceasefires 1989–2020; Clayton et al. 2022, abstract).
var ethPrioCoverage = dataset.MustDate("2020-12-31")

// EndedCode is the meaning truce gives one value of ETH/PRIO's ended column.
type EndedCode struct {
	Code    int
	EndType dataset.EndType
	// Meaning is what the code is taken to mean; Evidence why.
	Meaning, Evidence string
	// Confirmed is false while the meaning rests on the data rather than
	// on the ETH/PRIO codebook.
	Confirmed bool
}

// ethPrioEnded maps ETH/PRIO's ended codes to truce end types.
//
// Source. The ETH/PRIO codebook that defines ended could not be consulted:
// it is not in any corpus this project could search (searches of
// documentation, web pages, code and issues for the codebook text, on
// 2026-12-01, found only the dataset's article, Clayton et al. 2022,
// Journal of Conflict Resolution, doi:10.1177/00220027221129195, which
// names "the end date of the ceasefire" among its variables without listing
// the codes). A second search on 2026-12-01 (documentation and web pages for
// "ETH/PRIO ceasefire dataset codebook" and "Civil Conflict Ceasefire
// Dataset Codebook"; code for the column names cf_effect_yr, ceasefire_type
// and "ended = list("; the repositories of co-author P. Landsverk,
// Peder2911/ceasefires_api, Cfviz_Custodian, CfPlots and Cfviz_Ged, whose
// code books list purpose, class, mediation, implementation, enforcement and
// written but not ended) found no definition either: PRIO's page for the
// article (https://www.prio.org/publications/13532) describes the variables
// as "the actors involved in the ceasefire, and the class, purpose,
// coverage, and end date". Every meaning below is therefore inferred from the 2,203
// ceasefires of the shared copy (figures per uniq_id, first actor-row) and is
// unconfirmed; ReadEthPrio says so in a warning. CODEBOOK.md §4.2 already
// records that truce's earlier use of these codes was inferred.
var ethPrioEnded = []EndedCode{
	{-1, dataset.EndTypeUnknown, "unclear whether or how the ceasefire ended",
		"1,008 ceasefires; 764 have end_yr -1 (unknown); 242 give an end date, kept as last_seen", false},
	{0, dataset.EndTypeUnknown, "not ended within the data (in force at the end of coverage)",
		"90 ceasefires; 85 have end_yr 0 (not applicable); 52 are definitive ceasefires (class 3) that closed a conflict, e.g. Guatemala 90008 (1996)", false},
	{1, dataset.EndTypeExpired, "a fixed-term ceasefire that ran out",
		"429 ceasefires; 424 have fixed = 1 (a fixed duration); truce already codes 770027 (swat-ceasefire-2009-01) expired on this reading", false},
	{2, dataset.EndTypeBreakdown, "ended by renewed fighting",
		"172 ceasefires, 118 without a fixed term; e.g. Mexico 70001 ends 1995-02-09, the government offensive; Pakistan 770049 ends 2014-05-30, the revocation of the North Waziristan accord (CODEBOOK.md §5.1)", false},
	{3, dataset.EndTypeUnknown, "never took effect (no time in force)",
		"61 ceasefires; 48 have cf_effect_yr 0 (effect not applicable) and 54 end_yr 0", false},
	{4, dataset.EndTypeSuperseded, "replaced or extended by a later ceasefire",
		"443 ceasefires; 211 are linked to another ceasefire (link = 1); e.g. Mexico 70003 ends 1995-01-06, the day 70004 extends it", false},
}

func endedCode(code int) (EndedCode, bool) {
	for _, e := range EthPrioEnded() {
		if e.Code == code {
			return e, true
		}
	}
	return EndedCode{}, false
}

// regions are the UCDP region codes used by ETH/PRIO's and UCDP PAD's
// region column (confirmed on the data: 3 holds Afghanistan, India,
// Pakistan…; 5 Colombia, Mexico…; 1 Bosnia, Georgia…; 2 Iraq, Israel…;
// 4 Angola, Chad…).
var regions = map[string]string{"1": "Europe", "2": "Middle East", "3": "Asia", "4": "Africa", "5": "Americas"}

// ethPrioColumns are the columns ReadEthPrio needs.
var ethPrioColumns = []string{"uniq_id", "location", "region", "actor_name",
	"cf_dec_yr", "cf_dec_month", "cf_dec_day", "cf_effect_yr", "cf_effect_month", "cf_effect_day",
	"ended", "end_yr", "end_month", "end_day",
	"side", "written", "ceasefire_class", "mediator_nego", "mediator_send",
	"p_humanitarian", "p_peaceprocess", "p_holiday", "p_election", "p_other", "p_unclear"}

// purposes are ETH/PRIO's purpose flags, in file order, with the value
// they give the purpose attribute.
var purposes = [][2]string{{"p_humanitarian", "humanitarian"}, {"p_peaceprocess", "peace-process"},
	{"p_holiday", "holiday"}, {"p_election", "election"}, {"p_other", "other"}, {"p_unclear", "unclear"}}

// ceasefireClass and mediated name codes as the dataset authors' own
// viewer does (Peder2911/Cfviz_Ged, functions/fixcfs.R and
// data/cfcodebook.R; P. Landsverk is a co-author of Clayton et al. 2022).
var (
	ceasefireClass = map[string]string{"1": "cessation", "2": "cessation-with-compliance", "3": "definitive"}
	mediated       = map[string]string{"0": "no", "1": "yes", "-1": "unclear"}
	written        = map[string]dataset.Written{"0": "no", "1": "yes", "2": "yes", "-1": "unknown"}
)

// ethRow is one actor-row of the ETH/PRIO file.
type ethRow struct {
	line       int
	id, actor  string
	start      dataset.Date
	startBasis string
	code       int
	end        dataset.Date // the dated end, for codes 1, 2 and 4
	lastSeen   dataset.Date // otherwise, where the time is censored
	endClaim   dataset.Date // an end date given with code -1 (how it ended is unclear)
	endType    dataset.EndType
	quirks     []string
	cells      map[string]string
}

// ReadEthPrio reads the ETH/PRIO Civil Conflict Ceasefire dataset (one row
// per actor and ceasefire; UTF-8 with or without a byte-order mark, LF or
// CRLF) into one Deal per ceasefire (uniq_id). name is used in errors.
//
// Each deal: ID "ethprio-<uniq_id>", EthPrioIDs [uniq_id], Kind ceasefire;
// Start the date the ceasefire took effect (cf_effect_*), or the declaration
// date (cf_dec_*) where the effect date is unknown (-1) or not applicable
// (0), at the precision the columns give (the attribute start_basis says which).
// The end follows EthPrioEnded(): codes 1, 2 and 4 with an end date give
// expired, breakdown and superseded ending there; code 0 (not ended) is
// end_type unknown with last_seen = EthPrioCoverage(); codes -1 and 3 are
// unknown with last_seen the end date if one is given, else the start (a
// zero-day censored time, as CODEBOOK.md §5.5 does for truce's own rows).
// A coded end with no end date, or an end before the start, is censored at
// the start, with a warning.
//
// When the actor-rows of one ceasefire disagree, the start is the earliest
// start and the end the earliest dated end of any party (CODEBOOK.md §5.1:
// a deal ends at the earliest declaration or operation by a party; ties go
// to breakdown); without a dated end, last_seen is the latest of the rows'.
//
// Attributes for --where and --by: the dataset columns Region (UCDP region
// name: Asia, Africa…), Mediator (mediator_send; "" when none) and Written
// (no/yes/unknown), and Attrs country (location), mediated (yes/no/unclear),
// purpose (;-joined: humanitarian, peace-process, holiday, election, other,
// unclear), class (cessation, cessation-with-compliance, definitive), side
// (the raw code; the records suggest 1 unilateral and 2 bilateral, e.g.
// 770006 against 770008, but that is not confirmed), ended (the raw code),
// start_basis, actors, uniq_id, end_date (the end date of a code -1
// ceasefire, which ended in a way the data leave unclear: "time to any
// end" counts it, time to breakdown does not) and quirk.
func ReadEthPrio(r io.Reader, name string) (*Data, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parseEthPrio(name, data)
}

// ReadEthPrioFile is ReadEthPrio on a file.
func ReadEthPrioFile(path string) (*Data, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseEthPrio(path, data)
}

func parseEthPrio(name string, data []byte) (*Data, error) {
	s, err := openSheet(name, data, ethPrioColumns)
	if err != nil {
		return nil, err
	}
	var rows []ethRow
	for s.next() {
		if s.short(ethPrioColumns) {
			continue
		}
		if row, ok := readEthRow(s); ok {
			rows = append(rows, row)
		}
	}
	if err := s.err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		s.add(0, 0, "", dataset.ErrNoRows)
		return nil, s.err()
	}
	return assembleEthPrio(rows), nil
}

// readEthRow reads and checks the current record.
func readEthRow(s *sheet) (ethRow, bool) {
	before := len(s.errs)
	row := ethRow{line: s.line, id: s.cell("uniq_id"), actor: s.cell("actor_name"), cells: map[string]string{}}
	if row.id == "" || strings.ContainsAny(row.id, " ;@") {
		s.bad("uniq_id", fmt.Errorf("%w %q: want the ETH/PRIO ceasefire number", dataset.ErrBadID, row.id))
	}
	ints := map[string]int{}
	for _, c := range []string{"cf_dec_yr", "cf_dec_month", "cf_dec_day", "cf_effect_yr", "cf_effect_month", "cf_effect_day", "ended", "end_yr", "end_month", "end_day"} {
		ints[c], _ = s.integer(c)
	}
	if len(s.errs) > before {
		return row, false
	}
	date := func(prefix, y, m, d string) (dataset.Date, bool) {
		dt, ok, dropped, err := splitDate(ints[y], ints[m], ints[d])
		if err != nil {
			s.bad(y, fmt.Errorf("%s date %d-%d-%d: %w", prefix, ints[y], ints[m], ints[d], err))
		}
		if dropped {
			row.quirks = append(row.quirks, "impossible-day")
		}
		return dt, ok
	}
	dec, decOK := date("declaration", "cf_dec_yr", "cf_dec_month", "cf_dec_day")
	eff, effOK := date("effect", "cf_effect_yr", "cf_effect_month", "cf_effect_day")
	end, endOK := date("end", "end_yr", "end_month", "end_day")
	switch {
	case effOK:
		row.start, row.startBasis = eff, "effect"
	case decOK:
		row.start, row.startBasis = dec, "declaration"
	default:
		s.bad("cf_dec_yr", fmt.Errorf("%w: neither a declaration nor an effect year", dataset.ErrRequired))
	}
	row.code = ints["ended"]
	meaning, known := endedCode(row.code)
	if !known {
		s.bad("ended", fmt.Errorf("%w: ended %d (want -1, 0, 1, 2, 3 or 4)", dataset.ErrCategory, row.code))
	}
	if len(s.errs) > before {
		return row, false
	}
	row.endType = meaning.EndType
	switch {
	case row.code == 0:
		row.lastSeen = EthPrioCoverage()
		if endOK {
			row.quirks = append(row.quirks, "not-ended-with-end-date")
		}
	case meaning.EndType == dataset.EndTypeUnknown:
		row.lastSeen = row.start
		if endOK {
			row.lastSeen, row.endClaim = end, end
		}
	case !endOK:
		row.endType, row.lastSeen = dataset.EndTypeUnknown, row.start
		row.quirks = append(row.quirks, "ended-without-end-date")
	default:
		row.end = end
	}
	for _, c := range ethPrioColumns {
		row.cells[c] = s.cell(c)
	}
	return row, true
}

// assembleEthPrio groups the actor-rows by uniq_id, in file order.
func assembleEthPrio(rows []ethRow) *Data {
	var order []string
	byID := map[string][]ethRow{}
	for _, r := range rows {
		if _, seen := byID[r.id]; !seen {
			order = append(order, r.id)
		}
		byID[r.id] = append(byID[r.id], r)
	}
	out := &Data{Source: "ethprio", Coverage: EthPrioCoverage()}
	quirks := map[string]int{}
	codes := map[int]int{}
	disagree := 0
	for _, id := range order {
		d, qs, split := ethDeal(byID[id])
		out.Deals = append(out.Deals, d)
		for _, q := range qs {
			quirks[q]++
		}
		if split {
			disagree++
		}
		codes[byID[id][0].code]++
	}
	out.Warnings = append(out.Warnings, fmt.Sprintf(
		"ETH/PRIO ended codes mapped on inferred, unconfirmed meanings (the ETH/PRIO codebook could not be consulted): "+
			"1 expired (%d), 2 breakdown (%d), 4 superseded (%d), 0 not ended, censored at %s (%d), -1 unclear and 3 never took effect, censored (%d, %d)",
		codes[1], codes[2], codes[4], EthPrioCoverage(), codes[0], codes[-1], codes[3]))
	if disagree > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("ceasefires whose actor-rows disagree on dates or ended: %d; earliest start and earliest dated end used", disagree))
	}
	for _, k := range sortedKeys(quirks) {
		out.Warnings = append(out.Warnings, fmt.Sprintf("ceasefires %s: %d; %s", quirkText[k][0], quirks[k], quirkText[k][1]))
	}
	return out
}

// quirkText says, for each quirk, which ceasefires have it and how they
// are handled.
var quirkText = map[string][2]string{
	"ended-without-end-date":  {"coded ended (1, 2 or 4) with no end year", "end unknown, censored at the start"},
	"end-before-start":        {"with an end before their start", "end unknown, censored at the start"},
	"not-ended-with-end-date": {"coded not ended (0) that give an end date", "the date is ignored, censored at the end of coverage"},
	"impossible-day":          {"with a day their month does not have (e.g. 1994-02-31)", "the date is kept at month precision"},
}

// ethDeal builds the deal of one ceasefire from its actor-rows.
func ethDeal(rows []ethRow) (d dataset.Deal, quirks []string, disagree bool) {
	first := rows[0]
	start := first
	var ended *ethRow
	lastSeen, endClaim := dataset.Date{}, dataset.Date{}
	var actors, mediators, purposesSeen []string
	for i := range rows {
		r := &rows[i]
		if r.start != first.start || r.code != first.code || r.end != first.end || r.lastSeen != first.lastSeen {
			disagree = true
		}
		if earlier(r.start, start.start) {
			start = *r
		}
		if !r.end.IsZero() && (ended == nil || r.end.Before(ended.end) || (r.end == ended.end && r.endType == dataset.EndTypeBreakdown)) {
			ended = r
		}
		if !r.endClaim.IsZero() && (endClaim.IsZero() || r.endClaim.Before(endClaim)) {
			endClaim = r.endClaim
		}
		if !r.lastSeen.IsZero() && (lastSeen.IsZero() || r.lastSeen.Mid() > lastSeen.Mid()) {
			lastSeen = r.lastSeen
		}
		for _, q := range r.quirks {
			quirks = appendNew(quirks, q)
		}
		actors = appendNew(actors, r.actor)
		if m := r.cells["mediator_send"]; m != "0" && m != "-1" && m != "" {
			mediators = appendNew(mediators, m)
		}
		for _, p := range purposes {
			if r.cells[p[0]] == "1" {
				purposesSeen = appendNew(purposesSeen, p[1])
			}
		}
	}
	c := first.cells
	d = dataset.Deal{
		ID:         "ethprio-" + first.id,
		Name:       fmt.Sprintf("ETH/PRIO %s: %s (%s)", first.id, strings.Join(actors, "; "), c["location"]),
		Kind:       dataset.KindCeasefire,
		Start:      start.start,
		Region:     Regions()[c["region"]],
		Mediator:   strings.Join(mediators, "; "),
		Written:    written[c["written"]],
		EthPrioIDs: []string{first.id},
		Line:       first.line,
		Attrs: dataset.MakeAttrs(map[string]string{
			"uniq_id": first.id, "country": c["location"], "mediated": mediated[c["mediator_nego"]],
			"purpose": strings.Join(purposesSeen, ";"), "class": ceasefireClass[c["ceasefire_class"]],
			"side": c["side"], "ended": fmt.Sprint(first.code), "start_basis": start.startBasis,
			"actors": strings.Join(actors, "; "),
		}),
	}
	if ended != nil {
		d.End, d.EndType = ended.end, ended.endType
		d.Attrs.Set("ended", fmt.Sprint(ended.code))
		quirks = slices.DeleteFunc(quirks, func(q string) bool { return q == "ended-without-end-date" })
	} else {
		d.EndType, d.LastSeen = dataset.EndTypeUnknown, lastSeen
		if !endClaim.IsZero() {
			d.Attrs.Set("end_date", endClaim.String())
		}
	}
	if x := d.End; !x.IsZero() && x.Before(d.Start) || !d.LastSeen.IsZero() && d.LastSeen.Before(d.Start) {
		d.End, d.EndType, d.LastSeen = dataset.Date{}, dataset.EndTypeUnknown, d.Start
		quirks = appendNew(quirks, "end-before-start")
		d.Attrs.Delete("end_date")
	}
	if len(quirks) > 0 {
		d.Attrs.Set("quirk", strings.Join(quirks, ";"))
	}
	return d, quirks, disagree
}

// earlier reports whether a's span begins before b's.
func earlier(a, b dataset.Date) bool {
	fa, _ := a.Span()
	fb, _ := b.Span()
	return fa < fb
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// EthPrioCoverage returns the last day the ETH/PRIO Civil Conflict
// Ceasefire dataset covers (1989–2020; Clayton et al. 2022).
func EthPrioCoverage() dataset.Date { return ethPrioCoverage }

// EthPrioEnded returns the mapping of ETH/PRIO `ended` codes to truce end
// types (see ethPrioEnded for its evidence; unconfirmed).
func EthPrioEnded() []EndedCode { return slices.Clone(ethPrioEnded) }

// Regions returns the names of ETH/PRIO region codes.
func Regions() map[string]string { return maps.Clone(regions) }
