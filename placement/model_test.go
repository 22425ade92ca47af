package placement_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

func TestDefaultModelIsDocumented(t *testing.T) {
	m := placement.DefaultModel()
	require.NoError(t, m.Validate())
	assert.Equal(t, "socialseat-default", m.Name)
	kinds := map[placement.Evidence]int{}
	for _, c := range m.Coefficients {
		assert.NotEmpty(t, strings.TrimSpace(c.Rationale), c.ID)
		assert.NotEmpty(t, strings.TrimSpace(c.Source), c.ID)
		kinds[c.Evidence]++
	}
	// The model must say what is judgement and what is evidence: both occur.
	assert.Positive(t, kinds[placement.Judgement])
	assert.Positive(t, kinds[placement.Survey])
	assert.Positive(t, kinds[placement.Analyst])
	for _, id := range placement.CoefficientIDs() {
		_, ok := m.Coefficient(id)
		assert.True(t, ok, "named coefficient %s missing", id)
	}
}

func TestDefaultModelIsAFreshCopy(t *testing.T) {
	a := placement.DefaultModel()
	a.Coefficients[0].Value = 99
	b := placement.DefaultModel()
	assert.NotEqual(t, 99.0, b.Coefficients[0].Value)
}

func TestModelRoundTripAndRecalibration(t *testing.T) {
	m := placement.DefaultModel()
	data, err := json.Marshal(m)
	require.NoError(t, err)
	back, err := placement.ReadModel(bytes.NewReader(data))
	require.NoError(t, err)
	if d := cmp.Diff(m, back); d != "" {
		t.Fatalf("model JSON round trip (-want +got):\n%s", d)
	}

	// A consultant who believes centralized teams are far more agile and
	// scalable gets a different answer: the model is data, not code.
	p := multinational()
	before := recommend(t, p)
	require.NotEqual(t, placement.Centralized, before.Ranking[0].Structure.Model)
	for i, c := range back.Coefficients {
		switch c.ID {
		case "model.centralized.agility", "model.centralized.scalability", "model.centralized.authenticity":
			back.Coefficients[i].Value = 6
		case "spread.centralized-scalability":
			back.Coefficients[i].Value = 0
		}
	}
	r, err := placement.NewRecommender(placement.Config{Model: &back})
	require.NoError(t, err)
	after, err := r.Recommend(t.Context(), p)
	require.NoError(t, err)
	assert.Equal(t, placement.Centralized, after.Ranking[0].Structure.Model)
}

func TestModelValidation(t *testing.T) {
	valid := placement.DefaultModel()
	edit := func(fn func(*placement.Model)) placement.Model {
		m := valid.Clone()
		fn(&m)
		return m
	}
	drop := func(id string) func(*placement.Model) {
		return func(m *placement.Model) {
			for i, c := range m.Coefficients {
				if c.ID == id {
					m.Coefficients = append(m.Coefficients[:i], m.Coefficients[i+1:]...)
					return
				}
			}
		}
	}
	cases := map[string]placement.Model{
		"missing base":      edit(drop("model.organic.agility")),
		"missing term":      edit(drop("signoff.agility")),
		"duplicate":         edit(func(m *placement.Model) { m.Coefficients = append(m.Coefficients, m.Coefficients[0]) }),
		"unknown id":        edit(func(m *placement.Model) { m.Coefficients[0].ID = "model.organic.speed" }),
		"computed criteria": edit(func(m *placement.Model) { m.Coefficients[0].ID = "role.advisory.coverage" }),
		"no rationale":      edit(func(m *placement.Model) { m.Coefficients[3].Rationale = " " }),
		"no source":         edit(func(m *placement.Model) { m.Coefficients[3].Source = "" }),
		"no evidence":       edit(func(m *placement.Model) { m.Coefficients[3].Evidence = 0 }),
		"no name":           edit(func(m *placement.Model) { m.Name = "" }),
		"native years":      edit(func(m *placement.Model) { setCoef(m, "native.full-year", 1990) }),
	}
	for name, m := range cases {
		t.Run(name, func(t *testing.T) {
			err := m.Validate()
			assert.ErrorIs(t, err, placement.ErrModel)
			var fe *placement.FieldError
			assert.ErrorAs(t, err, &fe)
			_, err = placement.NewRecommender(placement.Config{Model: &m})
			assert.ErrorIs(t, err, placement.ErrModel)
		})
	}
	// Non-finite values only arrive through YAML.
	doc := strings.Replace(mustYAML(t, valid), "value: 0.6\n", "value: .nan\n", 1)
	_, err := placement.ReadModel(strings.NewReader(doc))
	assert.ErrorIs(t, err, placement.ErrModel)
	_, err = placement.ReadModel(strings.NewReader(`{"name": "x", "coefficients": [], "extra": 1}`))
	assert.ErrorIs(t, err, placement.ErrSyntax)
}

func setCoef(m *placement.Model, id string, v float64) {
	for i := range m.Coefficients {
		if m.Coefficients[i].ID == id {
			m.Coefficients[i].Value = v
		}
	}
}

func mustYAML(t *testing.T, m placement.Model) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("name: " + m.Name + "\nversion: \"1\"\ncoefficients:\n")
	for _, c := range m.Coefficients {
		ev, _ := c.Evidence.MarshalText()
		b.WriteString("  - id: " + c.ID + "\n    value: " + jsonNum(c.Value) + "\n    evidence: " + string(ev) +
			"\n    rationale: r\n    source: s\n")
	}
	return b.String()
}

func jsonNum(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Home coefficients for a caller's own department make it a candidate home.
func TestModelCustomHome(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	require.NoError(t, c.AddDepartment("digital"))
	m := placement.DefaultModel()
	m.Coefficients = append(m.Coefficients, placement.Coefficient{ID: "home.digital.agility", Value: 1,
		Evidence: placement.Survey, Rationale: "digital teams move fast", Source: "Altimeter 2013 (digital holds 14%)"})
	r, err := placement.NewRecommender(placement.Config{Model: &m, Catalog: c})
	require.NoError(t, err)
	found := false
	for _, s := range r.Candidates() {
		found = found || s.Home == "digital"
	}
	assert.True(t, found)
}

// TestDefaultModelChangelog: the changelog sits next to the data and its
// newest entry is the model's version, so a recalibration cannot forget
// to say what moved.
func TestDefaultModelChangelog(t *testing.T) {
	m := placement.DefaultModel()
	require.NotEmpty(t, m.Changelog)
	assert.Equal(t, m.Version, m.Changelog[0].Version)
	assert.Equal(t, "9", m.Version)
	for _, c := range m.Changelog {
		assert.NotEmpty(t, c.Changes, c.Version)
	}
	c := m.Clone()
	c.Changelog[0].Changes[0] = "changed"
	assert.NotEqual(t, "changed", m.Changelog[0].Changes[0], "Clone copies the changelog")
}

// A copy of the default model with other data but the same name and
// version is reported as modified, so that a reader does not take it for
// the published default; the default, a renamed copy and a catalogue are
// not.
func TestIdentityModified(t *testing.T) {
	def := placement.DefaultModel()
	assert.Equal(t, "socialseat-default v"+def.Version, def.Identity().String())
	assert.False(t, def.Identity().Modified())

	changed := def.Clone()
	changed.Coefficients[0].Value++
	assert.True(t, changed.Identity().Modified())
	assert.Equal(t, "socialseat-default v"+def.Version+" (modified)", changed.Identity().String())

	renamed := changed.Clone()
	renamed.Name = "acme-recalibration"
	assert.False(t, renamed.Identity().Modified())
	assert.Equal(t, "acme-recalibration v"+def.Version, renamed.Identity().String())

	rec, err := placement.Recommend(t.Context(), bank(), placement.Options{})
	require.NoError(t, err)
	assert.Equal(t, "socialseat-default", rec.Catalog.String(), "a catalogue has no version")
}
