package chart

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/socialseat/socialseat/scoring"
)

// Acceptability draws the rank acceptability of an SMAA-2 analysis
// ([scoring.SMAA]) as a heat map: one row per alternative, one column per
// rank (1st, 2nd, …), each cell shaded by the share of sampled weightings
// that give the alternative that rank, on a single-hue white-to-blue
// scale, and labelled with the share as a percentage ("<1%" for a small
// positive share, nothing for zero). Read along a row, it says how likely
// the alternative is to come first, second and so on when the weights
// vary.
//
// Rows are ordered by the holistic acceptability index (Σ_r α_r b_i^r with
// α_r = (m − r)/(m − 1), as [scoring.SMAAResult].Holistic), most
// acceptable first. Options.Limit, if set, keeps that many rows and rank
// columns; a last column "lower" then holds the rest of each row's share.
// When the analysis had uncertain criterion values (Values set), each
// name is followed by its confidence factor.
//
// Errors wrap [ErrEmpty] (nil result, no alternatives), [ErrLength] (a
// matrix that is not m×m, confidence factors not one per alternative) or
// [ErrValue] (a share or confidence outside [0, 1] or not finite), or come
// from invalid [Options]. The result is not modified.
func Acceptability(r *scoring.SMAAResult, opts Options) (*Chart, error) {
	if r == nil {
		return nil, &DataError{Path: "result", Row: -1, Col: -1, Err: ErrEmpty, Detail: "nil result"}
	}
	m := len(r.Alternatives)
	if m == 0 {
		return nil, &DataError{Path: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	}
	b := r.RankAcceptability
	if len(b) != m {
		return nil, dataErr("rank_acceptability", -1, -1, ErrLength, "%d rows for %d alternatives", len(b), m)
	}
	for i, row := range b {
		if len(row) != m {
			return nil, dataErr("rank_acceptability", i, -1, ErrLength, "%d ranks for %d alternatives", len(row), m)
		}
		for k, v := range row {
			if !isShare(v) {
				return nil, dataErr("rank_acceptability", i, k, ErrValue, "%v is not in [0, 1]", v)
			}
		}
	}
	uncertain := r.Values.Fraction != 0 || r.Values.Fractions != nil
	if uncertain {
		if len(r.Confidence) != m {
			return nil, dataErr("confidence", -1, -1, ErrLength, "%d values for %d alternatives", len(r.Confidence), m)
		}
		for i, v := range r.Confidence {
			if !isShare(v) {
				return nil, dataErr("confidence", i, -1, ErrValue, "%v is not in [0, 1]", v)
			}
		}
	}

	f, err := newFrame(opts, "How sure is the ranking? Share of sampled weightings giving each rank")
	if err != nil {
		return nil, err
	}
	// Order by holistic acceptability, ties by index.
	holistic := make([]float64, m)
	for i, row := range b {
		for k, v := range row {
			alpha := 1.0
			if m > 1 {
				alpha = float64(m-1-k) / float64(m-1)
			}
			holistic[i] += alpha * v
		}
	}
	rows := make([]int, m)
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(x, y int) int { return cmp.Compare(holistic[y], holistic[x]) })
	ranks := m
	if f.opts.Limit > 0 && f.opts.Limit < m {
		rows, ranks = rows[:f.opts.Limit], f.opts.Limit
	}
	cols := ranks
	if ranks < m {
		cols++ // "lower"
	}

	names := make([]string, len(rows))
	for k, i := range rows {
		names[k] = r.Alternatives[i]
		if uncertain {
			names[k] += " (confidence " + pct(r.Confidence[i]) + ")"
		}
	}
	lbls, lines := f.categories(names)
	f.categoryAxisY(lbls)
	f.rows, f.rowH = len(rows), f.rowHeight(lines, 22)

	cells := &rects{separated: true}
	var texts labels
	for k, i := range rows {
		y := float64(len(rows) - 1 - k)
		for c := range cols {
			v := 0.0
			if c < ranks {
				v = b[i][c]
			} else {
				for _, x := range b[i][ranks:] {
					v += x
				}
			}
			v = clamp01(v)
			cells.items = append(cells.items, rect{
				x0: float64(c) - 0.5, x1: float64(c) + 0.5, y0: y - 0.5, y1: y + 0.5, fill: ramp(v),
			})
			if t := percent(v); t != "" {
				texts = append(texts, label{x: float64(c), y: y, text: t,
					style: f.st.label(rampText(v), draw.XCenter, draw.YCenter)})
			}
		}
	}
	p := f.plot
	p.Add(cells, texts)
	ticks := make([]plot.Tick, cols)
	for c := range ticks {
		l := "lower"
		if c < ranks {
			l = ordinal(c + 1)
		}
		ticks[c] = plot.Tick{Value: float64(c), Label: l}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Length = 0
	p.X.Width = 0
	p.X.Padding = 2
	p.X.Min, p.X.Max = -0.5, float64(cols)-0.5
	p.X.Label.Text = "rank"
	return f.finish()
}

// isShare reports whether v is a finite share in [0, 1], allowing for
// rounding by 1e-9.
func isShare(v float64) bool {
	return !math.IsNaN(v) && v >= -1e-9 && v <= 1+1e-9
}

// Sensitivity draws one criterion's sweep from a one-at-a-time weight
// sensitivity analysis ([scoring.Sensitivity]): one line per alternative,
// its score against the criterion's weight while the other weights keep
// their proportions. A dashed vertical line marks the base weight, a black
// ring each rank reversal (on alternative A's curve, interpolated between
// grid points), and a vermillion diamond the point where the top
// alternative changes, if it does. Lines take the Okabe–Ito colours in
// order; from the ninth alternative on, the colours repeat with dashed,
// dotted and dash-dotted lines. The x axis shows weights as percentages.
//
// criterion indexes r.Sweeps (and r.Criteria). Options.Limit, if set,
// keeps the best Limit alternatives at the base weight, and the reversals
// between them.
//
// Errors wrap [ErrEmpty] (nil result, no alternatives), [ErrLength] (a
// grid of fewer than two weights, scores not one row per alternative or
// not one per grid point) or [ErrValue] (criterion out of range, a value
// that is not finite, a grid that does not increase, a base or reversal
// weight outside the grid, a reversal naming an unknown alternative), or
// come from invalid [Options]. The result is not modified.
func Sensitivity(r *scoring.SensitivityResult, criterion int, opts Options) (*Chart, error) {
	if r == nil {
		return nil, &DataError{Path: "result", Row: -1, Col: -1, Err: ErrEmpty, Detail: "nil result"}
	}
	m := len(r.Alternatives)
	if m == 0 {
		return nil, &DataError{Path: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	}
	if criterion < 0 || criterion >= len(r.Sweeps) {
		return nil, dataErr("sweeps", -1, criterion, ErrValue, "criterion %d of %d", criterion, len(r.Sweeps))
	}
	sw := &r.Sweeps[criterion]
	g := len(sw.Grid)
	if g < 2 {
		return nil, dataErr("grid", -1, -1, ErrLength, "%d weights; need at least 2", g)
	}
	for k, w := range sw.Grid {
		if !finite(w) || (k > 0 && w <= sw.Grid[k-1]) {
			return nil, dataErr("grid", -1, k, ErrValue, "%v (weights must be finite and strictly increasing)", w)
		}
	}
	if len(sw.Scores) != m {
		return nil, dataErr("scores", -1, -1, ErrLength, "%d rows for %d alternatives", len(sw.Scores), m)
	}
	for i, row := range sw.Scores {
		if len(row) != g {
			return nil, dataErr("scores", i, -1, ErrLength, "%d scores for %d weights", len(row), g)
		}
		for k, v := range row {
			if !finite(v) {
				return nil, dataErr("scores", i, k, ErrValue, "%v", v)
			}
		}
	}
	wmin, wmax := sw.Grid[0], sw.Grid[g-1]
	inGrid := func(w float64) bool { return finite(w) && w >= wmin && w <= wmax }
	if !inGrid(sw.Weight) {
		return nil, dataErr("weight", -1, -1, ErrValue, "%v outside [%v, %v]", sw.Weight, wmin, wmax)
	}
	for k, rv := range sw.Reversals {
		switch {
		case !inGrid(rv.Weight):
			return nil, dataErr("reversals", k, -1, ErrValue, "weight %v outside [%v, %v]", rv.Weight, wmin, wmax)
		case rv.A < 0 || rv.A >= m || rv.B < 0 || rv.B >= m || rv.A == rv.B:
			return nil, dataErr("reversals", k, -1, ErrValue, "alternatives %d and %d (have %d)", rv.A, rv.B, m)
		}
	}
	top := sw.Top
	if top.Found && (!inGrid(top.Weight) || top.From < 0 || top.From >= m || top.To < 0 || top.To >= m) {
		return nil, dataErr("top", -1, -1, ErrValue, "change at %v from %d to %d (have %d)", top.Weight, top.From, top.To, m)
	}

	crit := sw.Criterion
	if crit == "" && criterion < len(r.Criteria) {
		crit = r.Criteria[criterion]
	}
	crit = strings.Join(strings.Fields(clean(crit)), " ")
	if crit == "" {
		crit = "the criterion"
	}
	f, err := newFrame(opts, "Scores as the weight of "+crit+" changes")
	if err != nil {
		return nil, err
	}

	// The alternatives shown: all, or the best Limit at the base weight.
	base := make([]float64, m)
	for i := range m {
		base[i] = interpolate(sw.Grid, sw.Scores[i], sw.Weight)
	}
	shown := make([]int, m)
	for i := range shown {
		shown[i] = i
	}
	lower := r.Better == scoring.Lower
	if f.opts.Limit > 0 && f.opts.Limit < m {
		slices.SortStableFunc(shown, func(a, b int) int {
			if lower {
				return cmp.Compare(base[a], base[b])
			}
			return cmp.Compare(base[b], base[a])
		})
		shown = shown[:f.opts.Limit]
	}
	isShown := make([]bool, m)
	for _, i := range shown {
		isShown[i] = true
	}

	p := f.plot
	gs := draw.LineStyle{Color: colGrid, Width: 0.5}
	p.Add(&plotter.Grid{Vertical: gs, Horizontal: gs})
	lo, hi := math.Inf(1), math.Inf(-1)
	for s, i := range shown {
		sty := draw.LineStyle{Color: seriesColor(s), Width: 1.75, Dashes: seriesDashes(s)}
		p.Add(&polyline{xs: sw.Grid, ys: sw.Scores[i], style: sty})
		f.legend = append(f.legend, legendEntry{label: r.Alternatives[i], thumb: lineThumb(sty)})
		for _, v := range sw.Scores[i] {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	cur := draw.LineStyle{Color: colMuted, Width: 1, Dashes: []vg.Length{4, 3}}
	p.Add(&vline{x: sw.Weight, style: cur})
	f.legend = append(f.legend, legendEntry{label: "base weight (" + pct(sw.Weight) + ")", thumb: lineThumb(cur)})
	ring := draw.GlyphStyle{Color: colText, Radius: 4, Shape: draw.RingGlyph{}}
	var rings marks
	for _, rv := range sw.Reversals {
		if isShown[rv.A] && isShown[rv.B] {
			rings = append(rings, mark{x: rv.Weight, y: interpolate(sw.Grid, sw.Scores[rv.A], rv.Weight), style: ring})
		}
	}
	if len(rings) > 0 {
		p.Add(rings)
		f.legend = append(f.legend, legendEntry{label: "rank reversal", thumb: glyphThumb(ring)})
	}
	if top.Found && isShown[top.From] {
		diamond := draw.GlyphStyle{Color: colVermillion, Radius: 4.5, Shape: diamondGlyph{}}
		p.Add(marks{{x: top.Weight, y: interpolate(sw.Grid, sw.Scores[top.From], top.Weight), style: diamond}})
		f.legend = append(f.legend, legendEntry{
			label: "the best alternative changes (at " + pct(top.Weight) + ")", thumb: glyphThumb(diamond)})
	}
	if hi-lo == 0 {
		lo, hi = lo-0.5, hi+0.5
	}
	pad := (hi - lo) * 0.05
	p.Y.Min, p.Y.Max = lo-pad, hi+pad
	p.X.Min, p.X.Max = wmin, wmax
	p.X.Tick.Marker = percentTicks{}
	p.X.Label.Text = strings.Join(wrap("weight of "+crit, f.opts.Width-2*margin, f.st.width), "\n")
	p.Y.Label.Text = "score (" + betterText(r.Better) + ")"
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

// diamondGlyph is a filled diamond (a square on its corner).
type diamondGlyph struct{}

func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	c.FillPolygon(sty.Color, []vg.Point{
		{X: pt.X, Y: pt.Y + r}, {X: pt.X + r, Y: pt.Y}, {X: pt.X, Y: pt.Y - r}, {X: pt.X - r, Y: pt.Y},
	})
}
