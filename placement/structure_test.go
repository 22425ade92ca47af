package placement_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

func TestEnumerateIsCoherent(t *testing.T) {
	cands := placement.Enumerate(nil)
	require.NotEmpty(t, cands)
	ids := map[string]bool{}
	for _, s := range cands {
		require.NoError(t, s.Validate(nil, ""), "%s", s.ID())
		assert.False(t, ids[s.ID()], "duplicate ID %s", s.ID())
		ids[s.ID()] = true
		if s.Sourcing == placement.Agency {
			assert.Equal(t, placement.Executing, s.Role, "%s: agency sourcing only where the centre executes", s.ID())
		}
		assert.NotContains(t, []touchpoint.Department{touchpoint.Legal, touchpoint.CSR, touchpoint.IT}, s.Home,
			"domain.md §1.1: not realistic homes by default")
		if s.Home == touchpoint.HR {
			assert.Equal(t, placement.Centralized, s.Model)
		}
	}
	assert.True(t, ids["org-in"] && ids["org-hy"] && !ids["org-ag"])
	assert.True(t, ids["hs-com-ae-in"])
	assert.True(t, ids["cen-hr-ex-in"], "HR stays a candidate so its weakness is scored, not assumed")
	for _, m := range placement.OperatingModels() {
		n := 0
		for _, s := range cands {
			if s.Model == m {
				n++
			}
		}
		assert.Positive(t, n, "no %s candidate", m)
	}
	// Stable: same order every time, and a custom home list is deduplicated.
	assert.Equal(t, cands, placement.Enumerate(nil))
	two := placement.Enumerate([]touchpoint.Department{touchpoint.Marketing, touchpoint.Marketing})
	seen := map[placement.Structure]bool{}
	for _, s := range two {
		assert.False(t, seen[s])
		seen[s] = true
	}
}

func TestStructureValidateRules(t *testing.T) {
	cases := []struct {
		name  string
		s     placement.Structure
		field string
		err   error
	}{
		{"organic with a home", placement.Structure{Home: touchpoint.Marketing, Model: placement.Organic, Sourcing: placement.InHouse}, "s.home", placement.ErrIncoherent},
		{"organic with a role", placement.Structure{Home: placement.NoHome, Model: placement.Organic, Role: placement.Advisory, Sourcing: placement.InHouse}, "s.role", placement.ErrIncoherent},
		{"organic agency", placement.Structure{Home: placement.NoHome, Model: placement.Organic, Sourcing: placement.Agency}, "s.sourcing", placement.ErrIncoherent},
		{"centralized advisory", placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Advisory, Sourcing: placement.InHouse}, "s.role", placement.ErrIncoherent},
		{"dandelion executing", placement.Structure{Home: touchpoint.Marketing, Model: placement.Dandelion, Role: placement.Executing, Sourcing: placement.InHouse}, "s.role", placement.ErrIncoherent},
		{"honeycomb coordinating", placement.Structure{Home: touchpoint.Marketing, Model: placement.Honeycomb, Role: placement.Coordinating, Sourcing: placement.InHouse}, "s.role", placement.ErrIncoherent},
		{"hub without home", placement.Structure{Home: placement.NoHome, Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}, "s.home", placement.ErrMissing},
		{"unknown home", placement.Structure{Home: "growth", Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}, "s.home", placement.ErrUnknownDepartment},
		{"no model", placement.Structure{Home: touchpoint.Marketing, Sourcing: placement.InHouse}, "s.model", placement.ErrMissing},
		{"no sourcing", placement.Structure{Home: touchpoint.Marketing, Model: placement.HubAndSpoke, Role: placement.Advisory}, "s.sourcing", placement.ErrMissing},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.s.Validate(nil, "s")
			require.ErrorIs(t, err, tc.err)
			var fe *placement.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Path)
		})
	}
	// A catalogue makes a custom department a valid home.
	c := touchpoint.DefaultCatalog()
	require.NoError(t, c.AddDepartment("growth"))
	s := placement.Structure{Home: "growth", Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}
	assert.NoError(t, s.Validate(c, ""))
	assert.Equal(t, "hs-growth-ad-in", s.ID())
}

func TestStructureIDAndName(t *testing.T) {
	s := placement.Structure{Home: touchpoint.Communications, Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}
	assert.Equal(t, "hs-com-ad-in", s.ID())
	assert.Equal(t, "Hub-and-spoke centre of excellence in Communications, advisory, in-house", s.Name())
	o := placement.Structure{Home: placement.NoHome, Model: placement.Organic, Sourcing: placement.Hybrid}
	assert.Equal(t, "org-hy", o.ID())
	assert.Equal(t, "Organic (no central team), hybrid", o.Name())
	e := placement.Structure{Home: touchpoint.Executive, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.Agency}
	assert.Equal(t, "cen-exe-ex-ag", e.ID())
	assert.Equal(t, "Centralized team in its own executive unit, executing, agency", e.Name())
}

func TestStructureJSON(t *testing.T) {
	s := placement.Structure{Home: touchpoint.Marketing, Model: placement.Dandelion, Role: placement.Coordinating, Sourcing: placement.Hybrid}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"home":"marketing","model":"dandelion","role":"coordinating","sourcing":"hybrid"}`, string(b))
	var back placement.Structure
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	o, err := json.Marshal(placement.Structure{Home: placement.NoHome, Model: placement.Organic, Sourcing: placement.InHouse})
	require.NoError(t, err)
	assert.JSONEq(t, `{"home":"none","model":"organic","role":"none","sourcing":"in-house"}`, string(o))
}

func TestCustomDepartmentNamedLikeACode(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	require.NoError(t, c.AddDepartment("com"))
	a := placement.Structure{Home: "com", Model: placement.HubAndSpoke, Role: placement.Advisory, Sourcing: placement.InHouse}
	b := a
	b.Home = touchpoint.Communications
	assert.NotEqual(t, a.ID(), b.ID())
	assert.Equal(t, "hs-dept-com-ad-in", a.ID())
}
