package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, false)
	return out.String(), errOut.String(), code
}

func TestScoreContract(t *testing.T) {
	t.Parallel()
	cases := []struct {
		file    string
		scores  []float64
		tol     float64
		ranking []int
		better  string
		extra   map[string][]float64
	}{
		// Opricovic & Tzeng (2004), EJOR 156(2), Tables 1–3.
		{file: "testdata/score-vikor.json", scores: []float64{1, 0, 1}, tol: 1e-12, ranking: []int{2, 1, 2}, better: "lower",
			extra: map[string][]float64{"s": {0.5, 0.375, 0.5}, "r": {0.5, 0.25, 0.5}}},
		// Hwang & Yoon (1981) pp. 133–134 (3 dp from rounded intermediates).
		{file: "testdata/score-topsis.json", scores: []float64{0.643, 0.268, 0.613, 0.312}, tol: 1e-3, ranking: []int{1, 4, 2, 3}, better: "higher"},
		// Papathanasiou & Ploskas (2018) ch. 3 (2 dp).
		{file: "testdata/score-promethee2.json", scores: []float64{-0.26, -0.52, -0.22, 0.36, 0.70, -0.06}, tol: 5e-3, ranking: []int{5, 6, 4, 2, 1, 3}, better: "higher"},
		// Podvezko (2011) Tables 7–8 Variant II: N in percent.
		{file: "testdata/score-copras.json", scores: []float64{99.13, 99.78, 100}, tol: 5e-3, ranking: []int{3, 2, 1}, better: "higher"},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := runCLI(t, "", "score", "-f", tc.file)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr)
			var got struct {
				Method       string    `json:"method"`
				Alternatives []string  `json:"alternatives"`
				Scores       []float64 `json:"scores"`
				Better       string    `json:"better"`
				Ranking      []int     `json:"ranking"`
				S            []float64 `json:"s"`
				R            []float64 `json:"r"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &got))
			assert.NotEmpty(t, got.Method)
			assert.Len(t, got.Alternatives, len(tc.scores))
			if d := cmp.Diff(tc.scores, got.Scores, cmpopts.EquateApprox(0, tc.tol)); d != "" {
				t.Errorf("scores (-published +got):\n%s", d)
			}
			assert.Equal(t, tc.ranking, got.Ranking)
			assert.Equal(t, tc.better, got.Better)
			if want, ok := tc.extra["s"]; ok {
				assert.InDeltaSlice(t, want, got.S, 1e-12)
				assert.InDeltaSlice(t, tc.extra["r"], got.R, 1e-12)
			}
		})
	}
}

func TestScoreFromStdin(t *testing.T) {
	t.Parallel()
	in := `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}`
	stdout, _, code := runCLI(t, in, "score")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, `"ranking"`)
	assert.Contains(t, stdout, `"contributions"`)
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"score", "--help"}, {"score", "-h"}} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 0, code, args)
		assert.Empty(t, stderr)
		assert.Contains(t, stdout, "usage: socialseat")
	}
}

func TestWeightsContract(t *testing.T) {
	t.Parallel()
	// Saaty (1988), NATO ASI F48, "size of house": λmax 3.136, CI .068,
	// CR .117 (3 dp).
	stdout, stderr, code := runCLI(t, "", "weights", "-f", "testdata/weights-ahp.json")
	require.Equal(t, 0, code, stderr)
	var ahp struct {
		Weights   []float64 `json:"weights"`
		LambdaMax float64   `json:"lambda_max"`
		CI        float64   `json:"ci"`
		CR        float64   `json:"cr"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ahp))
	assert.InDelta(t, 3.136, ahp.LambdaMax, 5e-4)
	assert.InDelta(t, 0.068, ahp.CI, 5e-4)
	assert.InDelta(t, 0.117, ahp.CR, 5e-4)
	assert.Len(t, ahp.Weights, 3)

	// Barron & Barrett (1996): ROC weights for n = 4 (4 dp).
	stdout, stderr, code = runCLI(t, "", "weights", "-f", "testdata/weights-roc.json")
	require.Equal(t, 0, code, stderr)
	var roc struct {
		Weights []float64 `json:"weights"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &roc))
	assert.InDeltaSlice(t, []float64{0.5208, 0.2708, 0.1458, 0.0625}, roc.Weights, 5e-5)

	stdout, stderr, code = runCLI(t, "", "weights", "-f", "testdata/weights-entropy.json")
	require.Equal(t, 0, code, stderr)
	var ent struct {
		Weights []float64 `json:"weights"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ent))
	require.Len(t, ent.Weights, 2)
	assert.InDelta(t, 1, ent.Weights[0]+ent.Weights[1], 1e-12)

	for _, bad := range []struct{ in, want string }{
		{`{"method":"ahp","pairwise":[[1,3],[3,1]]}`, "pairwise"},
		{`{"method":"ahp","pairwise":[[1,"x"],["1/2",1]]}`, "x"},
		{`{"method":"roc"}`, `needs "ranks"`},
		{`{"method":"roc","ranks":[1,2],"points":[1,2]}`, `"points" does not apply`},
		{`{"method":"entropy","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1]]}`, "weight is not an input"},
		{`{"method":"best-worst","ranks":[1]}`, "best-worst"},
	} {
		stdout, stderr, code := runCLI(t, bad.in, "weights")
		assert.Equal(t, exitBadInput, code, bad.in)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, bad.want, bad.in)
	}
}

func TestRankContract(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var got struct {
		Profile struct {
			Name string `json:"name"`
		} `json:"profile"`
		Weights       map[string]float64 `json:"weights"`
		WeightsSource string             `json:"weights_source"`
		Ranking       []struct {
			Rank      int    `json:"rank"`
			ID        string `json:"id"`
			Name      string `json:"name"`
			Structure struct {
				Home, Model, Role, Sourcing string
			} `json:"structure"`
			Score         float64            `json:"score"`
			Contributions map[string]float64 `json:"contributions"`
			Strengths     []string           `json:"strengths"`
			Weaknesses    []string           `json:"weaknesses"`
		} `json:"ranking"`
		RACI map[string]struct {
			Responsible []string `json:"responsible"`
			Accountable string   `json:"accountable"`
			Consulted   []string `json:"consulted"`
			Informed    []string `json:"informed"`
		} `json:"raci"`
		Roadmap []struct {
			Step string `json:"step"`
			Why  string `json:"why"`
		} `json:"roadmap"`
		Robustness map[string]any `json:"robustness"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	require.NoError(t, dec.Decode(&got))
	assert.Equal(t, "Nordbank", got.Profile.Name)
	var rec placement.Recommendation
	require.NoError(t, json.Unmarshal([]byte(stdout), &rec), "the output reads back as a recommendation")
	assert.Equal(t, "Nordbank", rec.Profile.Name)
	criteria := []string{"agility", "consistency", "coverage", "expertise", "cost", "risk-compliance", "authenticity", "scalability", "influence", "change-effort"}
	sum := 0.0
	for _, c := range criteria {
		require.Contains(t, got.Weights, c)
		sum += got.Weights[c]
	}
	assert.InDelta(t, 1, sum, 1e-9)
	assert.NotEmpty(t, got.WeightsSource)
	require.NotEmpty(t, got.Ranking)
	top := got.Ranking[0]
	assert.Equal(t, 1, top.Rank)
	assert.NotEmpty(t, top.ID)
	assert.NotEmpty(t, top.Name)
	assert.NotEmpty(t, top.Structure.Model)
	assert.Len(t, top.Contributions, len(criteria))
	total := 0.0
	for _, c := range top.Contributions {
		total += c
	}
	assert.InDelta(t, top.Score, total, 1e-9, "contributions add up to the score")
	assert.NotEmpty(t, top.Strengths)
	// Every active touchpoint has a RACI row; customer service is
	// responsible for customer support (domain.md: Gartner, Maoz 2012).
	for _, tp := range []string{"customer-support", "crisis-response", "corporate-communication", "marketing-channel", "social-crm", "employee-policy"} {
		require.Contains(t, got.RACI, tp)
		assert.NotEmpty(t, got.RACI[tp].Accountable)
	}
	assert.Contains(t, got.RACI["customer-support"].Responsible, "customer-service")
	assert.NotEmpty(t, got.Roadmap)
	assert.NotEmpty(t, got.Robustness)
	// A regulated bank: no organic structure near the top.
	for _, r := range got.Ranking[:5] {
		assert.NotEqual(t, "organic", r.Structure.Model, r.ID)
	}
}

// The multinational of domain.md §10 (60,000 employees, 25 units, 30
// countries) gets a multiple hub-and-spoke, never organic.
func TestRankMultinational(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-multinational.yaml", "--format", "json", "--samples", "0")
	require.Equal(t, 0, code, stderr)
	var got struct {
		Ranking []struct {
			Structure struct{ Model string } `json:"structure"`
		} `json:"ranking"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "dandelion", got.Ranking[0].Structure.Model)
}

func TestRankText(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-startup.json", "--top", "3")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Pixelpine")
	assert.Contains(t, stdout, "RANK")
	assert.Contains(t, stdout, "Who does what under")
}

func TestCatalog(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "catalog", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var got struct {
		Touchpoints map[string]any   `json:"touchpoints"`
		Structures  []map[string]any `json:"structures"`
		Criteria    []map[string]any `json:"criteria"`
		Model       struct {
			Coefficients []map[string]any `json:"coefficients"`
		} `json:"model"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.NotEmpty(t, got.Touchpoints)
	assert.Len(t, got.Criteria, 10)
	assert.Greater(t, len(got.Structures), 50)
	assert.NotEmpty(t, got.Model.Coefficients)
	for _, c := range got.Model.Coefficients {
		assert.NotEmpty(t, c["source"], c["id"])
	}
	stdout, _, code = runCLI(t, "", "catalog")
	require.Equal(t, 0, code)
	for _, want := range []string{"customer-support", "risk-compliance", "hs-com-ad-in", "MODEL"} {
		assert.Contains(t, stdout, want)
	}
}

func TestSMAAContract(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "smaa", "-f", "testdata/smaa-2x2.json")
	require.Equal(t, 0, code, stderr)
	var got struct {
		RankAcceptability [][]float64 `json:"rank_acceptability"`
		CentralWeights    [][]float64 `json:"central_weights"`
		Confidence        []float64   `json:"confidence"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	// Two mirror-image alternatives: each is first in half of the uniform
	// weightings; 4 binomial standard errors of sqrt(0.25/20000).
	require.Len(t, got.RankAcceptability, 2)
	assert.InDelta(t, 0.5, got.RankAcceptability[0][0], 4*0.0035)
	assert.InDelta(t, 1, got.RankAcceptability[0][0]+got.RankAcceptability[1][0], 1e-12)
	assert.Greater(t, got.CentralWeights[0][0], got.CentralWeights[0][1], "A1 wins where c1 weighs more")
	assert.Len(t, got.Confidence, 2)

	again, _, _ := runCLI(t, "", "smaa", "-f", "testdata/smaa-2x2.json")
	assert.Equal(t, stdout, again, "the same seed gives the same output")
	other, _, code := runCLI(t, "", "smaa", "-f", "testdata/smaa-2x2.json", "--seed", "4", "--samples", "5000")
	require.Equal(t, 0, code)
	assert.NotEqual(t, stdout, other)
	assert.Contains(t, other, `"samples": 5000`)

	_, stderr, code = runCLI(t, `{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1]],"samples":-1}`, "smaa")
	assert.Equal(t, exitBadInput, code)
	assert.Contains(t, stderr, "samples")
}

func TestRankReportFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "html", "--samples", "500", "--charts", dir)
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "<!DOCTYPE html>"))
	assert.Contains(t, stdout, "Nordbank")
	assert.Contains(t, stdout, "<svg")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.NotEmpty(t, entries, "charts written")

	stdout, stderr, code = runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "markdown", "--samples", "0")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "# "), stdout[:min(len(stdout), 80)])
	assert.Contains(t, stdout, "| ")
}

// rank reports weight sensitivity only with
// --sensitivity (off by default, as in Go); the text format states the tightest margin.
func TestRankSensitivityFlag(t *testing.T) {
	t.Parallel()
	type margins struct {
		Robustness struct {
			Sensitivity *struct {
				Exact   bool `json:"exact"`
				Margins []struct {
					Criterion string  `json:"criterion"`
					Weight    float64 `json:"weight"`
					Holds     bool    `json:"holds"`
					At        float64 `json:"at"`
					Next      string  `json:"next"`
				} `json:"margins"`
			} `json:"sensitivity"`
		} `json:"robustness"`
	}
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "json", "--samples", "0", "--sensitivity")
	require.Equal(t, 0, code, stderr)
	var got margins
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	s := got.Robustness.Sensitivity
	require.NotNil(t, s)
	assert.True(t, s.Exact)
	require.Len(t, s.Margins, 10)
	for _, m := range s.Margins {
		assert.NotEmpty(t, m.Criterion)
		if !m.Holds {
			assert.NotEmpty(t, m.Next, m.Criterion)
		}
	}

	// Off by default, as in Go (placement.Options.Sensitivity).
	stdout, stderr, code = runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "json", "--samples", "0")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stdout, `"sensitivity"`)

	stdout, stderr, code = runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--samples", "0", "--sensitivity")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "most sensitive weight is")
}

// rank --format decision writes a decision document that decide reopens
// with the same ranking.
func TestRankDecisionFormat(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "rank", "--profile", "testdata/profile-bank.yaml", "--format", "decision", "--samples", "0")
	require.Equal(t, 0, code, stderr)
	file := filepath.Join(t.TempDir(), "bank.decision.json")
	require.NoError(t, os.WriteFile(file, []byte(stdout), 0o644))
	out, stderr, code := runCLI(t, "", "decide", file, "--format", "json")
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Result struct {
			Ranking []string `json:"ranking"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	var orig struct {
		Result struct {
			Ranking []string `json:"ranking"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &orig))
	require.NotEmpty(t, orig.Result.Ranking)
	assert.Equal(t, orig.Result.Ranking, doc.Result.Ranking)
}
