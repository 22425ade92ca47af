package placement_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// The headline margin compares the first structure with the best one of
// another operating model, not with its twin just behind it (same model,
// another home, role or sourcing); the text states it, and the certainty
// of each dimension.
func TestRobustnessAlternativeIsAnotherOperatingModel(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "profiles", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{SMAA: &placement.SMAAOptions{Samples: 300, Seed: 1}}})
	require.NoError(t, err)
	twins := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		p, err := placement.ReadProfile(bytes.NewReader(b))
		require.NoError(t, err, file)
		rec, err := r.Recommend(t.Context(), p)
		require.NoError(t, err, file)

		first := rec.Ranking[0]
		a := rec.Robustness.Alternative
		require.NotNil(t, a, file)
		var alt placement.Ranked
		found := false
		for k, e := range rec.Ranking {
			if e.Structure.ID() == a.ID {
				alt, found = e, true
				break
			}
			if k > 0 {
				assert.Equal(t, first.Structure.Model, e.Structure.Model, "%s: %s ranks before the alternative with another model", file, e.Structure.ID())
			}
		}
		require.True(t, found, "%s: alternative %s is ranked", file, a.ID)
		assert.NotEqual(t, first.Structure.Model, alt.Structure.Model, file)
		assert.Equal(t, alt.Rank, a.Rank, file)
		assert.Equal(t, alt.Structure.Name(), a.Name, file)
		assert.InDelta(t, math.Abs(first.Score-alt.Score), a.Gap, 1e-12, file)
		sum := rec.Robustness.Summary()
		if rec.Ranking[1].Structure.Model == first.Structure.Model {
			twins++
			assert.Greater(t, a.Rank, 2, file)
			assert.NotContains(t, sum, "different operating model is "+rec.Ranking[1].Structure.Name()+" (", "%s: the twin is not the headline", file)
		}

		assert.True(t, strings.HasPrefix(sum, "The nearest alternative with a different operating model is "+a.Name+" (ranked "), "%s: %s", file, sum)

		var out bytes.Buffer
		require.NoError(t, rec.WriteText(&out, 3))
		s := out.String()
		assert.Contains(t, s, "Robustness: "+sum)
		i := strings.Index(s, "Certainty per dimension:")
		require.Positive(t, i, file)
		for _, d := range rec.Dimensions {
			assert.Contains(t, s[i:], "  - "+d.Sentence()+"\n", file)
		}
	}
	// The test means something only if some first structure has a twin
	// just behind it.
	assert.Positive(t, twins, "no profile ranks a twin second")
}

// With one operating model among the candidates there is no alternative,
// and the summary says nothing about one.
func TestRobustnessNoAlternative(t *testing.T) {
	t.Parallel()
	var cands []placement.Structure
	for _, s := range placement.Enumerate(nil) {
		if s.Model == placement.HubAndSpoke {
			cands = append(cands, s)
		}
	}
	rec, err := placement.Recommend(t.Context(), placement.Profile{Employees: 3000}, placement.Options{Candidates: cands})
	require.NoError(t, err)
	assert.Nil(t, rec.Robustness.Alternative)
	assert.NotContains(t, rec.Robustness.Summary(), "nearest alternative")
}

func TestDimensionSentence(t *testing.T) {
	t.Parallel()
	cases := []struct {
		d    placement.DimensionCertainty
		want string
	}{
		{placement.DimensionCertainty{Dimension: "home", Value: "communications", Acceptability: 0.62, RunnerUp: "marketing", RunnerUpAcceptability: 0.3, Clear: true},
			"home Communications (clear, 62% of SMAA first ranks; runner-up Marketing, 30%)"},
		{placement.DimensionCertainty{Dimension: "model", Value: "hub-and-spoke", RunnerUp: "centralized", Lead: 0.0123},
			"operating model hub-and-spoke (close call; runner-up centralized, 0.012 behind)"},
		{placement.DimensionCertainty{Dimension: "role", Value: "advisory", Clear: true},
			"central role advisory (clear; the only value ranked)"},
		{placement.DimensionCertainty{Dimension: "role", Value: "advisory-executing", RunnerUp: "none", Lead: 0.02},
			"central role advisory and executing (close call; runner-up no central team, 0.020 behind)"},
		{placement.DimensionCertainty{Dimension: "home", Value: "customer-service", RunnerUp: "none", Lead: 0.02},
			"home Customer service (close call; runner-up no central team, 0.020 behind)"},
		{placement.DimensionCertainty{Dimension: "home", Value: "marketing", RunnerUp: "communications", Lead: 0.0002},
			"home Marketing (tied with Communications at the stated weights)"},
		{placement.DimensionCertainty{Dimension: "home", Value: "marketing", Acceptability: 0.52, RunnerUp: "communications", RunnerUpAcceptability: 0.46, Lead: 0.0002},
			"home Marketing (close call, 52% of SMAA first ranks; runner-up Communications, 46%)"},
		{placement.DimensionCertainty{Dimension: "model", Value: "organic", RunnerUp: "hub-and-spoke", Lead: 0.02},
			"operating model organic (no central team) (close call; runner-up hub-and-spoke, 0.020 behind)"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.d.Sentence())
	}
}

// A roadmap step that closes governance gaps says which, by name, in the
// text.
func TestWriteTextRoadmapCloses(t *testing.T) {
	t.Parallel()
	p := placement.Profile{Employees: 3000, Governance: placement.Governance{CrisisPlan: placement.No, Training: placement.No}}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, rec.WriteText(&out, 3))
	s := out.String()
	assert.Contains(t, s, "    closes: crisis and escalation plan\n")
	assert.Contains(t, s, "    closes: training\n")
	assert.NotContains(t, s, "crisis-plan")
}
