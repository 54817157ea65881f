// Package plots draws the briefing charts of the truce dataset with
// gonum.org/v1/plot.
//
// Every chart is a function that returns a *plot.Plot and an error, so it can
// be tested, composed and saved like any other gonum plot. The returned plot
// is a framed figure: a bold title, a subtitle that states the finding, a
// legend row above the data, the chart body, notes, and a source line
//
//	Source: truce dataset v<version>, as of <date>; sources in the codebook.
//
// at the bottom. Meta carries the title, subtitle, version and as-of date.
// The charts use the Okabe–Ito colour-blind-safe palette and Liberation Sans.
//
// Save and Render write PNG, SVG or PDF that look the same: SVG embeds
// its two font faces subset to the characters drawn (about 130 KB a chart),
// PDF embeds them as Unicode fonts (so "Kaplan–Meier" keeps its en dash
// and titles their bold face), and PNG is written by a faster encoder
// (pngCanvas: cached glyphs, an exact palette where a chart has at most 256
// colours). Each chart remembers a default size suited to its content
// (DefaultSize), which RenderOptions can override within the limits that
// CheckSize states; Save writes atomically. PNG and SVG output is
// byte-identical across runs for the same input; PDF embeds a creation
// date.
//
// Cost grows linearly with the data: charts with one row per deal show the
// first MaxRows deals and say so, the concessions scatter labels only the
// extreme deals beyond 60 points, and every label is clipped (with an
// ellipsis) to 60 characters. Category values and column names are shown
// through dataset.Label and dataset.ColumnLabel.
//
// The data each chart is drawn from is built by small pure functions
// (durationBars, timelineRows, stepPoints, placeLabels, ...) that the tests
// check directly; the pictures themselves were checked by eye.
//
// Imports run one way: plots uses dataset and analysis, never cmd.
package plots
