package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The prepared kernels used by robustness analysis must give the scores
// Rank gives.
func TestKernelsMatchRank(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 8))
	crits := []Criterion{{"a", Benefit}, {"b", Cost}, {"c", Benefit}, {"d", Cost}}
	for trial := range 20 {
		m := 2 + rng.IntN(9)
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{1 + rng.Float64()*9, 1 + rng.Float64()*9, float64(1 + rng.IntN(5)), 1 + rng.Float64()}
		}
		p := MustNewProblem(nil, crits, rows)
		w := []float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64() + 0.1}
		prefs := []Preference{{Function: Linear, Q: 0.5, P: 3}, {Function: Gaussian, S: 2}, {Function: Level, Q: 1, P: 2}, {}}
		for _, meth := range []preparingMethod{WeightedSum{}, WeightedSum{Normalization: Vector}, WeightedProduct{}, TOPSIS{}, TOPSIS{Normalization: Max},
			NewVIKOR(), VIKOR{V: 0.2}, PROMETHEEII{}, PROMETHEEII{Preferences: prefs}, COPRAS{},
			EDAS{}, MABAC{}, SPOTIS{}, MOORA{}, MOORA{Form: ReferencePoint}, MOORA{Form: FullMultiplicative}, MOORA{Form: MultiMOORA}} {
			checkKernelMatchesRank(t, fmt.Sprintf("trial %d (seed 5,8)", trial), meth, p, w)
		}
	}
}

// The radix sort must give the order of the comparison sort: best first,
// ties by index, for any finite scores.
func TestRadixOrderMatchesComparisonSort(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(21, 34))
	gens := map[string]func(i int) float64{
		"uniform":    func(int) float64 { return rng.Float64() },
		"ties":       func(int) float64 { return float64(rng.IntN(50)) / 7 },
		"signed":     func(int) float64 { return rng.NormFloat64() * 1e3 },
		"zeros":      func(i int) float64 { return []float64{0, math.Copysign(0, -1), 1e-300, -1e-300}[i%4] },
		"huge span":  func(int) float64 { return (rng.Float64()*2 - 1) * math.MaxFloat64 },
		"crowded":    func(int) float64 { return 1 + float64(rng.IntN(1000))*1e-15 },
		"all equal":  func(int) float64 { return 0.25 },
		"two values": func(i int) float64 { return float64(i % 2) },
	}
	for name, gen := range gens {
		m := radixThreshold + 1 + rng.IntN(20000)
		s := make([]float64, m)
		for i := range s {
			s[i] = gen(i)
		}
		for _, better := range []Better{Higher, Lower} {
			got := radixOrder(s, better)
			want := make([]int, m)
			for i := range want {
				want[i] = i
			}
			sign := 1.0
			if better == Higher {
				sign = -1
			}
			slices.SortStableFunc(want, func(a, b int) int { return cmpFloat(sign*s[a], sign*s[b]) })
			if !slices.Equal(got, want) {
				t.Errorf("%s, %v: radix order differs from the comparison sort", name, better)
			}
		}
	}
}

// checkNames reports the earliest duplicate, as a scan in index order would.
func TestCheckNamesReportsEarliestDuplicate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		names      []string
		dup, first int
	}{
		{[]string{"x", "y", "x"}, 2, 0}, {[]string{"a", "b", "b", "a"}, 2, 1}, {[]string{"a", "a", "a"}, 1, 0}, {[]string{"q", "r"}, -1, -1},
	} {
		err := checkNames("alternatives", c.names)
		if c.dup < 0 {
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		ie, ok := err.(*InputError)
		if !ok || ie.Row != c.dup || ie.Detail != "same as index "+string(rune('0'+c.first)) {
			t.Errorf("%v: got %v, want row %d same as %d", c.names, err, c.dup, c.first)
		}
	}
}

// Near-ties (within the relative tolerance) share a rank on the radix path
// exactly as on the comparison path.
func TestRadixRanksNearTies(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(8, 13))
	m := 3 * radixThreshold
	s := make([]float64, m)
	for i := range s {
		base := float64(rng.IntN(m/3)) / float64(m)
		s[i] = base + float64(rng.IntN(3))*3e-13 // near-ties below and above the 1e-12 tolerance
	}
	for _, better := range []Better{Higher, Lower} {
		got := rankScores(s, better)
		// The comparison-sort path on the same data.
		want := make([]int, m)
		tol := tieTolerance * maxAbs(s)
		head, rank := 0.0, 1
		for k, i := range func() []int {
			o := make([]int, m)
			for i := range o {
				o[i] = i
			}
			sign := -1.0
			if better == Lower {
				sign = 1
			}
			slices.SortStableFunc(o, func(a, b int) int { return cmpFloat(sign*s[a], sign*s[b]) })
			return o
		}() {
			if k == 0 || math.Abs(s[i]-head) > tol {
				head, rank = s[i], k+1
			}
			want[i] = rank
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: radix ranks differ from the comparison path", better)
		}
	}
}

// Knight's algorithm agrees with the pairwise definition of τ-b.
func TestKendallTauMatchesPairwise(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(4, 4))
	for trial := range 200 {
		n := 1 + rng.IntN(40)
		a, b := make([]int, n), make([]int, n)
		for i := range a {
			a[i], b[i] = 1+rng.IntN(n), 1+rng.IntN(n)
		}
		got, err := KendallTau(a, b)
		if err != nil {
			t.Fatal(err)
		}
		var conc, disc, tieA, tieB, n0 float64
		for i := range a {
			for j := i + 1; j < n; j++ {
				n0++
				da, db := a[i]-a[j], b[i]-b[j]
				switch {
				case da == 0 && db == 0:
					tieA++
					tieB++
				case da == 0:
					tieA++
				case db == 0:
					tieB++
				case (da > 0) == (db > 0):
					conc++
				default:
					disc++
				}
			}
		}
		want := 0.0
		switch na, nb := n0-tieA, n0-tieB; {
		case na == 0 && nb == 0:
			want = 1
		case na == 0 || nb == 0:
			want = 0
		default:
			want = (conc - disc) / math.Sqrt(na*nb)
		}
		if math.Abs(got-want) > 1e-12 {
			t.Fatalf("trial %d: %v %v: tau %v, pairwise %v", trial, a, b, got, want)
		}
	}
}

// The large-input ranking splits the sorted scores into chunks at tie-group
// boundaries; ranks and order must not depend on how many chunks there are,
// and must equal the comparison-sort path's (ties by index, near-ties within
// the tolerance sharing the smaller rank).
func TestRadixRanksIndependentOfChunks(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 55))
	m := 5*radixThreshold + 77
	gens := map[string]func(i int) float64{
		"near ties":  func(int) float64 { return float64(rng.IntN(m/3))/float64(m) + float64(rng.IntN(3))*3e-13 },
		"few values": func(int) float64 { return float64(rng.IntN(4)) },
		"all equal":  func(int) float64 { return -2 },
		"one apart":  func(i int) float64 { return float64(i / (m - 3)) }, // a tie group spanning most chunks
		"uniform":    func(int) float64 { return rng.NormFloat64() },
		// A range far below the tolerance's scale: near-ties have keys
		// far apart, so chunks must not split between them.
		"crowded": func(int) float64 { return 1e3 + float64(rng.IntN(9))*4e-10 },
	}
	for name, gen := range gens {
		s := make([]float64, m)
		for i := range s {
			s[i] = gen(i)
		}
		for _, better := range []Better{Higher, Lower} {
			// The comparison path: a stable sort and a head-based walk.
			sign := -1.0
			if better == Lower {
				sign = 1
			}
			wantOrder := make([]int, m)
			for i := range wantOrder {
				wantOrder[i] = i
			}
			slices.SortStableFunc(wantOrder, func(a, b int) int { return cmpFloat(sign*s[a], sign*s[b]) })
			wantRanks := make([]int, m)
			tol := tieTolerance * maxAbs(s)
			head, rank := 0.0, 1
			for k, i := range wantOrder {
				if k == 0 || math.Abs(s[i]-head) > tol {
					head, rank = s[i], k+1
				}
				wantRanks[i] = rank
			}
			for _, chunks := range []int{1, 2, 3, 7} {
				ranks, order := rankOrderChunks(s, better, true, chunks)
				if !slices.Equal(ranks, wantRanks) {
					t.Errorf("%s, %v, %d chunks: ranks differ from the comparison path", name, better, chunks)
				}
				if !slices.Equal(order, wantOrder) {
					t.Errorf("%s, %v, %d chunks: order differs from the comparison path", name, better, chunks)
				}
			}
		}
	}
}

// The fused, block-parallel Rank paths agree with the SMAA kernels (which
// work sequentially on a normalised copy) on problems spanning several row
// blocks, at ordinary and extreme magnitudes.
func TestFusedPathsMatchKernels(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	crits := []Criterion{{"a", Benefit}, {"b", Cost}, {"c", Benefit}, {"d", Cost}, {"e", Benefit}}
	m := 3*blockRows + 17
	for _, mag := range []float64{1, 1e-300, 1e300, 1e306} {
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = make([]float64, len(crits))
			for j := range rows[i] {
				rows[i][j] = mag * (0.01 + 99*rng.Float64())
			}
		}
		p := MustNewProblem(nil, crits, rows)
		w := []float64{0.3, 0.1, 0, 0.25, 0.35}
		for _, meth := range []preparingMethod{WeightedSum{}, WeightedProduct{}, WeightedProduct{Normalization: Vector}, TOPSIS{}, NewVIKOR(), COPRAS{}} {
			checkKernelMatchesRank(t, fmt.Sprintf("magnitude %g", mag), meth, p, w)
		}
	}
}

// preparingMethod is a built-in method with an SMAA kernel.
type preparingMethod interface {
	Method
	preparer
}

// checkKernelMatchesRank checks that meth's kernel scores p under w as
// its Rank does, to 1e-12 relative, with the same orientation.
func checkKernelMatchesRank(t *testing.T, where string, meth preparingMethod, p *Problem, w []float64) {
	t.Helper()
	res, err := meth.Rank(p, w)
	if err != nil {
		t.Fatal(err)
	}
	k, err := meth.prepare(p)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, len(res.Scores))
	k.score(got, res.Weights, make([]float64, k.scratchLen()))
	if k.better() != res.Better {
		t.Errorf("%s, %#v: kernel better %v, Rank %v", where, meth, k.better(), res.Better)
	}
	for i := range got {
		if math.Abs(got[i]-res.Scores[i]) > 1e-12*math.Max(1, math.Abs(res.Scores[i])) {
			t.Fatalf("%s, %#v: kernel score %d = %v, Rank %v", where, meth, i, got[i], res.Scores[i])
		}
	}
}
