package chart

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/socialseat/socialseat/scoring"
)

// WeightsData is the input of [Weights]: the criterion weights used and,
// when they came from a group, each stakeholder's own weights.
type WeightsData struct {
	// Criteria are the criteria's names, in the order drawn (top to
	// bottom).
	Criteria []string
	// Weights are the weights used, one per criterion, non-negative. They
	// are drawn as given (normalise them first if they should sum to 1).
	Weights []float64
	// Group, if set, holds one row per stakeholder with that stakeholder's
	// weights, on the same scale as Weights. Nil draws the weights alone.
	Group [][]float64
	// Stakeholders names the rows of Group for the legend. Nil numbers
	// them ("stakeholder 1", …); otherwise it needs one name per row.
	Stakeholders []string
}

// maxNamedStakeholders is the most stakeholders given their own colour,
// shape and legend entry; larger groups are drawn as grey dots.
const maxNamedStakeholders = 8

// Weights draws the criterion weights as horizontal bars labelled with
// percentages. When Group is set, each criterion also shows the spread of
// the stakeholders' weights: a black whisker from the lowest to the
// highest, and one point per stakeholder (up to eight stakeholders with
// their own Okabe–Ito colour and shape and a legend entry; more are drawn
// as grey dots), spread vertically so equal weights do not hide each
// other.
//
// Errors wrap [ErrEmpty] (no criteria), [ErrLength] (weights, a group row
// or the stakeholder names of the wrong length) or [ErrValue] (a weight
// that is negative or not finite), or come from invalid [Options]. The
// data is not modified.
func Weights(d WeightsData, opts Options) (*Chart, error) {
	n := len(d.Criteria)
	if n == 0 {
		return nil, &DataError{Path: "criteria", Row: -1, Col: -1, Err: ErrEmpty, Detail: "no criteria"}
	}
	if len(d.Weights) != n {
		return nil, dataErr("weights", -1, -1, ErrLength, "%d weights for %d criteria", len(d.Weights), n)
	}
	hi := 0.0
	for j, w := range d.Weights {
		if !finite(w) || w < 0 {
			return nil, dataErr("weights", -1, j, ErrValue, "%v", w)
		}
		hi = math.Max(hi, w)
	}
	if d.Stakeholders != nil && len(d.Stakeholders) != len(d.Group) {
		return nil, dataErr("stakeholders", -1, -1, ErrLength, "%d names for %d rows of weights", len(d.Stakeholders), len(d.Group))
	}
	for s, row := range d.Group {
		if len(row) != n {
			return nil, dataErr("group", s, -1, ErrLength, "%d weights for %d criteria", len(row), n)
		}
		for j, w := range row {
			if !finite(w) || w < 0 {
				return nil, dataErr("group", s, j, ErrValue, "%v", w)
			}
			hi = math.Max(hi, w)
		}
	}

	title := "Criterion weights"
	if len(d.Group) > 0 {
		title = fmt.Sprintf("Criterion weights and the spread across %d stakeholders", len(d.Group))
	}
	f, err := newFrame(opts, title)
	if err != nil {
		return nil, err
	}
	lbls, lines := f.categories(d.Criteria)
	f.categoryAxisY(lbls)
	group := len(d.Group) > 0
	minRow := vg.Length(20)
	if group {
		minRow = 28
	}
	f.rows, f.rowH = n, f.rowHeight(lines, minRow)

	barCol := colBlue
	if group {
		barCol = mix(colBlue, colWhite, 0.6) // light, so the points stand out
	}
	bars := &rects{}
	var texts labels
	for j, w := range d.Weights {
		y := float64(n - 1 - j)
		bars.items = append(bars.items, rect{x0: 0, x1: w, y0: y - 0.32, y1: y + 0.32, fill: barCol})
		x := w
		for _, row := range d.Group {
			x = math.Max(x, row[j])
		}
		texts = append(texts, label{x: x, y: y, dx: 6, text: pct(w),
			style: f.st.label(colText, draw.XLeft, draw.YCenter)})
	}
	p := f.plot
	p.Add(valueGrid(), bars)

	if group {
		f.legend = append(f.legend, legendEntry{label: "weight used", thumb: swatch(barCol)})
		whisker := draw.LineStyle{Color: colText, Width: 1}
		for j := range d.Weights {
			y := float64(n - 1 - j)
			lo, up := math.Inf(1), math.Inf(-1)
			for _, row := range d.Group {
				lo, up = math.Min(lo, row[j]), math.Max(up, row[j])
			}
			p.Add(&polyline{xs: []float64{lo, up}, ys: []float64{y, y}, style: whisker},
				&polyline{xs: []float64{lo, lo}, ys: []float64{y - 0.18, y + 0.18}, style: whisker},
				&polyline{xs: []float64{up, up}, ys: []float64{y - 0.18, y + 0.18}, style: whisker})
		}
		f.legend = append(f.legend, legendEntry{label: "lowest to highest stakeholder weight", thumb: lineThumb(whisker)})
		named := len(d.Group) <= maxNamedStakeholders
		var pts marks
		for s, row := range d.Group {
			sty := draw.GlyphStyle{Color: colMuted, Radius: 2, Shape: draw.CircleGlyph{}}
			if named {
				sty = draw.GlyphStyle{Color: seriesColor(s), Radius: 3, Shape: seriesGlyph(s)}
			}
			// Spread the stakeholders over ±0.25 of the row.
			dy := 0.0
			if len(d.Group) > 1 {
				dy = 0.5*float64(s)/float64(len(d.Group)-1) - 0.25
			}
			for j, w := range row {
				pts = append(pts, mark{x: w, y: float64(n-1-j) - dy, style: sty})
			}
			if named {
				name := fmt.Sprintf("stakeholder %d", s+1)
				if d.Stakeholders != nil {
					name = d.Stakeholders[s]
				}
				f.legend = append(f.legend, legendEntry{label: name, thumb: glyphThumb(sty)})
			}
		}
		if !named {
			f.legend = append(f.legend, legendEntry{label: "one stakeholder",
				thumb: glyphThumb(draw.GlyphStyle{Color: colMuted, Radius: 2, Shape: draw.CircleGlyph{}})})
		}
		p.Add(pts)
	}
	p.Add(texts)
	fitPercentAxis(f, hi)
	p.X.Label.Text = "weight"
	return f.finish()
}

// fitPercentAxis sets the X axis to [0, hi] with room for a percentage
// label after the longest bar, and labels the ticks as percentages.
func fitPercentAxis(f *frame, hi float64) {
	if hi == 0 {
		hi = 1
	}
	area := f.opts.Width - 2*margin - f.opts.LabelWidth - 10
	share := math.Min(float64((f.st.width("100.0%")+10)/max(area, 1)), 0.4)
	f.plot.X.Min = 0
	f.plot.X.Max = hi / (1 - share)
	f.plot.X.Tick.Marker = percentTicks{}
}

// GroupWeights returns the input of [Weights] for weights that came from a
// group of stakeholders ([scoring.Group]): the group's weights, and each
// stakeholder's own weights from g.Individual. A group result does not
// carry names, so criteria names the criteria and stakeholders the
// stakeholders (nil numbers them). The slices are copied; a nil g gives
// data without weights, which [Weights] rejects.
func GroupWeights(criteria, stakeholders []string, g *scoring.GroupResult) WeightsData {
	d := WeightsData{Criteria: slices.Clone(criteria), Stakeholders: slices.Clone(stakeholders)}
	if g == nil {
		return d
	}
	d.Weights = slices.Clone(g.Weights)
	for _, ind := range g.Individual {
		var w []float64
		if ind != nil {
			w = slices.Clone(ind.Weights)
		}
		d.Group = append(d.Group, w)
	}
	return d
}
