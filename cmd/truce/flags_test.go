package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsCheckedFirst: a bad flag is a usage error (exit 2) whose message
// names the flag, returned before any work: nothing is written and the
// message is printed once (issue 14, items 1 and 4).
func TestFlagsCheckedFirst(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	tests := []struct {
		args []string
		flag string // the message starts with it
	}{
		{[]string{"chart", "durations", "-o", out + ".png", "--size", "NaNxNaN"}, "--size"},
		{[]string{"chart", "durations", "-o", out + ".png", "--size", "NaNx5"}, "--size"},
		{[]string{"chart", "durations", "-o", out + ".svg", "--size", "NaNx5"}, "--size"},
		{[]string{"chart", "durations", "-o", out + ".pdf", "--size", "5xInf"}, "--size"},
		{[]string{"chart", "durations", "-o", out + ".png", "--size", "100000x100000"}, "--size"},
		{[]string{"chart", "durations", "-o", out + ".png", "--dpi", "100000"}, "--dpi"},
		{[]string{"report", "-o", out, "--dpi", "-1"}, "--dpi"},
		{[]string{"report", "-o", out, "--dpi", "100000"}, "--dpi"},
		{[]string{"summary", "--tau", "-5"}, "--tau"},
		{[]string{"summary", "--tau", "NaN"}, "--tau"},
		{[]string{"summary", "--tau", "0"}, "--tau"},
		{[]string{"list", "--format", ""}, "--format"},
		{[]string{"summary", "--by", "colour"}, "--by"},
		{[]string{"report", "-o", out, "--by", "colour"}, "--by"},
		{[]string{"compare", "--by", "colour", "--data", "testdata/aml.csv"}, "--by"},
		{[]string{"cox", "--covariates", "nonmaint,nope", "--data", "testdata/aml.csv"}, "--covariates"},
		{[]string{"cox", "--covariates", "nonmaint", "--strata", "nope", "--data", "testdata/aml.csv"}, "--strata"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, err := runCmd(t, tt.args...)
			var ue usageError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.flag+" ") && !strings.HasPrefix(err.Error(), tt.flag+":") {
				t.Errorf("message %q does not start with %s", err, tt.flag)
			}
			if stdout != "" || stderr != "" {
				t.Errorf("printed %q %q before failing", stdout, stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("wrote %v", entries)
			}
		})
	}
}

// failingWriter fails every write, as stdout does on a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestStdoutFailureIsAnError: output that cannot be written fails the
// command (`truce validate > /dev/full`; issue 14, item 4).
func TestStdoutFailureIsAnError(t *testing.T) {
	for _, args := range [][]string{{"validate"}, {"list"}, {"summary"}, {"show", "shakai-2004"}} {
		err := run(args, failingWriter{}, &strings.Builder{})
		if err == nil || !strings.Contains(err.Error(), "no space left on device") {
			t.Errorf("%v: err = %v", args, err)
		}
	}
}

// TestJSONWithNaN: survival on the embedded data (a standard error of NaN
// where the curve reaches 0) and compare with a group without breakdowns
// give valid JSON with null for the values that are not numbers (issue 14,
// item 2).
func TestJSONWithNaN(t *testing.T) {
	for _, args := range [][]string{
		{"survival", "--format", "json"},
		{"survival", "--format", "json", "--by", "mediator_type"},
		{"compare", "--format", "json", "--by", "grp", "--data", "testdata/noevent.csv"},
		{"summary", "--format", "json", "--by", "grp", "--data", "testdata/noevent.csv"},
		{"cox", "--format", "json", "--covariates", "has:sharia"},
	} {
		out, _, err := runCmd(t, args...)
		if err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%v: invalid JSON: %v", args, err)
		}
		if args[0] == "survival" && !strings.Contains(out, `"std_err": null`) {
			t.Errorf("%v: no null standard error", args)
		}
	}
}

// TestTooManyGroupsCommand: compare --by id on 101 deals is a usage error
// that suggests a coarser column (issue 14, item 12).
func TestTooManyGroupsCommand(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,start,end,end_type\n")
	for i := range 101 {
		fmt.Fprintf(&b, "d%d,2004-01-01,2004-%02d-%02d,breakdown\n", i, i/28+2, i%28+1)
	}
	path := filepath.Join(t.TempDir(), "many.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"compare", "summary"} {
		_, _, err := runCmd(t, cmd, "--by", "id", "--data", path)
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "coarser column") || !strings.HasPrefix(err.Error(), "--by") {
			t.Errorf("%s --by id: err = %v", cmd, err)
		}
	}
}
