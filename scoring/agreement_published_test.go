package scoring_test

import (
	"math"
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
