package external

import (
	"fmt"
	"strings"
)

// Formats are the external file formats Load reads, as the command line
// names them (--data-format).
var Formats = []string{"ethprio", "ucdp-pad"}

// Load reads a file in one of Formats: "ethprio" (ReadEthPrioFile, one deal
// per ceasefire) or "ucdp-pad" (ReadUCDPPADFile, one deal per agreement).
// The caller must show Data.Warnings beside any result.
func Load(path, format string) (*Data, error) {
	switch format {
	case "ethprio":
		return ReadEthPrioFile(path)
	case "ucdp-pad":
		return ReadUCDPPADFile(path)
	}
	return nil, fmt.Errorf("data format %q: want one of %s", format, strings.Join(Formats, ", "))
}
