package external

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// ethRecord returns a one-record ETH/PRIO file with the given cells
// changed; unset cells hold a valid breakdown.
func ethRecord(change map[string]string) string {
	base := map[string]string{"uniq_id": "1", "location": "Pakistan", "region": "3", "actor_name": "TTP",
		"cf_dec_yr": "2008", "cf_dec_month": "5", "cf_dec_day": "27", "cf_effect_yr": "2008", "cf_effect_month": "5", "cf_effect_day": "27",
		"ended": "2", "end_yr": "2008", "end_month": "6", "end_day": "1", "side": "1", "written": "0", "ceasefire_class": "1",
		"mediator_nego": "0", "mediator_send": "0", "p_humanitarian": "0", "p_peaceprocess": "1", "p_holiday": "0",
		"p_election": "0", "p_other": "0", "p_unclear": "0"}
	var cells []string
	for _, c := range ethPrioColumns {
		v := base[c]
		if x, ok := change[c]; ok {
			v = x
		}
		cells = append(cells, v)
	}
	return strings.Join(ethPrioColumns, ",") + "\n" + strings.Join(cells, ",") + "\n"
}

// column returns the 1-based byte column of a field in ethRecord's data
// line, for the expected error positions.
func column(name string, change map[string]string) int {
	line := strings.Split(ethRecord(change), "\n")[1]
	fields := strings.Split(line, ",")
	col := 1
	for i, c := range ethPrioColumns {
		if c == name {
			return col
		}
		col += len(fields[i]) + 1
	}
	return -1
}

func TestReadErrors(t *testing.T) {
	type reader func(string) error
	eth := func(s string) error { _, err := ReadEthPrio(strings.NewReader(s), "cf.csv"); return err }
	pad := func(s string) error { _, err := ReadUCDPPAD(strings.NewReader(s), "pad.csv"); return err }
	pax := func(s string) error { _, err := ReadPAX(strings.NewReader(s), "pax.csv"); return err }
	padHeader := "paid,region,conflict_name,dyad_name,pa_name,pa_date,ended,duration,pa_3rd\n"
	endedBad := map[string]string{"ended": "7"}
	monthBad := map[string]string{"end_month": "13"}
	notNumber := map[string]string{"cf_dec_day": "x"}
	for _, c := range []struct {
		name     string
		read     reader
		input    string
		sentinel error
		prefix   string // file:line:column as reported
	}{
		{"empty", eth, "", dataset.ErrEmpty, "cf.csv: "},
		{"header only", eth, strings.Split(ethRecord(nil), "\n")[0] + "\n", dataset.ErrNoRows, "cf.csv: "},
		{"missing column", eth, "uniq_id,location\n1,Pakistan\n", dataset.ErrMissingColumn, "cf.csv:1: "},
		{"not UTF-8", eth, "uniq_id\n\xff\n", dataset.ErrEncoding, "cf.csv:2: "},
		{"unknown ended code", eth, ethRecord(endedBad), dataset.ErrCategory, "cf.csv:2:" + strconv.Itoa(column("ended", endedBad)) + ": ended: "},
		{"month 13", eth, ethRecord(monthBad), dataset.ErrDate, "cf.csv:2:" + strconv.Itoa(column("end_yr", monthBad)) + ": end_yr: "},
		{"not a number", eth, ethRecord(notNumber), dataset.ErrCategory, "cf.csv:2:" + strconv.Itoa(column("cf_dec_day", notNumber)) + ": cf_dec_day: "},
		{"no start year", eth, ethRecord(map[string]string{"cf_dec_yr": "-1", "cf_effect_yr": "0"}), dataset.ErrRequired, "cf.csv:2:"},
		{"short record", eth, strings.Join(ethPrioColumns, ",") + "\n1,Pakistan\n", dataset.ErrFieldCount, "cf.csv:2: "},
		{"bare quote", eth, strings.Join(ethPrioColumns, ",") + "\n1,Pak\"istan\n", dataset.ErrSyntax, "cf.csv:2:6: "},
		{"pad ended value", pad, padHeader + "1,3,A: B,X - Y,Accord,2000-01-01,Yes,,\n", dataset.ErrCategory, "pad.csv:2:34: ended: "},
		{"pad end not ISO", pad, padHeader + "1,3,A: B,X - Y,Accord,2000-01-01,True,12/05/2000,\n", dataset.ErrDate, "pad.csv:2:39: duration: "},
		{"pad no date", pad, padHeader + "1,3,A: B,X - Y,Accord,,True,,\n", dataset.ErrRequired, "pad.csv:2:23: pa_date: "},
		{"pad duplicate", pad, padHeader + "1,3,A,B,C,2000-01-01,,,\n1,3,A,B,C,2000-01-01,,,\n", dataset.ErrDuplicateID, "pad.csv:3:1: paid: "},
		{"pax date", pax, "AgtId,Agt,Dat\n1531,Shakai,5/7/2004\n", dataset.ErrDate, "pax.csv:2:13: Dat: "},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.read(c.input)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("error %q does not wrap %v", err, c.sentinel)
			}
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %q is not a *dataset.ParseError", err)
			}
			if !strings.HasPrefix(err.Error(), c.prefix) {
				t.Errorf("error %q, want prefix %q", err, c.prefix)
			}
		})
	}
}
