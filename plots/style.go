package plots

import (
	"image/color"
	"sync"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/truce-lab/truce/dataset"
)

// Meta is what every chart states besides its data.
//
// Title is required in spirit (a chart without one gets a generic title).
// Subtitle states the finding in one sentence; when it is empty the chart
// computes one from its data. Version and AsOf name the dataset release and
// the date up to which reporting was reviewed; they make the source line.
// Notes are extra lines printed above the source line (for instance how a
// subgroup was defined). Height, when not 0, replaces the height the
// chart is designed with (DefaultSize), for a chart that must fit a page:
// the text keeps its size and the plot area takes the difference, but
// keeps at least 1.5 inches (the chart is then taller than asked), and no
// chart is taller than 40 inches.
type Meta struct {
	Title, Subtitle string
	Version         string
	AsOf            dataset.Date
	Notes           []string
	Height          vg.Length
}

// SourceLine returns the line printed at the bottom of every chart.
func (m Meta) SourceLine() string {
	v := m.Version
	if v == "" {
		v = "?"
	}
	asOf := m.AsOf.String()
	if asOf == "" {
		asOf = "unknown date"
	}
	return "Source: truce dataset v" + v + ", as of " + asOf + "; sources in the codebook."
}

// The Okabe–Ito palette (M. Okabe and K. Ito, Color Universal Design, 2002),
// safe for the common forms of colour blindness.
var (
	black         = color.RGBA{0x00, 0x00, 0x00, 0xff}
	orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	skyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	bluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	blue          = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	reddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
	grey          = color.RGBA{0x99, 0x99, 0x99, 0xff}
)

var (
	inkDark  = color.RGBA{0x22, 0x22, 0x22, 0xff}
	inkMid   = color.RGBA{0x55, 0x55, 0x55, 0xff}
	inkLight = color.RGBA{0xbb, 0xbb, 0xbb, 0xff}
	white    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gridGrey = color.RGBA{0xe4, 0xe4, 0xe4, 0xff}
	bandGrey = color.RGBA{0xf0, 0xf0, 0xf0, 0xff}
)

// palette returns the colour of a category value; values it does not know
// are grey.
type palette map[string]color.Color

// Of returns the colour of value v.
func (p palette) Of(v string) color.Color {
	if c, ok := p[v]; ok {
		return c
	}
	return grey
}

// endTypeColors colours the end_type vocabulary.
var endTypeColors = palette{
	"breakdown":  vermillion,
	"expired":    blue,
	"superseded": skyBlue,
	"ongoing":    bluishGreen,
	"unknown":    grey,
}

// mediatorColors colours the mediator_type vocabulary.
var mediatorColors = palette{
	"jirga":                orange,
	"religious-party":      bluishGreen,
	"afghan-taliban":       vermillion,
	"government-committee": blue,
	"none":                 reddishPurple,
	"unknown":              grey,
}

// brokenByColors colours the broken_by vocabulary.
var brokenByColors = palette{
	"militants":   vermillion,
	"state":       blue,
	"third-party": reddishPurple,
	"mutual":      bluishGreen,
	"disputed":    orange,
	"none":        skyBlue,
	"unknown":     grey,
}

// Font sizes, in points, chosen for a chart printed about 7–9 inches wide.
const (
	titleSize    = 16
	subtitleSize = 12
	labelSize    = 11
	tickSize     = 10
	smallSize    = 9
	sourceSize   = 8.5
)

var fontsOnce sync.Once

// useSans makes Liberation Sans the default font of gonum/plot. Both
// plot.DefaultFont and plotter.DefaultFont (which plotter captures at
// init) are set, once, before any chart is built. Every style this package
// builds also names the font explicitly, so the charts do not depend on the
// globals; the globals make plotters created by callers match.
func useSans() {
	fontsOnce.Do(func() {
		plot.DefaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
		plotter.DefaultFont = plot.DefaultFont
	})
}

func sans(size float64, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(size)}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

func textStyle(size float64, bold bool, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    sans(size, bold),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}

// newPlot returns a plot with the house style: sans-serif text at readable
// sizes, no title (the frame draws it), light axes.
func newPlot() *plot.Plot {
	useSans()
	p := plot.New()
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(labelSize, false)
		a.Label.TextStyle.Color = inkDark
		a.Tick.Label.Font = sans(tickSize, false)
		a.Tick.Label.Color = inkDark
		a.Color = inkMid
		a.Tick.Color = inkMid
		a.LineStyle.Color = inkMid
	}
	p.Legend.TextStyle.Font = sans(tickSize, false)
	p.Title.TextStyle.Font = sans(titleSize, true)
	return p
}

// CategoryColor returns the colour the charts give a value of a category
// column (end_type, mediator_type, broken_by, end_event), so that a chart
// built elsewhere (a plots.Curve) matches the timeline; nil for a column
// without a palette, which lets the chart choose.
func CategoryColor(column, value string) color.Color {
	p, ok := map[string]palette{"end_type": endTypeColors, "mediator_type": mediatorColors, "broken_by": brokenByColors, "end_event": endEventColors}[column]
	if !ok {
		return nil
	}
	return p.Of(value)
}
