package report_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
	"github.com/socialseat/socialseat/touchpoint"
)

// The maturity section never lists the models a stage carries as if they
// bounded the answer while recommending another: a hub-and-spoke
// recommended at the Testing stage is said to go beyond it, with the path
// the roadmap takes.
func TestMaturitySectionStatesTheFit(t *testing.T) {
	t.Parallel()
	p := placement.Profile{
		Name: "Kessler Industrial", Employees: 5000, BusinessUnits: 6, Countries: 8, SocialPriority: 3, SocialStaff: 4, BudgetLevel: 3,
		SignOffLayers: 2, Silos: 4, DepartmentHarmony: 2, Regulation: 2, Maturity: 2, ExecutiveSponsorship: 3, Agency: placement.AgencyCurrent,
		Touchpoints: map[touchpoint.ID]int{touchpoint.MarketingChannel: 3, touchpoint.SocialCRM: 4, touchpoint.EmployerBranding: 3,
			touchpoint.CorporateCommunication: 3, touchpoint.CustomerSupport: 2, touchpoint.CrisisResponse: 2},
	}
	rec, err := placement.Recommend(context.Background(), p, placement.Options{})
	require.NoError(t, err)
	require.Equal(t, placement.HubAndSpoke, rec.Ranking[0].Structure.Model)
	var md, html bytes.Buffer
	require.NoError(t, report.Markdown(&md, rec, report.Options{}))
	require.NoError(t, report.HTML(&html, rec, report.Options{}))
	for name, out := range map[string]string{"markdown": md.String(), "html": html.String()} {
		assert.NotContains(t, out, "can carry these operating models", name)
		assert.Contains(t, out, "the recommended model, hub-and-spoke, goes beyond them", name)
		assert.Contains(t, out, "starts with a centralized team", name)
	}
}
