package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/truce-lab/truce/plots"
	"github.com/truce-lab/truce/plots/briefing"
)

func init() {
	register("chart", command{
		summary: "render one chart (" + strings.Join(briefing.ChartNames(), ", ") + ") to -o FILE (.png, .svg or .pdf)",
		args:    "NAME",
		flags: func(fs *flag.FlagSet, o *options) {
			dataFlags(fs, o)
			fs.StringVar(&o.out, "o", "", "output `FILE`; the extension chooses the format (written atomically; a symbolic link is kept and the file it points to replaced)")
			fs.StringVar(&o.by, "by", "mediator_type", "group by this `COL` (survival-by)")
			fs.IntVar(&o.dpi, "dpi", 200, "PNG resolution in dots per inch")
			fs.StringVar(&o.size, "size", "", "page size `WxH` in inches, e.g. 8x5 (default: the chart's own)")
		},
		run: runChart,
	})
	register("table", command{
		summary: "print one briefing table (durations, summary, summary-by-COL, concessions, triggers, sensitivity)",
		args:    "NAME",
		flags: func(fs *flag.FlagSet, o *options) {
			tableFlags(fs, o)
			fs.StringVar(&o.by, "by", "mediator_type", "group by this `COL` (summary-by-COL)")
		},
		run: runTable,
	})
}

// parseSize reads "WxH" in inches; options.check also checks the size
// against plots.CheckSize.
func parseSize(s string) (w, h vg.Length, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	wf, err1 := strconv.ParseFloat(ws, 64)
	hf, err2 := strconv.ParseFloat(hs, 64)
	if !ok || err1 != nil || err2 != nil || wf <= 0 || hf <= 0 {
		return 0, 0, usagef("--size %q: want WxH in inches, e.g. 8x5", s)
	}
	return vg.Length(wf) * vg.Inch, vg.Length(hf) * vg.Inch, nil
}

func runChart(o *options, args []string, w io.Writer) error {
	if len(args) != 1 || !slices.Contains(briefing.ChartNames(), args[0]) {
		return usagef("chart takes one name: %s", strings.Join(briefing.ChartNames(), ", "))
	}
	if o.out == "" {
		return usagef("chart needs -o FILE")
	}
	ext := strings.TrimPrefix(filepath.Ext(o.out), ".")
	if !slices.Contains(plots.Formats(), ext) {
		return usagef("-o %s: the extension must be .png, .svg or .pdf", o.out)
	}
	opt := plots.RenderOptions{DPI: o.dpi}
	if o.size != "" {
		var err error
		if opt.Width, opt.Height, err = parseSize(o.size); err != nil {
			return err
		}
	}
	a, err := o.analysed(args[0])
	if err != nil {
		return err
	}
	p, _, err := briefing.Chart(args[0], a)
	if err != nil {
		return err
	}
	if err := saveChart(p, o.out, opt); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", o.out)
	return nil
}

// saveChart renders p in the format path's extension names and writes it
// with briefing.WriteFile: atomically, through a symbolic link, with
// errors that name path and the real problem.
func saveChart(p *plot.Plot, path string, opt plots.RenderOptions) error {
	var buf bytes.Buffer
	if err := plots.Render(&buf, p, strings.TrimPrefix(filepath.Ext(path), "."), opt); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return briefing.WriteFile(path, buf.Bytes())
}

func runTable(o *options, args []string, w io.Writer) error {
	if len(args) != 1 {
		return usagef("table takes one name: durations, summary, summary-by-COL, concessions, triggers, sensitivity")
	}
	if names := briefing.TableNames(o.by); !slices.Contains(names, args[0]) {
		return usagef("no table %q (tables: %s)", args[0], strings.Join(names, ", "))
	}
	a, err := o.analysed(args[0])
	if err != nil {
		return err
	}
	return briefing.Tables(a)[args[0]].Write(w, o.format)
}
