package placement

import (
	"fmt"
	"github.com/socialseat/socialseat/internal/textenum"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/socialseat/socialseat/touchpoint"
)

// WriteText writes rec as a plain-text report for a terminal: the top n
// structures with their scores and reasons, the weights, the RACI map of the
// top structure, the roadmap and the robustness statement. n ≤ 0 means 5.
// Structures, touchpoints, criteria and departments are named as a client
// reads them, and the model by [ModelProvenance]; their IDs and tokens are
// in the JSON form ([Recommendation.MarshalJSON]).
// It only formats; the numbers are rec's.
func (rec *Recommendation) WriteText(w io.Writer, n int) error {
	if n <= 0 {
		n = 5
	}
	n = min(n, len(rec.Ranking))
	ew := &errWriter{w: w}
	ew.printf("%s\n", Title(rec.Profile.Name))
	ew.printf("%d structures considered, ranked by %s. %s\n\n", len(rec.Ranking), MethodName(rec.methodToken()), ModelProvenance(rec.Model))
	if len(rec.Assumptions) > 0 {
		ew.printf("Assumed, because the profile does not say:\n")
		for _, g := range GroupAssumptions(rec.Assumptions) {
			ew.printf("  - %s: %s\n", g.Reason, g.Values)
		}
		ew.printf("\n")
	}

	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "RANK\tSTRUCTURE\tSCORE\n")
	for _, e := range rec.Ranking[:n] {
		fmt.Fprintf(tw, "%d\t%s\t%.3f\n", e.Rank, e.Structure.Name(), e.Score)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range rec.Ranking[:n] {
		if len(e.Strengths)+len(e.Weaknesses) == 0 {
			continue
		}
		ew.printf("\n%d. %s\n", e.Rank, e.Structure.Name())
		for _, s := range e.Strengths {
			ew.printf("   + %s\n", s)
		}
		for _, s := range e.Weaknesses {
			ew.printf("   - %s\n", s)
		}
	}

	ew.printf("\nWeights: ")
	for c, x := range rec.Weights.All() {
		if c > Agility {
			ew.printf(", ")
		}
		ew.printf("%s %s", c.Label(), percent1(x))
	}
	ew.printf("\n  (%s)\n", WeightsText(rec.WeightsSource))

	if len(rec.RACI) > 0 {
		ew.printf("\nWho does what under %s:\n", rec.Ranking[0].Structure.Name())
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		// The recommendation names its catalogue but does not carry it;
		// the default catalogue's names serve, and any other touchpoint is
		// named from its ID.
		cat := touchpoint.DefaultCatalog()
		fmt.Fprintf(tw, "TOUCHPOINT\tRESPONSIBLE\tACCOUNTABLE\tCONSULTED\tINFORMED\n")
		for _, a := range rec.RACI {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", touchpointName(cat, a.Touchpoint), depts(a.Responsible), a.Accountable.Label(),
				depts(a.Consulted), depts(a.Informed))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	if d := rec.Stage; d.Stage.Name != "" {
		ew.printf("\nMaturity stage (%s): %s\n  %s\n", d.Model, d.Stage.Name, d.Stage.Description)
		if fit := d.FitSentence(); fit != "" {
			ew.printf("  %s\n", fit)
		}
		for _, e := range d.Evidence {
			ew.printf("  - %s\n", e)
		}
		if len(d.Unconfirmed) > 0 {
			ew.printf("  Worth confirming: %s\n", strings.Join(d.Unconfirmed, "; "))
		}
		if d.Next != nil && len(d.NextRequires) > 0 {
			ew.printf("  Next stage, %s, needs: %s\n", d.Next.Name, strings.Join(d.NextRequires, "; "))
		}
	}

	if len(rec.Benchmarks) > 0 {
		ew.printf("\nAgainst peers:\n")
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "TOPIC\tYOU\tPEERS\tSOURCE\n")
		for _, c := range rec.Benchmarks {
			you := c.You
			if c.Standing == Below || c.Standing == Above {
				you += " (" + c.Standing.String() + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Topic, you, c.Peers, c.Source)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for _, c := range rec.Benchmarks {
			if c.Note != "" {
				ew.printf("  %s: %s.\n", c.Topic, c.Note)
			}
		}
	}

	if len(rec.Gaps) > 0 {
		ew.printf("\nGovernance checklist:\n")
		for _, g := range rec.Gaps {
			if g.Answer == No {
				ew.printf("  - missing: %s. %s (%s)\n", g.Practice.Name, g.Practice.Matters, g.Practice.Source)
			} else {
				ew.printf("  - to ask: %s\n", g.Practice.Question)
			}
		}
	}

	if len(rec.Roadmap) > 0 {
		ew.printf("\nRoadmap:\n")
		for i, s := range rec.Roadmap {
			ew.printf("%2d. %s\n    why: %s\n", i+1, s.Step, s.Why)
			if c := rec.closesText(s); c != "" {
				ew.printf("    closes: %s\n", c)
			}
		}
	}

	ew.printf("\nRobustness: %s\n", rec.Robustness.Summary())
	if len(rec.Dimensions) > 0 {
		ew.printf("Certainty per dimension:\n")
		for _, d := range rec.Dimensions {
			ew.printf("  - %s\n", d.Sentence())
		}
	}
	return ew.err
}

// Title is a report's title for the organisation named name: "Where
// should social media sit at Acme?", or, without a name, "Where should
// social media sit in the organisation?".
func Title(name string) string {
	if strings.TrimSpace(name) == "" {
		return "Where should social media sit in the organisation?"
	}
	return "Where should social media sit at " + name + "?"
}

// ModelProvenance says in a sentence, for a client, which model scored a
// recommendation: "Scored with the socialseat default model, version 9."
// The model's machine name and hash stay in the JSON output.
func ModelProvenance(id Identity) string {
	def := defaultModelIdentity()
	switch {
	case id.Name == def.Name && id.Modified():
		return "Scored with a modified copy of the socialseat default model, version " + id.Version + ", whose coefficients differ from the published ones."
	case id.Name == def.Name && id.Version != "":
		return "Scored with the socialseat default model, version " + id.Version + "."
	case id.Name == def.Name:
		return "Scored with the socialseat default model."
	case strings.TrimSpace(id.Name) == "":
		return "Scored with an unnamed model."
	case id.Version != "":
		return "Scored with the model \u201c" + id.Name + "\u201d, version " + id.Version + "."
	}
	return "Scored with the model \u201c" + id.Name + "\u201d."
}

// WeightsText is a recommendation's WeightsSource as a client reads it:
// the model's derivation ("derived from the profile by model
// socialseat-default v8: every criterion starts at 1; risk-compliance
// +1.50 for regulation 3/5; …") without the model's machine name, which
// [ModelProvenance] states, and with each adjustment's criterion by its
// label ("risk and compliance +1.50 for regulation 3/5"). Any other source,
// such as the caller's own sentence, is returned as it is.
func WeightsText(source string) string {
	head, rest, ok := strings.Cut(source, ": ")
	if !ok || !strings.HasPrefix(head, "derived from the profile") {
		return source
	}
	items := strings.Split(rest, "; ")
	for i, it := range items {
		tok, tail, _ := strings.Cut(it, " ")
		if c, err := ParseCriterion(tok); err == nil {
			it = c.Label() + " " + tail
		}
		// A hyphenated token elsewhere in the item cannot be a word of
		// its prose.
		items[i] = hyphenatedCriteria.Replace(it)
	}
	return "derived from the profile: " + strings.Join(items, "; ")
}

// hyphenatedCriteria replaces the criterion tokens that are no English
// word ("risk-compliance", "change-effort") by their labels.
var hyphenatedCriteria = func() *strings.Replacer {
	var pairs []string
	for _, c := range Criteria() {
		if strings.Contains(c.String(), "-") {
			pairs = append(pairs, c.String(), c.Label())
		}
	}
	return strings.NewReplacer(pairs...)
}()

// touchpointName is a reader's name for a touchpoint: its name in c
// ("Customer support"), or, for a touchpoint c does not have, its ID in
// words ("Social listening").
func touchpointName(c *touchpoint.Catalog, id touchpoint.ID) string {
	if t, ok := c.Get(id); ok && t.Name != "" {
		return t.Name
	}
	s := strings.ReplaceAll(string(id), "-", " ")
	if s == "" {
		return "—"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// closesText names the governance practices step s closes, from the
// recommendation's gaps, lower-cased and joined ("crisis and escalation
// plan; training"); "" if it closes none.
func (rec *Recommendation) closesText(s Step) string {
	var names []string
	for _, id := range s.Closes {
		for _, g := range rec.Gaps {
			if g.Practice.ID == id {
				names = append(names, lowerFirst(g.Practice.Name))
				break
			}
		}
	}
	return strings.Join(names, "; ")
}

// lowerFirst lower-cases the first letter of s unless the second is upper
// case too (an acronym).
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// Label is the reader's name of the dimension ("operating model").
func (d DimensionCertainty) Label() string {
	switch d.Dimension {
	case "model":
		return "operating model"
	case "role":
		return "central role"
	}
	return d.Dimension
}

// Tied reports whether, without SMAA, the recommended value and the
// runner-up score the same to the three decimals the reports print (a
// lead under 0.0005): nothing then tells them apart, and the value is a
// tie, not a close call. With SMAA the call follows the first-rank
// shares.
func (d DimensionCertainty) Tied() bool {
	return d.RunnerUp != "" && d.Lead < 0.0005 && d.Acceptability == 0 && d.RunnerUpAcceptability == 0
}

// ValueLabel returns a value of the dimension, Value or RunnerUp, in the
// words a client reads: a department's name ("Customer service"), an
// operating model ("hub-and-spoke"), a central team's role ("advisory and
// executing") or a sourcing ("in-house"); "no central team" for the home
// or role of an organic structure. A value it does not know is returned
// as it is.
func (d DimensionCertainty) ValueLabel(v string) string {
	switch d.Dimension {
	case "home":
		if v == string(NoHome) {
			return "no central team"
		}
		return homeLabel(touchpoint.Department(v))
	case "model":
		if m, err := ParseOperatingModel(v); err == nil && m == Organic {
			return "organic (no central team)"
		}
	case "role":
		if r, err := ParseRole(v); err == nil {
			if r == NoRole {
				return "no central team"
			}
			return roleLabels[r]
		}
	}
	return v
}

// Sentence states the certainty of the recommended structure's value in
// words: "operating model hub-and-spoke (close call, 41% of SMAA first
// ranks; runner-up centralized, 35%)", or, when the sampling puts another
// value first more often, "home Executive (close call, 46% of SMAA first
// ranks; the sampling favours Communications more often, 53%)". Without
// SMAA it gives the score lead over the runner-up instead. Values read as
// ValueLabel gives them.
func (d DimensionCertainty) Sentence() string {
	call := "close call"
	switch {
	case d.Tied():
		call = "tied"
	case d.Clear:
		call = "clear"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s", d.Label(), d.ValueLabel(d.Value), call)
	smaa := d.Acceptability > 0 || d.RunnerUpAcceptability > 0
	if smaa {
		fmt.Fprintf(&b, ", %s of SMAA first ranks", percent(d.Acceptability))
	}
	switch {
	case d.RunnerUp == "":
		b.WriteString("; the only value ranked")
	case smaa && d.RunnerUpFavoured:
		fmt.Fprintf(&b, "; the sampling favours %s more often, %s", d.ValueLabel(d.RunnerUp), percent(d.RunnerUpAcceptability))
	case smaa:
		fmt.Fprintf(&b, "; runner-up %s, %s", d.ValueLabel(d.RunnerUp), percent(d.RunnerUpAcceptability))
	case d.Tied():
		fmt.Fprintf(&b, " with %s at the stated weights", d.ValueLabel(d.RunnerUp))
	default:
		fmt.Fprintf(&b, "; runner-up %s, %.3f behind", d.ValueLabel(d.RunnerUp), d.Lead)
	}
	b.WriteString(")")
	return b.String()
}

// Summary states the robustness of the ranking in one sentence.
func (r Robustness) Summary() string {
	c := r.CrossCheck
	var b strings.Builder
	if a := r.Alternative; a != nil {
		fmt.Fprintf(&b, "The nearest alternative with a different operating model is %s (ranked %s, %.3f behind on score).",
			a.Name, ordinal(a.Rank), a.Gap)
	}
	if c.Method != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		if c.SameWinner {
			fmt.Fprintf(&b, "A second method, %s, ranks the same structure first", MethodName(c.Method))
		} else {
			fmt.Fprintf(&b, "A second method, %s, prefers %s (ranked %s here)", MethodName(c.Method), structureName(c.Winner), ordinal(c.WinnerRank))
		}
		fmt.Fprintf(&b, "; rank agreement Spearman %.2f, Kendall %.2f.", c.Spearman, c.Kendall)
	}
	if s := r.SMAA; s != nil {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "The recommended structure ranks first under %.0f%% of %d weightings drawn around these weights (SMAA-2, Dirichlet κ = %g, seed %d)",
			100*s.TopFirstRank, s.Samples, s.Concentration, s.Seed)
		var first []string
		for _, a := range s.Structures[:min(3, len(s.Structures))] {
			first = append(first, structureName(a.ID)+" "+percent(a.FirstRank))
		}
		if len(first) > 0 {
			fmt.Fprintf(&b, "; most often first: %s", strings.Join(first, "; "))
		}
		b.WriteString(".")
	}
	if s := r.Sensitivity; s != nil {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		m, ok := s.Tightest()
		switch {
		case ok && m.Change == 0:
			fmt.Fprintf(&b, "The recommended structure is level with %s at these weights: the smallest move of the weight of %s in its favour changes the recommendation.",
				structureName(m.Next), m.Criterion.Label())
		case ok:
			fmt.Fprintf(&b, "The most sensitive weight is that of %s: the recommendation holds until it moves from %s to %s, when %s comes first.",
				m.Criterion.Label(), percent1(m.Weight), percent1(m.At), structureName(m.Next))
		default:
			b.WriteString("No single weight, moved anywhere from 0 to 100% with the others in proportion, changes the recommendation.")
		}
		if !s.Exact {
			b.WriteString(" (Thresholds found on a grid of weights.)")
		}
	}
	return b.String()
}

func ordinal(n int) string { return textenum.Ordinal(n) }

// percent1 writes a weight as a percentage with one decimal.
func percent1(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// percent writes a share as a whole percentage, "<1%" for a small but
// non-zero share.
func percent(x float64) string {
	if x > 0 && x < 0.005 {
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

func depts(ds []touchpoint.Department) string {
	if len(ds) == 0 {
		return "—"
	}
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.Label()
	}
	return strings.Join(s, ", ")
}

// errWriter remembers the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

// MethodName is a reader's name for a ranking method's token: "the
// weighted sum" for "wsm", "TOPSIS" for "topsis"; an unknown token in
// capitals, and "—" for none.
func MethodName(token string) string {
	switch token {
	case "wsm":
		return "the weighted sum"
	case "wpm":
		return "the weighted product"
	case "promethee2":
		return "PROMETHEE II"
	case "":
		return "—"
	}
	return strings.ToUpper(token) // TOPSIS, VIKOR, COPRAS, EDAS, MABAC, SPOTIS, MOORA
}
