package dataset

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCitationTextIsShared checks that README.md, LICENSE and CODEBOOK.md
// give the same citation, naming this dataset's Version and AsOf date.
func TestCitationTextIsShared(t *testing.T) {
	want := "Dataset version " + Version + ", as of " + AsOf().String() + "."
	space := regexp.MustCompile(`[\s>*]+`)
	for _, path := range []string{"../README.md", "../LICENSE", "CODEBOOK.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := space.ReplaceAllString(string(b), " ")
		if !strings.Contains(text, "truce project (2026). truce: Pakistan state – Pakistani Taliban peace deals, ceasefires and negotiation rounds, 2004–2026. "+want) {
			t.Errorf("%s does not give the shared citation ending %q", path, want)
		}
	}
}
