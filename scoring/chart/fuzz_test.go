package chart_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
)

// FuzzCharts feeds arbitrary names and numbers to every chart: each call
// either fails with one of the package's sentinels or renders an SVG that
// parses as XML. A panic fails the test.
func FuzzCharts(f *testing.F) {
	f.Add("A\nB\nC", []byte{0, 0, 0, 0, 0, 0, 0xF0, 0x3F}, uint8(0))
	f.Add("", []byte{}, uint8(1))
	f.Add("<Acme & Sons>\n\"x\"", []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF8, 0x7F}, uint8(2)) // NaN
	f.Add(strings.Repeat("Hub-and-spoke centre of excellence ", 8), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(3))
	f.Add("x\ny", []byte{0, 0, 0, 0, 0, 0, 0xF0, 0x7F}, uint8(4)) // +Inf
	f.Fuzz(func(t *testing.T, names string, raw []byte, kind uint8) {
		alts := strings.Split(names, "\n")
		if names == "" {
			alts = nil
		}
		if len(alts) > 30 {
			t.Skip()
		}
		var vals []float64
		for len(raw) >= 8 && len(vals) < 64 {
			vals = append(vals, math.Float64frombits(binary.LittleEndian.Uint64(raw)))
			raw = raw[8:]
		}
		at := func(i int) float64 {
			if len(vals) == 0 {
				return 0
			}
			return vals[i%len(vals)]
		}
		m := len(alts)
		var c *chart.Chart
		var err error
		switch kind % 5 {
		case 0:
			r := &scoring.Result{Alternatives: alts, Scores: make([]float64, m), Ranks: make([]int, m)}
			for i := range m {
				r.Scores[i] = at(i)
				r.Ranks[i] = i + 1
			}
			c, err = chart.Ranking(r, chart.Options{Limit: int(kind / 5 % 4)})
		case 1:
			r := &scoring.Result{Alternatives: alts, Criteria: []string{"c1", "c2"}, Scores: make([]float64, m),
				Ranks: make([]int, m), Contributions: &scoring.Table{Rows: m, Cols: 2, Data: make([]float64, 2*m)}, Weights: []float64{at(0), at(1)}}
			for i := range m {
				r.Contributions.Data[2*i], r.Contributions.Data[2*i+1] = at(2*i), at(2*i+1)
				r.Ranks[i] = 1
			}
			c, err = chart.Contributions(r, chart.Options{})
		case 2:
			d := &scoring.SMAAResult{Alternatives: alts, RankAcceptability: make([][]float64, m), Confidence: make([]float64, m)}
			for i := range m {
				d.RankAcceptability[i] = make([]float64, m)
				for k := range m {
					d.RankAcceptability[i][k] = at(i*m + k)
				}
				d.Confidence[i] = at(i)
			}
			if len(vals) > 0 && vals[0] > 0 {
				d.Values.Fraction = 0.1
			}
			c, err = chart.Acceptability(d, chart.Options{Limit: int(kind / 5 % 4)})
		case 3:
			sw := scoring.WeightSweep{Criterion: names, Grid: []float64{0, 0.5, 1}, Scores: make([][]float64, m), Weight: at(0),
				Reversals: []scoring.Reversal{{Weight: at(1), A: 0, B: 1}},
				Top:       scoring.TopChange{Found: true, Weight: at(2), From: 0, To: 1}}
			for i := range m {
				sw.Scores[i] = []float64{at(i), at(i + 1), at(i + 2)}
			}
			d := &scoring.SensitivityResult{Alternatives: alts, Sweeps: []scoring.WeightSweep{sw}}
			c, err = chart.Sensitivity(d, 0, chart.Options{Limit: int(kind / 5 % 4)})
		case 4:
			d := chart.WeightsData{Criteria: alts, Weights: make([]float64, m), Group: [][]float64{make([]float64, m)}}
			for i := range m {
				d.Weights[i] = at(i)
				d.Group[0][i] = at(i + 1)
			}
			c, err = chart.Weights(d, chart.Options{})
		}
		if err != nil {
			for _, s := range []error{chart.ErrEmpty, chart.ErrLength, chart.ErrValue, chart.ErrOptions} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		var buf bytes.Buffer
		if err := c.WriteSVG(&buf); err != nil {
			t.Fatal(err)
		}
		parseSVG(t, buf.Bytes())
	})
}
