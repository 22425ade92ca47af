package placement_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/placement"
)

// expectation is one realistic profile's expected direction
// (testdata/expectations.yaml).
type expectation struct {
	File     string               `yaml:"file"`
	Why      string               `yaml:"why"`
	Source   string               `yaml:"source"`
	First    []placement.Selector `yaml:"first"`
	NotFirst []placement.Selector `yaml:"not_first"`
	NotTop3  []placement.Selector `yaml:"not_top3"`
	Top3Has  []placement.Selector `yaml:"top3_has"`
}

func readExpectations(t *testing.T) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "expectations.yaml"))
	require.NoError(t, err)
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	var xs []expectation
	require.NoError(t, dec.Decode(&xs))
	return xs
}

func readTestProfile(t *testing.T, name string) placement.Profile {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "profiles", name))
	require.NoError(t, err)
	defer f.Close()
	p, err := placement.ReadProfile(f)
	require.NoError(t, err, name)
	return p
}

func matchesAny(sels []placement.Selector, s placement.Structure) bool {
	return slices.ContainsFunc(sels, func(sel placement.Selector) bool { return sel.Match(s) })
}

// TestCalibrationProfiles ranks at least 15 realistic organisations across
// size bands and sectors (testdata/profiles) and checks each against its
// expected direction and source (testdata/expectations.yaml). Every
// profile has an expectation.
func TestCalibrationProfiles(t *testing.T) {
	xs := readExpectations(t)
	files, err := filepath.Glob(filepath.Join("testdata", "profiles", "*.yaml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 15)
	var named []string
	for _, x := range xs {
		named = append(named, x.File)
	}
	for _, f := range files {
		assert.Contains(t, named, filepath.Base(f), "profile without an expectation")
	}
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	for _, x := range xs {
		t.Run(x.File, func(t *testing.T) {
			require.NotEmpty(t, x.Why)
			require.NotEmpty(t, x.Source)
			require.True(t, len(x.First)+len(x.NotFirst)+len(x.NotTop3)+len(x.Top3Has) > 0, "no expectation")
			rec, err := r.Recommend(t.Context(), readTestProfile(t, x.File))
			require.NoError(t, err)
			top := rec.Ranking[0].Structure
			if len(x.First) > 0 {
				assert.True(t, matchesAny(x.First, top), "%s: first is %s; expected one of %v (%s)", x.File, top.ID(), x.First, x.Why)
			}
			assert.False(t, matchesAny(x.NotFirst, top), "%s: first is %s (%s)", x.File, top.ID(), x.Why)
			has := make([]bool, len(x.Top3Has))
			for _, e := range rec.Ranking[:3] {
				assert.False(t, matchesAny(x.NotTop3, e.Structure), "%s: %s in the top three (%s)", x.File, e.Structure.ID(), x.Why)
				for i, sel := range x.Top3Has {
					has[i] = has[i] || sel.Match(e.Structure)
				}
			}
			for i, ok := range has {
				assert.True(t, ok, "%s: no %s in the top three (%s)", x.File, x.Top3Has[i], x.Why)
			}
		})
	}
}
