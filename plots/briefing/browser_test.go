package briefing

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// checkScript runs in the page once it has loaded: it counts the elements
// that reach past the right edge of the viewport and the links, and the
// lines of visible text that start with "Warning", and writes them into
// <pre id="truce-check">, which --dump-dom prints.
const checkScript = `<script>
window.addEventListener('load', function () {
  var w = document.documentElement.clientWidth, over = 0, which = [];
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right > w + 0.5) { over++; if (which.length < 5) which.push(e.tagName + '.' + e.className); }
  });
  var warn = document.body.innerText.split('\n').filter(function (l) { return /^\s*Warning/.test(l); }).length;
  var p = document.createElement('pre');
  p.id = 'truce-check';
  p.textContent = 'overflow=' + over + ' links=' + document.querySelectorAll('a[href]').length + ' warnings=' + warn + ' width=' + w + ' over=' + which.join(',');
  document.body.appendChild(p);
});
</script>`

// chromium returns the headless browser's path, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium; .ci/run installs it): the briefing is not checked in a browser")
	}
	return path
}

// runChromium runs headless Chromium with a private profile and returns
// its standard output.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out.Bytes()
}

// TestBriefingInBrowser loads the briefing of the embedded data in
// headless Chromium at 1280 and 800 px and prints it to PDF: nothing
// overflows the page, every source with an address is a link, at most
// three lines start with "Warning", and it prints on at most 12 Letter
// pages.
func TestBriefingInBrowser(t *testing.T) {
	bin := chromium(t)
	b := embeddedBriefing(t)
	dir := t.TempDir()
	if err := b.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	page := string(b.Files["briefing.html"])
	check := filepath.Join(dir, "check.html")
	if err := os.WriteFile(check, []byte(strings.Replace(page, "</body>", checkScript+"</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	urls := 0
	for _, e := range dealList(b.Analyses) {
		for _, s := range e.sources {
			if s.url != "" {
				urls++
			}
		}
	}
	re := regexp.MustCompile(`<pre id="truce-check">overflow=(\d+) links=(\d+) warnings=(\d+)([^<]*)</pre>`)
	for _, width := range []int{1280, 800} {
		dom := runChromium(t, bin, fmt.Sprintf("--window-size=%d,900", width), "--dump-dom", "file://"+check)
		m := re.FindSubmatch(dom)
		if m == nil {
			t.Fatalf("%d px: no check result in the page", width)
		}
		over, _ := strconv.Atoi(string(m[1]))
		links, _ := strconv.Atoi(string(m[2]))
		warnings, _ := strconv.Atoi(string(m[3]))
		if over != 0 {
			t.Errorf("%d px: %d elements overflow the page (%s)", width, over, html.UnescapeString(string(m[4])))
		}
		if links < urls {
			t.Errorf("%d px: %d links, want at least the %d source addresses", width, links, urls)
		}
		if warnings > 3 {
			t.Errorf("%d px: %d lines start with Warning, want at most 3", width, warnings)
		}
	}
	// The page takes the paper it is printed on: check Letter and A4.
	for _, paper := range []struct {
		name, box string
	}{{"Letter", "/MediaBox [0 0 612 792]"}, {"A4", "/MediaBox [0 0 594.95996 841.91998]"}} {
		src := filepath.Join(dir, "print-"+paper.name+".html")
		withPaper := strings.Replace(page, "</head>", "<style>@page{size:"+paper.name+"}</style></head>", 1)
		if err := os.WriteFile(src, []byte(withPaper), 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(dir, paper.name+".pdf")
		runChromium(t, bin, "--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+src)
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1))
		if pages == 0 || pages > 12 {
			t.Errorf("the briefing prints on %d %s pages, want 1 to 12", pages, paper.name)
		}
		if !bytes.Contains(data, []byte(paper.box)) {
			t.Errorf("the %s print has no %s", paper.name, paper.box)
		}
		t.Logf("%s: %d pages", paper.name, pages)
	}
	t.Logf("%d source links", urls)
}
