package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/placement/report"
)

// profilePage shows the profile form, filled with the saved profile.
func (a *app) profilePage(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	p, _, err := profileOf(f.e.Profile)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.renderProfile(w, r, f, http.StatusOK, formFromProfile(p), "")
}

// renderProfile renders the profile form as typed, with its errors.
func (a *app) renderProfile(w http.ResponseWriter, r *http.Request, f facilitatorCtx, status int, form profileForm, banner string) {
	type group struct {
		Name, Intro string
		Fields      []formField
	}
	var groups []group
	for _, fd := range profileFields() {
		if len(groups) == 0 || groups[len(groups)-1].Name != fd.Group {
			groups = append(groups, group{Name: fd.Group, Intro: groupIntro(fd.Group)})
		}
		groups[len(groups)-1].Fields = append(groups[len(groups)-1].Fields, fd)
	}
	a.render(w, r, status, "profile.html", map[string]any{"Title": "Profile — " + f.e.Name, "E": f.e, "Base": f.base, "CSRF": f.csrf,
		"Groups": groups, "Form": form, "Banner": banner})
}

// saveProfile validates the profile form; with errors it shows the form
// again as typed with each error beside its field (422), otherwise it
// saves the profile and a new version and shows the recommendation.
func (a *app) saveProfile(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	if !a.parseForm(w, r, f.e.ID) {
		return
	}
	p, form := parseProfileForm(r.PostForm)
	if form.hasErrors() {
		a.renderProfile(w, r, f, http.StatusUnprocessableEntity, form, "")
		return
	}
	if _, err := a.saveVersion(r.Context(), f.e, p, "Profile saved", true); err != nil {
		if msg := dbMessage(err); msg != "" {
			a.renderProfile(w, r, f, http.StatusServiceUnavailable, form, msg)
			return
		}
		if !isInternal(err) {
			form.addErrors(err)
			a.renderProfile(w, r, f, http.StatusUnprocessableEntity, form, "")
			return
		}
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, f.base+"recommendation", http.StatusSeeOther)
}

// isInternal reports an error that is not about the profile.
func isInternal(err error) bool {
	var fe *placement.FieldError
	return !errors.As(err, &fe) && !errors.Is(err, placement.ErrNoCandidates)
}

// saveVersion stores a new version of the engagement's decision: the
// recommendation for p as a decision document (Recommendation.Decision)
// with the stakeholders' judgements so far, decided, the profile ranked
// (with the group's weights once stakeholders have answered) and the
// recommendation that ranking gives, which the version shows from then on
// whatever model later workbenches carry. With
// setProfile p also becomes the engagement's profile, in the same
// transaction.
func (a *app) saveVersion(ctx context.Context, e engagementRow, p placement.Profile, note string, setProfile bool) (int, error) {
	base := p.Clone()
	base.Weights = nil
	rec, err := a.rec.Recommend(ctx, base)
	if err != nil {
		return 0, err
	}
	list, err := a.st.stakeholders(ctx, e.ID)
	if err != nil {
		return 0, err
	}
	g, matrices, names := groupOf(list)
	doc, err := withStakeholders(rec, e.Name, note, matrices, names)
	if err != nil {
		return 0, err
	}
	ranked, shown := base.Clone(), rec
	if g.Weights != nil {
		ranked.Weights = weightsMap(g.Weights)
		if shown, err = a.rankVersion(ctx, ranked); err != nil {
			return 0, err
		}
	}
	docJSON, err := doc.Marshal()
	if err != nil {
		return 0, err
	}
	rankedJSON, err := json.Marshal(ranked)
	if err != nil {
		return 0, err
	}
	shownJSON, err := json.Marshal(shown)
	if err != nil {
		return 0, err
	}
	profileJSON := ""
	if setProfile {
		b, err := json.Marshal(base)
		if err != nil {
			return 0, err
		}
		profileJSON = string(b)
	}
	return a.st.saveVersion(ctx, e.ID, versionRow{Created: a.now(), Note: note, Profile: string(rankedJSON), Document: string(docJSON), Recommendation: string(shownJSON)}, profileJSON)
}

// versionRec returns the recommendation a stored version showed when it
// was saved. A version saved before the workbench kept it has only its
// profile: the current model ranks that again, and again is true, so that
// the page and the report can say so (a later model may rank it
// differently than the one it was saved with).
func (a *app) versionRec(ctx context.Context, v versionRow) (rec *placement.Recommendation, again bool, err error) {
	if v.Recommendation != "" {
		rec = new(placement.Recommendation)
		if err := json.Unmarshal([]byte(v.Recommendation), rec); err != nil {
			return nil, false, fmt.Errorf("version %d: the stored recommendation: %w", v.Version, err)
		}
		return rec, false, nil
	}
	var p placement.Profile
	if err := json.Unmarshal([]byte(v.Profile), &p); err != nil {
		return nil, false, fmt.Errorf("version %d: the stored profile: %w", v.Version, err)
	}
	rec, err = a.rankVersion(ctx, p)
	return rec, true, err
}

// rankVersion ranks a version's profile: with the group's weights when it
// carries them (saveVersion), the model's otherwise.
func (a *app) rankVersion(ctx context.Context, p placement.Profile) (*placement.Recommendation, error) {
	if len(p.Weights) == 0 {
		return a.rec.Recommend(ctx, p)
	}
	// The group's weights belong to the workshop, not to the
	// organisation's profile, and the client report says where they came
	// from.
	w := p.Weights
	p.Weights = nil
	return a.rec.WithOptions(placement.Options{Weights: w, WeightsSource: groupWeightsSource}).Recommend(ctx, p)
}

// groupWeightsSource is how a version ranked with the group's weights
// says where they came from.
const groupWeightsSource = "the stakeholders' group weights: the geometric mean of the weights each derived from their own pairwise comparisons in the workshop"

// versionNumber reads the {n} of a version path, or ?v=, 0 meaning the
// latest.
func versionNumber(s string) (int, bool) {
	if s == "" || s == "latest" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// recommendation shows a version's recommendation (the latest by default,
// ?v=n for another): the ranked shortlist with scores, reasons, RACI,
// roadmap, stage, benchmarks, gaps and charts.
func (a *app) recommendation(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	n, ok := versionNumber(r.URL.Query().Get("v"))
	if !ok {
		a.notFound(w, r)
		return
	}
	v, err := a.st.version(r.Context(), f.e.ID, n)
	if errors.Is(err, errNotFound) {
		http.Redirect(w, r, f.base+"profile", http.StatusSeeOther)
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rec, again, err := a.versionRec(r.Context(), v)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	charts, err := chartURIs(rec)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var explained []placement.Ranked
	for _, e := range rec.Ranking {
		if len(e.Strengths)+len(e.Weaknesses)+len(e.RACI) > 0 {
			explained = append(explained, e)
		}
	}
	weights := make([]map[string]any, 0, placement.NumCriteria)
	for c, x := range rec.Weights.All() {
		weights = append(weights, map[string]any{"Label": c.Label(), "Weight": x})
	}
	doc, err := decision.Load([]byte(v.Document))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var from []string
	for _, s := range doc.Stakeholders {
		from = append(from, s.Name)
	}
	a.render(w, r, http.StatusOK, "recommendation.html", map[string]any{"Title": "Recommendation — " + f.e.Name, "E": f.e, "Base": f.base,
		"GroupOf": from, "Again": again,
		"CSRF": f.csrf, "V": v, "Rec": rec, "Top": rankRows(rec, topN), "Explained": explained, "Charts": charts,
		"Weights": weights, "Robustness": rec.Robustness.Summary(), "Assumptions": placement.GroupAssumptions(rec.Assumptions)})
}

// addStakeholder adds a stakeholder and shows their link once: the
// database keeps only its hash.
func (a *app) addStakeholder(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	if !a.parseForm(w, r, f.e.ID) {
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	if msg := textProblem(name, true, fmt.Sprintf("Give a name of 1 to %d characters.", maxTextField)); msg != "" {
		a.renderDashboard(w, r, f, http.StatusUnprocessableEntity, map[string]any{"NameError": msg, "NameValue": name})
		return
	}
	tok, hash := newToken()
	now := a.now()
	_, err := a.st.addStakeholder(r.Context(), f.e.ID, name, hash, now, now.Add(stakeholderTTL), maxStakeholders)
	switch {
	case errors.Is(err, errDuplicate):
		a.renderDashboard(w, r, f, http.StatusUnprocessableEntity, map[string]any{"NameError": "Someone of that name is already in this engagement.", "NameValue": name})
		return
	case errors.Is(err, errFull):
		a.renderDashboard(w, r, f, http.StatusUnprocessableEntity, map[string]any{"NameError": fmt.Sprintf("An engagement has at most %d stakeholders.", maxStakeholders), "NameValue": name})
		return
	case err != nil:
		if msg := dbMessage(err); msg != "" {
			a.renderDashboard(w, r, f, http.StatusServiceUnavailable, map[string]any{"Banner": msg, "NameValue": name})
			return
		}
		a.fail(w, r, err)
		return
	}
	a.renderDashboard(w, r, f, http.StatusOK, map[string]any{"NewLink": map[string]string{"Name": name, "URL": absURL(r, "/s/"+f.e.ID+"/"+tok+"/")}})
}

// reissueLink gives a stakeholder a new link; the old one stops working.
func (a *app) reissueLink(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	if !a.parseForm(w, r, f.e.ID) {
		return
	}
	sid, err := strconv.ParseInt(r.PathValue("sid"), 10, 64)
	if err != nil {
		a.notFound(w, r)
		return
	}
	tok, hash := newToken()
	err = a.st.reissueStakeholder(r.Context(), f.e.ID, sid, hash, a.now().Add(stakeholderTTL))
	if errors.Is(err, errNotFound) {
		a.notFound(w, r)
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	name := ""
	if list, err := a.st.stakeholders(r.Context(), f.e.ID); err == nil {
		for _, s := range list {
			if s.ID == sid {
				name = s.Name
			}
		}
	}
	a.renderDashboard(w, r, f, http.StatusOK, map[string]any{"NewLink": map[string]string{"Name": name, "URL": absURL(r, "/s/"+f.e.ID+"/"+tok+"/")}})
}

// absURL makes a link to share from a path, with the request's host.
func absURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return (&url.URL{Scheme: scheme, Host: r.Host, Path: path}).String()
}

// walk re-ranks the structures under the weights of the sliders
// (w.<criterion> = 0–100) and answers the new ranking as JSON; the page
// only renders it. The weights are the profile's weights of one
// recommendation: placement.Profile.Weights replaces the model's.
func (a *app) walk(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	if !a.parseForm(w, r, f.e.ID) {
		return
	}
	p, ok, err := profileOf(f.e.Profile)
	if err != nil || !ok {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "Save the profile first."})
		return
	}
	weights := map[placement.Criterion]float64{}
	sum := 0.0
	for _, c := range placement.Criteria() {
		s := r.PostFormValue("w." + c.String())
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || x < 0 || x > 100 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf("The weight of %s must be a number from 0 to 100.", c.Label()), "field": "w." + c.String()})
			return
		}
		weights[c] = x
		sum += x
	}
	if sum == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "Give at least one criterion a weight above 0."})
		return
	}
	p.Weights = weights
	rec, err := a.rec.Recommend(r.Context(), p)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	norm := map[string]float64{}
	for c, x := range rec.Weights.All() {
		norm[c.String()] = x
	}
	writeJSON(w, http.StatusOK, map[string]any{"ranking": rankRows(rec, topN), "weights": norm})
}

// saveJudgements stores a version with the stakeholders' judgements as
// they are now.
func (a *app) saveJudgements(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	if !a.parseForm(w, r, f.e.ID) {
		return
	}
	p, ok, err := profileOf(f.e.Profile)
	if err != nil || !ok {
		http.Redirect(w, r, f.base+"profile", http.StatusSeeOther)
		return
	}
	if _, err := a.saveVersion(r.Context(), f.e, p, "Judgements saved by the facilitator", false); err != nil {
		if msg := dbMessage(err); msg != "" {
			a.renderDashboard(w, r, f, http.StatusServiceUnavailable, map[string]any{"Banner": msg})
			return
		}
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, f.base+"versions", http.StatusSeeOther)
}

// versionsPage lists the versions and, given ?a=&b=, what changed between
// two of them (decision.Diff).
func (a *app) versionsPage(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	ctx := r.Context()
	vs, err := a.st.versions(ctx, f.e.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	data := map[string]any{"Title": "History — " + f.e.Name, "E": f.e, "Base": f.base, "CSRF": f.csrf, "Versions": vs}
	q := r.URL.Query()
	if q.Get("a") != "" || q.Get("b") != "" {
		na, okA := versionNumber(q.Get("a"))
		nb, okB := versionNumber(q.Get("b"))
		if !okA || !okB || na == 0 || nb == 0 {
			data["DiffError"] = "Choose two versions."
		} else {
			delta, err := a.diff(ctx, f.e.ID, na, nb)
			switch {
			case errors.Is(err, errNotFound):
				data["DiffError"] = "There is no such version."
			case err != nil:
				a.fail(w, r, err)
				return
			default:
				data["Diff"] = delta
				data["A"], data["B"] = na, nb
			}
		}
	}
	a.render(w, r, http.StatusOK, "versions.html", data)
}

// diff compares two stored versions.
func (a *app) diff(ctx context.Context, eid string, na, nb int) (*decision.Delta, error) {
	var docs [2]*decision.Document
	for i, n := range []int{na, nb} {
		v, err := a.st.version(ctx, eid, n)
		if err != nil {
			return nil, err
		}
		if docs[i], err = decision.Load([]byte(v.Document)); err != nil {
			return nil, err
		}
	}
	return decision.Diff(docs[0], docs[1])
}

// pathVersion reads the version named by the path's {n}; when there is
// none it has answered (404, or the error page) and ok is false.
func (a *app) pathVersion(w http.ResponseWriter, r *http.Request, f facilitatorCtx) (v versionRow, ok bool) {
	n, ok := versionNumber(r.PathValue("n"))
	if !ok {
		a.notFound(w, r)
		return versionRow{}, false
	}
	v, err := a.st.version(r.Context(), f.e.ID, n)
	if errors.Is(err, errNotFound) {
		a.notFound(w, r)
		return versionRow{}, false
	}
	if err != nil {
		a.fail(w, r, err)
		return versionRow{}, false
	}
	return v, true
}

// exportDecision downloads a version's decision document.
func (a *app) exportDecision(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	v, ok := a.pathVersion(w, r, f)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="decision-v%d.json"`, v.Version))
	w.Write([]byte(v.Document))
}

// exportReport downloads a version's self-contained HTML report.
func (a *app) exportReport(w http.ResponseWriter, r *http.Request, f facilitatorCtx) {
	v, ok := a.pathVersion(w, r, f)
	if !ok {
		return
	}
	rec, again, err := a.versionRec(r.Context(), v)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	subtitle := fmt.Sprintf("%s — version %d, %s", f.e.Name, v.Version, v.Created.Format("2 January 2006"))
	if again {
		subtitle += fmt.Sprintf(", ranked again on %s", a.now().Format("2 January 2006"))
	}
	var buf strings.Builder
	if err := report.HTML(&buf, rec, report.Options{Subtitle: subtitle}); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="report-v%d.html"`, v.Version))
	w.Write([]byte(buf.String()))
}
