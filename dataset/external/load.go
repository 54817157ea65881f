package external

import (
	"fmt"
	"slices"
	"strings"

	"github.com/truce-lab/truce/dataset"
)

// formats are the external file formats Load reads, as the command line
// names them (--data-format).
var formats = []string{"ethprio", "ucdp-pad"}

// Load reads a file in one of Formats(): "ethprio" (ReadEthPrioFile, one deal
// per ceasefire) or "ucdp-pad" (ReadUCDPPADFile, one deal per agreement).
// The caller must show Data.Warnings beside any result.
func Load(path, format string) (*Data, error) {
	switch format {
	case "ethprio":
		return ReadEthPrioFile(path)
	case "ucdp-pad":
		return ReadUCDPPADFile(path)
	}
	return nil, fmt.Errorf("data format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// CheckFormat checks a data format: "" or "truce" (truce's own CSV), or
// one of Formats().
func CheckFormat(format string) error {
	if format != "" && format != "truce" && !slices.Contains(Formats(), format) {
		return fmt.Errorf("external: want truce, %s", strings.Join(Formats(), " or "))
	}
	return nil
}

// LoadData reads the deals an analysis studies: with path "" the embedded
// dataset (dataset.Load, deals and provenance); else path as a Data with
// deals only, a truce CSV (dataset.ReadFile) in format "" or "truce", or
// Load's deals in one of Formats(), with its warnings, which the caller must
// show beside any result.
func LoadData(path, format string) (*dataset.Data, []string, error) {
	switch {
	case path == "":
		data, err := dataset.Load()
		return data, nil, err
	case format == "" || format == "truce":
		deals, err := dataset.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		return &dataset.Data{Deals: deals}, nil, nil
	}
	ext, err := Load(path, format)
	if err != nil {
		return nil, nil, err
	}
	return &dataset.Data{Deals: ext.Deals}, ext.Warnings, nil
}

// Formats returns the external file formats Load reads, as the command
// line names them (--data-format).
func Formats() []string { return slices.Clone(formats) }
