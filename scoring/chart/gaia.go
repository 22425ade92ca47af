package chart

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/socialseat/socialseat/scoring"
)

// GAIA draws a GAIA plane ([scoring.GAIAResult], Mareschal & Brans 1988):
// each alternative as a labelled point, each criterion as an axis from the
// origin, and the decision stick π, the projected weights, as a thick
// arrow-like line ending in a diamond. Criterion axes and the stick are
// scaled together so that the longest reaches the farthest alternative;
// only their directions and relative lengths carry meaning. Both axes use
// the same scale, so angles read true. The title reports δ, the share of
// the information the plane keeps; below about 60–70 % read it with care.
//
// Options.Limit keeps the Limit alternatives that project farthest along
// the decision stick (the best placed by the weights).
func GAIA(r *scoring.GAIAResult, opts Options) (*Chart, error) {
	if r == nil {
		return nil, &DataError{Path: "result", Row: -1, Col: -1, Err: ErrEmpty, Detail: "nil result"}
	}
	m, n := len(r.Alternatives), len(r.Criteria)
	switch {
	case m == 0:
		return nil, &DataError{Path: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	case n == 0:
		return nil, &DataError{Path: "criteria", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no criteria"}
	case len(r.AlternativePoints) != m:
		return nil, dataErr("alternative_points", -1, -1, ErrLength, "%d points for %d alternatives", len(r.AlternativePoints), m)
	case len(r.CriterionAxes) != n:
		return nil, dataErr("criterion_axes", -1, -1, ErrLength, "%d axes for %d criteria", len(r.CriterionAxes), n)
	case !(r.Delta >= 0 && r.Delta <= 1):
		return nil, dataErr("delta", -1, -1, ErrValue, "%v (want a share in [0, 1])", r.Delta)
	case !finite(r.DecisionStick.X) || !finite(r.DecisionStick.Y):
		return nil, dataErr("decision_stick", -1, -1, ErrValue, "%v", r.DecisionStick)
	}
	for i, pt := range r.AlternativePoints {
		if !finite(pt.X) || !finite(pt.Y) {
			return nil, dataErr("alternative_points", i, -1, ErrValue, "%v", pt)
		}
	}
	for j, pt := range r.CriterionAxes {
		if !finite(pt.X) || !finite(pt.Y) {
			return nil, dataErr("criterion_axes", -1, j, ErrValue, "%v", pt)
		}
	}
	f, err := newFrame(opts, "GAIA plane (δ = "+pct(r.Delta)+" of the information)")
	if err != nil {
		return nil, err
	}

	shown := make([]int, m)
	for i := range shown {
		shown[i] = i
	}
	stick := r.DecisionStick
	if f.opts.Limit > 0 && f.opts.Limit < m {
		along := func(i int) float64 { return r.AlternativePoints[i].X*stick.X + r.AlternativePoints[i].Y*stick.Y }
		sortStableDesc(shown, along)
		shown = shown[:f.opts.Limit]
	}

	// Scale the axes and the stick to the alternatives' spread.
	reach := 0.0
	for _, i := range shown {
		reach = math.Max(reach, math.Hypot(r.AlternativePoints[i].X, r.AlternativePoints[i].Y))
	}
	longest := math.Hypot(stick.X, stick.Y)
	for _, a := range r.CriterionAxes {
		longest = math.Max(longest, math.Hypot(a.X, a.Y))
	}
	if reach == 0 {
		reach = 1
	}
	scale := 0.0
	if longest > 0 {
		scale = reach / longest
	}

	p := f.plot
	gs := draw.LineStyle{Color: colGrid, Width: 0.5}
	p.Add(&plotter.Grid{Vertical: gs, Horizontal: gs})
	axisStyle := draw.LineStyle{Color: colMuted, Width: 1}
	var names labels
	for j, a := range r.CriterionAxes {
		x, y := a.X*scale, a.Y*scale
		p.Add(&polyline{xs: []float64{0, x}, ys: []float64{0, y}, style: axisStyle})
		xa := draw.XLeft
		if x < 0 {
			xa = draw.XRight
		}
		names = append(names, label{x: x, y: y, dx: 3 * signOf(x), text: truncate(clean(r.Criteria[j]), 40),
			style: f.st.label(colMuted, xa, draw.YCenter)})
	}
	f.legend = append(f.legend, legendEntry{label: "criterion", thumb: lineThumb(axisStyle)})
	dot := draw.GlyphStyle{Color: colBlue, Radius: 3.5, Shape: draw.CircleGlyph{}}
	var pts marks
	for _, i := range shown {
		pt := r.AlternativePoints[i]
		pts = append(pts, mark{x: pt.X, y: pt.Y, style: dot})
		names = append(names, label{x: pt.X, y: pt.Y, dx: 5, dy: 5, text: truncate(clean(r.Alternatives[i]), 40),
			style: f.st.label(colText, draw.XLeft, draw.YBottom)})
	}
	p.Add(pts)
	f.legend = append(f.legend, legendEntry{label: "alternative", thumb: glyphThumb(dot)})
	stickStyle := draw.LineStyle{Color: colVermillion, Width: 2.5}
	sx, sy := stick.X*scale, stick.Y*scale
	p.Add(&polyline{xs: []float64{0, sx}, ys: []float64{0, sy}, style: stickStyle})
	tip := draw.GlyphStyle{Color: colVermillion, Radius: 4.5, Shape: diamondGlyph{}}
	p.Add(marks{{x: sx, y: sy, style: tip}})
	f.legend = append(f.legend, legendEntry{label: "decision stick π (the weights)", thumb: lineThumb(stickStyle)})
	p.Add(names)

	// Equal scales on both axes around the origin.
	lim := reach * 1.25
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -lim, lim, -lim, lim
	p.X.Label.Text = "first principal component"
	p.Y.Label.Text = "second principal component"
	f.plotH = f.opts.Width - 2*margin - 4*f.st.fontSize
	return f.finish()
}

func signOf(x float64) vg.Length {
	if x < 0 {
		return -1
	}
	return 1
}

// sortStableDesc orders idx by decreasing key, keeping ties in order.
func sortStableDesc(idx []int, key func(int) float64) {
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(key(b), key(a)) })
}
