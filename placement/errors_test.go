package placement_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/touchpoint"
)

// TestSentinelsAcrossPackages checks that one kind of failure answers
// errors.Is the same way whichever of touchpoint, placement and scoring
// found it and whichever package's sentinel the caller tests against, and
// that errors.As finds the one field-error type under each package's name.
func TestSentinelsAcrossPackages(t *testing.T) {
	t.Parallel()
	catalog := touchpoint.DefaultCatalog()
	validProfile := func() placement.Profile {
		return placement.Profile{Name: "Acme", Employees: 100, Touchpoints: map[touchpoint.ID]int{"customer-support": 3}}
	}
	profileErr := func(edit func(*placement.Profile)) error {
		p := validProfile()
		edit(&p)
		return p.Validate(nil)
	}
	validTouchpoint := func() touchpoint.Touchpoint {
		tp, ok := catalog.Get("customer-support")
		require.True(t, ok)
		tp.ID = "new-work"
		return tp
	}
	catalogErr := func(edit func(*touchpoint.Touchpoint)) error {
		tp := validTouchpoint()
		edit(&tp)
		return catalog.Clone().Add(tp)
	}
	require.NoError(t, validProfile().Validate(nil))
	require.NoError(t, catalogErr(func(*touchpoint.Touchpoint) {}))

	type source struct {
		name string
		err  error
	}
	for _, tc := range []struct {
		kind      string
		sentinels []error // every package's name for the kind
		sources   []source
		field     bool // every source returns a field error
	}{{
		kind:      "unknown name",
		sentinels: []error{touchpoint.ErrUnknownName, placement.ErrUnknownName, scoring.ErrUnknownName},
		sources: []source{
			{"touchpoint.ParseSpeed", second(touchpoint.ParseSpeed("instant"))},
			{"placement.ParseRole", second(placement.ParseRole("boss"))},
			{"scoring.ParseDirection", second(scoring.ParseDirection("more"))},
			{"placement profile", mustRead(t, "name: A\nemployees: 5\nagency: maybe\ntouchpoints: {customer-support: 2}\n")},
		},
	}, {
		kind: "unknown touchpoint",
		sentinels: []error{touchpoint.ErrUnknownTouchpoint, placement.ErrUnknownTouchpoint,
			touchpoint.ErrUnknownName, placement.ErrUnknownName, scoring.ErrUnknownName},
		sources: []source{
			{"touchpoint.Catalog.Remove", catalog.Clone().Remove("tiktok")},
			{"placement profile", profileErr(func(p *placement.Profile) { p.Touchpoints["tiktok"] = 3 })},
		},
		field: true,
	}, {
		kind:      "unknown department",
		sentinels: []error{touchpoint.ErrUnknownDepartment, placement.ErrUnknownDepartment, scoring.ErrUnknownName},
		sources: []source{
			{"touchpoint.Catalog.Add", catalogErr(func(tp *touchpoint.Touchpoint) { tp.Owner = "astrology" })},
			{"placement.Structure.Validate", placement.Structure{Home: "astrology", Model: placement.Centralized,
				Role: placement.Executing, Sourcing: placement.InHouse}.Validate(nil, "current")},
		},
		field: true,
	}, {
		kind:      "missing value",
		sentinels: []error{touchpoint.ErrMissing, placement.ErrMissing},
		sources: []source{
			{"touchpoint.Catalog.Add", catalogErr(func(tp *touchpoint.Touchpoint) { tp.Speed = 0 })},
			{"placement profile", profileErr(func(p *placement.Profile) { p.Employees = 0 })},
		},
		field: true,
	}, {
		kind:      "out of range",
		sentinels: []error{touchpoint.ErrRange, placement.ErrRange},
		sources: []source{
			{"touchpoint.Catalog.Add", catalogErr(func(tp *touchpoint.Touchpoint) { tp.Risk = 9 })},
			{"placement profile", profileErr(func(p *placement.Profile) { p.Regulation = 9 })},
			{"scoring not finite", second(scoring.NewProblem(nil, []scoring.Criterion{{Name: "c", Direction: scoring.Benefit}}, [][]float64{{math.Inf(1)}}))},
		},
		field: true,
	}, {
		kind:      "not finite",
		sentinels: []error{scoring.ErrNotFinite, placement.ErrNotFinite, placement.ErrRange, touchpoint.ErrRange},
		sources: []source{
			{"scoring.NewProblem", second(scoring.NewProblem(nil, []scoring.Criterion{{Name: "c", Direction: scoring.Benefit}}, [][]float64{{math.NaN()}}))},
			{"placement profile", profileErr(func(p *placement.Profile) { p.SocialStaff = math.NaN() })},
			{"placement weights", profileErr(func(p *placement.Profile) {
				p.Weights = map[placement.Criterion]float64{placement.Agility: math.Inf(1), placement.Cost: 1}
			})},
		},
		field: true,
	}, {
		kind:      "syntax",
		sentinels: []error{touchpoint.ErrSyntax, placement.ErrSyntax},
		sources: []source{
			{"touchpoint.ReadCatalog", second(touchpoint.ReadCatalog(strings.NewReader("touchpoints: [")))},
			{"placement.ReadProfile", mustRead(t, "name: [")},
		},
	}, {
		kind:      "duplicate",
		sentinels: []error{touchpoint.ErrDuplicate, scoring.ErrDuplicateName},
		sources: []source{
			{"touchpoint.Catalog.Add", catalogErr(func(tp *touchpoint.Touchpoint) { tp.ID = "customer-support" })},
			{"scoring.NewProblem", second(scoring.NewProblem([]string{"a", "a"}, []scoring.Criterion{{Name: "c", Direction: scoring.Benefit}}, [][]float64{{1}, {2}}))},
		},
		field: true,
	}, {
		kind:      "weights",
		sentinels: []error{placement.ErrWeights, scoring.ErrWeights},
		sources: []source{
			{"placement profile", profileErr(func(p *placement.Profile) { p.Weights = map[placement.Criterion]float64{placement.Cost: 0} })},
			{"scoring.NormalizeWeights", second(scoring.NormalizeWeights([]float64{0, 0}, 2))},
		},
		field: true,
	}} {
		for _, src := range tc.sources {
			require.Error(t, src.err, "%s: %s", tc.kind, src.name)
			for _, s := range tc.sentinels {
				assert.ErrorIs(t, src.err, s, "%s from %s, tested against %q", tc.kind, src.name, s)
			}
			if !tc.field {
				continue
			}
			var pe *placement.FieldError
			var te *touchpoint.FieldError
			var se *scoring.InputError
			require.ErrorAs(t, src.err, &pe, "%s from %s", tc.kind, src.name)
			require.ErrorAs(t, src.err, &te)
			require.ErrorAs(t, src.err, &se)
			assert.Same(t, pe, te)
			assert.Same(t, pe, se)
			assert.NotEmpty(t, pe.Path)
			assert.True(t, strings.HasPrefix(pe.Error(), pe.Path), "message %q starts with the path", pe)
		}
	}
	// Kinds stay apart: an out-of-range value is not a missing one.
	err := profileErr(func(p *placement.Profile) { p.Regulation = 9 })
	assert.False(t, errors.Is(err, touchpoint.ErrMissing))
	assert.False(t, errors.Is(err, scoring.ErrNotFinite))
	assert.False(t, errors.Is(catalog.Clone().Remove("tiktok"), placement.ErrUnknownDepartment))
}

func second[T any](_ T, err error) error { return err }

func mustRead(t *testing.T, doc string) error {
	t.Helper()
	_, err := placement.ReadProfile(strings.NewReader(doc))
	return err
}
