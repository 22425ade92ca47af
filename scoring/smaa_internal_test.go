package scoring

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestSortKeysMatchesInsertion checks the branch-free rank count against
// the stable insertion sort on many small score vectors with exact ties,
// for both directions, and the fallback on NaN.
func TestSortKeysMatchesInsertion(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 20000 {
		m := 1 + r.IntN(12)
		s := make([]float64, m)
		for i := range s {
			s[i] = float64(r.IntN(5)) - 2 // many exact ties, no −0
		}
		k1, o1, rk := make([]float64, m), make([]int, m), make([]int, m)
		k2, o2 := make([]float64, m), make([]int, m)
		for range 2 {
			for i := range s {
				s[i] = -s[i]
			}
			if !countRanks(k1, o1, rk, s) {
				t.Fatalf("trial %d: %v: ranks are not a permutation", trial, s)
			}
			insertionKeys(k2, o2, s)
			for i := range o1 {
				if o1[i] != o2[i] || k1[i] != k2[i] {
					t.Fatalf("trial %d: %v: count %v, insertion %v", trial, s, o1, o2)
				}
			}
		}
	}
	s := []float64{1, math.NaN(), 3, 2}
	keys, ord, rank := make([]float64, 4), make([]int, 4), make([]int, 4)
	sortKeys(keys, ord, rank, s, Higher) // must not panic
	seen := map[int]bool{}
	for _, i := range ord {
		seen[i] = true
	}
	if len(seen) != 4 {
		t.Errorf("sortKeys with NaN gave order %v, not a permutation", ord)
	}
}

// TestScoreLinearBits checks that the SMAA fast path for linear kernels
// gives exactly the kernel's scores.
func TestScoreLinearBits(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	const m, n = 7, 5
	k := linearKernel{r: make([]float64, m*n), n: n}
	for i := range k.r {
		k.r[i] = r.Float64()
	}
	w := make([]float64, n)
	a, b := make([]float64, m), make([]float64, m)
	for range 1000 {
		uniformSimplex(r, w)
		k.score(a, w, nil)
		scoreLinear(b, k.r, w)
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
				t.Fatalf("scoreLinear %v, kernel %v", b, a)
			}
		}
	}
}

// tieScores returns m scores drawn from a few values, with −0 and +0 and
// near-ties within the tie tolerance, so that groups of every size occur.
func tieScores(r *rand.Rand, m int) []float64 {
	s := make([]float64, m)
	for i := range s {
		switch r.IntN(6) {
		case 0:
			s[i] = 0
		case 1:
			s[i] = math.Copysign(0, -1)
		case 2:
			s[i] = 1 + float64(r.IntN(3))*1e-13 // ties with 1 within 1e-12
		default:
			s[i] = float64(r.IntN(7)) - 3
		}
	}
	return s
}

// fullCounts ranks scores with sortKeysMax (pairwise count up to pairMax)
// and returns the m×m counts and m×n central sums of one sample.
func fullCounts(s, w []float64, better Better, pairMax int) (counts, central []float64) {
	m, n := len(s), len(w)
	keys, ord, rank := make([]float64, m), make([]int, m), make([]int, m)
	counts, central = make([]float64, m*m), make([]float64, m*n)
	sc := append([]float64(nil), s...)
	ties := sortKeysMax(keys, ord, rank, sc, better, pairMax)
	accumulateRanks(counts, central, keys, ord, ties, w)
	return counts, central
}

func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// TestRankPathsAgree checks that the pairwise count, the comparison sort
// and the insertion sort give bit-identical counts and central sums on
// scores with many ties, −0 and +0 included, in both directions.
func TestRankPathsAgree(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	w := []float64{0.25, 0.75}
	for trial := range 2500 {
		m := 1 + r.IntN(64)
		s := tieScores(r, m)
		for _, better := range []Better{Higher, Lower} {
			c1, z1 := fullCounts(s, w, better, 64)
			c2, z2 := fullCounts(s, w, better, 0)
			if !sameBits(c1, c2) || !sameBits(z1, z2) {
				t.Fatalf("trial %d (%v, %v): pairwise count and sort disagree", trial, s, better)
			}
		}
	}
}

// TestSelectTopMatchesFull checks that the top-k selection gives exactly
// the first k columns of the full counts, and the same central sums, for
// every k, with tie groups straddling rank k, on both selection paths
// (the small buffer for k ≤ topSmallK and quickselect above).
func TestSelectTopMatchesFull(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 10))
	w := []float64{0.25, 0.75}
	n := len(w)
	for trial := range 1000 {
		m := 2 + r.IntN(90)
		s := tieScores(r, m)
		if trial%3 == 0 {
			for i := range s {
				s[i] = r.NormFloat64() // mostly distinct
			}
		}
		for _, better := range []Better{Higher, Lower} {
			full, fullCentral := fullCounts(s, w, better, pairwiseMax)
			for _, k := range []int{1, 2, 3, 1 + r.IntN(m-1), m - 1, topSmallK, topSmallK + 1, 2 * topSmallK} {
				if k >= m {
					continue
				}
				keys, ord, buf := make([]float64, m), make([]int, m), make([]float64, k)
				sc := append([]float64(nil), s...)
				c, tol, ok := selectTop(keys, ord, buf, sc, better, k)
				if !ok {
					t.Fatalf("selectTop refused finite scores %v", s)
				}
				counts, central := make([]float64, m*k), make([]float64, m*n)
				accumulateTop(counts, central, keys[:c], ord[:c], tol, k, w)
				for i := range m {
					if !sameBits(counts[i*k:(i+1)*k], full[i*m:i*m+k]) {
						t.Fatalf("trial %d, %v, k=%d, scores %v: row %d top %v, full %v",
							trial, better, k, s, i, counts[i*k:(i+1)*k], full[i*m:i*m+k])
					}
				}
				if !sameBits(central, fullCentral) {
					t.Fatalf("trial %d, k=%d: central sums %v, full %v", trial, k, central, fullCentral)
				}
			}
		}
	}
	// Non-finite scores are refused, so that the caller falls back.
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for _, k := range []int{2, topSmallK + 1} {
			s := make([]float64, 40)
			s[17] = bad
			keys, ord, buf := make([]float64, 40), make([]int, 40), make([]float64, k)
			if _, _, ok := selectTop(keys, ord, buf, s, Higher, k); ok {
				t.Errorf("selectTop accepted %v with k=%d", bad, k)
			}
		}
	}
}

// TestNthSmallest checks quickselect against sorting.
func TestNthSmallest(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	for range 2000 {
		m := 1 + r.IntN(300)
		a := make([]float64, m)
		for i := range a {
			a[i] = float64(r.IntN(1 + r.IntN(50)))
		}
		sorted := append([]float64(nil), a...)
		slices.Sort(sorted)
		k := r.IntN(m)
		if got := nthSmallest(a, k); got != sorted[k] {
			t.Fatalf("nthSmallest(%v, %d) = %v, want %v", sorted, k, got, sorted[k])
		}
	}
}

// TestFirstTiedMatchesSort checks the linear first-place scan of the
// confidence pass against sorting and firstGroup.
func TestFirstTiedMatchesSort(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(13, 14))
	for range 3000 {
		m := 1 + r.IntN(80)
		s := tieScores(r, m)
		for _, better := range []Better{Higher, Lower} {
			i := r.IntN(m)
			a := append([]float64(nil), s...)
			g, in, ok := firstTied(a, better, i)
			b := append([]float64(nil), s...)
			keys, ord, rank := make([]float64, m), make([]int, m), make([]int, m)
			sortKeys(keys, ord, rank, b, better)
			wantG := firstGroup(keys)
			wantIn := slices.Contains(ord[:wantG], i)
			if !ok || g != wantG || in != wantIn {
				t.Fatalf("firstTied(%v, %v, %d) = %d, %v, %v; want %d, %v", s, better, i, g, in, ok, wantG, wantIn)
			}
		}
	}
}

// TestSMAARankPathsBitIdentical runs whole analyses with every sample
// ranked by the pairwise count and by the sort: the results must be the
// same bits.
func TestSMAARankPathsBitIdentical(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(15, 16))
	for _, m := range []int{5, 30, 64} {
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{float64(1 + r.IntN(4)), float64(1 + r.IntN(4)), 1 + r.Float64()}
		}
		copy(rows[1], rows[0]) // identical alternatives always tie
		p := MustNewProblem(nil, []Criterion{{Name: "a", Direction: Benefit}, {Name: "b", Direction: Cost}, {Name: "c", Direction: Benefit}}, rows)
		for _, s := range []SMAA{
			{Samples: 4000, Seed: 3},
			{Method: TOPSIS{}, Samples: 1500, Seed: 4, Values: ValueUncertainty{Fraction: 0.05}},
		} {
			a, err := s.run(context.Background(), p, 64)
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.run(context.Background(), p, 0)
			if err != nil {
				t.Fatal(err)
			}
			same := reflect.DeepEqual(a, b) && sameBits(a.Confidence, b.Confidence) && sameBits(a.Holistic, b.Holistic)
			for i := range m {
				same = same && sameBits(a.RankAcceptability[i], b.RankAcceptability[i]) &&
					sameBits(a.CentralWeights[i], b.CentralWeights[i])
			}
			if !same {
				t.Errorf("m=%d: pairwise count and sort give different results", m)
			}
		}
	}
}

// TestCheckEvery checks how often SMAA workers look at the context: about
// every 2^16 matrix cells for built-in methods, at every evaluation for
// outside ones.
func TestCheckEvery(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		m, n int
		meth Method
		want int
	}{
		{10, 8, nil, 819},
		{1 << 16, 1, nil, 1},
		{1 << 15, 4, nil, 1},
		{10, 8, rankOnlyInternal{}, 1},
	} {
		rows := make([][]float64, c.m)
		for i := range rows {
			rows[i] = make([]float64, c.n)
			rows[i][0] = float64(i)
		}
		crits := make([]Criterion, c.n)
		for j := range crits {
			crits[j] = Criterion{Name: string(rune('a' + j)), Direction: Benefit}
		}
		run, err := SMAA{Method: c.meth, Samples: 1, TopRanks: 2}.resolve(MustNewProblem(nil, crits, rows))
		if err != nil {
			t.Fatal(err)
		}
		if got := run.checkEvery(); got != c.want {
			t.Errorf("%d×%d (%T): checkEvery %d, want %d", c.m, c.n, c.meth, got, c.want)
		}
	}
}

// rankOnlyInternal is the weighted sum seen as a method from outside the
// package (no prepared kernel).
type rankOnlyInternal struct{}

func (rankOnlyInternal) Rank(p *Problem, w []float64) (*Result, error) {
	return WeightedSum{}.Rank(p, w)
}
