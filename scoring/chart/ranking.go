package chart

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/socialseat/socialseat/scoring"
)

// Ranking draws a result's scores as horizontal bars, best alternative at
// the top, with each score printed at the end of its bar. The bars of the
// alternatives ranked first are orange, the others blue (Okabe–Ito). The
// axis says whether a higher or a lower score is better.
//
// The default title is "Ranking" followed by the method's name. Errors wrap
// [ErrEmpty] (nil result, no alternatives), [ErrLength] (scores or ranks
// not one per alternative) or [ErrValue] (a score that is not finite, a
// rank outside 1…m), or come from invalid [Options].
func Ranking(r *scoring.Result, opts Options) (*Chart, error) {
	if err := checkResult(r); err != nil {
		return nil, err
	}
	f, err := newFrame(opts, "Ranking"+methodSuffix(r.Method))
	if err != nil {
		return nil, err
	}
	order := limit(bestFirst(r.Ranks), f.opts.Limit)
	m := len(order)
	names := make([]string, m)
	shownScores := make([]float64, m)
	for k, i := range order {
		names[k] = r.Alternatives[i]
		shownScores[k] = r.Scores[i]
	}
	lbls, lines := f.categories(names)
	f.categoryAxisY(lbls)
	f.rows, f.rowH = m, f.rowHeight(lines, 20)

	lo, hi := 0.0, 0.0
	for _, s := range shownScores {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	scale := math.Max(math.Abs(lo), math.Abs(hi))
	bars := &rects{}
	var texts labels
	for k, i := range order {
		y := float64(m - 1 - k)
		fill := colBlue
		if r.Ranks[i] == 1 {
			fill = colOrange
		}
		s := r.Scores[i]
		bars.items = append(bars.items, rect{x0: 0, x1: s, y0: y - 0.32, y1: y + 0.32, fill: fill})
		texts = append(texts, label{
			x: math.Max(s, 0), y: y, dx: 3, text: number(s, scale),
			style: f.st.label(colText, draw.XLeft, draw.YCenter),
		})
	}
	p := f.plot
	p.Add(valueGrid(), bars, texts)
	fitValueAxis(f, lo, hi, shownScores, scale)
	p.X.Label.Text = "score (" + betterText(r.Better) + ")"
	if m > 1 {
		f.legend = []legendEntry{
			{label: "ranked first", thumb: swatch(colOrange)},
			{label: "other alternatives", thumb: swatch(colBlue)},
		}
	}
	return f.finish()
}

// Contributions draws each alternative's score as a horizontal bar stacked
// from its criteria's contributions (weight times normalised value), best
// alternative at the top, one Okabe–Ito colour per criterion, with the
// total printed at the end of the bar. It shows which criteria carried the
// winner. Only additive methods (such as the weighted sum) set
// [scoring.Result].Contributions; for other results Contributions returns
// an error wrapping [ErrEmpty].
//
// Contributions must be non-negative (as every built-in normalisation
// makes them); a negative one is an [ErrValue]. The legend names each
// criterion with its weight. Zero contributions draw nothing.
func Contributions(r *scoring.Result, opts Options) (*Chart, error) {
	if err := checkResult(r); err != nil {
		return nil, err
	}
	m, n := len(r.Alternatives), len(r.Criteria)
	c := r.Contributions
	if c == nil || c.Rows == 0 {
		return nil, &DataError{Path: "contributions", Row: -1, Col: -1, Err: ErrEmpty,
			Detail: "the method " + quoteOr(r.Method, "used") + " is not additive"}
	}
	if n == 0 {
		return nil, &DataError{Path: "criteria", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no criteria"}
	}
	if err := c.Check(); err != nil {
		return nil, dataErr("contributions", -1, -1, ErrLength, "%d values for %d rows of %d", len(c.Data), c.Rows, c.Cols)
	}
	if c.Rows != m {
		return nil, dataErr("contributions", -1, -1, ErrLength, "%d rows for %d alternatives", c.Rows, m)
	}
	if c.Cols != n {
		return nil, dataErr("contributions", -1, -1, ErrLength, "%d columns for %d criteria", c.Cols, n)
	}
	for i := range m {
		for j, v := range c.Row(i) {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < -1e-12 {
				return nil, dataErr("contributions", i, j, ErrValue, "%v", v)
			}
		}
	}
	weighted := len(r.Weights) == n
	for j, w := range r.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, dataErr("weights", -1, j, ErrValue, "%v", w)
		}
	}

	f, err := newFrame(opts, "What makes up each score"+methodSuffix(r.Method))
	if err != nil {
		return nil, err
	}
	order := limit(bestFirst(r.Ranks), f.opts.Limit)
	m = len(order)
	names := make([]string, m)
	for k, i := range order {
		names[k] = r.Alternatives[i]
	}
	lbls, lines := f.categories(names)
	f.categoryAxisY(lbls)
	f.rows, f.rowH = m, f.rowHeight(lines, 20)

	totals := make([]float64, c.Rows)
	hi := 0.0
	for _, i := range order {
		for _, v := range c.Row(i) {
			totals[i] += math.Max(v, 0)
		}
		hi = math.Max(hi, totals[i])
	}
	bars := &rects{separated: true}
	var texts labels
	for k, i := range order {
		y := float64(m - 1 - k)
		x := 0.0
		for j, v := range c.Row(i) {
			if v <= 0 {
				continue
			}
			bars.items = append(bars.items, rect{x0: x, x1: x + v, y0: y - 0.32, y1: y + 0.32, fill: seriesColor(j)})
			x += v
		}
		texts = append(texts, label{
			x: totals[i], y: y, dx: 3, text: number(totals[i], hi),
			style: f.st.label(colText, draw.XLeft, draw.YCenter),
		})
	}
	f.plot.Add(valueGrid(), bars, texts)
	fitValueAxis(f, 0, hi, totals, hi)
	f.plot.X.Label.Text = "contribution to the score (weight × normalised value)"
	for j, c := range r.Criteria {
		l := c
		if weighted {
			l = fmt.Sprintf("%s (weight %s)", c, pct(r.Weights[j]))
		}
		f.legend = append(f.legend, legendEntry{label: l, thumb: swatch(seriesColor(j))})
	}
	return f.finish()
}

// checkResult validates the parts of a result every chart uses.
func checkResult(r *scoring.Result) error {
	if r == nil {
		return &DataError{Path: "result", Row: -1, Col: -1, Err: ErrEmpty, Detail: "nil result"}
	}
	m := len(r.Alternatives)
	if m == 0 {
		return &DataError{Path: "alternatives", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no alternatives"}
	}
	if len(r.Scores) != m {
		return dataErr("scores", -1, -1, ErrLength, "%d scores for %d alternatives", len(r.Scores), m)
	}
	if len(r.Ranks) != m {
		return dataErr("ranks", -1, -1, ErrLength, "%d ranks for %d alternatives", len(r.Ranks), m)
	}
	for i, s := range r.Scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return dataErr("scores", i, -1, ErrValue, "%v", s)
		}
	}
	for i, k := range r.Ranks {
		if k < 1 || k > m {
			return dataErr("ranks", i, -1, ErrValue, "rank %d outside 1…%d", k, m)
		}
	}
	return nil
}

// bestFirst returns the indices ordered by rank, ties in their original
// order. It does not modify ranks.
func bestFirst(ranks []int) []int {
	idx := make([]int, len(ranks))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return ranks[a] - ranks[b] })
	return idx
}

// limit returns the first n of order, or all of it for n ≤ 0.
func limit(order []int, n int) []int {
	if n > 0 && n < len(order) {
		return order[:n]
	}
	return order
}

// valueGrid returns light vertical grid lines at the value axis's ticks.
func valueGrid() *plotter.Grid {
	return &plotter.Grid{Vertical: draw.LineStyle{Color: colGrid, Width: 0.5}}
}

// fitValueAxis sets the X range to [min(lo,0), max(hi,0)] with room on the
// right for the value labels, whose widest text is measured.
func fitValueAxis(f *frame, lo, hi float64, values []float64, scale float64) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo == 0 {
		hi = 1
	}
	widest := vg.Length(0)
	for _, v := range values {
		widest = max(widest, f.st.width(number(v, scale)))
	}
	// The plot area is roughly the width less the category labels; reserve
	// the label width plus a gap as a share of it.
	area := f.opts.Width - 2*margin - f.opts.LabelWidth - 10
	share := float64((widest + 8) / max(area, 1))
	share = math.Min(share, 0.4)
	f.plot.X.Min = lo
	f.plot.X.Max = hi + (hi-lo)*share/(1-share)
}

// betterText says which direction of a score is better.
func betterText(b scoring.Better) string {
	if b == scoring.Lower {
		return "lower is better"
	}
	return "higher is better"
}

// methodSuffix returns " (TOPSIS)" and the like for a method token, or ""
// for none.
func methodSuffix(token string) string {
	names := map[string]string{
		"wsm": "weighted sum", "wpm": "weighted product", "topsis": "TOPSIS",
		"vikor": "VIKOR", "promethee2": "PROMETHEE II", "copras": "COPRAS",
	}
	if token == "" {
		return ""
	}
	if n, ok := names[token]; ok {
		return " (" + n + ")"
	}
	return " (" + token + ")"
}

func quoteOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return fmt.Sprintf("%q", s)
}

// pct formats a share in [0, 1] as a percentage with at most one decimal.
func pct(v float64) string {
	p := v * 100
	if math.Abs(p-math.Round(p)) < 0.05 {
		return fmt.Sprintf("%.0f%%", p)
	}
	return fmt.Sprintf("%.1f%%", p)
}
