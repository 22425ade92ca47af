package placement

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCurveMemo checks that the memo gives the very bits of the curves it
// remembers, for values seen again, values that share a slot, zeros of
// both signs, infinities and NaN, and that a nil memo computes them.
func TestCurveMemo(t *testing.T) {
	cm, err := compile(DefaultModel())
	if err != nil {
		t.Fatal(err)
	}
	k := &cm.k
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, math.Copysign(0, -1), 5, -3, 12.5, math.Inf(1), math.Inf(-1), math.NaN()}
	for range 5000 {
		xs = append(xs, rng.NormFloat64()*4+5)
	}
	var m *curveMemo
	for _, memo := range []*curveMemo{nil, newCurveMemo()} {
		m = memo
		for range 2 { // the second pass reads what the first stored
			for _, x := range xs {
				if got, want := m.squash(x, k), squash(x, k); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
					t.Fatalf("squash(%v): memo %v, want %v", x, got, want)
				}
				if got, want := m.changeCurve(x, k), changeCurve(x, k); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
					t.Fatalf("changeCurve(%v): memo %v, want %v", x, got, want)
				}
			}
		}
	}
	// 5,000 values in 1,024 slots: many share one, so the test covers
	// eviction as well as hits.
	used := 0
	for _, key := range m.sq.keys {
		if key != math.Float64bits(math.NaN()) {
			used++
		}
	}
	if used < 900 {
		t.Errorf("only %d of %d slots used: the hash does not spread the values", used, len(m.sq.keys))
	}
}
