package placement_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// The lookup cannot be off by one: Get(Agility) is agility's value, and
// the recommendation's weights agree with the JSON keyed by ID.
func TestCriterionValuesLookup(t *testing.T) {
	var v placement.CriterionValues
	for _, c := range placement.Criteria() {
		v.Set(c, float64(c)) // agility 1, …, change-effort 10
	}
	assert.Equal(t, 1.0, v.Get(placement.Agility))
	assert.Equal(t, 10.0, v.Get(placement.ChangeEffort))
	assert.Equal(t, 55.0, v.Sum())
	assert.Equal(t, 1.0, v.Slice()[0], "Slice is in criterion order")
	m := v.Map()
	assert.Len(t, m, placement.NumCriteria)
	assert.Equal(t, 3.0, m[placement.Coverage])
	n := 0
	for c, x := range v.All() {
		assert.Equal(t, float64(c), x)
		n++
	}
	assert.Equal(t, placement.NumCriteria, n)
	assert.Panics(t, func() { v.Get(0) })
	assert.Panics(t, func() { v.Set(placement.ChangeEffort+1, 1) })

	rec := recommend(t, bank())
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	var out struct {
		Weights map[string]float64 `json:"weights"`
	}
	require.NoError(t, json.Unmarshal(b, &out))
	for c, w := range rec.Weights.All() {
		assert.Equal(t, w, out.Weights[c.String()], "%s", c)
	}
}

func TestNewCriterionValues(t *testing.T) {
	full := map[placement.Criterion]float64{}
	for _, c := range placement.Criteria() {
		full[c] = 0.1 * float64(c)
	}
	v, err := placement.NewCriterionValues(full)
	require.NoError(t, err)
	assert.Equal(t, 0.2, v.Get(placement.Consistency))
	assert.Equal(t, full, v.Map())

	delete(full, placement.RiskCompliance)
	full[placement.Cost] = math.NaN()
	full[42] = 1
	_, err = placement.NewCriterionValues(full)
	assert.ErrorIs(t, err, placement.ErrMissing)
	assert.ErrorIs(t, err, placement.ErrRange)
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	assert.ErrorContains(t, err, "risk-compliance")
	assert.ErrorContains(t, err, "cost")
}

func TestCriterionValuesJSON(t *testing.T) {
	var v placement.CriterionValues
	for _, c := range placement.Criteria() {
		v.Set(c, 1/float64(c))
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Regexp(t, `^\{"agility":1,"authenticity":0\.14`, string(b), "sorted keys")
	var back placement.CriterionValues
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, v.Equal(back))

	ten := `"agility":1,"consistency":1,"coverage":1,"expertise":1,"cost":1,"risk-compliance":1,"authenticity":1,"scalability":1,"influence":1`
	for _, tc := range []struct {
		in, path string
		want     error
	}{
		{`{` + ten + `}`, "change-effort", placement.ErrMissing},
		{`{` + ten + `,"change-effort":null}`, "change-effort", placement.ErrSyntax},
		{`{` + ten + `,"change-effort":"1"}`, "change-effort", placement.ErrSyntax},
		{`{` + ten + `,"change-effort":1,"agility":2}`, "agility", placement.ErrSyntax},
		{`{` + ten + `,"Change-Effort":1}`, "Change-Effort", placement.ErrSyntax},
		{`{` + ten + `,"change-effort":1,"speed":1}`, "speed", placement.ErrSyntax},
		{`{` + ten + `,"change-effort":1e999}`, "change-effort", placement.ErrRange},
		{`[1,2]`, "", placement.ErrSyntax},
	} {
		err := json.Unmarshal([]byte(tc.in), &back)
		assert.ErrorIs(t, err, tc.want, tc.in)
		var fe *placement.FieldError
		if assert.True(t, errors.As(err, &fe), tc.in) {
			assert.Equal(t, tc.path, fe.Path, tc.in)
		}
	}
	v.Set(placement.Cost, math.Inf(1))
	_, err = json.Marshal(v)
	assert.ErrorIs(t, err, placement.ErrRange)
}
