package placement_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// stepTolerance is how far the gap between two groups may move against a
// stated direction between neighbouring values of a sweep: the model is
// additive over logistic criterion scores, so small wiggles where another
// candidate becomes the best of its group, or where an infeasible
// structure sits on the flat floor of the logistic map, are expected. From
// the lowest to the highest value the gap must move in the stated
// direction strictly.
const stepTolerance = 0.015

// bestOf returns the best score of the structures sel matches, and false
// if none is admissible.
func bestOf(rec *placement.Recommendation, sel placement.Selector) (float64, bool) {
	for _, e := range rec.Ranking {
		if sel.Match(e.Structure) {
			return e.Score, true
		}
	}
	return 0, false
}

// gap is the best score of up minus the best of over; a group with no
// admissible structure counts as a score of 0.
func gap(rec *placement.Recommendation, up, over placement.Selector) float64 {
	a, _ := bestOf(rec, up)
	b, _ := bestOf(rec, over)
	return a - b
}

// TestDirectionsCoverEveryFactor: every organisation-profile factor the
// domain brief names (employees, units, countries, founding year, priority,
// staff, budget, sign-off, silos, harmony, regulation, maturity,
// sponsorship, agency stance, touchpoints) has a direction with a source
// and at least one effect, swept from the small, mid and large bases.
func TestDirectionsCoverEveryFactor(t *testing.T) {
	d := placement.DefaultDirections()
	var bases []string
	for _, b := range d.Bases {
		bases = append(bases, b.Name)
		require.NoError(t, b.Profile.Validate(nil), b.Name)
	}
	assert.Equal(t, []string{"small", "mid", "large"}, bases)
	var factors []string
	for _, f := range d.Factors {
		factors = append(factors, strings.SplitN(f.Factor, ".", 2)[0])
		assert.NotEmpty(t, strings.TrimSpace(f.Source), f.Factor)
		assert.NotContains(t, f.Source, "domain.md", "%s: cite the publication", f.Factor)
		assert.NotEmpty(t, f.Effects, f.Factor)
		assert.GreaterOrEqual(t, len(f.Values), 2, f.Factor)
		for _, e := range f.Effects {
			assert.NotEmpty(t, e.Why, f.Factor)
			for _, b := range e.Bases {
				assert.Contains(t, bases, b, f.Factor)
			}
		}
	}
	for _, want := range []string{"employees", "business_units", "countries", "founded", "social_priority", "social_staff",
		"budget_level", "sign_off_layers", "silos", "department_harmony", "regulation", "maturity",
		"executive_sponsorship", "agency", "touchpoints"} {
		assert.Contains(t, factors, want)
	}
}

// TestDirections sweeps every factor of the directions table from every
// base and checks each stated direction and each face-validity extreme.
func TestDirections(t *testing.T) {
	d := placement.DefaultDirections()
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	require.NoError(t, err)
	for _, f := range d.Factors {
		t.Run(f.Factor, func(t *testing.T) {
			recs := map[string][]*placement.Recommendation{}
			for _, b := range d.Bases {
				for _, v := range f.Values {
					p, err := f.Apply(b.Profile, v)
					require.NoError(t, err)
					rec, err := r.Recommend(t.Context(), p)
					require.NoError(t, err, "%s=%s from %s", f.Factor, v, b.Name)
					recs[b.Name] = append(recs[b.Name], rec)
				}
			}
			for _, e := range f.Effects {
				for _, b := range d.Bases {
					if len(e.Bases) > 0 && !slices.Contains(e.Bases, b.Name) {
						continue
					}
					rs := recs[b.Name]
					gaps := make([]float64, len(rs))
					for i, rec := range rs {
						gaps[i] = gap(rec, e.Up, e.Over)
					}
					assert.Greater(t, gaps[len(gaps)-1], gaps[0],
						"%s from %s base: %s should gain on %s (%s); gaps %.3f", f.Factor, b.Name, e.Up, e.Over, e.Why, gaps)
					for i := 1; i < len(gaps); i++ {
						assert.Greater(t, gaps[i]-gaps[i-1], -stepTolerance,
							"%s from %s base, %s → %s: %s falls back against %s; gaps %.3f", f.Factor, b.Name, f.Values[i-1], f.Values[i], e.Up, e.Over, gaps)
					}
				}
			}
			for _, x := range f.Extremes {
				i := slices.Index(f.Values, x.Value)
				require.GreaterOrEqual(t, i, 0, "extreme %s not among the values", x.Value)
				top := recs[x.Base][i].Ranking[0].Structure
				if len(x.First) > 0 {
					assert.True(t, slices.ContainsFunc(x.First, func(s placement.Selector) bool { return s.Match(top) }),
						"%s=%s from %s base: first is %s, want one of %v", f.Factor, x.Value, x.Base, top.ID(), x.First)
				}
				for _, s := range x.NotFirst {
					assert.False(t, s.Match(top), "%s=%s from %s base: first is %s, which should not be %s", f.Factor, x.Value, x.Base, top.ID(), s)
				}
			}
		})
	}
}

var _ = math.Abs
