package placement_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
}

func roundTrip[T textEnum](t *testing.T, values []T, parse func(string) (T, error), newPtr func() interface {
	encoding.TextUnmarshaler
	get() T
}) {
	t.Helper()
	for _, v := range values {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
		p, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, p)
		u := newPtr()
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, v, u.get())
	}
}

type box[T any] struct{ v T }

func (b *box[T]) get() T { return b.v }

type modelBox struct{ box[placement.OperatingModel] }

func (b *modelBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

type roleBox struct{ box[placement.Role] }

func (b *roleBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

type sourcingBox struct{ box[placement.Sourcing] }

func (b *sourcingBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

type criterionBox struct{ box[placement.Criterion] }

func (b *criterionBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

type agencyBox struct{ box[placement.AgencyStance] }

func (b *agencyBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

type evidenceBox struct{ box[placement.Evidence] }

func (b *evidenceBox) UnmarshalText(x []byte) error { return b.v.UnmarshalText(x) }

func TestEnumRoundTrips(t *testing.T) {
	roundTrip(t, placement.OperatingModels(), placement.ParseOperatingModel, func() interface {
		encoding.TextUnmarshaler
		get() placement.OperatingModel
	} {
		return &modelBox{}
	})
	roundTrip(t, append(placement.Roles(), placement.NoRole), placement.ParseRole, func() interface {
		encoding.TextUnmarshaler
		get() placement.Role
	} {
		return &roleBox{}
	})
	roundTrip(t, placement.Sourcings(), placement.ParseSourcing, func() interface {
		encoding.TextUnmarshaler
		get() placement.Sourcing
	} {
		return &sourcingBox{}
	})
	roundTrip(t, placement.Criteria(), placement.ParseCriterion, func() interface {
		encoding.TextUnmarshaler
		get() placement.Criterion
	} {
		return &criterionBox{}
	})
	roundTrip(t, []placement.AgencyStance{placement.AgencyNone, placement.AgencyCurrent, placement.AgencyOpen}, placement.ParseAgencyStance, func() interface {
		encoding.TextUnmarshaler
		get() placement.AgencyStance
	} {
		return &agencyBox{}
	})
	roundTrip(t, []placement.Evidence{placement.Survey, placement.Analyst, placement.Theory, placement.Vendor, placement.Judgement}, placement.ParseEvidence, func() interface {
		encoding.TextUnmarshaler
		get() placement.Evidence
	} {
		return &evidenceBox{}
	})
}

// The vocabulary is fixed by issue 4 and used in files, JSON and the CLI.
func TestVocabulary(t *testing.T) {
	var got []string
	for _, c := range placement.Criteria() {
		got = append(got, c.String())
	}
	assert.Equal(t, []string{"agility", "consistency", "coverage", "expertise", "cost",
		"risk-compliance", "authenticity", "scalability", "influence", "change-effort"}, got)
	got = nil
	for _, m := range placement.OperatingModels() {
		got = append(got, m.String())
	}
	assert.Equal(t, []string{"organic", "centralized", "hub-and-spoke", "dandelion", "honeycomb"}, got)
	got = nil
	for _, r := range placement.Roles() {
		got = append(got, r.String())
	}
	assert.Equal(t, []string{"coordinating", "advisory", "executing", "advisory-executing"}, got)
	got = nil
	for _, s := range placement.Sourcings() {
		got = append(got, s.String())
	}
	assert.Equal(t, []string{"in-house", "hybrid", "agency"}, got)
	assert.True(t, placement.Cost.IsCost())
	assert.True(t, placement.ChangeEffort.IsCost())
	assert.False(t, placement.Agility.IsCost())
}

func TestEnumsRejectUnknownTokens(t *testing.T) {
	_, err := placement.ParseOperatingModel("Hub and spoke")
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	_, err = placement.ParseRole("executor")
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	_, err = placement.ParseSourcing("outsourced")
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	_, err = placement.ParseCriterion("risk")
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	_, err = placement.ParseAgencyStance("maybe")
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	_, err = placement.OperatingModel(0).MarshalText()
	assert.ErrorIs(t, err, placement.ErrUnknownName, "the zero model is unset")
	_, err = placement.Sourcing(0).MarshalText()
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	assert.Equal(t, "Criterion(42)", placement.Criterion(42).String())
}

// An operating model's label is what the report's maturity section and a
// client read; the token stays for files.
func TestOperatingModelLabel(t *testing.T) {
	want := map[placement.OperatingModel]string{
		placement.Organic: "organic (no central team)", placement.Centralized: "centralized", placement.HubAndSpoke: "hub-and-spoke",
		placement.Dandelion: "dandelion (multiple hub-and-spoke)", placement.Honeycomb: "honeycomb",
	}
	for _, m := range placement.OperatingModels() {
		if got := m.Label(); got != want[m] {
			t.Errorf("%v.Label() = %q, want %q", m, got, want[m])
		}
	}
}
