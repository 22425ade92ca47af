package placement

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stringLiterals returns the unquoted string literals of a Go source
// file, with their positions.
func stringLiterals(t *testing.T, fset *token.FileSet, name string, src any) map[token.Pos]string {
	t.Helper()
	f, err := parser.ParseFile(fset, name, src, 0)
	require.NoError(t, err)
	out := map[token.Pos]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			out[lit.Pos()] = s
		}
		return true
	})
	return out
}

// figureRE matches what a quoted figure leaves in a string: a digit or a
// percent sign. The roadmap's code builds its sentences from roadmap.yaml
// and holds no figure of its own, so neither has any place in its string
// literals (ids, practice ids, separators).
var figureRE = regexp.MustCompile(`[0-9%]`)

// TestRoadmapCodeQuotesNoFigures: the published figures the roadmap quotes
// ("76% of 50 social media crises", "Dell trained more than 10,000
// employees") are data with a source in roadmap.yaml, never string
// literals of roadmap.go.
func TestRoadmapCodeQuotesNoFigures(t *testing.T) {
	t.Parallel()
	// The check finds a figure where one is: old literals of roadmap.go.
	fset := token.NewFileSet()
	planted := stringLiterals(t, fset, "planted.go", `package p
var a = "76% of 50 social media crises could have been prevented"
var b = "Dell trained more than 10,000 employees through SMaC U."
var c = "in 2011 enterprises averaged 178 accounts"
var d = fmt.Sprintf("(sponsorship is %d/5 today)", 3)
`)
	flagged := 0
	for _, s := range planted {
		if figureRE.MatchString(s) {
			flagged++
		}
	}
	require.Equal(t, 4, flagged, "the check flags every planted figure")

	lits := stringLiterals(t, fset, "roadmap.go", nil)
	require.Greater(t, len(lits), 60, "roadmap.go's string literals are read (its text ids)")
	ids := 0
	for pos, s := range lits {
		if figureRE.MatchString(s) {
			t.Errorf("%s: string literal %q holds a figure: put the wording in roadmap.yaml with its source", fset.Position(pos), s)
		}
		if _, ok := roadmapSlots[s]; ok {
			ids++
		}
	}
	assert.Greater(t, ids, 60, "roadmap.go reads its wording by id")
}

// sayCall is a call of wording.say in the package's code.
type sayCall struct {
	where string
	id    string
	keys  []string
}

// sayCalls lists every wording.say call in the package's non-test files;
// an id or a placeholder name that is not a string literal is an error.
func sayCalls(t *testing.T) []sayCall {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var out []sayCall
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "say" {
				return true
			}
			where := fset.Position(call.Pos()).String()
			lit := func(e ast.Expr) string {
				b, ok := e.(*ast.BasicLit)
				if !ok || b.Kind != token.STRING {
					t.Errorf("%s: say's id and placeholder names must be string literals", where)
					return ""
				}
				s, _ := strconv.Unquote(b.Value)
				return s
			}
			c := sayCall{where: where, id: lit(call.Args[0])}
			if len(call.Args)%2 != 1 {
				t.Errorf("%s: say takes pairs of placeholder name and value", where)
			}
			for i := 1; i < len(call.Args); i += 2 {
				c.keys = append(c.keys, lit(call.Args[i]))
			}
			out = append(out, c)
			return true
		})
	}
	return out
}

// TestRoadmapSaysFillEverySlot: every text the code reads exists in
// roadmapSlots (and so, loaded, in roadmap.yaml), each call fills exactly
// the placeholders of its text, each once, and every text is read.
func TestRoadmapSaysFillEverySlot(t *testing.T) {
	t.Parallel()
	calls := sayCalls(t)
	require.Greater(t, len(calls), 60)
	used := map[string]bool{}
	for _, c := range calls {
		want, ok := roadmapSlots[c.id]
		if !ok {
			t.Errorf("%s: say(%q): no such text in roadmapSlots", c.where, c.id)
			continue
		}
		used[c.id] = true
		keys := slices.Clone(c.keys)
		slices.Sort(keys)
		if len(slices.Compact(keys)) != len(c.keys) {
			t.Errorf("%s: say(%q) fills a placeholder twice: %v", c.where, c.id, c.keys)
		}
		w := slices.Clone(want)
		slices.Sort(w)
		assert.Equal(t, w, keys, "%s: say(%q) fills exactly the text's placeholders", c.where, c.id)
	}
	for id := range roadmapSlots {
		assert.True(t, used[id], "text %q is never read: drop it from roadmapSlots and roadmap.yaml", id)
	}
	// The embedded data holds every text, placeholders checked at load.
	w, err := loadRoadmapWording(roadmapYAML, roadmapSlots)
	require.NoError(t, err)
	assert.Len(t, w, len(roadmapSlots))
	for id, want := range roadmapSlots {
		got, err := placeholders(w[id])
		require.NoError(t, err)
		assert.ElementsMatch(t, want, got, id)
	}
}

// TestRoadmapWordingRejects: roadmap.yaml is decoded strictly and checked
// against the code's ids and placeholders; each fault is a load error
// naming the entry.
func TestRoadmapWordingRejects(t *testing.T) {
	t.Parallel()
	slots := map[string][]string{"a.step": {"stage"}, "a.why": nil}
	good := "texts:\n  - {id: a.step, text: \"Reach the {stage} stage\", source: \"Owyang 2010\"}\n  - {id: a.why, text: \"Because.\", source: \"Owyang 2010\"}\n"
	w, err := loadRoadmapWording([]byte(good), slots)
	require.NoError(t, err)
	assert.Equal(t, "Reach the scaling stage", w.say("a.step", "stage", "scaling"))
	assert.Equal(t, "Because.", w.say("a.why"))
	for name, tc := range map[string]struct{ data, says string }{
		"unknown key":         {strings.Replace(good, "source: \"Owyang 2010\"}\n  - {id: a.why", "source: \"Owyang 2010\", note: x}\n  - {id: a.why", 1), "note"},
		"missing source key":  {strings.Replace(good, ", source: \"Owyang 2010\"}\n  - {id: a.why", "}\n  - {id: a.why", 1), "source"},
		"empty source":        {strings.Replace(good, "source: \"Owyang 2010\"}\n  - {id: a.why", "source: \" \"}\n  - {id: a.why", 1), "no source"},
		"empty text":          {strings.Replace(good, "\"Because.\"", "\"\"", 1), "no text"},
		"unknown id":          {good + "  - {id: a.how, text: x, source: y}\n", "unknown id"},
		"id twice":            {good + "  - {id: a.why, text: x, source: y}\n", "twice"},
		"missing id":          {"texts:\n  - {id: a.why, text: x, source: y}\n", `no text for id "a.step"`},
		"misspelt slot":       {strings.Replace(good, "{stage}", "{stgae}", 1), "unknown placeholder {stgae}"},
		"slot not used":       {strings.Replace(good, "{stage}", "stage", 1), "placeholder {stage} missing"},
		"slot in a text w/o":  {strings.Replace(good, "Because.", "Because {stage}.", 1), "unknown placeholder {stage}"},
		"unclosed brace":      {strings.Replace(good, "{stage} stage", "{stage} {stage", 1), "{ without }"},
		"stray closing brace": {strings.Replace(good, "Because.", "Because}.", 1), "} without {"},
		"bad slot name":       {strings.Replace(good, "{stage}", "{Stage 2}", 1), "lower-case"},
		"no texts":            {"texts: []\n", "no text for id"},
		"null":                {"texts: null\n", "texts"},
	} {
		_, err := loadRoadmapWording([]byte(tc.data), slots)
		if assert.Error(t, err, name) {
			assert.Contains(t, err.Error(), tc.says, name)
		}
	}
}

// The texts no test profile reaches render as the code wrote them before
// the wording moved to roadmap.yaml.
func TestRoadmapWordingRenders(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "The move to the target structure waits for the scaling stage, which needs a named executive sponsor.",
		wording.say("gate.why", "stage", "scaling", "needs", "a named executive sponsor"))
	assert.Equal(t, "an organic set-up", viaPhrase(Organic))
	assert.Equal(t, "a centralized team", viaPhrase(Centralized))
	assert.Equal(t, "Win an executive sponsor before changing the structure (sponsorship is 2/5 today)",
		wording.say("sponsor.win.step-level", "sponsorship", "2"))
}
