package dataset

import (
	"slices"
	"strings"
	"testing"
)

// TestFrameOf checks that FrameOf builds the survival columns and the
// named ones only, each equal to FrameAt's column of the same name.
func TestFrameOf(t *testing.T) {
	deals, err := Read(strings.NewReader(userCSV))
	if err != nil {
		t.Fatal(err)
	}
	asOf := MustDate("2010-01-01")
	full := FrameAt(deals, asOf)
	tests := []struct {
		name string
		cols []string
		want []string
	}{
		{"default: survival columns only", nil, []string{"id", "days", "event", "counted"}},
		{"grouping columns", []string{"fighters", "decade", "end_type"}, []string{"id", "days", "event", "counted", "fighters", "decade", "end_type"}},
		{"flags and repeats", []string{"has:amnesty", "days", "commits:disarm", "has:amnesty", "start_year"}, []string{"id", "days", "event", "counted", "has:amnesty", "commits:disarm", "start_year"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			df, err := FrameOf(deals, asOf, tt.cols...)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(df.Names(), tt.want) {
				t.Fatalf("columns %v, want %v", df.Names(), tt.want)
			}
			for _, name := range tt.want {
				got, want := df.Col(name), full.Col(name)
				if got.Type() != want.Type() || !slices.Equal(got.Records(), want.Records()) {
					t.Errorf("%s = %v (%s), FrameAt has %v (%s)", name, got.Records(), got.Type(), want.Records(), want.Type())
				}
			}
		})
	}
	for _, bad := range []string{"nosuch", "has:nosuch", "commits:amnesty"} {
		if _, err := FrameOf(deals, asOf, bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("FrameOf(%q): error %v, want one naming the column", bad, err)
		}
	}
}

// TestFrameAtColumns pins the full frame's column count and order of
// families, which FrameAt now builds through the same builder as FrameOf.
func TestFrameAtColumns(t *testing.T) {
	deals, err := Read(strings.NewReader(userCSV))
	if err != nil {
		t.Fatal(err)
	}
	names := FrameAt(deals, AsOf()).Names()
	want := len(columns) + len(derivedColumns) + len(Concessions()) + len(Commitments()) + 1
	if len(names) != want {
		t.Fatalf("%d columns, want %d", len(names), want)
	}
	if names[0] != "id" || names[len(columns)] != "start_year" || names[len(names)-1] != "fighters" {
		t.Errorf("columns %v: want dataset columns, then derived ones, flags and attributes", names)
	}
}
