package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/placement"
)

var winnerRE = regexp.MustCompile(`id="winner">Recommended: <strong>([^<]+)</strong> \(score ([0-9.]+)\)`)

// winnerOf returns the recommended structure and its score as a
// recommendation page shows them.
func winnerOf(t *testing.T, page string) string {
	t.Helper()
	m := winnerRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no winner on the page:\n%s", page)
	}
	return m[1] + " " + m[2]
}

// A saved version shows the recommendation it showed when it was saved,
// even when a later workbench ranks with another model; a version saved
// before the workbench kept its recommendation is ranked again, and the
// page and the report say so.
func TestVersionsKeepTheirRecommendation(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Nordbank")
	form := url.Values{"name": {"Nordbank"}, "employees": {"8000"}, "countries": {"3"}, "regulation": {"5"}, "sign_off_layers": {"3"}}
	if status, body, _ := h.saveProfile(c, base, form); status != http.StatusSeeOther {
		t.Fatalf("profile: %d\n%s", status, body)
	}
	_, page := h.get(c, base+"recommendation?v=1")
	saved := winnerOf(t, page)
	eid := strings.Split(base, "/")[2]
	v, err := h.st.version(context.Background(), eid, 1)
	if err != nil || v.Recommendation == "" {
		t.Fatalf("version 1 kept no recommendation (err %v)", err)
	}
	// What is stored decodes back to what the page showed, and to an
	// equal value when written again.
	var rec placement.Recommendation
	if err := json.Unmarshal([]byte(v.Recommendation), &rec); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(rec)
	if err != nil || string(again) != v.Recommendation {
		t.Errorf("the stored recommendation does not round-trip (err %v)", err)
	}
	h.close()

	// A later workbench whose model ranks the profile otherwise: all the
	// weight on one criterion, chosen so that the winner changes.
	p, err := placement.ReadProfile(strings.NewReader(v.Profile))
	if err != nil {
		t.Fatal(err)
	}
	var later *placement.Recommender
	for _, crit := range placement.Criteria() {
		r, err := placement.NewRecommender(placement.Config{})
		if err != nil {
			t.Fatal(err)
		}
		r = r.WithOptions(placement.Options{Weights: map[placement.Criterion]float64{crit: 1}, WeightsSource: "all on " + crit.Label()})
		got, err := r.Recommend(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if got.Ranking[0].Structure.Name() != rec.Ranking[0].Structure.Name() {
			later = r
			break
		}
	}
	if later == nil {
		t.Fatal("no weighting changes the winner: the test cannot tell a stored recommendation from a recomputed one")
	}
	h2 := newHarnessWith(t, h.file, false, func(a *app) { a.rec = later })
	_, page = h2.get(c, base+"recommendation?v=1")
	if got := winnerOf(t, page); got != saved {
		t.Errorf("version 1 shows %q under a later model, %q when it was saved", got, saved)
	}
	if strings.Contains(page, `id="ranked-again"`) {
		t.Error("a version with its recommendation says it was ranked again")
	}
	_, report := h2.get(c, base+"versions/1/report.html")
	if strings.Contains(report, "ranked again") {
		t.Error("the report of a version with its recommendation says it was ranked again")
	}

	// A version saved before the column existed has only its profile.
	if _, err := h2.st.db.Exec(`UPDATE versions SET recommendation = NULL`); err != nil {
		t.Fatal(err)
	}
	_, page = h2.get(c, base+"recommendation?v=1")
	if got := winnerOf(t, page); got == saved {
		t.Errorf("a version without its recommendation shows %q, the saved winner, not the later model's", got)
	}
	if !strings.Contains(page, `id="ranked-again"`) {
		t.Error("a version ranked again does not say so")
	}
	_, report = h2.get(c, base+"versions/1/report.html")
	if !strings.Contains(report, "ranked again on") {
		t.Error("the report of a version ranked again does not say so")
	}
}
