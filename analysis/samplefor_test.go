package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/truce-lab/truce/dataset"
)

// TestSampleForMatchesSampleOf checks that the columns SampleFor builds on
// demand are the ones the full frame has: labels and covariates of text,
// derived, flag and user columns. The user column "score" is text because
// the uncounted deal t6 holds "n/a": the type is decided over all deals,
// as FrameAt decides it.
func TestSampleForMatchesSampleOf(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(testDealsCSV, "\n"), "\n")
	for i, score := range []string{"score", "1", "2", "3", "4", "5", "n/a"} {
		lines[i] += "," + score
	}
	csv := strings.Join(lines, "\n")
	deals, err := dataset.Read(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	asOf := dataset.MustDate("2026-11-22")
	full, err := SampleOf(deals, asOf)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := SampleFor(deals, asOf, "mediator_type")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := lazy.Frame.Names(), append(slices.Clone(dataset.SurvivalColumns()), "mediator_type"); !slices.Equal(got, want) {
		t.Fatalf("SampleFor frame columns = %v, want %v", got, want)
	}
	if !slices.Equal(lazy.Times, full.Times) || !slices.Equal(lazy.Events, full.Events) || !slices.Equal(lazy.IDs, full.IDs) {
		t.Fatalf("survival data differ: %v %v, want %v %v", lazy.Times, lazy.Events, full.Times, full.Events)
	}
	for _, col := range []string{"mediator_type", "trigger", "decade", "has:sharia", "n_concessions", "score"} {
		want, wantErr := full.Labels(col)
		got, err := lazy.Labels(col)
		if (err != nil) != (wantErr != nil) || !slices.Equal(got, want) {
			t.Errorf("Labels(%s) = %v, %v; want %v, %v", col, got, err, want, wantErr)
		}
	}
	for _, col := range []string{"has:amnesty", "n_concessions", "start_year", "score"} {
		want, wantErr := full.Covariate(col)
		got, err := lazy.Covariate(col)
		if (err != nil) != (wantErr != nil) || !slices.Equal(got, want) {
			t.Errorf("Covariate(%s) = %v, %v; want %v, %v", col, got, err, want, wantErr)
		}
	}
	if _, err := lazy.Labels("no_such_column"); err == nil || !strings.Contains(err.Error(), `no column "no_such_column"`) {
		t.Errorf("Labels(no_such_column) error = %v, want no column", err)
	}
}
