package placement_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteText(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader("name: Tiny & Co <test>\nemployees: 40\ntouchpoints: {marketing-channel: 3, customer-support: 2}\n"))
	require.NoError(t, err)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, rec.WriteText(&out, 3))
	s := out.String()
	assert.Contains(t, s, "Tiny & Co <test>")
	assert.Contains(t, s, rec.Ranking[0].Structure.Name())
	assert.NotContains(t, s, rec.Ranking[3].Structure.ID()+" ", "only the top 3 are listed")
	assert.Contains(t, s, "Marketing channel", "the RACI names its touchpoints")
	assert.NotContains(t, s, "marketing-channel", "no touchpoint ID in the text")
	assert.Contains(t, s, "Robustness:")
	assert.Error(t, rec.WriteText(&failingWriter{n: 2}, 3), "a write error is returned")
}

// writeTextFor renders the text of a profile in testdata.
func writeTextFor(t *testing.T, file string) (string, *placement.Recommendation) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	require.NoError(t, err)
	p, err := placement.ReadProfile(bytes.NewReader(b))
	require.NoError(t, err, file)
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, rec.WriteText(&out, 3))
	return out.String(), rec
}

// The three organisations of the closing note: what each client reads is
// true to its profile and its sector.
func TestWriteTextClosingNoteProfiles(t *testing.T) {
	t.Parallel()
	ngo, rec := writeTextFor(t, "profile-ngo.yaml")
	require.Equal(t, placement.Centralized, rec.Ranking[0].Structure.Model, "the NGO's answer is a central team")
	assert.NotContains(t, ngo, "spokes", "a centralized answer has no spokes to win over or extend")
	assert.NotRegexp(t, `(?m)^\s*\d+\. Train\s+for`, ngo, "no empty training step")
	assert.NotContains(t, ngo, "1 business units")
	assert.NotContains(t, ngo, "chaotic", "silos 2/5 and harmony 4/5 is not a rivalrous firm")
	assert.Contains(t, ngo, "marketing channel (same-day", "the marketing channel is same-day, as the catalogue says")
	assert.NotContains(t, ngo, "FINRA")

	bank, rec := writeTextFor(t, "profile-bank.yaml")
	assert.Contains(t, bank, "FINRA Regulatory Notices 10-06 and 11-39")
	assert.NotContains(t, bank, "coordination overhead", "8,000 employees need a hub")
	for _, a := range rec.RACI {
		if a.Touchpoint == "customer-support" {
			assert.Equal(t, []touchpoint.Department{touchpoint.CustomerService}, a.Responsible)
		}
	}
	assert.Contains(t, bank, "Customer care belongs with customer service")

	pharma, rec := writeTextFor(t, "profile-pharma.yaml")
	assert.NotContains(t, pharma, "FINRA", "broker-dealer notices are for the financial sector")
	assert.NotContains(t, pharma, "Customer care belongs", "no customer care in this profile")
	assert.Contains(t, pharma, "adverse event")
	for _, a := range rec.RACI {
		if a.Touchpoint == "social-listening" {
			assert.Contains(t, a.Consulted, touchpoint.Department("drug-safety"), "listening outputs reach drug safety")
		}
	}
	for _, s := range []string{ngo, bank, pharma} {
		assert.NotRegexp(t, `domain\.md|§|\(was |\[J\]|\b[a-z]+\.[a-z]+-[a-z]+\b`, s)
	}
}

func TestProfileSector(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader("name: Agency\nemployees: 4000\nsector: public-sector\ntouchpoints: {public-affairs: 3}\n"))
	require.NoError(t, err)
	assert.Equal(t, placement.SectorPublicSector, p.Sector)
	_, err = placement.ReadProfile(strings.NewReader("name: B\nemployees: 40\nsector: banking\ntouchpoints: {public-affairs: 3}\n"))
	var fe *placement.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "sector", fe.Path)
	assert.ErrorIs(t, err, placement.ErrUnknownName)
	assert.ErrorIs(t, placement.Profile{Name: "x", Employees: 1, Sector: 42,
		Touchpoints: map[touchpoint.ID]int{"public-affairs": 1}}.Validate(nil), placement.ErrUnknownName)

	// A government agency's communications team is not made responsible
	// for customer care, and its records duties appear.
	p.Touchpoints["customer-support"] = 4
	p.Current = &placement.Structure{Home: touchpoint.Communications, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}
	rec, err := placement.Recommend(t.Context(), p, placement.Options{})
	require.NoError(t, err)
	for _, e := range rec.Ranking[:3] {
		for _, a := range e.RACI {
			if a.Touchpoint == "customer-support" {
				assert.Equal(t, []touchpoint.Department{touchpoint.CustomerService}, a.Responsible, e.Structure.ID())
			}
			if a.Touchpoint == "public-affairs" {
				assert.Contains(t, a.Informed, touchpoint.Department("records-management"), e.Structure.ID())
			}
		}
	}
	var steps []string
	for _, s := range rec.Roadmap {
		steps = append(steps, s.Step)
	}
	assert.Contains(t, strings.Join(steps, "\n"), "public records")
}

// A large firm with low maturity and sponsorship reads why a dandelion
// or honeycomb does not fit it, in its own numbers.
func TestGateToldToTheClient(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader("name: Group\nemployees: 30000\nbusiness_units: 12\ncountries: 10\n" +
		"maturity: 2\nexecutive_sponsorship: 2\nsocial_staff: 200\ntouchpoints: {marketing-channel: 4, customer-support: 3, csr-awareness: 2}\n"))
	require.NoError(t, err)
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	rec, err := r.WithOptions(placement.Options{Detail: 1000}).Recommend(t.Context(), p)
	require.NoError(t, err)
	told := map[placement.OperatingModel]bool{}
	for _, e := range rec.Ranking {
		for _, w := range e.Weaknesses {
			if strings.Contains(w, "below what a "+e.Structure.Model.String()+" structure needs") {
				assert.Contains(t, w, "2/5", w)
				told[e.Structure.Model] = true
			}
		}
	}
	assert.True(t, told[placement.Dandelion], "the dandelion gate is told")
	assert.True(t, told[placement.Honeycomb], "the honeycomb gate is told")
}

// WeightsText names criteria by label wherever the derivation puts them,
// drops the model's machine name and leaves a caller's own sentence alone.
func TestWeightsText(t *testing.T) {
	t.Parallel()
	got := placement.WeightsText("derived from the profile by model socialseat-default v8: every criterion starts at 1; risk-compliance +3.00 for regulation 5/5; the floor of 0.20 raised change-effort (no criterion counts for less); then normalised to sum to 1")
	assert.Equal(t, "derived from the profile: every criterion starts at 1; risk and compliance +3.00 for regulation 5/5; the floor of 0.20 raised change effort (no criterion counts for less); then normalised to sum to 1", got)
	assert.Equal(t, "the board's weights", placement.WeightsText("the board's weights"))
	assert.Equal(t, "Scored with the socialseat default model, version 8.", placement.ModelProvenance(placement.Identity{Name: "socialseat-default", Version: "8"}))
	assert.Equal(t, "Where should social media sit in the organisation?", placement.Title(" "))
}
