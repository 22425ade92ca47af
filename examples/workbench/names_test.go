package main

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Names that are not valid UTF-8 are refused with their own message on
// every form that stores free text: JSON would turn their bad bytes into
// U+FFFD, so "Bob\xff" and "Bob\xfe" would become the same stakeholder in
// a decision document (the versions page then failed and the exported
// document no longer matched its hash).
func TestInvalidUTF8NamesRefused(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	want := html.EscapeString(notUTF8Text)

	_, home := h.get(c, "/")
	status, body, _ := h.post(c, "/engagements", url.Values{"csrf": {csrfOf(t, home)}, "name": {"Acme\xff"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
		t.Errorf("engagement name: %d, want 422 with %q\n%s", status, notUTF8Text, body)
	}

	base := h.createEngagement(c, "Acme")
	if status, body, _ := h.saveProfile(c, base, url.Values{"name": {"Acme"}, "employees": {"800"}}); status != http.StatusSeeOther {
		t.Fatalf("profile: %d\n%s", status, body)
	}
	for _, name := range []string{"Bob\xff", "Bob\xfe"} {
		_, dash := h.get(c, base)
		status, body, _ := h.post(c, base+"stakeholders", url.Values{"csrf": {csrfOf(t, dash)}, "name": {name}})
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
			t.Errorf("stakeholder %q: %d, want 422 with %q", name, status, notUTF8Text)
		}
	}
	list, err := h.st.stakeholders(context.Background(), strings.Split(base, "/")[2])
	if err != nil || len(list) != 0 {
		t.Errorf("stakeholders stored: %v %v", list, err)
	}

	// The profile's name: 3 bytes, so not too long, but not text.
	status, body, _ = h.saveProfile(c, base, url.Values{"name": {"a\xffb"}, "employees": {"800"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `data-field="name">`+want) {
		t.Errorf("profile name: %d, want 422 with %q beside the name\n%s", status, notUTF8Text, body)
	}
	if strings.Contains(body, "Use at most") {
		t.Error("invalid UTF-8 is reported as text too long")
	}
}

func TestTextProblem(t *testing.T) {
	long := strings.Repeat("é", maxTextField)
	for _, c := range []struct {
		s        string
		required bool
		want     string
	}{
		{"Bob", true, ""},
		{"", false, ""},
		{"", true, "length"},
		{long, true, ""},
		{long + "x", false, "length"},
		{"a\xffb", false, notUTF8Text},
		{"\xff", true, notUTF8Text},
	} {
		if got := textProblem(c.s, c.required, "length"); got != c.want {
			t.Errorf("textProblem(%q, %v) = %q, want %q", c.s, c.required, got, c.want)
		}
	}
}
