package external

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// uCDPPADCoverage is the last day UCDP Peace Agreement Dataset v22.1 covers
// (agreements 1975–2021; the censor point 2021-12-31 is also the one the
// third-party survival file in ../shared/data uses). Agreements not
// recorded as ended are censored here.
var uCDPPADCoverage = dataset.MustDate("2021-12-31")

// ucdpColumns are the columns ReadUCDPPAD needs (names compared after
// trimming spaces).
var ucdpColumns = []string{"paid", "region", "conflict_name", "dyad_name", "pa_name", "pa_date", "ended", "duration", "pa_3rd"}

// interstateDyad matches a dyad between two governments, the form UCDP
// gives interstate dyads ("Government of India - Government of Pakistan").
var interstateDyad = regexp.MustCompile(`Government of [^,]+ - Government of `)

// ReadUCDPPAD reads the UCDP Peace Agreement Dataset (v22.1 column layout)
// into one Deal per agreement (paid). name is used in errors.
//
// Each deal: ID "ucdp-pad-<paid>", Kind agreement, Start pa_date. The end
// is in the column called duration, which holds the end date, not a length
// (README of ../shared/data). How each case is coded:
//   - ended True with an end date: breakdown at that date (UCDP records the
//     agreement as terminated; the free-text c_duration says how);
//   - ended blank or False: not ended, end_type unknown with last_seen =
//     UCDPPADCoverage(), censored there (238 blank and 2 False rows in v22.1);
//   - ended True with no end date (paid 1470–1478, Bangsamoro annexes):
//     ended at an unknown time, end_type unknown with last_seen = start, a
//     zero-day censored time (CODEBOOK.md §5.5), attribute quirk
//     "ended-without-end-date";
//   - an end date before the start (paid 1024, signed 2000-08-26, ended
//     2000-01-01, probably a year-only date stored as 1 January): flagged,
//     not read as a negative duration: end_type unknown with last_seen =
//     start, attribute quirk "end-before-start", the raw date in
//     attribute ucdp_end.
//
// Each fallback is counted in a warning. Column names are trimmed ("ref ",
// "return ") and the empty name at the end of the header is ignored.
//
// Attributes for --where and --by: Region (UCDP region name), Mediator
// (pa_3rd, the third parties), and Attrs country (the part of
// conflict_name before ":" — for interstate agreements both countries),
// conflict_type (interstate when the dyad is between two governments, else
// intrastate: v22.1 has no type-of-conflict column, and this reading
// reproduces the 341 intrastate agreements of the third-party survival file
// plus paid 1024, which that file drops), third_party (yes/no), ended (raw)
// and paid.
func ReadUCDPPAD(r io.Reader, name string) (*Data, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parseUCDPPAD(name, data)
}

// ReadUCDPPADFile is ReadUCDPPAD on a file.
func ReadUCDPPADFile(path string) (*Data, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseUCDPPAD(path, data)
}

func parseUCDPPAD(name string, data []byte) (*Data, error) {
	s, err := openSheet(name, data, ucdpColumns)
	if err != nil {
		return nil, err
	}
	out := &Data{Source: "ucdp-pad", Coverage: UCDPPADCoverage()}
	quirks := map[string]int{}
	seen := map[string]int{}
	for s.next() {
		if s.short(ucdpColumns) {
			continue
		}
		d, ok := readUCDPRow(s)
		if !ok {
			continue
		}
		paid := d.Attrs.Value("paid")
		if line, dup := seen[paid]; dup {
			s.bad("paid", fmt.Errorf("%w %q already used on line %d", dataset.ErrDuplicateID, paid, line))
			continue
		}
		seen[paid] = d.Line
		if q := d.Attrs.Value("quirk"); q != "" {
			quirks[q]++
		}
		out.Deals = append(out.Deals, d)
	}
	if err := s.err(); err != nil {
		return nil, err
	}
	if len(out.Deals) == 0 {
		s.add(0, 0, "", dataset.ErrNoRows)
		return nil, s.err()
	}
	out.Warnings = append(out.Warnings, fmt.Sprintf(
		"UCDP PAD: ended True read as breakdown at the date in duration (unconfirmed: the UCDP PAD codebook could not be consulted); blank or False ended = not ended, censored at %s", UCDPPADCoverage()))
	for _, k := range sortedKeys(quirks) {
		out.Warnings = append(out.Warnings, fmt.Sprintf("agreements %s: %d; %s", ucdpQuirkText[k][0], quirks[k], ucdpQuirkText[k][1]))
	}
	return out, nil
}

// ucdpQuirkText says, for each quirk, which agreements have it and how
// they are handled.
var ucdpQuirkText = map[string][2]string{
	"ended-without-end-date": {"ended (True) with no end date", "end unknown, censored at the start"},
	"end-before-start":       {"with an end date before the agreement date", "flagged, end unknown, censored at the start"},
}

func readUCDPRow(s *sheet) (dataset.Deal, bool) {
	before := len(s.errs)
	paid := s.cell("paid")
	if paid == "" || strings.ContainsAny(paid, " ;@") {
		s.bad("paid", fmt.Errorf("%w %q: want the UCDP agreement number", dataset.ErrBadID, paid))
	}
	start, err := dataset.ParseDate(s.cell("pa_date"))
	if err != nil {
		s.bad("pa_date", err)
	} else if start.IsZero() {
		s.bad("pa_date", fmt.Errorf("%w: every agreement needs pa_date", dataset.ErrRequired))
	}
	end, err := dataset.ParseDate(s.cell("duration"))
	if err != nil {
		s.bad("duration", fmt.Errorf("duration holds the end date: %w", err))
	}
	ended := s.cell("ended")
	if ended != "" && ended != "True" && ended != "False" {
		s.bad("ended", fmt.Errorf("%w: %q (want True, False or blank)", dataset.ErrCategory, ended))
	}
	if len(s.errs) > before {
		return dataset.Deal{}, false
	}
	third := s.cell("pa_3rd")
	conflictType := "intrastate"
	if interstateDyad.MatchString(s.cell("dyad_name")) {
		conflictType = "interstate"
	}
	country, _, _ := strings.Cut(s.cell("conflict_name"), ":")
	d := dataset.Deal{
		ID:       "ucdp-pad-" + paid,
		Name:     s.cell("pa_name"),
		Kind:     dataset.KindAgreement,
		Start:    start,
		Region:   Regions()[s.cell("region")],
		Mediator: third,
		Line:     s.line,
		Attrs: dataset.MakeAttrs(map[string]string{
			"paid": paid, "country": strings.TrimSpace(country), "conflict_type": conflictType,
			"third_party": yesNo(third != ""), "ended": ended,
		}),
	}
	switch {
	case ended != "True":
		d.EndType, d.LastSeen = dataset.EndTypeUnknown, UCDPPADCoverage()
	case end.IsZero():
		d.EndType, d.LastSeen = dataset.EndTypeUnknown, start
		d.Attrs.Set("quirk", "ended-without-end-date")
	case end.Before(start):
		d.EndType, d.LastSeen = dataset.EndTypeUnknown, start
		d.Attrs.Set("quirk", "end-before-start")
		d.Attrs.Set("ucdp_end", end.String())
	default:
		d.EndType, d.End = dataset.EndTypeBreakdown, end
	}
	return d, true
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// UCDPPADCoverage returns the last day UCDP PAD v22.1 covers; agreements
// not recorded as ended are censored there.
func UCDPPADCoverage() dataset.Date { return uCDPPADCoverage }
