package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A stakeholder whose answers do not yet link every criterion has no
// consistency ratio: the live view says null (not 0, which reads as
// perfectly consistent) and the dashboard shows "—"; once linked, the CR
// is a number.
func TestCRNullUntilLinked(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Acme")
	if status, body, _ := h.saveProfile(c, base, url.Values{"name": {"Acme"}, "employees": {"800"}}); status != http.StatusSeeOther {
		t.Fatalf("profile: %d\n%s", status, body)
	}
	alice := h.addStakeholder(c, base, "Alice")
	ac := h.browser()
	crOf := func() (any, bool, map[string]any) {
		t.Helper()
		status, js := h.get(c, base+"group.json")
		var g struct {
			Stakeholders []map[string]any `json:"stakeholders"`
		}
		if err := json.Unmarshal([]byte(js), &g); err != nil || status != http.StatusOK || len(g.Stakeholders) != 1 {
			t.Fatalf("group.json: %d %v\n%s", status, err, js)
		}
		cr, ok := g.Stakeholders[0]["cr"]
		return cr, ok, g.Stakeholders[0]
	}
	crCell := regexp.MustCompile(`<tr data-id="\d+"><td>Alice</td><td>\d+</td><td>([^<]*)</td>`)
	cell := func() string {
		t.Helper()
		_, dash := h.get(c, base)
		m := crCell.FindStringSubmatch(dash)
		if m == nil {
			t.Fatalf("no row for Alice on the dashboard:\n%s", dash)
		}
		return m[1]
	}

	h.answerNext(ac, alice, func(int, int) string { return "3" })
	if cr, ok, s := crOf(); !ok || cr != nil || s["consistent"] != false {
		t.Errorf("one answer: cr %v (present %v), consistent %v; want null, false", cr, ok, s["consistent"])
	}
	if got := cell(); got != "—" {
		t.Errorf("one answer: the dashboard's CR is %q, want —", got)
	}
	_, page := h.get(ac, alice)
	if strings.Contains(page, `id="consistency"`) {
		t.Error("one answer: the stakeholder is shown a consistency ratio")
	}

	// Answer until the criteria are linked (one chain from the first).
	for range 8 {
		h.answerNext(ac, alice, func(int, int) string { return "3" })
	}
	cr, _, _ := crOf()
	if _, isNum := cr.(float64); !isNum {
		t.Errorf("linked: cr %v, want a number", cr)
	}
	if got := cell(); got == "—" || got == "" {
		t.Errorf("linked: the dashboard's CR is %q, want a number", got)
	}
}

// writeJSON writes a CR not yet known as null and leaves its argument as
// it was.
func TestWriteJSONNullAndNoMutation(t *testing.T) {
	cr := 0.05
	g := groupView{Stakeholders: []stakeholderView{{ID: 1, Name: "A"}, {ID: 2, Name: "B", CR: &cr, Consistent: true}}}
	before := groupView{Stakeholders: []stakeholderView{{ID: 1, Name: "A"}, {ID: 2, Name: "B", CR: &cr, Consistent: true}}}
	rec := httptest.NewRecorder()
	writeJSON(rec, http.StatusOK, g)
	if diff := cmp.Diff(before, g); diff != "" {
		t.Errorf("writeJSON modified its argument (-before +after):\n%s", diff)
	}
	var back struct {
		Stakeholders []map[string]any `json:"stakeholders"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &back); err != nil || rec.Code != http.StatusOK {
		t.Fatal(rec.Code, err, rec.Body.String())
	}
	if v, ok := back.Stakeholders[0]["cr"]; !ok || v != nil {
		t.Errorf("unknown CR written as %v (present %v), want null", v, ok)
	}
	if v := back.Stakeholders[1]["cr"]; v != 0.05 {
		t.Errorf("CR written as %v, want 0.05", v)
	}
}
