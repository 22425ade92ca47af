package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// carRequest is the car example of Dezert, Tchamova, Han & Tacnet (2020),
// FUSION 2020, as a SPOTIS score request without bounds.
const carRequest = `{"method": "spotis",
 "criteria": [{"name": "price", "direction": "cost", "weight": 5}, {"name": "fuel", "direction": "cost", "weight": 4},
  {"name": "co2", "direction": "cost", "weight": 4}, {"name": "power", "direction": "benefit", "weight": 1},
  {"name": "boot", "direction": "benefit", "weight": 3}],
 "matrix": [[15000, 4.3, 99, 42, 737], [15290, 5.0, 116, 42, 892], [15350, 5.0, 114, 45, 952], [15490, 5.3, 123, 45, 1120]]}`

const carBounds = "14000:16000,3:8,80:140,35:60,650:1300"

// The score command's method options, from a JSON request and from a
// table, against the published values: Dezert et al. (2020), SPOTIS from
// the ideal 0.4779, 0.5781, 0.5558, 0.5801 and from the expected solution
// point (15300, 4, 115, 50, 900) 0.1841, 0.0734, 0.0842, 0.1920 (4 dp; the
// latter as pymcdm's test suite reproduces them).
func TestScoreMethodFlags(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	table := filepath.Join(dir, "cars.csv")
	require.NoError(t, os.WriteFile(table, []byte("car,price,fuel,co2,power,boot\n"+
		"A1,15000,4.3,99,42,737\nA2,15290,5.0,116,42,892\nA3,15350,5.0,114,45,952\nA4,15490,5.3,123,45,1120\n"), 0o600))
	matrixArgs := []string{"score", "--matrix", table, "--method", "spotis", "--directions", "c,c,c,b,b", "--weights", "5,4,4,1,3"}
	ideal := []float64{0.4779, 0.5781, 0.5558, 0.5801}
	esp := []float64{0.1841, 0.0734, 0.0842, 0.1920}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  []float64
		key   string // a key the output must hold
	}{
		{"json bounds", carRequest, []string{"score", "--bounds", carBounds}, ideal, "bounds"},
		{"json bounds and esp", carRequest, []string{"score", "--bounds", carBounds, "--esp", "15300,4,115,50,900"}, esp, "esp"},
		{"table bounds", "", append(matrixArgs, "--bounds", carBounds), ideal, "ranking"},
		{"table bounds and esp", "", append(matrixArgs, "--bounds", carBounds, "--esp", "15300, 4, 115, 50, 900"), esp, "ranking"},
		{"table esp with detail", "", append(matrixArgs, "--bounds", carBounds, "--esp", "15300,4,115,50,900", "--detail"), esp, "esp"},
	} {
		stdout, stderr, code := runCLI(t, tc.stdin, tc.args...)
		require.Equal(t, 0, code, "%s: %s", tc.name, stderr)
		var out map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(stdout), &out), tc.name)
		var scores []float64
		require.NoError(t, json.Unmarshal(out["scores"], &scores), tc.name)
		require.Len(t, scores, len(tc.want), tc.name)
		for i := range scores {
			assert.InDelta(t, tc.want[i], scores[i], 5e-5, "%s: alternative %d", tc.name, i+1)
		}
		assert.Contains(t, out, tc.key, tc.name)
	}

	// MOORA's form and TOPSIS without normalisation reach the request.
	const twoCrit = `"criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[[1,2],[3,5],[2,1]]`
	stdout, stderr, code := runCLI(t, `{"method":"moora",`+twoCrit+`}`, "score", "--form", "multimoora")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"dominated"`)
	stdout, stderr, code = runCLI(t, `{"method":"topsis",`+twoCrit+`}`, "score", "--normalization", "none")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"distance_ideal"`)

	// Bad values: a flag that cannot be parsed is bad usage (2); an option
	// the method does not take, or an ESP outside the bounds, is bad input
	// (1) naming the key.
	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{carRequest, []string{"score", "--bounds", "14000-16000"}, exitUsage, "--bounds"},
		{carRequest, []string{"score", "--esp", "1,x"}, exitUsage, "--esp"},
		{carRequest, []string{"score", "--bounds", carBounds, "--esp", "15300,4,115,50,2000"}, exitBadInput, "esp"},
		{carRequest, []string{"score", "--esp", "15300,4"}, exitBadInput, "esp"},
		{carRequest, []string{"score", "--form", "multimoora"}, exitBadInput, `"form"`},
		{`{"method":"wpm",` + twoCrit + `}`, []string{"score", "--normalization", "none"}, exitBadInput, "none"},
		{"", append(matrixArgs, "--esp", "0,0,0,0,0"), exitBadInput, "esp"},
	} {
		_, stderr, code := runCLI(t, tc.stdin, tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.want, "%v", tc.args)
	}
}

// The weights command's method options replace the request's keys.
func TestWeightsMethodFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"weights", "-f", "testdata/weights-ahp.json", "--priority", "additive_normalization"}, exitOK, `"priority": "additive_normalization"`},
		{[]string{"weights", "-f", "testdata/weights-ahp.json", "--priority", "geometric_mean"}, exitOK, `"priority": "geometric_mean"`},
		{[]string{"weights", "-f", "testdata/weights-ahp.json", "--priority", "power"}, exitUsage, "--priority"}, // a bad flag value is bad usage
		{[]string{"weights", "-f", "testdata/weights-entropy.json", "--normalization", "sum"}, exitOK, `"weights"`},
		{[]string{"weights", "-f", "testdata/weights-entropy.json", "--raw"}, exitBadInput, `"raw"`},
		{[]string{"weights", "-f", "testdata/weights-ahp.json", "--normalization", "sum"}, exitBadInput, `"normalization"`},
	} {
		stdout, stderr, code := runCLI(t, "", tc.args...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stdout+stderr, tc.want, "%v", tc.args)
	}
	// --raw changes stddev weights (here from the min–max normalised
	// deviations to the raw ones, dominated by the larger scale).
	const data = `{"method":"stddev","criteria":[{"name":"a","direction":"benefit"},{"name":"b","direction":"cost"}],"matrix":[[1,20],[3,50],[2,10]]}`
	weights := func(args ...string) []float64 {
		stdout, stderr, code := runCLI(t, data, append([]string{"weights"}, args...)...)
		require.Equal(t, 0, code, stderr)
		var out struct{ Weights []float64 }
		require.NoError(t, json.Unmarshal([]byte(stdout), &out))
		return out.Weights
	}
	def, raw := weights(), weights("--raw")
	assert.Greater(t, raw[1], 0.9, "raw: %v", raw)
	assert.Less(t, def[1], 0.9, "normalised: %v", def)
	assert.Equal(t, def, weights("--raw=false"), "--raw=false is the default")
}

// The agreement command, on the example of Sałabun & Urbaniak (2020),
// ICCS, LNCS 12138:632–645: r_s 0.9, r_w 0.8833, WS 0.8542 (4 dp).
func TestAgreementCommand(t *testing.T) {
	t.Parallel()
	const req = `{"rankings": [[1, 2, 3, 4, 5], [1, 3, 2, 4, 5]]}`
	stdout, stderr, code := runCLI(t, req, "agreement")
	require.Equal(t, 0, code, stderr)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw))
	assert.JSONEq(t, `["R1", "R2"]`, string(raw["names"]))
	out := map[string][][]float64{}
	for _, k := range []string{"spearman", "weighted_spearman", "kendall", "goodman_kruskal", "ws"} {
		var m [][]float64
		require.NoError(t, json.Unmarshal(raw[k], &m), k)
		out[k] = m
	}
	assert.InDelta(t, 0.9, out["spearman"][0][1], 5e-5)
	assert.InDelta(t, 0.8833, out["weighted_spearman"][0][1], 5e-5)
	assert.InDelta(t, 0.8542, out["ws"][0][1], 5e-5)

	stdout, stderr, code = runCLI(t, req, "agreement", "--coefficients", "ws, kendall")
	require.Equal(t, 0, code, stderr)
	raw = nil
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw))
	assert.NotContains(t, raw, "spearman")
	assert.Contains(t, raw, "kendall")

	_, stderr, code = runCLI(t, req, "agreement", "--coefficients", "pearson")
	assert.Equal(t, exitUsage, code, stderr)
	_, stderr, code = runCLI(t, `{"rankings": [[1, 2], [1, 2, 3]]}`, "agreement")
	assert.Equal(t, exitBadInput, code, stderr)
	assert.Contains(t, stderr, "rankings[1]")
}
