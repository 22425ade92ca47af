package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// harness is a workbench on a real SQLite file served by httptest.
type harness struct {
	t    testing.TB
	file string
	st   *store
	app  *app
	srv  *httptest.Server
}

// newHarness opens (or creates) the database file and serves the
// workbench on it; cleanup closes both.
func newHarness(t testing.TB, file string, readOnly bool) *harness {
	t.Helper()
	return newHarnessWith(t, file, readOnly, nil)
}

// newHarnessWith is newHarness with a change to the app (another
// recommender, a clock) made before the server starts.
func newHarnessWith(t testing.TB, file string, readOnly bool, change func(*app)) *harness {
	t.Helper()
	if file == "" {
		file = filepath.Join(t.TempDir(), "workbench.db")
	}
	st, err := openStore(context.Background(), file, readOnly)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(a)
	}
	h := &harness{t: t, file: file, st: st, app: a, srv: httptest.NewServer(a.handler())}
	t.Cleanup(h.close)
	return h
}

// close stops the server and closes the database; it may be called twice.
func (h *harness) close() {
	if h.srv != nil {
		h.srv.Close()
		h.st.close()
		h.srv = nil
	}
}

// browser is a client with its own cookies that does not follow redirects.
func (h *harness) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// get fetches a path or URL and returns the status and body.
func (h *harness) get(c *http.Client, path string) (int, string) {
	h.t.Helper()
	resp, err := c.Get(h.abs(path))
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// post sends a form and returns the status, the body and the redirect
// location, if any.
func (h *harness) post(c *http.Client, path string, form url.Values) (int, string, string) {
	h.t.Helper()
	resp, err := c.PostForm(h.abs(path), form)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

func (h *harness) abs(path string) string {
	if strings.HasPrefix(path, "http") {
		return path
	}
	return h.srv.URL + path
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrfOf returns the CSRF field of the first form on a page.
func csrfOf(t testing.TB, body string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf field in page:\n%s", body)
	}
	return m[1]
}

// createEngagement creates an engagement and returns its facilitator path.
func (h *harness) createEngagement(c *http.Client, name string) string {
	h.t.Helper()
	_, body := h.get(c, "/")
	status, body, loc := h.post(c, "/engagements", url.Values{"csrf": {csrfOf(h.t, body)}, "name": {name}})
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/e/") {
		h.t.Fatalf("create: %d %q\n%s", status, loc, body)
	}
	return loc
}

// saveProfile posts the profile form and returns the status and body.
func (h *harness) saveProfile(c *http.Client, base string, form url.Values) (int, string, string) {
	h.t.Helper()
	_, body := h.get(c, base+"profile")
	form.Set("csrf", csrfOf(h.t, body))
	return h.post(c, base+"profile", form)
}

var linkRE = regexp.MustCompile(`class="stakeholder-link" href="([^"]+)"`)

// addStakeholder adds a stakeholder and returns their link's path.
func (h *harness) addStakeholder(c *http.Client, base, name string) string {
	h.t.Helper()
	_, body := h.get(c, base)
	status, body, _ := h.post(c, base+"stakeholders", url.Values{"csrf": {csrfOf(h.t, body)}, "name": {name}})
	m := linkRE.FindStringSubmatch(body)
	if status != http.StatusOK || m == nil {
		h.t.Fatalf("add stakeholder: %d\n%s", status, body)
	}
	u, _ := url.Parse(m[1])
	return u.Path
}

var (
	rowRE = regexp.MustCompile(`name="row" value="(\d+)"`)
	colRE = regexp.MustCompile(`name="col" value="(\d+)"`)
)

// answerNext answers the question shown on a stakeholder's page with
// value and reports whether there was one.
func (h *harness) answerNext(c *http.Client, link string, value func(row, col int) string) bool {
	h.t.Helper()
	status, body := h.get(c, link)
	if status != http.StatusOK {
		h.t.Fatalf("question page: %d\n%s", status, body)
	}
	r, cm := rowRE.FindStringSubmatch(body), colRE.FindStringSubmatch(body)
	if r == nil {
		return false
	}
	row, col := atoi(r[1]), atoi(cm[1])
	status, body, _ = h.post(c, link+"answer", url.Values{"csrf": {csrfOf(h.t, body)}, "row": {r[1]}, "col": {cm[1]}, "answer": {value(row, col)}})
	if status != http.StatusSeeOther {
		h.t.Fatalf("answer: %d\n%s", status, body)
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = 10*n + int(r-'0')
	}
	return n
}
