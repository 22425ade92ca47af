package scoring_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// fuzzProblem decodes a small problem, weights and a reader for further
// parameters from fuzz bytes, as FuzzNewProblem does. ok is false when the
// bytes do not make a valid problem (the error must then wrap a sentinel).
func fuzzProblem(t *testing.T, data []byte) (p *scoring.Problem, w []float64, r *fuzzReader, ok bool) {
	r = &fuzzReader{b: data}
	m, n := int(r.byte()%7), int(r.byte()%5)
	dirs := r.byte()
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			if r.byte()%4 == 0 {
				rows[i][j] = r.float()
			} else {
				rows[i][j] = float64(int8(r.byte())) / 4
			}
		}
	}
	crits := make([]scoring.Criterion, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: string(rune('a' + j)), Direction: scoring.Benefit}
		if dirs>>j&1 == 1 {
			crits[j].Direction = scoring.Cost
		}
	}
	p, err := scoring.NewProblem(nil, crits, rows)
	if err != nil {
		if !isSentinel(err) {
			t.Fatalf("NewProblem: error %v wraps no sentinel", err)
		}
		return nil, nil, nil, false
	}
	w = make([]float64, n)
	for j := range w {
		w[j] = float64(r.byte() % 5)
	}
	return p, w, r, true
}

// checkOutcome fails on an error that wraps no sentinel, and on a result
// that holds NaN or ±Inf anywhere (encoding/json refuses both).
func checkOutcome(t *testing.T, name string, res any, err error) {
	t.Helper()
	if err != nil {
		if !isSentinel(err) {
			t.Fatalf("%s: error %v wraps no sentinel", name, err)
		}
		return
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatalf("%s: result does not marshal (NaN or Inf?): %v", name, err)
	}
}

func fuzzSeeds(f *testing.F) {
	f.Add([]byte{2, 2, 0, 1, 2, 3, 4, 1, 1, 3, 2, 1, 0, 4})
	f.Add([]byte{1, 1, 0, 5, 1})
	f.Add([]byte{3, 1, 1, 7, 7, 7, 1, 2, 2})
	f.Add([]byte{2, 1, 0, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0, 1})
	f.Add([]byte{0, 0})
	f.Add(append([]byte{4, 3, 5}, make([]byte, 60)...))
	f.Add([]byte{5, 3, 5, 255, 0, 1, 2, 255, 255, 9, 0, 3, 3, 3, 7, 8, 1, 4, 4, 4, 200, 100, 9, 9, 1, 2, 3})
}

func fuzzPreferences(r *fuzzReader, n int) []scoring.Preference {
	prefs := make([]scoring.Preference, n)
	for j := range prefs {
		prefs[j] = scoring.Preference{Function: scoring.PreferenceFunction(r.byte() % 6),
			Q: float64(r.byte()%8) / 2, P: float64(r.byte()%8) / 2, S: float64(r.byte()%8) / 2}
	}
	return prefs
}

func fuzzThresholds(r *fuzzReader, n int) []scoring.PseudoCriterion {
	ts := make([]scoring.PseudoCriterion, n)
	for j := range ts {
		ts[j] = scoring.PseudoCriterion{Q: float64(r.byte()%8) / 2, P: float64(r.byte()%8) / 2}
		if b := r.byte(); b%2 == 0 {
			v := float64(b%16) / 2
			ts[j].V = &v
		}
	}
	return ts
}

// fuzzClasses returns 1–3 classes with count(K) profiles drawn from the
// bytes (often out of order, which must be an error, not a panic).
func fuzzClasses(r *fuzzReader, n int, count func(k int) int) scoring.ClassProfiles {
	k := 1 + int(r.byte()%3)
	c := scoring.ClassProfiles{Classes: []string{"adopt", "pilot", "reject"}[:k]}
	start := float64(int8(r.byte()))
	for range count(k) {
		row := make([]float64, n)
		for j := range row {
			row[j] = start
		}
		c.Profiles = append(c.Profiles, row)
		start -= float64(r.byte() % 8)
	}
	return c
}

// The fuzz targets: each new method, on arbitrary problems and parameters,
// either fails with a sentinel error or returns a result free of NaN and
// infinities; a panic fails.

func FuzzPROMETHEEI(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		res, err := scoring.PROMETHEEI{Preferences: fuzzPreferences(r, n)}.Evaluate(p, w)
		checkOutcome(t, "promethee1", res, err)
	})
}

func FuzzGAIA(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		res, err := scoring.GAIA{Preferences: fuzzPreferences(r, n)}.Evaluate(p, w)
		checkOutcome(t, "gaia", res, err)
		if err == nil && (res.Delta < 0 || res.Delta > 1) {
			t.Fatalf("δ = %v", res.Delta)
		}
	})
}

func FuzzELECTREI(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		var e scoring.ELECTREI
		if b := r.byte(); b%3 == 0 {
			c, d := float64(r.byte())/200, float64(r.byte())/200
			e.ConcordanceThreshold, e.DiscordanceThreshold = &c, &d
		}
		res, err := e.Evaluate(p, w)
		checkOutcome(t, "electre1", res, err)
	})
}

func FuzzELECTREIII(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		res, err := scoring.ELECTREIII{Thresholds: fuzzThresholds(r, n)}.Evaluate(p, w)
		checkOutcome(t, "electre3", res, err)
		if err != nil {
			return
		}
		// The distillations agree with the plain transcription.
		sigma := res.Credibility.RowSlices()
		if d := refDistill(sigma, true); !slices.EqualFunc(d, res.Descending, slices.Equal) {
			t.Fatalf("descending %v, reference %v", res.Descending, d)
		}
		a := refDistill(sigma, false)
		slices.Reverse(a)
		if !slices.EqualFunc(a, res.Ascending, slices.Equal) {
			t.Fatalf("ascending %v, reference %v", res.Ascending, a)
		}
	})
}

func FuzzMRSort(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		s := scoring.MRSort{ClassProfiles: fuzzClasses(r, n, func(k int) int { return k - 1 }), Lambda: float64(r.byte()%6) / 5}
		res, err := s.Evaluate(p, w)
		checkOutcome(t, "mrsort", res, err)
	})
}

func FuzzELECTRETRIB(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		s := scoring.ELECTRETRIB{ClassProfiles: fuzzClasses(r, n, func(k int) int { return k - 1 }), Thresholds: fuzzThresholds(r, n)}
		res, err := s.Evaluate(p, w)
		checkOutcome(t, "electre-tri-b", res, err)
	})
}

func FuzzFlowSort(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		_, n := p.Dims()
		kind := scoring.ProfileKind(r.byte() % 2)
		count := func(k int) int { return k + 1 }
		if kind == scoring.Central {
			count = func(k int) int { return k }
		}
		s := scoring.FlowSort{ClassProfiles: fuzzClasses(r, n, count), Kind: kind, Preferences: fuzzPreferences(r, n)}
		res, err := s.Evaluate(p, w)
		checkOutcome(t, "flowsort", res, err)
	})
}

func FuzzRankReversal(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, w, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		methods := []scoring.Method{scoring.WeightedSum{}, scoring.TOPSIS{}, scoring.WeightedProduct{}, scoring.PROMETHEEII{}}
		m := methods[int(r.byte())%len(methods)]
		res, err := scoring.RankReversal(context.Background(), m, p, w)
		checkOutcome(t, "reversal", res, err)
	})
}

// FuzzImpreciseSMAA widens a fuzzed problem's cells into intervals (some
// reversed, some missing), marks some criteria ordinal and gives some a
// range for their missing values: the analysis either fails with a
// sentinel error or gives finite acceptabilities.
func FuzzImpreciseSMAA(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, r, ok := fuzzProblem(t, data)
		if !ok {
			return
		}
		m, n := p.Dims()
		rows := p.Rows()
		crits := make([]scoring.ImpreciseCriterion, n)
		for j, c := range p.Criteria() {
			crits[j] = scoring.ImpreciseCriterion{Criterion: c, Ordinal: r.byte()%4 == 0}
			if r.byte()%3 == 0 {
				lo := float64(int8(r.byte())) / 4
				crits[j].Range = &[2]float64{lo, lo + float64(int8(r.byte()))/4}
			}
		}
		low, high := make([][]float64, m), make([][]float64, m)
		missing := make([][]bool, m)
		for i := range rows {
			low[i], high[i], missing[i] = make([]float64, n), make([]float64, n), make([]bool, n)
			for j, x := range rows[i] {
				low[i][j], high[i][j] = x, x+float64(int8(r.byte()))/8
				missing[i][j] = r.byte()%5 == 0
			}
		}
		ip := &scoring.ImpreciseProblem{Criteria: crits, Low: low, High: high, Missing: missing}
		s := scoring.ImpreciseSMAA{SMAA: scoring.SMAA{Samples: 60, Seed: uint64(r.byte())}, ValueDraws: 1 + int(r.byte()%6)}
		res, err := s.Run(context.Background(), ip)
		checkOutcome(t, "imprecise-smaa", res, err)
	})
}
