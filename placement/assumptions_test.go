package placement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// A profile with only employees and social_priority is ranked; every
// assumed value is listed, the touchpoints at the catalogue's typical
// volumes.
func TestMinimalProfile(t *testing.T) {
	p, err := placement.ReadProfile(strings.NewReader("employees: 120\nsocial_priority: 4\n"))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	require.NotEmpty(t, rec.Ranking)

	got := map[string]placement.Assumption{}
	for _, a := range rec.Assumptions {
		got[a.Field] = a
		assert.NotEmpty(t, a.Reason, a.Field)
	}
	assert.NotContains(t, got, "social_priority", "stated, not assumed")
	assert.NotContains(t, got, "employees")
	assert.Equal(t, "1", got["business_units"].Value)
	assert.Equal(t, "1", got["regulation"].Value)
	assert.Equal(t, "3", got["maturity"].Value)
	assert.Equal(t, "open", got["agency"].Value)
	for _, tp := range touchpoint.DefaultCatalog().All() {
		a, ok := got["touchpoints."+string(tp.ID)]
		require.True(t, ok, tp.ID)
		assert.Equal(t, strconv.Itoa(int(tp.Volume)), a.Value, "the typical volume of %s", tp.ID)
		assert.Equal(t, int(tp.Volume), rec.Profile.Touchpoints[tp.ID], "the profile as used holds the mix")
	}
	assert.Nil(t, p.Touchpoints, "the caller's profile is not changed")

	data, err := json.Marshal(rec)
	require.NoError(t, err)
	var shape struct {
		Assumptions []map[string]string `json:"assumptions"`
	}
	require.NoError(t, json.Unmarshal(data, &shape))
	require.Len(t, shape.Assumptions, len(rec.Assumptions))
	assert.Equal(t, map[string]string{"field": "business_units", "value": "1", "reason": got["business_units"].Reason}, shape.Assumptions[0])

	var text bytes.Buffer
	require.NoError(t, rec.WriteText(&text, 3))
	assert.Contains(t, text.String(), "Assumed, because the profile does not say:")
	assert.Contains(t, text.String(), "customer support "+strconv.Itoa(int(mustTouchpoint(t, touchpoint.CustomerSupport).Volume)),
		"a touchpoint by its name, not its key")
	assert.NotContains(t, text.String(), "touchpoints.", "no file keys in the client's text")
	assert.NotContains(t, text.String(), "business_units")
	// Staff, sign-off layers and today's structure read as none: the
	// client sees that this is a reading of the profile, not a fact it
	// gave.
	assert.Equal(t, "0", got["social_staff"].Value)
	assert.Equal(t, "0", got["sign_off_layers"].Value)
	assert.Equal(t, "organic (no central team), in-house", got["current"].Value)
	assert.Contains(t, text.String(), "social media staff (FTE) 0")
	assert.Contains(t, text.String(), "not stated; the default, no formal structure, from which change is measured: today's structure organic (no central team), in-house")
	assert.NotContains(t, text.String(), "today's structure none", "a structure, not a bare none")
	assert.Equal(t, 1, strings.Count(text.String(), "typical volume"), "one line for the touchpoint mix")
}

// A full profile assumes nothing about its touchpoints.
func TestStatedProfileAssumesNoTouchpoints(t *testing.T) {
	rec := recommend(t, bank())
	for _, a := range rec.Assumptions {
		assert.NotContains(t, a.Field, "touchpoints", "%+v", a)
		assert.NotContains(t, []string{"social_staff", "sign_off_layers", "current"}, a.Field, "stated: %+v", a)
	}
}

// An explicit all-zero touchpoint map is an error that lists the IDs that
// exist and what the levels mean.
func TestAllZeroTouchpoints(t *testing.T) {
	_, err := placement.ReadProfile(strings.NewReader("employees: 5\ntouchpoints: {customer-support: 0, crisis-response: 0}\n"))
	require.Error(t, err)
	assert.ErrorIs(t, err, placement.ErrMissing)
	var fe *placement.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "touchpoints", fe.Path)
	for _, id := range touchpoint.DefaultCatalog().IDs() {
		assert.Contains(t, err.Error(), string(id))
	}
	assert.Contains(t, err.Error(), "0 (not active)")
	assert.Contains(t, err.Error(), "5 (a core, high-volume activity)")

	_, err = placement.Recommend(t.Context(), placement.Profile{Employees: 5, Touchpoints: map[touchpoint.ID]int{}}, placement.Options{})
	assert.ErrorIs(t, err, placement.ErrMissing, "an empty map is stated, and states nothing active")
}

func mustTouchpoint(t *testing.T, id touchpoint.ID) touchpoint.Touchpoint {
	t.Helper()
	tp, ok := touchpoint.DefaultCatalog().Get(id)
	require.True(t, ok)
	return tp
}

// An organisation that states no current structure but says an agency
// works for it today starts from an organic set-up that shares its work
// with that agency (hybrid), not from an in-house one: the assumption says
// so, and the change to an in-house structure is measured from it.
func TestAssumedStartFollowsTheAgency(t *testing.T) {
	for _, tc := range []struct {
		agency placement.AgencyStance
		want   string
	}{
		{placement.AgencyCurrent, "organic (no central team), hybrid"},
		{placement.AgencyOpen, "organic (no central team), in-house"},
		{placement.AgencyNone, "organic (no central team), in-house"},
		{0, "organic (no central team), in-house"},
	} {
		rec, err := placement.Recommend(t.Context(), placement.Profile{Employees: 5000, BusinessUnits: 6, Countries: 8, Agency: tc.agency}, placement.Options{})
		require.NoError(t, err)
		found := false
		for _, a := range rec.Assumptions {
			if a.Field == "current" {
				found = true
				assert.Equal(t, tc.want, a.Value, "agency %v", tc.agency)
			}
		}
		assert.True(t, found, "agency %v: no assumption about today's structure", tc.agency)
	}
}

// A default read in place of an unstated number is not evidence of a
// stage: the maturity section says it was assumed ("budget level 3 of 5
// (assumed): …"), and says nothing of the kind for a stated value.
func TestStageEvidenceMarksAssumedValues(t *testing.T) {
	yes := placement.Governance{Policy: placement.Yes, PolicyKnown: placement.Yes, CrisisPlan: placement.Yes, AccountInventory: placement.Yes,
		Archiving: placement.Yes, Training: placement.Yes, Measurement: placement.Yes, ExecutiveSponsor: placement.Yes}
	base := placement.Profile{Employees: 3000, Maturity: 5, SocialStaff: 6, Governance: yes}
	evidence := func(p placement.Profile) []string {
		rec, err := placement.Recommend(t.Context(), p, placement.Options{})
		require.NoError(t, err)
		d := placement.DefaultMaturityModel().Diagnose(p)
		return append(rec.Stage.Evidence, d.Evidence...)
	}
	budget := func(lines []string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, "budget level") {
				return l
			}
		}
		return ""
	}
	lines := evidence(base)
	require.NotEmpty(t, budget(lines), "the case needs the budget among the evidence")
	for _, l := range lines {
		if strings.HasPrefix(l, "budget level") {
			assert.True(t, strings.HasPrefix(l, "budget level 3 of 5 (assumed): "), l)
		}
	}
	stated := base
	stated.BudgetLevel = 3
	for _, l := range evidence(stated) {
		if strings.HasPrefix(l, "budget level") {
			assert.True(t, strings.HasPrefix(l, "budget level 3 of 5: "), l)
		}
	}
}
