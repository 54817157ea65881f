package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"

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
			dpiFlag(fs, o)
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

func runChart(o *options, args []string, w io.Writer) error {
	if len(args) != 1 || !slices.Contains(briefing.ChartNames(), args[0]) {
		return usagef("chart takes one name: %s", strings.Join(briefing.ChartNames(), ", "))
	}
	if o.out == "" {
		return usagef("chart needs -o FILE")
	}
	if err := checkChartFile(o.out); err != nil {
		return err
	}
	opt := plots.RenderOptions{DPI: o.dpi}
	if o.size != "" {
		// check has parsed and checked --size
		opt.Width, opt.Height, _ = plots.ParseSize(o.size)
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

// checkChartFile checks that -o names a file in one of plots.Formats.
func checkChartFile(path string) error {
	if _, err := plots.FormatOf(path); err != nil {
		return flagError("-o "+path, err)
	}
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
