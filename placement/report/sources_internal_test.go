package report

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// Every citation in the default model's coefficients and the default
// catalogue's touchpoints names a work of works.yaml, so that the source
// list shows it in full: a spelling added to the data without its work
// fails here, not as a fragment in a client's report.
func TestDefaultSourcesResolve(t *testing.T) {
	t.Parallel()
	check := func(from, s string) {
		for _, part := range splitOutside(s, ';') {
			w := evidenceTag.ReplaceAllString(work(part), "")
			if internalSource.MatchString(w) || len(w) == 0 {
				continue
			}
			assert.NotNil(t, works.resolve(part), "%s: %q names no work of works.yaml", from, part)
		}
	}
	for _, c := range placement.DefaultModel().Coefficients {
		check(c.ID, c.Source)
	}
	for _, tp := range touchpoint.DefaultCatalog().All() {
		check(string(tp.ID), tp.Source)
	}
	// The roadmap's wording (placement/roadmap.yaml, embedded in the
	// placement package) gives each text's source.
	data, err := os.ReadFile("../roadmap.yaml")
	require.NoError(t, err)
	var rm struct {
		Texts []struct{ ID, Text, Source string }
	}
	require.NoError(t, yaml.Unmarshal(data, &rm))
	require.Greater(t, len(rm.Texts), 60)
	for _, e := range rm.Texts {
		require.NotEmpty(t, e.Source, e.ID)
		check("roadmap.yaml "+e.ID, e.Source)
	}
}

// A citation that names no work (a consultant's own model) is listed
// whole, never cut at its notes; a known work's spelling with a note after
// a colon is the work.
func TestUnknownCitationListedWhole(t *testing.T) {
	t.Parallel()
	l := &sourceList{byText: map[string]sourceView{}, known: map[string]bool{}}
	all := func(*workEntry) bool { return true }
	l.cited("Acme Research 2020 (staff survey): hubs need more people [S]; Van Belleghem (SXSW): local platforms force local teams; domain.md §3", "", all)
	assert.Contains(t, l.byText, "Acme Research 2020 (staff survey): hubs need more people")
	assert.Contains(t, l.byText, "Van Belleghem, Social media marketing creates new coordination challenges for global brands (SXSW)")
	assert.Len(t, l.byText, 2, "our own documents are left out")
}
