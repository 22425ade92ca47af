package scoring_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// TestAgreementPublished checks the rank-agreement coefficients against
// published values. tol is half a unit of the last printed decimal.
func TestAgreementPublished(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		f      func(a, b []int) (float64, error)
		a, b   []int
		want   float64
		tol    float64
		source string
	}{
		{"spearman swap top two", scoring.SpearmanRho, []int{1, 2, 3, 4, 5}, []int{2, 1, 3, 4, 5}, 0.9, 5e-3,
			"Sałabun & Urbaniak (2020), ICCS, LNCS 12138:632–645 (0.9 to 2 dp; reference value as cited by pyfdm's test suite)"},
		{"WS product selection", scoring.WSCoefficient,
			[]int{7, 11, 2, 1, 4, 9, 6, 3, 5, 10, 8, 12}, []int{7, 11, 3, 2, 4, 9, 6, 1, 5, 10, 8, 12}, 0.90, 5e-3,
			"Paradowski, Bączkiewicz & Wątróbski (2021), Procedia Computer Science 192:1347–1358 (0.90 to 2 dp; as cited by pyfdm's test suite)"},
		// Sałabun & Urbaniak (2020), ICCS, LNCS 12138:632–645: the reference
		// ranking (1, 2, 3, 4, 5) against (1, 3, 2, 4, 5), with r_s, r_w and WS
		// printed to 4 dp (values as pyrepo-mcda's test suite cites them).
		{"S&U 2020 spearman", scoring.SpearmanRho, []int{1, 2, 3, 4, 5}, []int{1, 3, 2, 4, 5}, 0.9, 5e-5,
			"Sałabun & Urbaniak (2020), r_s = 0.9"},
		{"S&U 2020 weighted spearman", scoring.WeightedSpearman, []int{1, 2, 3, 4, 5}, []int{1, 3, 2, 4, 5}, 0.8833, 5e-5,
			"Sałabun & Urbaniak (2020), r_w = 0.8833"},
		{"S&U 2020 WS", scoring.WSCoefficient, []int{1, 2, 3, 4, 5}, []int{1, 3, 2, 4, 5}, 0.8542, 5e-5,
			"Sałabun & Urbaniak (2020), WS = 0.8542"},
		// Goodman & Kruskal's γ by its definition (Goodman & Kruskal 1954):
		// one discordant pair of six gives (5 − 1)/6; pairs tied in either
		// ranking are left out, so (1, 1, 3, 4) against (1, 2, 2, 4) has four
		// concordant pairs and none discordant.
		{"gamma one swap", scoring.GoodmanKruskalGamma, []int{1, 2, 3, 4}, []int{1, 3, 2, 4}, 2.0 / 3, 1e-15,
			"Goodman & Kruskal (1954), JASA 49(268):732–764, γ = (N_c − N_d)/(N_c + N_d)"},
		{"gamma ties left out", scoring.GoodmanKruskalGamma, []int{1, 1, 3, 4}, []int{1, 2, 2, 4}, 1, 1e-15,
			"Goodman & Kruskal (1954), pairs tied in either ranking are not counted"},
		{"weighted spearman reversed pair", scoring.WeightedSpearman, []int{1, 2}, []int{2, 1}, -1, 1e-15,
			"Pinto da Costa & Soares (2005): r_w = −1 for two alternatives reversed"},
		// The SciPy reference examples, with the data turned into competition
		// ranks (both coefficients depend on the ranks only).
		{"spearman with ties", scoring.SpearmanRho, []int{1, 2, 3, 4, 5}, []int{1, 2, 3, 5, 3}, 0.8207826816681233, 1e-15,
			"SciPy reference, scipy.stats.spearmanr([1,2,3,4,5], [5,6,7,8,7]) = 0.8207826816681233"},
		{"kendall tau-b with ties", scoring.KendallTau, []int{4, 2, 1, 4, 2}, []int{2, 4, 5, 2, 1}, -0.47140452079103173, 1e-15,
			"SciPy reference, scipy.stats.kendalltau([12,2,1,12,2], [1,4,7,1,0]) = -0.47140452079103173 (= −4/√72)"},
		{"kendall swap top two", scoring.KendallTau, []int{1, 2, 3, 4, 5}, []int{2, 1, 3, 4, 5}, 0.8, 1e-15,
			"definition: 9 concordant and 1 discordant pair of 10"},
		// WS by its formula: 1 − (2⁻¹·1/4 + 2⁻²·1/3) = 19/24; a swap at the
		// bottom costs far less: 1 − (2⁻⁴·1/3 + 2⁻⁵·1/4) = 0.97135416….
		{"WS swap top two", scoring.WSCoefficient, []int{1, 2, 3, 4, 5}, []int{2, 1, 3, 4, 5}, 19.0 / 24, 1e-15,
			"Sałabun & Urbaniak (2020), eq. (5) evaluated exactly"},
		{"WS swap bottom two", scoring.WSCoefficient, []int{1, 2, 3, 4, 5}, []int{1, 2, 3, 5, 4}, 1 - 1.0/48 - 1.0/128, 1e-15,
			"Sałabun & Urbaniak (2020), eq. (5) evaluated exactly"},
	}
	for _, tc := range cases {
		got, err := tc.f(tc.a, tc.b)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if math.Abs(got-tc.want) > tc.tol {
			t.Errorf("%s: got %v, want %v ± %v (%s)", tc.name, got, tc.want, tc.tol, tc.source)
		}
	}
}

// Properties of the coefficients: identical rankings agree fully, every
// coefficient lies in its range, the symmetric ones are symmetric, γ
// equals Kendall's τ on rankings without ties, and RankAgreement.Compare
// is the function it names.
func TestAgreementProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(22, 1))
	for range 200 {
		n := 1 + rng.IntN(9)
		a, b := make([]int, n), make([]int, n)
		for i := range n {
			a[i], b[i] = i+1, i+1
		}
		rng.Shuffle(n, func(i, k int) { a[i], a[k] = a[k], a[i] })
		rng.Shuffle(n, func(i, k int) { b[i], b[k] = b[k], b[i] })
		for _, c := range scoring.RankAgreements() {
			self, err := c.Compare(a, a)
			if err != nil || self != 1 {
				t.Fatalf("%v(%v, itself) = %v, %v; want 1", c, a, self, err)
			}
			ab, err := c.Compare(a, b)
			if err != nil {
				t.Fatal(err)
			}
			lo := -1.0
			if c == scoring.AgreementWS {
				lo = 0
			}
			if ab < lo || ab > 1 || math.IsNaN(ab) {
				t.Errorf("%v(%v, %v) = %v outside [%v, 1]", c, a, b, ab, lo)
			}
			if c != scoring.AgreementWS {
				ba, _ := c.Compare(b, a)
				if math.Abs(ab-ba) > 1e-12 {
					t.Errorf("%v not symmetric on %v, %v: %v vs %v", c, a, b, ab, ba)
				}
			}
		}
		g, _ := scoring.GoodmanKruskalGamma(a, b)
		tau, _ := scoring.KendallTau(a, b)
		if math.Abs(g-tau) > 1e-12 {
			t.Errorf("γ %v ≠ τ %v on untied %v, %v", g, tau, a, b)
		}
		if n > 1 {
			rev := make([]int, n)
			for i := range a {
				rev[i] = n + 1 - a[i]
			}
			for _, c := range []scoring.RankAgreement{scoring.AgreementSpearman, scoring.AgreementKendall, scoring.AgreementGoodmanKruskal} {
				if v, _ := c.Compare(a, rev); math.Abs(v+1) > 1e-12 {
					t.Errorf("%v(%v, reversed) = %v, want −1", c, a, v)
				}
			}
		}
	}
	for _, c := range scoring.RankAgreements() {
		text, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back scoring.RankAgreement
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Errorf("%v: round trip gave %v, %v", c, back, err)
		}
	}
	if _, err := scoring.ParseRankAgreement("pearson"); !errors.Is(err, scoring.ErrUnknownName) {
		t.Errorf("pearson: %v", err)
	}
	if _, err := scoring.RankAgreement(9).Compare([]int{1}, []int{1}); !errors.Is(err, scoring.ErrUnknownName) {
		t.Errorf("RankAgreement(9): %v", err)
	}
	for _, f := range []func(a, b []int) (float64, error){scoring.WeightedSpearman, scoring.GoodmanKruskalGamma} {
		var ie *scoring.InputError
		if _, err := f([]int{1, 2}, []int{1}); !errors.As(err, &ie) || !errors.Is(err, scoring.ErrLength) || ie.Path != "ranking" {
			t.Errorf("lengths 2 and 1: %v", err)
		}
		if _, err := f([]int{1, 3}, []int{1, 2}); !errors.Is(err, scoring.ErrParam) {
			t.Errorf("rank 3 of 2: %v", err)
		}
	}
}

// tableRankings expands an ordinal contingency table (rows and columns in
// increasing order) into two competition rankings of its observations, one
// by row category and one by column category: γ and τ depend on the order
// only, so the rankings carry the table.
func tableRankings(table [][]int) (byRow, byCol []int) {
	colTotal := make([]int, len(table[0]))
	rowStart, colStart := make([]int, len(table)), make([]int, len(table[0]))
	for i, row := range table {
		for j, n := range row {
			colTotal[j] += n
			if i+1 < len(table) {
				rowStart[i+1] += n
			}
		}
		if i+1 < len(table) {
			rowStart[i+1] += rowStart[i]
		}
	}
	for j := 1; j < len(colTotal); j++ {
		colStart[j] = colStart[j-1] + colTotal[j-1]
	}
	for i, row := range table {
		for j, n := range row {
			for range n {
				byRow = append(byRow, rowStart[i]+1)
				byCol = append(byCol, colStart[j]+1)
			}
		}
	}
	return byRow, byCol
}

// Goodman & Kruskal's γ on a published table: Agresti, "An Introduction to
// Categorical Data Analysis" (2nd ed., Wiley 2007), the job satisfaction by
// income example (income < 15, 15–25, 25–40, > 40 thousand dollars against
// very dissatisfied … very satisfied): C = 1331, D = 849, γ = 0.221. The
// counts (General Social Survey 1996) are also R's vcdExtra::JobSat data
// set, as printed in Aalborg University's ASTA course notes, which give the
// same table.
func TestGoodmanKruskalAgresti2007(t *testing.T) {
	t.Parallel()
	a, b := tableRankings([][]int{{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}})
	got, err := scoring.GoodmanKruskalGamma(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := (1331.0 - 849) / (1331 + 849); math.Abs(got-want) > 1e-15 || math.Abs(got-0.221) > 5e-4 {
		t.Errorf("γ = %v, want 482/2180 = 0.221 (Agresti 2007)", got)
	}
	// γ leaves out the pairs tied on either variable; τ-b does not, and is
	// smaller here.
	tau, err := scoring.KendallTau(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !(tau > 0 && tau < got) {
		t.Errorf("τ-b = %v, want in (0, γ = %v)", tau, got)
	}
}
