package scoring_test

import (
	"testing"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

// isik2020 is Işık, Aydın & Koşaroğlu (2020), LogForum 16(4): MABAC on the
// logistics performance index of eleven CEE countries, printed to 6 dp.
var isik2020 = scoreCase{
	source: "Işık, Aydın & Koşaroğlu (2020), LogForum 16(4), MABAC on the LPI of CEE countries (6 dp)",
	method: scoring.MABAC{}, dirs: "bbbbbb",
	rows: [][]float64{
		{2.937588, 2.762986, 3.233723, 2.881315, 3.015289, 3.313491}, {2.978555, 3.012820, 2.929487, 3.096154, 3.012820, 3.593939},
		{3.286673, 3.464600, 3.746009, 3.715632, 3.703427, 4.133620}, {3.322037, 3.098638, 3.262154, 3.147851, 3.206675, 3.798684},
		{3.354866, 3.270945, 3.221880, 3.213207, 3.670508, 3.785941}, {2.796570, 2.983000, 2.744904, 2.692550, 2.787563, 2.878851},
		{2.846491, 2.729618, 2.789990, 2.955624, 3.123323, 3.646595}, {3.253458, 3.208902, 3.678499, 3.580044, 3.505663, 3.954262},
		{2.580718, 2.906903, 3.176497, 3.073653, 3.264727, 3.681887}, {2.789011, 3.000000, 3.101099, 3.139194, 2.985348, 3.139194},
		{3.418681, 3.261905, 3.187912, 3.052381, 3.266667, 3.695238},
	},
	weights: []float64{0.171761, 0.105975, 0.191793, 0.168824, 0.161768, 0.199880},
	want: []float64{-0.155317, -0.089493, 0.505407, 0.132405, 0.246943, -0.386756, -0.179406, 0.362921,
		-0.084198, -0.167505, 0.139895}, tol: 5e-6,
	ranks: []int{8, 7, 1, 5, 3, 11, 10, 2, 6, 9, 4},
}

func TestMABACIsik2020(t *testing.T) {
	t.Parallel()
	isik2020.check(t)
}

func TestMABACProperties(t *testing.T) {
	t.Parallel()
	if err := scoringtest.TestMethod(scoring.MABAC{}); err != nil {
		t.Error(err)
	}
}
