package chart_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/chart"
)

func TestBadInput(t *testing.T) {
	t.Parallel()
	nan, inf := math.NaN(), math.Inf(1)
	good := func() *scoring.Result { return rank(t, scoring.WeightedSum{}) }
	withResult := func(edit func(r *scoring.Result)) func() error {
		return func() error {
			r := good()
			edit(r)
			_, err := chart.Ranking(r, chart.Options{})
			return err
		}
	}
	withContrib := func(edit func(r *scoring.Result)) func() error {
		return func() error {
			r := good()
			edit(r)
			_, err := chart.Contributions(r, chart.Options{})
			return err
		}
	}
	withAcc := func(edit func(a *scoring.SMAAResult)) func() error {
		return func() error {
			a := acceptability(t)
			edit(a)
			_, err := chart.Acceptability(a, chart.Options{})
			return err
		}
	}
	withSens := func(edit func(s *scoring.WeightSweep)) func() error {
		return func() error {
			s := sensitivity(t)
			edit(&s.Sweeps[0])
			_, err := chart.Sensitivity(s, 0, chart.Options{})
			return err
		}
	}
	withWeights := func(edit func(w *chart.WeightsData)) func() error {
		return func() error {
			w := weights()
			edit(&w)
			_, err := chart.Weights(w, chart.Options{})
			return err
		}
	}
	withOpts := func(o chart.Options) func() error {
		return func() error {
			_, err := chart.Ranking(good(), o)
			return err
		}
	}
	tests := []struct {
		name      string
		call      func() error
		wantErr   error
		wantField string
	}{
		{"nil result", func() error { _, err := chart.Ranking(nil, chart.Options{}); return err }, chart.ErrEmpty, "result"},
		{"nil result contributions", func() error { _, err := chart.Contributions(nil, chart.Options{}); return err }, chart.ErrEmpty, "result"},
		{"no alternatives", withResult(func(r *scoring.Result) { r.Alternatives = nil }), chart.ErrEmpty, "alternatives"},
		{"short scores", withResult(func(r *scoring.Result) { r.Scores = r.Scores[:2] }), chart.ErrLength, "scores"},
		{"short ranks", withResult(func(r *scoring.Result) { r.Ranks = nil }), chart.ErrLength, "ranks"},
		{"NaN score", withResult(func(r *scoring.Result) { r.Scores[1] = nan }), chart.ErrValue, "scores"},
		{"infinite score", withResult(func(r *scoring.Result) { r.Scores[0] = -inf }), chart.ErrValue, "scores"},
		{"rank zero", withResult(func(r *scoring.Result) { r.Ranks[0] = 0 }), chart.ErrValue, "ranks"},
		{"rank too big", withResult(func(r *scoring.Result) { r.Ranks[3] = 5 }), chart.ErrValue, "ranks"},
		{"no contributions", withContrib(func(r *scoring.Result) { r.Contributions = nil }), chart.ErrEmpty, "contributions"},
		{"no criteria", withContrib(func(r *scoring.Result) { r.Criteria = nil }), chart.ErrEmpty, "criteria"},
		{"contribution rows", withContrib(func(r *scoring.Result) { c := r.Contributions; c.Rows, c.Data = 1, c.Data[:c.Cols] }), chart.ErrLength, "contributions"},
		{"short contributions", withContrib(func(r *scoring.Result) { r.Contributions.Data = r.Contributions.Data[1:] }), chart.ErrLength, "contributions"},
		{"contribution columns", withContrib(func(r *scoring.Result) {
			c := r.Contributions
			c.Cols, c.Data = c.Cols+1, append(c.Data, make([]float64, c.Rows)...)
		}), chart.ErrLength, "contributions"},
		{"negative contribution", withContrib(func(r *scoring.Result) { r.Contributions.Data[0] = -0.1 }), chart.ErrValue, "contributions"},
		{"NaN contribution", withContrib(func(r *scoring.Result) { r.Contributions.Data[1] = nan }), chart.ErrValue, "contributions"},
		{"NaN weight in result", withContrib(func(r *scoring.Result) { r.Weights[1] = nan }), chart.ErrValue, "weights"},
		{"nil SMAA result", func() error { _, err := chart.Acceptability(nil, chart.Options{}); return err }, chart.ErrEmpty, "result"},
		{"acceptability no alternatives", withAcc(func(a *scoring.SMAAResult) { a.Alternatives = nil }), chart.ErrEmpty, "alternatives"},
		{"acceptability rows", withAcc(func(a *scoring.SMAAResult) { a.RankAcceptability = a.RankAcceptability[:3] }), chart.ErrLength, "rank_acceptability"},
		{"acceptability not square", withAcc(func(a *scoring.SMAAResult) { a.RankAcceptability[2] = a.RankAcceptability[2][:2] }), chart.ErrLength, "rank_acceptability"},
		{"share above one", withAcc(func(a *scoring.SMAAResult) { a.RankAcceptability[1][1] = 1.5 }), chart.ErrValue, "rank_acceptability"},
		{"negative share", withAcc(func(a *scoring.SMAAResult) { a.RankAcceptability[1][1] = -0.2 }), chart.ErrValue, "rank_acceptability"},
		{"NaN share", withAcc(func(a *scoring.SMAAResult) { a.RankAcceptability[0][0] = nan }), chart.ErrValue, "rank_acceptability"},
		{"confidence length", withAcc(func(a *scoring.SMAAResult) { a.Values.Fraction = 0.1; a.Confidence = a.Confidence[:1] }), chart.ErrLength, "confidence"},
		{"confidence NaN", withAcc(func(a *scoring.SMAAResult) { a.Values.Fraction = 0.1; a.Confidence[0] = nan }), chart.ErrValue, "confidence"},
		{"nil sensitivity result", func() error { _, err := chart.Sensitivity(nil, 0, chart.Options{}); return err }, chart.ErrEmpty, "result"},
		{"sensitivity no alternatives", func() error {
			s := sensitivity(t)
			s.Alternatives = nil
			_, err := chart.Sensitivity(s, 0, chart.Options{})
			return err
		}, chart.ErrEmpty, "alternatives"},
		{"criterion out of range", func() error { _, err := chart.Sensitivity(sensitivity(t), 4, chart.Options{}); return err }, chart.ErrValue, "sweeps"},
		{"negative criterion", func() error { _, err := chart.Sensitivity(sensitivity(t), -1, chart.Options{}); return err }, chart.ErrValue, "sweeps"},
		{"sensitivity one weight", withSens(func(s *scoring.WeightSweep) { s.Grid = s.Grid[:1] }), chart.ErrLength, "grid"},
		{"sensitivity grid decreases", withSens(func(s *scoring.WeightSweep) { s.Grid[2] = 0.05 }), chart.ErrValue, "grid"},
		{"sensitivity grid NaN", withSens(func(s *scoring.WeightSweep) { s.Grid[0] = nan }), chart.ErrValue, "grid"},
		{"sensitivity score rows", withSens(func(s *scoring.WeightSweep) { s.Scores = s.Scores[:2] }), chart.ErrLength, "scores"},
		{"sensitivity ragged", withSens(func(s *scoring.WeightSweep) { s.Scores[1] = s.Scores[1][:5] }), chart.ErrLength, "scores"},
		{"sensitivity NaN score", withSens(func(s *scoring.WeightSweep) { s.Scores[1][4] = nan }), chart.ErrValue, "scores"},
		{"base weight outside", withSens(func(s *scoring.WeightSweep) { s.Weight = 1.5 }), chart.ErrValue, "weight"},
		{"base weight NaN", withSens(func(s *scoring.WeightSweep) { s.Weight = nan }), chart.ErrValue, "weight"},
		{"reversal outside", withSens(func(s *scoring.WeightSweep) {
			s.Reversals = append(s.Reversals, scoring.Reversal{A: 0, B: 1, Weight: -1})
		}), chart.ErrValue, "reversals"},
		{"reversal unknown alternative", withSens(func(s *scoring.WeightSweep) {
			s.Reversals = append(s.Reversals, scoring.Reversal{A: 0, B: 7, Weight: 0.5})
		}), chart.ErrValue, "reversals"},
		{"reversal with itself", withSens(func(s *scoring.WeightSweep) {
			s.Reversals = append(s.Reversals, scoring.Reversal{A: 2, B: 2, Weight: 0.5})
		}), chart.ErrValue, "reversals"},
		{"top change unknown", withSens(func(s *scoring.WeightSweep) {
			s.Top = scoring.TopChange{Found: true, Weight: 0.5, From: 0, To: 9}
		}), chart.ErrValue, "top"},
		{"weights no criteria", withWeights(func(w *chart.WeightsData) { w.Criteria = nil }), chart.ErrEmpty, "criteria"},
		{"weights length", withWeights(func(w *chart.WeightsData) { w.Weights = w.Weights[:3] }), chart.ErrLength, "weights"},
		{"negative weight", withWeights(func(w *chart.WeightsData) { w.Weights[0] = -0.1 }), chart.ErrValue, "weights"},
		{"infinite weight", withWeights(func(w *chart.WeightsData) { w.Weights[0] = inf }), chart.ErrValue, "weights"},
		{"stakeholder names", withWeights(func(w *chart.WeightsData) { w.Stakeholders = w.Stakeholders[:2] }), chart.ErrLength, "stakeholders"},
		{"ragged group", withWeights(func(w *chart.WeightsData) { w.Group[1] = w.Group[1][:2] }), chart.ErrLength, "group"},
		{"NaN group weight", withWeights(func(w *chart.WeightsData) { w.Group[2][3] = nan }), chart.ErrValue, "group"},
		{"negative width", withOpts(chart.Options{Width: -1}), chart.ErrOptions, "options.Width"},
		{"NaN width", withOpts(chart.Options{Width: vg.Length(nan)}), chart.ErrOptions, "options.Width"},
		{"huge width", withOpts(chart.Options{Width: 1e9}), chart.ErrOptions, "options.Width"},
		{"narrow width", withOpts(chart.Options{Width: 50}), chart.ErrOptions, "options.Width"},
		{"negative height", withOpts(chart.Options{Height: -5}), chart.ErrOptions, "options.Height"},
		{"tiny height", withOpts(chart.Options{Height: 20}), chart.ErrOptions, "options.Height"},
		{"font size", withOpts(chart.Options{FontSize: 500}), chart.ErrOptions, "options.FontSize"},
		{"label width", withOpts(chart.Options{LabelWidth: -3}), chart.ErrOptions, "options.LabelWidth"},
		{"label lines", withOpts(chart.Options{MaxLabelLines: -1}), chart.ErrOptions, "options.MaxLabelLines"},
		{"dpi", withOpts(chart.Options{DPI: 100000}), chart.ErrOptions, "options.DPI"},
		{"limit", withOpts(chart.Options{Limit: -2}), chart.ErrOptions, "options.Limit"},
		{"too many rows", func() error {
			n := 20000
			_, err := chart.Weights(chart.WeightsData{Criteria: make([]string, n), Weights: make([]float64, n)}, chart.Options{})
			return err
		}, chart.ErrOptions, "options.Height"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.wantErr)
			var de *chart.DataError
			require.True(t, errors.As(err, &de), "want a *chart.DataError, got %T: %v", err, err)
			assert.Equal(t, tc.wantField, de.Path)
			// One field-error type across the module: scoring's name finds it too.
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			assert.Same(t, de, ie)
			assert.True(t, strings.HasPrefix(err.Error(), tc.wantField), "message %q starts where the problem is", err)
		})
	}
}

// A PNG that would be too large is refused before any allocation.
func TestPNGTooLarge(t *testing.T) {
	t.Parallel()
	c, err := chart.Weights(chart.WeightsData{Criteria: []string{"a"}, Weights: []float64{1}}, chart.Options{Width: 100 * vg.Inch, Height: 100 * vg.Inch, DPI: 600})
	require.NoError(t, err)
	err = c.WritePNG(discard{})
	assert.ErrorIs(t, err, chart.ErrOptions)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
