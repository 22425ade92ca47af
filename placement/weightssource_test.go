package placement_test

import (
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// TestWeightsSourceAccountsForTheWeights rebuilds each derived weight from
// the text of Recommendation.WeightsSource alone (every criterion starts at
// 1, plus the adjustments it lists, raised to the floor it names, then
// normalised) and checks that the text accounts for the weights used: to
// within the adjustments it only counts (under 0.05 each) and its
// rounding to two decimals. A floor the text did not name was a gap of
// up to a fifth of a weight (a 10-employee firm's scalability).
func TestWeightsSourceAccountsForTheWeights(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/profiles/*.yaml")
	require.NoError(t, err)
	var profiles []placement.Profile
	for _, name := range files {
		profiles = append(profiles, readTestProfile(t, filepath.Base(name)))
	}
	tiny := placement.Profile{
		Name: "Ten people", Employees: 10, BusinessUnits: 1, Countries: 1, Maturity: 3,
		Touchpoints: map[touchpoint.ID]int{"customer-support": 2},
	}
	profiles = append(profiles, tiny)

	adjust := regexp.MustCompile(`^([a-z-]+) ([+-]\d+\.\d\d) for `)
	floor := regexp.MustCompile(`^([a-z-]+) raised to the floor of (\d+\.\d\d) `)
	small := regexp.MustCompile(`^(one|\d+) smaller adjustments?, under 0\.05`)
	floors := 0
	for _, p := range profiles {
		rec, err := placement.Recommend(t.Context(), p, placement.Options{})
		require.NoError(t, err, p.Name)
		_, items, ok := strings.Cut(rec.WeightsSource, ": ")
		require.True(t, ok, rec.WeightsSource)
		raw := map[string]float64{}
		for _, c := range placement.Criteria() {
			raw[c.String()] = 1
		}
		slack, listed := 0.0, 0
		for _, item := range strings.Split(items, "; ") {
			switch {
			case item == "every criterion starts at 1", item == "then normalised to sum to 1":
			case adjust.MatchString(item):
				m := adjust.FindStringSubmatch(item)
				v, _ := strconv.ParseFloat(m[2], 64)
				_, known := raw[m[1]]
				require.True(t, known, "unknown criterion in %q", item)
				raw[m[1]] += v
				listed++
			case floor.MatchString(item):
				m := floor.FindStringSubmatch(item)
				v, _ := strconv.ParseFloat(m[2], 64)
				raw[m[1]] = v
				floors++
			case small.MatchString(item):
				n := 1
				if m := small.FindStringSubmatch(item); m[1] != "one" {
					n, _ = strconv.Atoi(m[1])
				}
				slack += 0.05 * float64(n)
			default:
				t.Errorf("%s: unexpected item %q in %q", p.Name, item, rec.WeightsSource)
			}
		}
		total := 0.0
		for _, v := range raw {
			total += v
		}
		// Each listed adjustment is rounded to 0.005 at most.
		tol := (slack+0.005*float64(listed))/total + 1e-9
		for _, c := range placement.Criteria() {
			got, want := raw[c.String()]/total, rec.Weights.Get(c)
			assert.LessOrEqual(t, math.Abs(got-want), tol, "%s: %s from the text %.4f, used %.4f (%s)", p.Name, c, got, want, rec.WeightsSource)
		}
	}
	assert.Positive(t, floors, "some profile's weight is raised to the floor")
}

// TestWeightsSourceFloorInTheClientsUnit: the floor is on the points a
// criterion starts with (1), before normalising; the text must not set
// "the floor of 0.20" beside a weight the client sees as 0.01 without
// saying so. The reviewer's bank (300 employees, regulation 5, priority
// 2) has scalability at the floor: the text gives its normalised share,
// the figure shown with the weights.
func TestWeightsSourceFloorInTheClientsUnit(t *testing.T) {
	t.Parallel()
	p := placement.Profile{Name: "Harbour Savings Bank", Employees: 300, BusinessUnits: 1, Countries: 1, Founded: 1921,
		SocialPriority: 2, SocialStaff: 1, BudgetLevel: 2, SignOffLayers: 4, Silos: 3, DepartmentHarmony: 3,
		Regulation: 5, Sector: placement.SectorFinancial, Maturity: 2, ExecutiveSponsorship: 2, Agency: placement.AgencyOpen,
		Touchpoints: map[touchpoint.ID]int{"customer-support": 3, "marketing-channel": 2, "crisis-response": 2, "corporate-communication": 2, "social-crm": 1}}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	m := regexp.MustCompile(`scalability raised to the floor of (\d+\.\d\d) before normalising, (\d+\.\d\d) after`).FindStringSubmatch(rec.WeightsSource)
	require.NotNil(t, m, rec.WeightsSource)
	assert.Equal(t, strconv.FormatFloat(rec.Weights.Get(placement.Scalability), 'f', 2, 64), m[2], "the share shown with the weights")
	assert.NotEqual(t, m[1], m[2])
}
