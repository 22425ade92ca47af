package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// benchWorkshop returns a workbench with a saved profile and a stakeholder
// who has answered 12 questions, and the stakeholder's and facilitator's
// paths.
func benchWorkshop(b *testing.B) (*harness, string, string) {
	h := newHarness(b, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Bench")
	h.saveProfile(c, base, url.Values{"employees": {"5000"}, "countries": {"6"}})
	link := h.addStakeholder(c, base, "Alice")
	for range 12 {
		h.answerNext(c, link, func(r, c int) string { return []string{"3", "1/5", "1"}[(r+c)%3] })
	}
	return h, link, base
}

// BenchmarkQuestionPage measures a stakeholder's question page: the
// recommendation, the elicitation step with the winner check, rendering.
func BenchmarkQuestionPage(b *testing.B) {
	h, link, _ := benchWorkshop(b)
	handler := h.app.handler()
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, link, nil))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkWalk measures one move of a walking weight: parse, re-rank,
// answer JSON.
func BenchmarkWalk(b *testing.B) {
	h, _, base := benchWorkshop(b)
	handler := h.app.handler()
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, base, nil))
	cookie := w.Result().Cookies()[0]
	tok := csrfRE.FindStringSubmatch(w.Body.String())[1]
	form := url.Values{"csrf": {tok}}
	for i, id := range criterionIDs() {
		form.Set("w."+id, fmt.Sprint(10+i))
	}
	body := form.Encode()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, base+"walk", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(cookie)
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
