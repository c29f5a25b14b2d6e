package main

import (
	"bytes"
	"fmt"
	"image/color"
	"net/http"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
)

// chart serves one of the dashboard's charts as SVG, drawn on the server.
func (a *app) chart(w http.ResponseWriter, r *request) error {
	draw, ok := charts[r.PathValue("name")]
	if !ok {
		return &statusError{code: http.StatusNotFound, msg: "There is no such chart."}
	}
	data, err := a.kpis(r.Context(), r.user.ID)
	if err != nil {
		return err
	}
	svg, err := draw(data)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(svg)
	return err
}

// charts are the dashboard's charts by file name.
var charts = map[string]func(dashboardData) ([]byte, error){
	"mrr.svg":       mrrChart,
	"movements.svg": movementsChart,
	"ageing.svg":    ageingChart,
	"dso.svg":       dsoChart,
}

// Chart colours, in the palette of the style sheet.
var (
	inkColour    = color.RGBA{0x1f, 0x29, 0x37, 0xff}
	blueColour   = color.RGBA{0x25, 0x63, 0xeb, 0xff}
	greenColour  = color.RGBA{0x16, 0xa3, 0x4a, 0xff}
	mintColour   = color.RGBA{0x86, 0xef, 0xac, 0xff}
	amberColour  = color.RGBA{0xf5, 0x9e, 0x0b, 0xff}
	redColour    = color.RGBA{0xdc, 0x26, 0x26, 0xff}
	bucketColour = []color.Color{greenColour, color.RGBA{0xfa, 0xcc, 0x15, 0xff}, amberColour,
		color.RGBA{0xea, 0x58, 0x0c, 0xff}, redColour}
)

// float converts an amount to a float64 for drawing only: billkit keeps
// money in decimals, and a chart needs no more than a pixel's precision.
func float(a money.Amount) float64 {
	if a.Currency() == (money.Currency{}) {
		return 0
	}
	return a.Number().InexactFloat64()
}

// newPlot returns a plot with the dashboard's look and the months as
// its x axis when months is set.
func newPlot(title, yLabel string, months []monthKPIs) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.TextStyle.Color = inkColour
	p.Y.Label.Text = yLabel
	p.Y.Tick.Marker = groupedTicks{}
	p.Add(plotter.NewGrid())
	if months != nil {
		names := make([]string, len(months))
		for i, m := range months {
			names[i] = m.Label
		}
		p.NominalX(names...)
	}
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = vg.Points(10)
	return p
}

// frame pads the x axis half a category on each side of n categories,
// so that no bar or label is cut, and leaves room above the highest value
// for the legend.
func frame(p *plot.Plot, n int, headroom float64) {
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.Y.Max *= headroom
}

// svgOf draws p as an SVG document of the dashboard's chart size.
func svgOf(p *plot.Plot) ([]byte, error) {
	c := vgsvg.New(5.2*vg.Inch, 3.2*vg.Inch)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mrrChart draws the MRR at each month's end.
func mrrChart(d dashboardData) ([]byte, error) {
	p := newPlot("Monthly recurring revenue (EUR)", "", d.Months)
	xys := make(plotter.XYs, len(d.Months))
	for i, m := range d.Months {
		xys[i] = plotter.XY{X: float64(i), Y: float(m.MRR)}
	}
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return nil, err
	}
	line.Color, line.Width = blueColour, vg.Points(2)
	points.Color, points.Shape = blueColour, draw.CircleGlyph{}
	p.Add(line, points)
	p.Y.Min = 0
	frame(p, len(d.Months), 1.1)
	return svgOf(p)
}

// movementsChart draws what moved the MRR each month: new business and
// expansion up, contraction and churn down.
func movementsChart(d dashboardData) ([]byte, error) {
	p := newPlot("MRR movements (EUR)", "", d.Months)
	series := []struct {
		name   string
		colour color.Color
		value  func(kpi.Movements) float64
	}{
		{"New", greenColour, func(m kpi.Movements) float64 { return float(m.New) + float(m.Reactivation) }},
		{"Expansion", mintColour, func(m kpi.Movements) float64 { return float(m.Expansion) }},
		{"Contraction", amberColour, func(m kpi.Movements) float64 { return -float(m.Contraction) }},
		{"Churn", redColour, func(m kpi.Movements) float64 { return -float(m.Churn) }},
	}
	width := vg.Points(11)
	for i, s := range series {
		vs := make(plotter.Values, len(d.Months))
		for j, m := range d.Months {
			vs[j] = s.value(m.Movements)
		}
		bars, err := plotter.NewBarChart(vs, width)
		if err != nil {
			return nil, err
		}
		bars.Color, bars.LineStyle.Width = s.colour, 0
		bars.Offset = width * vg.Length(float64(i)-1.5)
		p.Add(bars)
		p.Legend.Add(s.name, bars)
	}
	p.Add(plotter.NewFunction(func(float64) float64 { return 0 }))
	frame(p, len(d.Months), 1.35)
	return svgOf(p)
}

// ageingChart draws the open receivables by days past their due date.
func ageingChart(d dashboardData) ([]byte, error) {
	p := newPlot(fmt.Sprintf("Receivables ageing on %s (EUR)", formatDay(d.Today)), "", nil)
	buckets := kpi.Buckets()
	names := make([]string, len(buckets))
	for i, b := range buckets {
		names[i] = string(b)
		if b == kpi.BucketCurrent {
			names[i] = "not due"
		} else {
			names[i] += " days"
		}
		vs := make(plotter.Values, len(buckets))
		vs[i] = float(d.Ageing.Amount(b))
		bars, err := plotter.NewBarChart(vs, vg.Points(40))
		if err != nil {
			return nil, err
		}
		bars.Color, bars.LineStyle.Width = bucketColour[i], 0
		p.Add(bars)
	}
	p.NominalX(names...)
	p.Y.Min = 0
	frame(p, len(buckets), 1.1)
	return svgOf(p)
}

// dsoChart draws the days sales outstanding of each month.
func dsoChart(d dashboardData) ([]byte, error) {
	p := newPlot("Days sales outstanding", "days", d.Months)
	var xys plotter.XYs
	for i, m := range d.Months {
		if m.DSOKnown {
			xys = append(xys, plotter.XY{X: float64(i), Y: m.DSO.DSO.InexactFloat64()})
		}
	}
	if len(xys) > 0 {
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = amberColour, vg.Points(2)
		points.Color, points.Shape = amberColour, draw.CircleGlyph{}
		p.Add(line, points)
	}
	p.Y.Min = 0
	frame(p, len(d.Months), 1.15)
	return svgOf(p)
}

// groupedTicks are gonum's default ticks labelled with thousands
// separators and no needless decimals: 12,000 rather than 12000.
type groupedTicks struct{}

// Ticks implements plot.Ticker.
func (groupedTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	for i, t := range ticks {
		if t.Label != "" {
			ticks[i].Label = groupThousands(t.Value)
		}
	}
	return ticks
}

// groupThousands writes v rounded to a whole number with commas between
// thousands.
func groupThousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
