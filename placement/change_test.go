package placement_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

// A structure of another operating model than the one the profile states
// tells the change it asks for, even when every other candidate asks for
// as much: face-validity scenario 11 (today organic, about 150 accounts,
// duplication → a hub-and-spoke, with high change effort noted; Owyang
// 2013). The same structure as today's tells no change.
func TestChangeFromAStatedStructureIsTold(t *testing.T) {
	p := placement.Profile{Name: "S11 organic sprawl", Employees: 20000, BusinessUnits: 6, Countries: 5, SocialStaff: 8, Silos: 4,
		Current:    &placement.Structure{Model: placement.Organic, Home: placement.NoHome, Role: placement.NoRole, Sourcing: placement.InHouse},
		Governance: placement.Governance{AccountInventory: placement.No, Policy: placement.No}}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	top := rec.Ranking[0]
	require.NotEqual(t, placement.Organic, top.Structure.Model, "the case needs a move off the organic set-up")
	told := false
	for _, w := range top.Weaknesses {
		told = told || strings.HasSuffix(w, "is a large change")
	}
	assert.True(t, told, "weaknesses of %s: %q", top.Structure.Name(), top.Weaknesses)

	same := p
	same.Current = &top.Structure
	rec, err = placement.Recommend(t.Context(), same, placement.Options{})
	require.NoError(t, err)
	for _, e := range rec.Ranking {
		if e.Structure == top.Structure {
			for _, w := range e.Weaknesses {
				assert.NotContains(t, w, "large change", "today's own structure")
			}
		}
	}
}
