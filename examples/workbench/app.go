package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Limits and lifetimes.
const (
	// maxForm is the largest form body accepted: the profile form is about
	// 2 KB.
	maxForm = 64 << 10
	// facilitatorTTL is how long a facilitator link works.
	facilitatorTTL = 180 * 24 * time.Hour
	// stakeholderTTL is how long a stakeholder link works; the facilitator
	// can issue a new one.
	stakeholderTTL = 30 * 24 * time.Hour
	// topN is the number of structures shown in rankings.
	topN = 10
	// maxStakeholders bounds an engagement's stakeholders (and so the work
	// of the facilitator's live view, which weighs all of them).
	maxStakeholders = 100
)

// app is the workbench: its database, its recommender and its pages.
type app struct {
	st     *store
	rec    *placement.Recommender
	csrf   csrf
	pages  map[string]*template.Template
	logger *slog.Logger
	// now is the clock, replaceable in tests (link expiry).
	now func() time.Time
}

// newApp builds the workbench on an open store.
func newApp(ctx context.Context, st *store, logger *slog.Logger) (*app, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	rec, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		return nil, err
	}
	key, err := st.csrfKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("csrf key: %w", err)
	}
	a := &app{st: st, rec: rec, csrf: csrf{key: key}, logger: logger, now: time.Now, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", n)
		if err != nil {
			return nil, err
		}
		a.pages[base] = t
	}
	return a, nil
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"pct": func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", 100*x)
	},
	"f2": func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return fmt.Sprintf("%.2f", x)
	},
	"f3": func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return fmt.Sprintf("%.3f", x)
	},
	"join": func(v any) string {
		switch v := v.(type) {
		case []string:
			return strings.Join(v, ", ")
		default:
			var parts []string
			b, _ := json.Marshal(v)
			var ss []string
			if json.Unmarshal(b, &ss) == nil {
				parts = ss
			}
			return strings.Join(parts, ", ")
		}
	},
	"idx": func(w []float64, i int) float64 {
		if i < len(w) {
			return w[i]
		}
		return math.NaN()
	},
	"pctInt": func(x float64) int { return int(math.Round(100 * x)) },
	"deref": func(x *float64) float64 {
		if x == nil {
			return math.NaN()
		}
		return *x
	},
	"date": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
}

// handler returns the workbench's routes wrapped in its protections.
func (a *app) handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", a.home)
	mux.HandleFunc("POST /engagements", a.createEngagement)
	mux.HandleFunc("GET /e/{eid}/{tok}/{$}", a.facilitator(a.dashboard))
	mux.HandleFunc("GET /e/{eid}/{tok}/profile", a.facilitator(a.profilePage))
	mux.HandleFunc("POST /e/{eid}/{tok}/profile", a.facilitator(a.saveProfile))
	mux.HandleFunc("GET /e/{eid}/{tok}/recommendation", a.facilitator(a.recommendation))
	mux.HandleFunc("POST /e/{eid}/{tok}/stakeholders", a.facilitator(a.addStakeholder))
	mux.HandleFunc("POST /e/{eid}/{tok}/stakeholders/{sid}/link", a.facilitator(a.reissueLink))
	mux.HandleFunc("GET /e/{eid}/{tok}/group.json", a.facilitator(a.groupJSON))
	mux.HandleFunc("POST /e/{eid}/{tok}/walk", a.facilitator(a.walk))
	mux.HandleFunc("POST /e/{eid}/{tok}/versions", a.facilitator(a.saveJudgements))
	mux.HandleFunc("GET /e/{eid}/{tok}/versions", a.facilitator(a.versionsPage))
	mux.HandleFunc("GET /e/{eid}/{tok}/versions/{n}/decision.json", a.facilitator(a.exportDecision))
	mux.HandleFunc("GET /e/{eid}/{tok}/versions/{n}/report.html", a.facilitator(a.exportReport))
	mux.HandleFunc("GET /s/{eid}/{tok}/{$}", a.stakeholder(a.question))
	mux.HandleFunc("POST /s/{eid}/{tok}/answer", a.stakeholder(a.answer))
	mux.HandleFunc("POST /s/{eid}/{tok}/finish", a.stakeholder(a.finish))
	// Every other request: 405 for a route's path under another method,
	// else the one 404. (A bare "/" pattern matches every method, so the
	// mux's own 405 never happens.)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { a.noRoute(mux, w, r) })
	return a.protect(mux)
}

// protect sets the security headers of every response and limits form
// bodies: a POST body over maxForm is refused with 413 when its form is
// parsed.
func (a *app) protect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		// Links carry secret tokens: never send them on as a Referer.
		h.Set("Referrer-Policy", "no-referrer")
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		}
		next.ServeHTTP(w, r)
	})
}

// notFoundText is the one body of every 404: it says the same whether the
// engagement does not exist, the token is wrong or the link has expired.
const notFoundText = "This link is unknown or has expired. Ask the person who sent it for a new one."

// notFound answers 404 with the one not-found page.
func (a *app) notFound(w http.ResponseWriter, r *http.Request) {
	a.render(w, r, http.StatusNotFound, "error.html", map[string]any{"Title": "Not found", "Message": notFoundText})
}

// probeMethods are the methods noRoute tries, in the order an Allow
// header lists them.
var probeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions}

// noRoute answers a request that only mux's catch-all "/" takes: when
// another method has a route for the path, 405 with an Allow header
// listing those methods; otherwise the one 404.
func (a *app) noRoute(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range probeMethods {
		if m == r.Method {
			continue
		}
		probe := r.WithContext(r.Context()) // a shallow copy
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) == 0 {
		a.notFound(w, r)
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	a.render(w, r, http.StatusMethodNotAllowed, "error.html", map[string]any{"Title": "Method not allowed",
		"Message": "This address cannot be used this way. Use the links and forms of the workbench's pages."})
}

// render executes a page into a buffer, so a template error never sends a
// half page, and writes it with status.
func (a *app) render(w http.ResponseWriter, r *http.Request, status int, page string, data map[string]any) {
	t, ok := a.pages[page]
	if !ok {
		a.fail(w, r, fmt.Errorf("no page %s", page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		a.logger.Error("render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers a server fault: a database that is busy or read-only gets
// its own page (503), anything else a generic one (500), logged.
func (a *app) fail(w http.ResponseWriter, r *http.Request, err error) {
	if msg := dbMessage(err); msg != "" {
		a.render(w, r, http.StatusServiceUnavailable, "error.html", map[string]any{"Title": "Could not save", "Message": msg})
		return
	}
	// The route's pattern, not the path: paths carry secret tokens.
	a.logger.Error("request failed", "route", r.Pattern, "err", err)
	a.render(w, r, http.StatusInternalServerError, "error.html", map[string]any{"Title": "Something went wrong",
		"Message": "The workbench could not do this. Nothing you typed was lost on purpose; go back and try again."})
}

// dbMessage explains a busy or read-only database to the person who met
// it; "" for other errors.
func dbMessage(err error) string {
	switch troubleOf(err) {
	case dbBusy:
		return fmt.Sprintf("The database is busy: another save held it for more than %s. Nothing was saved. Send the form again.", busyTimeout)
	case dbReadOnly:
		return "The database is read-only, so nothing can be saved. Nothing was saved. Ask whoever runs the workbench to make the database file writable, then send the form again."
	}
	return ""
}

// parseForm parses a POST form within the size limit and checks its CSRF
// token for scope. It answers the request itself (413 or 403) and returns
// false when the form is refused.
func (a *app) parseForm(w http.ResponseWriter, r *http.Request, scope string) bool {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			w.Header().Set("Connection", "close")
			a.render(w, r, http.StatusRequestEntityTooLarge, "error.html", map[string]any{"Title": "Too large",
				"Message": fmt.Sprintf("The form is larger than %d KiB.", maxForm>>10)})
			return false
		}
		a.render(w, r, http.StatusBadRequest, "error.html", map[string]any{"Title": "Bad form", "Message": "The form could not be read."})
		return false
	}
	if !a.csrf.check(r, scope) {
		a.render(w, r, http.StatusForbidden, "error.html", map[string]any{"Title": "Form expired",
			"Message": "This form has expired or was not sent from this page. Go back, reload the page and send it again."})
		return false
	}
	return true
}

// facilitatorCtx is a request to a facilitator page, with its engagement.
type facilitatorCtx struct {
	e     engagementRow
	token string
	// base is the engagement's facilitator URL path, ending in "/".
	base string
	// csrf is the hidden-field value of this page's forms.
	csrf string
}

// facilitator checks the engagement and the facilitator token of the
// request's path before calling fn, and answers the one 404 otherwise:
// the same page whether the engagement is unknown, the token wrong or the
// link expired. The token's hash is compared in constant time, against a
// dummy hash when there is no engagement.
func (a *app) facilitator(fn func(http.ResponseWriter, *http.Request, facilitatorCtx)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		eid, tok := r.PathValue("eid"), r.PathValue("tok")
		e, err := a.st.engagement(r.Context(), eid)
		if err != nil && !errors.Is(err, errNotFound) {
			a.fail(w, r, err)
			return
		}
		stored := e.FacilitatorHash
		if stored == nil {
			stored = make([]byte, 32)
		}
		if !sameHash(stored, hashToken(tok)) || err != nil || !a.now().Before(e.Expires) {
			a.notFound(w, r)
			return
		}
		cookie := a.csrf.ensureCookie(w, r)
		fn(w, r, facilitatorCtx{e: e, token: tok, base: "/e/" + eid + "/" + tok + "/", csrf: a.csrf.token(cookie, eid)})
	}
}

// home is the start page: create an engagement.
func (a *app) home(w http.ResponseWriter, r *http.Request) {
	cookie := a.csrf.ensureCookie(w, r)
	a.render(w, r, http.StatusOK, "home.html", map[string]any{"Title": "Workbench", "CSRF": a.csrf.token(cookie, ""), "Values": map[string]string{}})
}

// createEngagement creates an engagement and sends the consultant to its
// facilitator link, which holds the only copy of the facilitator token.
func (a *app) createEngagement(w http.ResponseWriter, r *http.Request) {
	if !a.parseForm(w, r, "") {
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	cookie := a.csrf.ensureCookie(w, r)
	data := map[string]any{"Title": "Workbench", "CSRF": a.csrf.token(cookie, ""), "Values": map[string]string{"name": name}}
	if msg := textProblem(name, true, fmt.Sprintf("Give the engagement a name of 1 to %d characters.", maxTextField)); msg != "" {
		data["Errors"] = map[string]string{"name": msg}
		a.render(w, r, http.StatusUnprocessableEntity, "home.html", data)
		return
	}
	id, _ := newToken()
	tok, hash := newToken()
	now := a.now()
	err := a.st.createEngagement(r.Context(), engagementRow{ID: id, Name: name, FacilitatorHash: hash, Created: now, Expires: now.Add(facilitatorTTL)})
	if err != nil {
		if msg := dbMessage(err); msg != "" {
			data["Banner"] = msg
			a.render(w, r, http.StatusServiceUnavailable, "home.html", data)
			return
		}
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/e/"+id+"/"+tok+"/", http.StatusSeeOther)
}

// profileOf decodes an engagement's saved profile; ok is false before the
// first save.
func profileOf(raw string) (placement.Profile, bool, error) {
	var p placement.Profile
	if raw == "" {
		return p, false, nil
	}
	err := json.Unmarshal([]byte(raw), &p)
	return p, err == nil, err
}

// dashboard is the facilitator's page: the engagement, its stakeholders
// and their links, the group's live view and the walking weights.
func (a *app) dashboard(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	a.renderDashboard(w, r, f, http.StatusOK, nil)
}

// renderDashboard renders the facilitator page; extra adds to its data (a
// new stakeholder's link, a banner, errors).
func (a *app) renderDashboard(w http.ResponseWriter, r *http.Request, f facilitatorCtx, status int, extra map[string]any) {
	ctx := r.Context()
	data := map[string]any{"Title": f.e.Name, "E": f.e, "Base": f.base, "CSRF": f.csrf}
	p, ok, err := profileOf(f.e.Profile)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	data["HasProfile"] = ok
	if ok {
		g, err := a.group(ctx, f.e.ID, p)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		data["Group"] = g
		data["Criteria"] = g.Criteria
		// The sliders start at the group's weights, or the model's.
		start := g.Weights
		if start == nil {
			rec, err := a.rec.Recommend(ctx, p)
			if err != nil {
				a.fail(w, r, err)
				return
			}
			start = rec.Weights.Slice()
			data["Ranking"] = rankRows(rec, topN)
		} else {
			data["Ranking"] = g.Ranking
		}
		data["Start"] = start
	}
	for k, v := range extra {
		data[k] = v
	}
	a.render(w, r, status, "dashboard.html", data)
}

// group computes the live group view of an engagement with the ranking
// under the group's weights.
func (a *app) group(ctx context.Context, eid string, p placement.Profile) (groupView, error) {
	list, err := a.st.stakeholders(ctx, eid)
	if err != nil {
		return groupView{}, err
	}
	g, _, _ := groupOf(list)
	if g.Weights != nil {
		gp := p.Clone()
		gp.Weights = weightsMap(g.Weights)
		rec, err := a.rec.Recommend(ctx, gp)
		if err != nil {
			return g, err
		}
		g.Ranking = rankRows(rec, topN)
	}
	return g, nil
}

// groupJSON is the live view the facilitator page polls.
func (a *app) groupJSON(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	p, ok, err := profileOf(f.e.Profile)
	if err != nil || !ok {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "save the profile first"})
		return
	}
	g, err := a.group(r.Context(), f.e.ID, p)
	if err != nil {
		a.logger.Error("group", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "the group view could not be computed"})
		return
	}
	writeJSON(w, http.StatusOK, g)
}

// writeJSON encodes v fully before writing it (a value that cannot be
// encoded is a 500, never half a body). It does not modify v: values not
// yet known are nil in v, written as null.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// chartURIs renders the report's charts as data: URIs of SVG images,
// which the page shows as <img> (an SVG in an img cannot run script).
func chartURIs(rec *placement.Recommendation) ([]map[string]any, error) {
	figs, err := report.Figures(rec, report.Options{})
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for _, f := range figs {
		var buf bytes.Buffer
		if err := f.Chart.WriteSVG(&buf); err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"Caption": f.Caption,
			"URI": template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))})
	}
	return out, nil
}
