package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socialseat/socialseat/decision"
)

func TestMigrationsRecordedAndIdempotent(t *testing.T) {
	file := filepath.Join(t.TempDir(), "m.db")
	for range 2 {
		st, err := openStore(context.Background(), file, false)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := st.schemaVersions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if len(vs) != len(ms) || vs[len(vs)-1] != ms[len(ms)-1].version {
			t.Errorf("schema_migrations holds %v, want the %d migrations", vs, len(ms))
		}
		var mode string
		st.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if mode != "wal" {
			t.Errorf("journal_mode %q, want wal", mode)
		}
		st.close()
	}
}

func TestProfileErrorsBesideFieldsKeepWhatWasTyped(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	status, body, _ := h.saveProfile(c, base, url.Values{
		"name": {"Acme <b>&</b>"}, "employees": {"lots"}, "countries": {"-2"}, "social_staff": {"NaN"},
		"current.model": {"hub-and-spoke"}, "founded": {"3000"},
	})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", status)
	}
	for _, want := range []string{
		`data-field="employees">Enter a whole number`,
		`data-field="social_staff">Enter a number`,
		`data-field="current.home">Give every part`,
		`data-field="countries">`, // found by the profile's validation in the same round
		`data-field="founded">`,
		`value="lots"`,                          // typed values kept
		`value="Acme &lt;b&gt;&amp;&lt;/b&gt;"`, // and escaped
		`value="-2"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// Values that parse but that the profile's own validation refuses.
	status, body, _ = h.saveProfile(c, base, url.Values{"employees": {"0"}, "countries": {"-2"}, "sign_off_layers": {"-1"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", status)
	}
	for _, field := range []string{"employees", "countries", "sign_off_layers"} {
		if !strings.Contains(body, `data-field="`+field+`"`) {
			t.Errorf("no error beside %s:\n%s", field, body)
		}
	}
	if !strings.Contains(body, `name="countries" value="-2"`) {
		t.Error("the typed countries were not kept")
	}
	// Nothing was saved.
	if _, err := h.st.version(context.Background(), strings.Split(base, "/")[2], 0); err == nil {
		t.Error("an invalid profile was saved")
	}
}

func TestCSRFRejected(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	for name, form := range map[string]url.Values{
		"missing": {"employees": {"800"}},
		"forged":  {"employees": {"800"}, "csrf": {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
	} {
		status, body, _ := h.post(c, base+"profile", form)
		if status != http.StatusForbidden || !strings.Contains(body, "This form has expired") {
			t.Errorf("%s token: %d\n%s", name, status, body)
		}
	}
	// A token from another browser (another cookie) is refused too.
	_, page := h.get(c, base+"profile")
	other := h.browser()
	h.get(other, "/")
	status, _, _ := h.post(other, base+"profile", url.Values{"employees": {"800"}, "csrf": {csrfOf(t, page)}})
	if status != http.StatusForbidden {
		t.Errorf("another browser's token: %d, want 403", status)
	}
	// And a token of another engagement.
	base2 := h.createEngagement(c, "Other")
	_, page2 := h.get(c, base2+"profile")
	status, _, _ = h.post(c, base+"profile", url.Values{"employees": {"800"}, "csrf": {csrfOf(t, page2)}})
	if status != http.StatusForbidden {
		t.Errorf("another engagement's token: %d, want 403", status)
	}
	n, _ := h.st.versions(context.Background(), strings.Split(base, "/")[2])
	if len(n) != 0 {
		t.Errorf("%d versions saved by refused forms", len(n))
	}
}

func TestUnknownTokensGetTheSame404(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	h.saveProfile(c, base, url.Values{"employees": {"800"}})
	link := h.addStakeholder(c, base, "Alice")
	eid, tok := strings.Split(base, "/")[2], strings.Split(base, "/")[3]
	sid, stok := strings.Split(link, "/")[2], strings.Split(link, "/")[3]
	if sid != eid {
		t.Fatal("stakeholder link of another engagement")
	}
	noSuch := "/e/AAAAAAAAAAAAAAAAAAAAAA/" + tok + "/"
	status, want := h.get(h.browser(), noSuch)
	if status != http.StatusNotFound {
		t.Fatalf("no such engagement: %d", status)
	}
	for _, path := range []string{
		"/e/" + eid + "/AAAAAAAAAAAAAAAAAAAAAA/",           // wrong facilitator token
		"/e/" + eid + "/" + stok + "/",                     // a stakeholder's token as facilitator's
		"/e/" + eid + "/AAAAAAAAAAAAAAAAAAAAAA/group.json", // on the JSON endpoint too
		"/e/AAAAAAAAAAAAAAAAAAAAAA/" + tok + "/versions/1/decision.json",
		"/s/" + eid + "/AAAAAAAAAAAAAAAAAAAAAA/",  // wrong stakeholder token
		"/s/AAAAAAAAAAAAAAAAAAAAAA/" + stok + "/", // no such engagement
		"/s/" + eid + "/" + tok + "/",             // the facilitator's token as a stakeholder's
		"/nothing/here",
	} {
		status, body := h.get(h.browser(), path)
		if status != http.StatusNotFound || body != want {
			t.Errorf("%s: %d, body differs from the no-such-engagement page: %v", path, status, body != want)
		}
	}
	// Expired links: the same page.
	h.app.now = func() time.Time { return time.Now().Add(stakeholderTTL + time.Hour) }
	if status, body := h.get(h.browser(), link); status != http.StatusNotFound || body != want {
		t.Errorf("expired stakeholder link: %d", status)
	}
	h.app.now = func() time.Time { return time.Now().Add(facilitatorTTL + time.Hour) }
	if status, body := h.get(h.browser(), base); status != http.StatusNotFound || body != want {
		t.Errorf("expired facilitator link: %d", status)
	}
}

func TestTokensStoredHashed(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	h.saveProfile(c, base, url.Values{"employees": {"800"}})
	link := h.addStakeholder(c, base, "Alice")
	h.close()
	raw, err := os.ReadFile(h.file)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(h.file + "-wal")
	for _, secret := range []string{strings.Split(base, "/")[3], strings.Split(link, "/")[3]} {
		if strings.Contains(string(raw)+string(wal), secret) {
			t.Errorf("token %s stored in clear", secret)
		}
	}
}

func TestFormSizeLimit(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	_, page := h.get(c, base+"profile")
	status, _, _ := h.post(c, base+"profile", url.Values{"csrf": {csrfOf(t, page)}, "name": {strings.Repeat("x", maxForm)}})
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized form: %d, want 413", status)
	}
}

// TestWorkshopFlow goes through the whole workshop over HTTP: profile,
// recommendation, two stakeholders, the group view, walking weights,
// versions, the diff and the exports.
func TestWorkshopFlow(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Nordbank")
	status, body, loc := h.saveProfile(c, base, url.Values{"name": {"Nordbank"}, "employees": {"8000"}, "countries": {"3"}, "regulation": {"5"}, "sign_off_layers": {"3"}})
	if status != http.StatusSeeOther || loc != base+"recommendation" {
		t.Fatalf("profile: %d %s\n%s", status, loc, body)
	}
	_, body = h.get(c, loc)
	for _, want := range []string{`id="winner"`, `id="shortlist"`, `id="raci"`, `id="roadmap"`, `id="stage"`, `id="benchmarks"`, `<img src="data:image/svg`, "Strengths"} {
		if !strings.Contains(body, want) {
			t.Errorf("recommendation page lacks %s", want)
		}
	}
	// Two stakeholders with opposite views: Alice puts the earlier
	// criterion first, Bob the later one.
	alice, bob := h.addStakeholder(c, base, "Alice"), h.addStakeholder(c, base, "Bob")
	ac, bc := h.browser(), h.browser()
	for range 12 {
		h.answerNext(ac, alice, func(int, int) string { return "3" })
		h.answerNext(bc, bob, func(int, int) string { return "1/5" })
	}
	_, page := h.get(ac, alice)
	if !strings.Contains(page, `id="consistency"`) || !strings.Contains(page, `id="finish"`) {
		t.Errorf("Alice does not see her consistency:\n%s", page)
	}
	h.post(ac, alice+"finish", url.Values{"csrf": {csrfOf(t, page)}})
	var g groupView
	_, js := h.get(c, base+"group.json")
	if err := json.Unmarshal([]byte(js), &g); err != nil {
		t.Fatal(err, js)
	}
	if g.Included != 2 || g.KendallW == nil || g.Outlier == "" || len(g.Ranking) == 0 || len(g.Weights) != 10 {
		t.Errorf("group view: %+v", g)
	}
	if !g.Stakeholders[0].Finished || g.Stakeholders[0].Weights == nil {
		t.Errorf("Alice: %+v", g.Stakeholders[0])
	}
	// Walking weights: all on risk-compliance.
	_, dash := h.get(c, base)
	form := url.Values{"csrf": {csrfOf(t, dash)}}
	for _, id := range criterionIDs() {
		form.Set("w."+id, "0")
	}
	form.Set("w.risk-compliance", "100")
	status, js, _ = h.post(c, base+"walk", form)
	var walked struct {
		Ranking []rankRow          `json:"ranking"`
		Weights map[string]float64 `json:"weights"`
	}
	if err := json.Unmarshal([]byte(js), &walked); err != nil || status != http.StatusOK {
		t.Fatal(status, err, js)
	}
	if walked.Weights["risk-compliance"] != 1 || len(walked.Ranking) != topN || walked.Ranking[0].ID == g.Ranking[0].ID && walked.Ranking[1].ID == g.Ranking[1].ID {
		t.Errorf("walking weights did not re-rank: %+v", walked)
	}
	form.Set("w.risk-compliance", "0")
	if status, _, _ := h.post(c, base+"walk", form); status != http.StatusBadRequest {
		t.Errorf("all-zero weights: %d, want 400", status)
	}
	// Versions: the profile, Alice's finish, and one saved now.
	h.post(c, base+"versions", url.Values{"csrf": {csrfOf(t, dash)}})
	eid := strings.Split(base, "/")[2]
	vs, _ := h.st.versions(context.Background(), eid)
	if len(vs) != 3 {
		t.Fatalf("%d versions, want 3", len(vs))
	}
	_, body = h.get(c, base+"versions?a=1&b=3")
	if !strings.Contains(body, `id="diff"`) || !strings.Contains(body, "<li") {
		t.Errorf("diff not shown:\n%s", body)
	}
	status, js = h.get(c, base+"versions/3/decision.json")
	doc, err := decision.Load([]byte(js))
	if status != http.StatusOK || err != nil {
		t.Fatal(status, err)
	}
	if len(doc.Stakeholders) != 2 || doc.Result == nil {
		t.Errorf("exported decision: %d stakeholders, result %v", len(doc.Stakeholders), doc.Result != nil)
	}
	if _, err := decision.Decide(doc); err != nil {
		t.Errorf("exported decision does not re-decide: %v", err)
	}
	_, body = h.get(c, base+"recommendation")
	if !strings.Contains(body, "weights: the geometric mean of the priorities of Alice, Bob") {
		t.Error("the latest recommendation does not say its weights are the group's")
	}
	status, body = h.get(c, base+"versions/1/report.html")
	if status != http.StatusOK || !strings.Contains(strings.ToLower(body), "<!doctype html>") {
		t.Errorf("report: %d", status)
	}
	if strings.Contains(body, "group weights") {
		t.Error("the report of the version before any answer speaks of group weights")
	}
	// The client report of a version ranked with the group's weights says
	// so, and shows the profile without them.
	_, body = h.get(c, base+"versions/3/report.html")
	if !strings.Contains(body, "Where the weights came from: the stakeholders&#39; group weights: the geometric mean") {
		t.Error("the report of a version ranked with the group's weights does not say where they came from")
	}
}

// A database that records a migration this program does not have was
// written by a newer workbench: it is refused at start, naming the
// versions, rather than served until a page trips over its schema.
func TestNewerSchemaRefused(t *testing.T) {
	file := filepath.Join(t.TempDir(), "newer.db")
	ctx := context.Background()
	st, err := openStore(ctx, file, false)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	highest := ms[len(ms)-1].version
	newer := highest + 1
	if _, err := st.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future.sql', 0)`, newer); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`ALTER TABLE engagements RENAME COLUMN name TO title`); err != nil {
		t.Fatal(err)
	}
	st.close()
	for _, readOnly := range []bool{false, true} {
		st, err := openStore(ctx, file, readOnly)
		if err == nil {
			st.close()
			t.Fatalf("readOnly=%v: a database of schema version %d opened", readOnly, newer)
		}
		if !errors.Is(err, errNewerSchema) {
			t.Errorf("readOnly=%v: %v, want errNewerSchema", readOnly, err)
		}
		for _, want := range []string{fmt.Sprintf("version(s) %d,", newer), fmt.Sprintf("up to %d;", highest)} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("readOnly=%v: %q does not say %q", readOnly, err, want)
			}
		}
	}
}

// A route's path under another method is 405 with an Allow header, not
// the "unknown link" 404 of the catch-all.
func TestWrongMethodIs405(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	for _, tc := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{http.MethodDelete, base + "profile", http.StatusMethodNotAllowed, "GET, HEAD, POST"},
		{http.MethodPut, "/engagements", http.StatusMethodNotAllowed, "POST"},
		{http.MethodGet, "/engagements", http.StatusMethodNotAllowed, "POST"},
		{http.MethodPost, base + "group.json", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodDelete, "/e/unknown/token/profile", http.StatusMethodNotAllowed, "GET, HEAD, POST"},
		{http.MethodGet, "/no/such/page", http.StatusNotFound, ""},
		{http.MethodDelete, "/no/such/page", http.StatusNotFound, ""},
	} {
		req, _ := http.NewRequest(tc.method, h.abs(tc.path), nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status || resp.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d, Allow %q; want %d, Allow %q", tc.method, tc.path, resp.StatusCode, resp.Header.Get("Allow"), tc.status, tc.allow)
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s: no security headers", tc.method, tc.path)
		}
	}
}
