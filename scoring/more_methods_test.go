package scoring_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

func TestPublishedMoreMethods(t *testing.T) {
	t.Parallel()
	cases := []scoreCase{
		{
			source: "Ersoy (2021), LogForum 17(3), EDAS appraisal scores (3 dp)",
			method: scoring.EDAS{}, dirs: "bbbbcc",
			rows: [][]float64{
				{256, 8, 41, 1.6, 1.77, 7347.16}, {256, 8, 32, 1.0, 1.8, 6919.99}, {256, 8, 53, 1.6, 1.9, 8400},
				{256, 8, 41, 1.0, 1.75, 6808.9}, {512, 8, 35, 1.6, 1.7, 8479.99}, {256, 4, 35, 1.6, 1.7, 7499.99},
			},
			weights: []float64{0.405, 0.221, 0.134, 0.199, 0.007, 0.034},
			want:    []float64{0.414, 0.130, 0.461, 0.212, 0.944, 0.043}, tol: 5e-4, ranks: []int{3, 5, 2, 4, 1, 6},
		},
		{
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
		},
		{
			source:  "Dezert, Tchamova, Han & Tacnet (2020), FUSION 2020, SPOTIS example with weights (5, 4, 4, 1, 3)/17 (4 dp)",
			method:  scoring.SPOTIS{Bounds: [][2]float64{{14000, 16000}, {3, 8}, {80, 140}, {35, 60}, {650, 1300}}},
			dirs:    "cccbb",
			rows:    [][]float64{{15000, 4.3, 99, 42, 737}, {15290, 5.0, 116, 42, 892}, {15350, 5.0, 114, 45, 952}, {15490, 5.3, 123, 45, 1120}},
			weights: []float64{5, 4, 4, 1, 3},
			want:    []float64{0.4779, 0.5781, 0.5558, 0.5801}, tol: 5e-5, ranks: []int{1, 3, 2, 4},
		},
	}
	for _, tc := range cases {
		t.Run(tc.source, func(t *testing.T) {
			t.Parallel()
			res, err := tc.method.Rank(problem(t, tc.dirs, tc.rows), tc.weights)
			require.NoError(t, err)
			if d := cmp.Diff(tc.want, res.Scores, cmpopts.EquateApprox(0, tc.tol)); d != "" {
				t.Errorf("scores (-published +got):\n%s", d)
			}
			assert.Equal(t, tc.ranks, res.Ranks)
		})
	}
}

func TestPublishedMOORAKarabasevic2015(t *testing.T) {
	t.Parallel()
	// Karabasevic, Stanujkic, Urosevic & Maksimovic (2015), Acta Montanistica
	// Slovaca 20(2): MOORA ratio system with SWARA weights that sum to
	// 0.999, printed to 3 dp. The paper does not rescale its weights; the
	// package does, so its scores are the paper's divided by 0.999.
	w := []float64{0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073}
	res, err := scoring.MOORA{}.Rank(problem(t, "bbbbbbb", [][]float64{{4, 3, 3, 4, 3, 2, 4}, {3, 3, 4, 3, 5, 4, 4}, {5, 4, 4, 5, 5, 5, 4}}), w)
	require.NoError(t, err)
	got := make([]float64, 3)
	for i, s := range res.Scores {
		got[i] = s * 0.999
	}
	if d := cmp.Diff([]float64{0.494, 0.527, 0.677}, got, cmpopts.EquateApprox(0, 5e-4)); d != "" {
		t.Errorf("ratio system (-published +got):\n%s", d)
	}
	assert.Equal(t, []int{3, 2, 1}, res.Ranks)
}

// Keshavarz Ghorabaee et al. (2015), Informatica 26(3), Table 7: EDAS
// rankings for the seven weight sets of Table 6.
func TestPublishedEDASRankingsKeshavarz2015(t *testing.T) {
	t.Parallel()
	want := [][]int{{1, 4, 6, 10, 7, 8, 2, 3, 5, 9}, {1, 4, 6, 10, 7, 8, 2, 3, 5, 9}, {1, 3, 7, 10, 6, 8, 2, 4, 5, 9},
		{1, 2, 7, 10, 6, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}, {1, 2, 6, 10, 7, 8, 3, 4, 5, 9}}
	p := problem(t, edasDirs, edasData)
	for s, ranks := range want {
		res, err := scoring.EDAS{}.Rank(p, edasWeights[s])
		require.NoError(t, err)
		assert.Equal(t, ranks, res.Ranks, "weight set %d", s+1)
	}
}

func TestMOORAEqualsVectorWSM(t *testing.T) {
	t.Parallel()
	p := problem(t, aircraftDirs, aircraft)
	a, err := scoring.MOORA{}.Rank(p, aircraftW)
	require.NoError(t, err)
	b, err := scoring.WeightedSum{Normalization: scoring.Vector}.Rank(p, aircraftW)
	require.NoError(t, err)
	assert.Equal(t, a.Ranks, b.Ranks)
	for i := range a.Scores {
		assert.InDelta(t, b.Scores[i], a.Scores[i]+0.1, 1e-12) // 0.1 = the cost criterion's weight
	}
}

func TestMoreMethodsProperties(t *testing.T) {
	t.Parallel()
	for _, m := range []scoring.Method{scoring.EDAS{}, scoring.MABAC{}, scoring.SPOTIS{}, scoring.MOORA{}} {
		if err := scoringtest.TestMethod(m); err != nil {
			t.Errorf("%T:\n%v", m, err)
		}
	}
}

func TestMoreMethodsBadInput(t *testing.T) {
	t.Parallel()
	p := problem(t, "bc", [][]float64{{1, 2}, {3, 4}})
	w := []float64{1, 1}
	for _, tc := range []struct {
		m    scoring.Method
		want error
	}{
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}}}, scoring.ErrLength},
		{scoring.SPOTIS{Bounds: [][2]float64{{0, 5}, {3, 10}}}, scoring.ErrParam}, // does not contain 2
		{scoring.SPOTIS{Bounds: [][2]float64{{5, 5}, {0, 10}}}, scoring.ErrParam},
		{scoring.EDAS{}, nil},
	} {
		_, err := tc.m.Rank(p, w)
		if tc.want == nil {
			assert.NoError(t, err)
			continue
		}
		assert.ErrorIs(t, err, tc.want, "%#v", tc.m)
		var ie *scoring.InputError
		assert.ErrorAs(t, err, &ie)
	}
	_, err := scoring.EDAS{}.Rank(problem(t, "b", [][]float64{{-1}, {1}}), []float64{1})
	assert.ErrorIs(t, err, scoring.ErrDomain)
}
