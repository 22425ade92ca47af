package placement

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

func consultProfile(employees int) Profile {
	return Profile{Name: "Test", Employees: employees, Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3}}
}

func TestDefaultMaturityModelAndBenchmarksLoad(t *testing.T) {
	m := DefaultMaturityModel()
	require.NoError(t, m.Validate())
	assert.Len(t, m.Stages, 5)
	b := DefaultBenchmarks()
	require.NoError(t, b.Validate())
	for _, r := range b.Benchmarks {
		assert.NotEmpty(t, r.Source, r.ID)
	}
}

func TestDiagnose(t *testing.T) {
	m := DefaultMaturityModel()
	tests := []struct {
		name  string
		edit  func(*Profile)
		stage string
		next  string
	}{
		{"stated 4 with every marker met", func(p *Profile) {
			p.Maturity, p.SocialStaff, p.BudgetLevel = 4, 5, 3
			p.Governance = Governance{Policy: Yes, AccountInventory: Yes, CrisisPlan: Yes, ExecutiveSponsor: Yes, Training: Yes, Measurement: Yes}
		}, "scaling", "empowering"},
		{"stated 4 but no crisis plan holds it at testing", func(p *Profile) {
			p.Maturity, p.SocialStaff = 4, 5
			p.Governance = Governance{CrisisPlan: No}
		}, "testing", "coordinating"},
		{"stated 4 with unknown practices is believed", func(p *Profile) {
			p.Maturity, p.SocialStaff, p.BudgetLevel = 4, 5, 3
		}, "scaling", "empowering"},
		{"stated 3 without staff is testing at most", func(p *Profile) {
			p.Maturity, p.SocialStaff = 3, 0.5
		}, "testing", "coordinating"},
		{"unstated, nothing known: dormant is not claimed, testing needs staff", func(p *Profile) {}, "dormant", "testing"},
		{"unstated with staff: testing", func(p *Profile) { p.SocialStaff = 1 }, "testing", "coordinating"},
		{"unstated with every coordinating marker", func(p *Profile) {
			p.SocialStaff = 2
			p.Governance = Governance{Policy: Yes, AccountInventory: Yes, CrisisPlan: Yes}
		}, "coordinating", "scaling"},
		{"stated 5 with all markers", func(p *Profile) {
			p.Maturity, p.SocialStaff, p.BudgetLevel, p.ExecutiveSponsorship = 5, 30, 4, 5
			p.Governance = Governance{Policy: Yes, PolicyKnown: Yes, AccountInventory: Yes, CrisisPlan: Yes, ExecutiveSponsor: Yes, Training: Yes, Measurement: Yes}
		}, "empowering", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := consultProfile(3000)
			tc.edit(&p)
			d := m.Diagnose(p)
			assert.Equal(t, tc.stage, d.Stage.ID)
			if tc.next == "" {
				assert.Nil(t, d.Next)
				assert.Empty(t, d.NextRequires)
			} else {
				require.NotNil(t, d.Next)
				assert.Equal(t, tc.next, d.Next.ID)
				assert.NotEmpty(t, d.NextRequires, "the next stage must say what it needs")
			}
			assert.NotEmpty(t, d.Stage.Carries)
		})
	}
}

func TestDiagnoseEvidenceNamesTheGap(t *testing.T) {
	p := consultProfile(3000)
	p.Maturity, p.SocialStaff = 4, 5
	p.Governance = Governance{CrisisPlan: No}
	d := DefaultMaturityModel().Diagnose(p)
	joined := strings.Join(d.Evidence, "\n")
	assert.Contains(t, joined, "stated maturity 4")
	assert.Contains(t, joined, "missing: a crisis and escalation plan (the Coordinating stage needs it)")
}

func TestGaps(t *testing.T) {
	m := DefaultMaturityModel()
	p := consultProfile(3000)
	p.Governance = Governance{Policy: Yes, CrisisPlan: No}
	gaps := m.Gaps(p)
	ids := map[string]Answer{}
	for _, g := range gaps {
		ids[g.Practice.ID] = g.Answer
		assert.NotEmpty(t, g.Practice.Step)
		assert.NotEmpty(t, g.Practice.Matters)
	}
	assert.NotContains(t, ids, "policy", "a practice in place is no gap")
	assert.Equal(t, No, ids["crisis-plan"])
	assert.Equal(t, Unknown, ids["training"], "unknown is a state, not no")
	assert.NotContains(t, ids, "archiving", "archiving is asked of regulated organisations only")
	p.Regulation = 5
	ids = map[string]Answer{}
	for _, g := range m.Gaps(p) {
		ids[g.Practice.ID] = g.Answer
	}
	assert.Contains(t, ids, "archiving")
}

func TestBenchmarksCompare(t *testing.T) {
	b := DefaultBenchmarks()
	find := func(rows []Comparison, prefix string) []Comparison {
		var out []Comparison
		for _, r := range rows {
			if strings.HasPrefix(r.ID, prefix) {
				out = append(out, r)
			}
		}
		return out
	}
	p := consultProfile(2400)
	p.SocialStaff = 3
	rows := b.Compare(p)
	size := find(rows, "team-size-")
	require.Len(t, size, 1, "exactly one size band applies")
	assert.Equal(t, "team-size-1000-4999", size[0].ID)
	assert.Equal(t, InLine, size[0].Standing)
	assert.Equal(t, "3 FTE", size[0].You)

	p.SocialStaff = 0.5
	assert.Equal(t, Below, find(b.Compare(p), "team-size-")[0].Standing)

	// Every size band maps to exactly one row.
	for _, n := range []int{12, 249, 250, 999, 1000, 4999, 5000, 9999, 10000, 99999, 100000, 500000} {
		assert.Len(t, find(b.Compare(consultProfile(n)), "team-size-"), 1, "%d employees", n)
	}
	// Model shares apply only to the current model.
	p.Current = &Structure{Home: touchpoint.Communications, Model: Centralized, Role: Executing, Sourcing: InHouse}
	shares := find(b.Compare(p), "model-share-")
	require.Len(t, shares, 1)
	assert.Equal(t, "model-share-centralized", shares[0].ID)
}

func TestReadBenchmarksRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown measure": "name: x\nbenchmarks:\n  - {id: a, topic: t, measure: height, peers: p, value: 1, evidence: survey, source: s}\n",
		"inverted range":  "name: x\nbenchmarks:\n  - {id: a, topic: t, measure: social-staff, employees: [10, 5], peers: p, value: 1, evidence: survey, source: s}\n",
		"no source":       "name: x\nbenchmarks:\n  - {id: a, topic: t, measure: social-staff, peers: p, value: 1, evidence: survey}\n",
		"value outside":   "name: x\nbenchmarks:\n  - {id: a, topic: t, measure: social-staff, peers: p, value: 9, low: 1, high: 3, evidence: survey, source: s}\n",
		"duplicate id":    "name: x\nbenchmarks:\n  - {id: a, topic: t, measure: social-staff, peers: p, value: 1, evidence: survey, source: s}\n  - {id: a, topic: t, measure: social-staff, peers: p, value: 1, evidence: survey, source: s}\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadBenchmarks(strings.NewReader(doc))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrUnknownName) || errors.Is(err, ErrRange) || errors.Is(err, ErrMissing) || errors.Is(err, ErrSyntax), err)
		})
	}
}

func TestReadProfileGovernance(t *testing.T) {
	p, err := ReadProfile(strings.NewReader("name: X\nemployees: 500\ntouchpoints: {marketing-channel: 2}\ngovernance: {policy: yes, crisis_plan: no}\n"))
	require.NoError(t, err)
	assert.Equal(t, Governance{Policy: Yes, CrisisPlan: No}, p.Governance)
	_, err = ReadProfile(strings.NewReader("name: X\nemployees: 500\ntouchpoints: {marketing-channel: 2}\ngovernance: {policy: maybe}\n"))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "governance.policy", fe.Path)
	assert.ErrorIs(t, err, ErrUnknownName)
}

func TestRecommendationPlansEveryGap(t *testing.T) {
	p := consultProfile(3000)
	p.Touchpoints[touchpoint.CustomerSupport] = 3
	p.Maturity, p.SocialStaff, p.Regulation = 3, 4, 5
	p.Current = &Structure{Home: touchpoint.Marketing, Model: Centralized, Role: Executing, Sourcing: InHouse}
	p.Governance = Governance{Policy: Yes, CrisisPlan: No, Measurement: No, AccountInventory: No, Archiving: No}
	rec, err := Recommend(context.Background(), p, Options{})
	require.NoError(t, err)

	assert.Equal(t, "testing", rec.Stage.Stage.ID, "a missing crisis plan and inventory hold a stated 3 below coordinating")
	closes := map[string]int{}
	for _, st := range rec.Roadmap {
		for _, id := range st.Closes {
			closes[id]++
		}
	}
	for _, g := range rec.Gaps {
		switch g.Answer {
		case No:
			assert.True(t, g.Planned, g.Practice.ID)
			assert.Equal(t, 1, closes[g.Practice.ID], "exactly one step closes %s", g.Practice.ID)
		case Unknown:
			assert.False(t, g.Planned, g.Practice.ID)
			assert.Zero(t, closes[g.Practice.ID], "no step claims to close an unknown %s", g.Practice.ID)
		default:
			t.Errorf("a practice in place is listed as a gap: %s", g.Practice.ID)
		}
	}
	assert.NotContains(t, closes, "policy", "the policy is in place")
	// The inserted measurement step reads as the checklist says.
	var found bool
	for _, st := range rec.Roadmap {
		if slices.Contains(st.Closes, "measurement") {
			found = true
			assert.Contains(t, st.Why, "34%")
		}
	}
	assert.True(t, found)
	// Benchmarks for a 3,000-employee firm diagnosed at the testing stage.
	var ids []string
	for _, c := range rec.Benchmarks {
		ids = append(ids, c.ID)
	}
	assert.Contains(t, ids, "team-size-1000-4999")
	assert.Contains(t, ids, "team-maturity-novice", "rows by maturity follow the diagnosed stage (testing), not the stated 3")
	assert.Contains(t, ids, "model-share-centralized")
	assert.NotContains(t, ids, "model-share-dandelion")
}

func TestRecommenderCustomMaturityAndBenchmarks(t *testing.T) {
	b := DefaultBenchmarks()
	b.Benchmarks = b.Benchmarks[:1]
	b.Benchmarks[0].Employees = nil
	b.Benchmarks[0].Peers = "our panel: 7 FTE"
	r, err := NewRecommender(Config{Benchmarks: b})
	require.NoError(t, err)
	b.Benchmarks[0].Peers = "changed after the call"
	rec, err := r.Recommend(context.Background(), consultProfile(3000))
	require.NoError(t, err)
	require.Len(t, rec.Benchmarks, 1)
	assert.Equal(t, "our panel: 7 FTE", rec.Benchmarks[0].Peers, "the recommender keeps its own copy")

	bad := DefaultMaturityModel()
	bad.Stages[1].Markers[0].Field = "height"
	_, err = NewRecommender(Config{Maturity: bad})
	assert.ErrorIs(t, err, ErrUnknownName)
}

// TestStaffingWithinPublishedBands reads the team-size rows of the
// benchmark file and checks that, for a mid profile in each band, the top
// structure's staffing range overlaps the published "in line" range, so
// the model and the benchmarks cannot drift apart. The tolerance is the
// file's own [low, high] against the model's [Low, High]
// (staff.range-low/high times the estimate). Every band is checked,
// including the jump from about 3 FTE (1,000–5,000) to about 20
// (5,000–10,000) that the centre of excellence (staff.coe-core) carries.
func TestStaffingWithinPublishedBands(t *testing.T) {
	b := DefaultBenchmarks()
	checked := 0
	for _, row := range b.Benchmarks {
		if row.Measure != MeasureSocialStaff || len(row.Employees) != 2 || len(row.Maturity) != 0 {
			continue
		}
		lo, hi := row.Employees[0], row.Employees[1]
		mid := (lo + hi) / 2
		if hi == 0 {
			mid = 2 * lo
		}
		t.Run(row.ID, func(t *testing.T) {
			p := consultProfile(mid)
			p.Touchpoints = nil // the catalogue's default activity mix
			rec, err := Recommend(context.Background(), p, Options{})
			require.NoError(t, err)
			st := rec.Ranking[0].Staffing
			upper := row.High
			if upper == 0 {
				upper = math.Inf(1)
			}
			assert.True(t, st.High >= row.Low && st.Low <= upper,
				"%d employees: %s needs %.1f FTE (%.1f–%.1f); published %s (in line %.1f–%.1f)",
				mid, rec.Ranking[0].Structure.ID(), st.FTE, st.Low, st.High, row.Peers, row.Low, upper)
		})
		checked++
	}
	assert.GreaterOrEqual(t, checked, 6)
}
