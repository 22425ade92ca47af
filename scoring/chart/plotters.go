package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The plotters below are small, single-purpose implementations of
// plot.Plotter. They draw exactly one SVG path per rectangle, glyph or
// line, so the output's structure can be tested.

// rect is a filled rectangle in data coordinates.
type rect struct {
	x0, x1, y0, y1 float64
	fill           color.Color
}

// rects draws filled rectangles, optionally separated by a thin white
// outline so that adjacent segments of a stacked bar stay apart even
// where their colours are close.
type rects struct {
	items     []rect
	separated bool
}

func (r *rects) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, it := range r.items {
		x0, x1, y0, y1 := trX(it.x0), trX(it.x1), trY(it.y0), trY(it.y1)
		pts := []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}, {X: x1, Y: y1}, {X: x1, Y: y0}}
		if poly := c.ClipPolygonXY(pts); len(poly) > 0 {
			c.FillPolygon(it.fill, poly)
		}
		if r.separated {
			sep := draw.LineStyle{Color: colWhite, Width: 0.75}
			c.StrokeLines(sep, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

func (r *rects) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, it := range r.items {
		xmin = math.Min(xmin, math.Min(it.x0, it.x1))
		xmax = math.Max(xmax, math.Max(it.x0, it.x1))
		ymin = math.Min(ymin, math.Min(it.y0, it.y1))
		ymax = math.Max(ymax, math.Max(it.y0, it.y1))
	}
	return xmin, xmax, ymin, ymax
}

// label is a text at a data position, shifted by dx, dy.
type label struct {
	x, y   float64
	dx, dy vg.Length
	text   string
	style  text.Style
}

// labels draws text at data positions. It does not take part in fitting
// the axes.
type labels []label

func (ls labels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, l := range ls {
		c.FillText(l.style, vg.Point{X: trX(l.x) + l.dx, Y: trY(l.y) + l.dy}, l.text)
	}
}

// polyline is a line through data points.
type polyline struct {
	xs, ys []float64
	style  draw.LineStyle
}

func (l *polyline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, len(l.xs))
	for i := range l.xs {
		pts[i] = vg.Point{X: trX(l.xs[i]), Y: trY(l.ys[i])}
	}
	c.StrokeLines(l.style, c.ClipLinesXY(pts)...)
}

func (l *polyline) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i := range l.xs {
		xmin, xmax = math.Min(xmin, l.xs[i]), math.Max(xmax, l.xs[i])
		ymin, ymax = math.Min(ymin, l.ys[i]), math.Max(ymax, l.ys[i])
	}
	return xmin, xmax, ymin, ymax
}

// vline is a vertical line across the whole plot area at data x.
type vline struct {
	x     float64
	style draw.LineStyle
}

func (v *vline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := trX(v.x)
	c.StrokeLine2(v.style, x, c.Min.Y, x, c.Max.Y)
}

func (v *vline) DataRange() (xmin, xmax, ymin, ymax float64) {
	return v.x, v.x, math.Inf(1), math.Inf(-1)
}

// mark is a glyph at a data position.
type mark struct {
	x, y  float64
	style draw.GlyphStyle
}

// marks draws glyphs at data positions.
type marks []mark

func (ms marks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, m := range ms {
		c.DrawGlyph(m.style, vg.Point{X: trX(m.x), Y: trY(m.y)})
	}
}

func (ms marks) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, m := range ms {
		xmin, xmax = math.Min(xmin, m.x), math.Max(xmax, m.x)
		ymin, ymax = math.Min(ymin, m.y), math.Max(ymax, m.y)
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnails for legend entries.

func swatch(fill color.Color) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		c.FillPolygon(fill, []vg.Point{c.Min, {X: c.Min.X, Y: c.Max.Y}, c.Max, {X: c.Max.X, Y: c.Min.Y}})
	}
}

func lineThumb(sty draw.LineStyle) func(c *draw.Canvas) {
	return func(c *draw.Canvas) {
		y := c.Center().Y
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

func glyphThumb(sty draw.GlyphStyle) func(c *draw.Canvas) {
	return func(c *draw.Canvas) { c.DrawGlyphNoClip(sty, c.Center()) }
}

// seriesDashes returns the dash pattern of line series i: solid for the
// first eight series (one per Okabe–Ito colour), then dashed, dotted and
// dash-dotted as the colours repeat.
func seriesDashes(i int) []vg.Length {
	switch (i / len(okabeIto)) % 4 {
	case 1:
		return []vg.Length{6, 3}
	case 2:
		return []vg.Length{1.5, 2}
	case 3:
		return []vg.Length{6, 2, 1.5, 2}
	}
	return nil
}

// seriesGlyph returns the glyph shape of point series i; shapes and
// colours both vary, so points stay distinguishable without colour.
func seriesGlyph(i int) draw.GlyphDrawer {
	shapes := [...]draw.GlyphDrawer{
		draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{},
		draw.RingGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PlusGlyph{},
	}
	return shapes[i%len(shapes)]
}
