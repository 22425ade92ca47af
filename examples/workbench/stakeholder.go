package main

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

// stakeholderCtx is a request to a stakeholder's page.
type stakeholderCtx struct {
	e    engagementRow
	s    stakeholderRow
	base string
	csrf string
}

// stakeholder checks the engagement and the stakeholder's token before
// calling fn, and answers the one 404 otherwise (unknown engagement,
// unknown or replaced token, expired link).
func (a *app) stakeholder(fn func(http.ResponseWriter, *http.Request, stakeholderCtx)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		eid, tok := r.PathValue("eid"), r.PathValue("tok")
		ctx := r.Context()
		e, err := a.st.engagement(ctx, eid)
		if errors.Is(err, errNotFound) {
			a.notFound(w, r)
			return
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		s, err := a.st.stakeholderByToken(ctx, eid, hashToken(tok))
		if errors.Is(err, errNotFound) || err == nil && (!a.now().Before(s.Expires) || !a.now().Before(e.Expires)) {
			a.notFound(w, r)
			return
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		cookie := a.csrf.ensureCookie(w, r)
		fn(w, r, stakeholderCtx{e: e, s: s, base: "/s/" + eid + "/" + tok + "/", csrf: a.csrf.token(cookie, eid)})
	}
}

// scaleChoice is one answer on Saaty's scale, as the question shows it.
type scaleChoice struct {
	// Value is the judgement a_ij as text ("5", "1/5").
	Value string
	Label string
	// Left says the choice favours the first criterion.
	Left bool
}

// scale returns the answers offered for "A or B?", from "A extremely more
// important" to "B extremely more important".
func scale() []scaleChoice {
	words := []struct {
		n    string
		word string
	}{{"9", "extremely"}, {"7", "very strongly"}, {"5", "strongly"}, {"3", "moderately"}}
	var out []scaleChoice
	for _, w := range words {
		out = append(out, scaleChoice{Value: w.n, Label: w.word, Left: true})
	}
	out = append(out, scaleChoice{Value: "1", Label: "equally"})
	for i := len(words) - 1; i >= 0; i-- {
		out = append(out, scaleChoice{Value: "1/" + words[i].n, Label: words[i].word})
	}
	return out
}

// question shows a stakeholder the next pair to judge (or the pair of
// ?row=&col=, to change an answer), their consistency and their weights so
// far.
func (a *app) question(w http.ResponseWriter, r *http.Request, s stakeholderCtx) {
	a.renderQuestion(w, r, s, http.StatusOK, nil, "", "")
}

// renderQuestion renders the stakeholder's page. ask, if not nil, is the
// pair to ask instead of the elicitation's next one; chosen preselects an
// answer (one that could not be saved).
func (a *app) renderQuestion(w http.ResponseWriter, r *http.Request, s stakeholderCtx, status int, ask *pair, chosen, banner string) {
	ctx := r.Context()
	data := map[string]any{"Title": "Workshop — " + s.e.Name, "E": s.e, "S": s.s, "Base": s.base, "CSRF": s.csrf, "Banner": banner, "Chosen": chosen}
	p, ok, err := profileOf(s.e.Profile)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !ok {
		data["NotStarted"] = true
		a.render(w, r, status, "stakeholder.html", data)
		return
	}
	rec, err := a.rec.Recommend(ctx, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	prob, _, err := problemOf(rec)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	st, err := elicitStep(s.s.Answers, rec, prob)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	if ask == nil && q.Get("row") != "" {
		i, err1 := strconv.Atoi(q.Get("row"))
		j, err2 := strconv.Atoi(q.Get("col"))
		if err1 == nil && err2 == nil && 0 <= i && i < j && j < placement.NumCriteria {
			ask = &pair{i, j}
		}
	}
	crits := criteriaViews()
	if ask == nil && st.Next != nil && !s.s.Finished && !st.Done {
		ask = &pair{st.Next.Row, st.Next.Col}
	}
	if ask != nil {
		data["Ask"] = map[string]any{"Row": ask.Row, "Col": ask.Col, "A": crits[ask.Row], "B": crits[ask.Col]}
		if chosen == "" {
			if v, ok := s.s.Answers[*ask]; ok {
				data["Chosen"] = judgementText(v)
			}
		}
	}
	n := placement.NumCriteria
	data["Scale"] = scale()
	data["State"] = st
	data["Total"] = n * (n - 1) / 2
	data["HasCR"] = st.CR != nil
	data["Criteria"] = crits
	if st.Top != nil {
		name := st.Top.BestName
		for _, e := range rec.Ranking {
			if e.Structure.ID() == st.Top.BestName {
				name = e.Structure.Name()
			}
		}
		data["Top"] = map[string]any{"Name": name, "Fixed": st.Top.Fixed}
	}
	if st.Revisit != nil {
		data["Revisit"] = map[string]any{"Row": st.Revisit.Row, "Col": st.Revisit.Col, "A": crits[st.Revisit.Row].Label, "B": crits[st.Revisit.Col].Label}
	}
	a.render(w, r, status, "stakeholder.html", data)
}

// judgementText writes a judgement as the scale's choices do ("5", "1/5").
func judgementText(v float64) string {
	return scoring.Judgement(v).String()
}

// answer stores one judgement. If the database cannot take it (busy
// beyond the timeout, read-only) the question is shown again with the
// answer still chosen, so nothing typed is lost.
func (a *app) answer(w http.ResponseWriter, r *http.Request, s stakeholderCtx) {
	if !a.parseForm(w, r, s.e.ID) {
		return
	}
	i, err1 := strconv.Atoi(r.PostFormValue("row"))
	j, err2 := strconv.Atoi(r.PostFormValue("col"))
	if err1 != nil || err2 != nil || i < 0 || i >= j || j >= placement.NumCriteria {
		a.render(w, r, http.StatusBadRequest, "error.html", map[string]any{"Title": "Bad answer", "Message": "That question does not exist. Go back and answer the one shown."})
		return
	}
	text := r.PostFormValue("answer")
	v, err := scoring.ParseJudgement(text)
	if err != nil || v.IsMissing() || float64(v) < 1.0/9-1e-9 || float64(v) > 9+1e-9 {
		a.renderQuestion(w, r, s, http.StatusUnprocessableEntity, &pair{i, j}, "", "Choose one of the answers on the scale.")
		return
	}
	if err := a.st.answer(r.Context(), s.s.ID, pair{i, j}, float64(v), a.now()); err != nil {
		if msg := dbMessage(err); msg != "" {
			a.renderQuestion(w, r, s, http.StatusServiceUnavailable, &pair{i, j}, text, msg)
			return
		}
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, s.base, http.StatusSeeOther)
}

// finish records that the stakeholder is done and saves a version of the
// decision with their judgements.
func (a *app) finish(w http.ResponseWriter, r *http.Request, s stakeholderCtx) {
	if !a.parseForm(w, r, s.e.ID) {
		return
	}
	ctx := r.Context()
	err := a.st.finish(ctx, s.s.ID, a.now())
	if err == nil {
		if p, ok, perr := profileOf(s.e.Profile); perr == nil && ok {
			_, err = a.saveVersion(ctx, s.e, p, s.s.Name+" finished answering", false)
		}
	}
	if err != nil {
		if msg := dbMessage(err); msg != "" {
			a.renderQuestion(w, r, s, http.StatusServiceUnavailable, nil, "", msg)
			return
		}
		a.fail(w, r, err)
		return
	}
	http.Redirect(w, r, s.base, http.StatusSeeOther)
}
