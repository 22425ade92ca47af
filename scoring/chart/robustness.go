package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// AcceptabilityData is the input of [Acceptability]: the rank
// acceptability indices of a stochastic multicriteria acceptability
// analysis (SMAA-2; Lahdelma & Salminen 2001), as plain data.
type AcceptabilityData struct {
	// Alternatives are the alternatives' names, in the order the rows are
	// drawn (top to bottom).
	Alternatives []string
	// Shares[i][k] is the share of the sampled weights under which
	// alternative i takes rank k+1, in [0, 1]. Every row has the same
	// length, the number of ranks shown (usually one per alternative).
	Shares [][]float64
	// Confidence, if set, has one entry per alternative: the confidence
	// factor in [0, 1] (the share of the sampled criteria values under
	// which the alternative wins with its central weights). It is printed
	// after the alternative's name. Nil omits it.
	Confidence []float64
}

// Acceptability draws rank acceptability as a heat map: one row per
// alternative, one column per rank (1st, 2nd, …), each cell shaded by its
// share on a single-hue white-to-blue scale and labelled with the share as
// a percentage ("<1%" for a small positive share, nothing for zero). A
// row read from the left says how likely the alternative is to come first,
// second and so on when the weights vary.
//
// Errors wrap [ErrEmpty] (no alternatives or no ranks), [ErrLength] (rows
// not one per alternative, ragged rows, a confidence list of the wrong
// length) or [ErrValue] (a share or confidence outside [0, 1] or not
// finite), or come from invalid [Options]. The data is not modified.
func Acceptability(d AcceptabilityData, opts Options) (*Chart, error) {
	m := len(d.Alternatives)
	if m == 0 {
		return nil, &DataError{Field: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	}
	if len(d.Shares) != m {
		return nil, dataErr("shares", -1, -1, ErrLength, "%d rows for %d alternatives", len(d.Shares), m)
	}
	ranks := len(d.Shares[0])
	if ranks == 0 {
		return nil, &DataError{Field: "shares", Row: 0, Col: -1, Err: ErrEmpty, Detail: "no ranks"}
	}
	for i, row := range d.Shares {
		if len(row) != ranks {
			return nil, dataErr("shares", i, -1, ErrLength, "%d ranks, want %d like row 0", len(row), ranks)
		}
		for k, v := range row {
			if !isShare(v) {
				return nil, dataErr("shares", i, k, ErrValue, "%v is not in [0, 1]", v)
			}
		}
	}
	if d.Confidence != nil {
		if len(d.Confidence) != m {
			return nil, dataErr("confidence", -1, -1, ErrLength, "%d values for %d alternatives", len(d.Confidence), m)
		}
		for i, v := range d.Confidence {
			if !isShare(v) {
				return nil, dataErr("confidence", i, -1, ErrValue, "%v is not in [0, 1]", v)
			}
		}
	}

	f, err := newFrame(opts, "How sure is the ranking? Share of plausible weightings giving each rank")
	if err != nil {
		return nil, err
	}
	names := make([]string, m)
	for i, n := range d.Alternatives {
		names[i] = n
		if d.Confidence != nil {
			names[i] += " (confidence " + pct(d.Confidence[i]) + ")"
		}
	}
	lbls, lines := f.categories(names)
	f.categoryAxisY(lbls)
	f.rows, f.rowH = m, f.rowHeight(lines, 22)

	cells := &rects{separated: true}
	var texts labels
	for i, row := range d.Shares {
		y := float64(m - 1 - i)
		for k, v := range row {
			v = clamp01(v)
			cells.items = append(cells.items, rect{
				x0: float64(k) - 0.5, x1: float64(k) + 0.5, y0: y - 0.5, y1: y + 0.5, fill: ramp(v),
			})
			if t := percent(v); t != "" {
				texts = append(texts, label{x: float64(k), y: y, text: t,
					style: f.st.label(rampText(v), draw.XCenter, draw.YCenter)})
			}
		}
	}
	p := f.plot
	p.Add(cells, texts)
	ticks := make([]plot.Tick, ranks)
	for k := range ticks {
		ticks[k] = plot.Tick{Value: float64(k), Label: ordinal(k + 1)}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Length = 0
	p.X.Width = 0
	p.X.Padding = 2
	p.X.Min, p.X.Max = -0.5, float64(ranks)-0.5
	p.X.Label.Text = "rank"
	return f.finish()
}

// isShare reports whether v is a finite share in [0, 1], allowing for
// rounding by 1e-9.
func isShare(v float64) bool {
	return !math.IsNaN(v) && v >= -1e-9 && v <= 1+1e-9
}

// SensitivityData is the input of [Sensitivity]: how the alternatives'
// scores change as one criterion's weight moves while the other weights
// keep their proportions (one-at-a-time sensitivity analysis).
type SensitivityData struct {
	// Criterion is the name of the criterion whose weight varies.
	Criterion string
	// Alternatives are the alternatives' names.
	Alternatives []string
	// Weights are the weights tried for the criterion, strictly
	// increasing, at least two.
	Weights []float64
	// Scores[i][k] is alternative i's score when the criterion has weight
	// Weights[k].
	Scores [][]float64
	// Current is the weight the criterion actually has; it is marked with a
	// dashed vertical line and must lie within the range of Weights.
	Current float64
	// Reversals are the points where two alternatives swap places; each
	// is marked with a ring on the curves.
	Reversals []Reversal
	// LowerIsBetter says that a lower score is better (as for VIKOR's Q);
	// the axis label says so.
	LowerIsBetter bool
}

// Reversal is a point in a sensitivity analysis where alternatives A and B
// (indices into SensitivityData.Alternatives) change order, at the given
// weight of the varied criterion.
type Reversal struct {
	Weight float64
	A, B   int
}

// Sensitivity draws one line per alternative: its score against the weight
// of one criterion. A dashed vertical line marks the current weight and a
// black ring marks each rank reversal, drawn on alternative A's curve
// (interpolated linearly between grid points). Lines take the Okabe–Ito
// colours in order; from the ninth alternative on, the colours repeat with
// dashed, dotted and dash-dotted lines. The x axis shows weights as
// percentages.
//
// Errors wrap [ErrEmpty] (no alternatives), [ErrLength] (fewer than two
// weights, scores not one row per alternative or not one per weight) or
// [ErrValue] (a value that is not finite, weights that do not increase, a
// current or reversal weight outside the range of Weights, a reversal
// naming an unknown alternative), or come from invalid [Options].
func Sensitivity(d SensitivityData, opts Options) (*Chart, error) {
	m, g := len(d.Alternatives), len(d.Weights)
	if m == 0 {
		return nil, &DataError{Field: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	}
	if g < 2 {
		return nil, dataErr("weights", -1, -1, ErrLength, "%d weights; need at least 2", g)
	}
	for k, w := range d.Weights {
		if !finite(w) || (k > 0 && w <= d.Weights[k-1]) {
			return nil, dataErr("weights", -1, k, ErrValue, "%v (weights must be finite and strictly increasing)", w)
		}
	}
	if len(d.Scores) != m {
		return nil, dataErr("scores", -1, -1, ErrLength, "%d rows for %d alternatives", len(d.Scores), m)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, row := range d.Scores {
		if len(row) != g {
			return nil, dataErr("scores", i, -1, ErrLength, "%d scores for %d weights", len(row), g)
		}
		for k, v := range row {
			if !finite(v) {
				return nil, dataErr("scores", i, k, ErrValue, "%v", v)
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	wmin, wmax := d.Weights[0], d.Weights[g-1]
	if !finite(d.Current) || d.Current < wmin || d.Current > wmax {
		return nil, dataErr("current", -1, -1, ErrValue, "%v outside [%v, %v]", d.Current, wmin, wmax)
	}
	for r, rv := range d.Reversals {
		switch {
		case !finite(rv.Weight) || rv.Weight < wmin || rv.Weight > wmax:
			return nil, dataErr("reversals", r, -1, ErrValue, "weight %v outside [%v, %v]", rv.Weight, wmin, wmax)
		case rv.A < 0 || rv.A >= m || rv.B < 0 || rv.B >= m || rv.A == rv.B:
			return nil, dataErr("reversals", r, -1, ErrValue, "alternatives %d and %d (have %d)", rv.A, rv.B, m)
		}
	}

	crit := strings.Join(strings.Fields(clean(d.Criterion)), " ")
	if crit == "" {
		crit = "the criterion"
	}
	f, err := newFrame(opts, "Scores as the weight of "+crit+" changes")
	if err != nil {
		return nil, err
	}
	p := f.plot
	gs := draw.LineStyle{Color: colGrid, Width: 0.5}
	p.Add(&plotter.Grid{Vertical: gs, Horizontal: gs})
	for i, row := range d.Scores {
		sty := draw.LineStyle{Color: seriesColor(i), Width: 1.75, Dashes: seriesDashes(i)}
		p.Add(&polyline{xs: d.Weights, ys: row, style: sty})
		f.legend = append(f.legend, legendEntry{label: d.Alternatives[i], thumb: lineThumb(sty)})
	}
	cur := draw.LineStyle{Color: colMuted, Width: 1, Dashes: []vg.Length{4, 3}}
	p.Add(&vline{x: d.Current, style: cur})
	f.legend = append(f.legend, legendEntry{label: "current weight (" + pct(d.Current) + ")", thumb: lineThumb(cur)})
	if len(d.Reversals) > 0 {
		ring := draw.GlyphStyle{Color: colText, Radius: 4, Shape: draw.RingGlyph{}}
		var ms marks
		for _, rv := range d.Reversals {
			ms = append(ms, mark{x: rv.Weight, y: interpolate(d.Weights, d.Scores[rv.A], rv.Weight), style: ring})
		}
		p.Add(ms)
		f.legend = append(f.legend, legendEntry{label: "rank reversal", thumb: glyphThumb(ring)})
	}
	if hi-lo == 0 {
		lo, hi = lo-0.5, hi+0.5
	}
	pad := (hi - lo) * 0.05
	p.Y.Min, p.Y.Max = lo-pad, hi+pad
	p.X.Min, p.X.Max = wmin, wmax
	p.X.Tick.Marker = percentTicks{}
	p.X.Label.Text = strings.Join(wrap("weight of "+crit, f.opts.Width-2*margin, f.st.width), "\n")
	better := "higher is better"
	if d.LowerIsBetter {
		better = "lower is better"
	}
	p.Y.Label.Text = "score (" + better + ")"
	p.Y.Tick.Label.Font = f.st.font(f.st.fontSize, false)
	f.plotH = max(f.opts.Width*0.45, 12*f.st.fontSize)
	return f.finish()
}

// titleHeight returns the space the title takes above the plot.
func titleHeight(f *frame) vg.Length {
	if f.title == "" {
		return 0
	}
	return vg.Length(strings.Count(f.title, "\n")+1)*f.st.fontSize*4/3 + f.st.fontSize*1.6
}

// interpolate returns the value of the piecewise-linear curve (xs, ys) at
// x, which lies within the range of the strictly increasing xs.
func interpolate(xs, ys []float64, x float64) float64 {
	for k := 1; k < len(xs); k++ {
		if x <= xs[k] {
			t := (x - xs[k-1]) / (xs[k] - xs[k-1])
			return ys[k-1] + t*(ys[k]-ys[k-1])
		}
	}
	return ys[len(ys)-1]
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// percentTicks are gonum/plot's default ticks labelled as percentages.
type percentTicks struct{}

func (percentTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = pct(ts[i].Value)
		}
	}
	return ts
}
