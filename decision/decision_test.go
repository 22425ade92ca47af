package decision_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden .decided.json files")

// inputs returns the example documents of every schema version.
func inputs(t *testing.T) []string {
	files, err := filepath.Glob("testdata/v*/*.json")
	require.NoError(t, err)
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".decided.json") {
			out = append(out, f)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// Every example and golden file validates against the published schema
// file, compiled here from disk, independently of the embedded copy.
func TestExamplesValidateAgainstSchema(t *testing.T) {
	t.Parallel()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("schema/v1.json")
	require.NoError(t, err)
	files, err := filepath.Glob("testdata/v1/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(fh)
		fh.Close()
		require.NoError(t, err, f)
		assert.NoError(t, sch.Validate(inst), f)
	}
	embedded, ok := decision.Schema(1)
	require.True(t, ok)
	onDisk, err := os.ReadFile("schema/v1.json")
	require.NoError(t, err)
	assert.Equal(t, onDisk, embedded)
	_, ok = decision.Schema(2)
	assert.False(t, ok)
}

// The schema's enumerations follow package scoring's tokens: every token a
// Go value can marshal to is accepted.
func TestSchemaKnowsEveryToken(t *testing.T) {
	t.Parallel()
	src, _ := decision.Schema(1)
	schema := string(src)
	quoted := func(tok string) string { return `"` + tok + `"` }
	for _, m := range scoring.MethodTokens() {
		assert.Contains(t, schema, quoted(m), "method %s", m)
	}
	for i := 0; ; i++ {
		b, err := scoring.PriorityMethod(i).MarshalText()
		if err != nil {
			break
		}
		assert.Contains(t, schema, quoted(string(b)))
	}
	for i := 0; ; i++ {
		b, err := scoring.RandomIndexTable(i).MarshalText()
		if err != nil {
			break
		}
		assert.Contains(t, schema, quoted(string(b)))
	}
	for i := 0; ; i++ {
		b, err := scoring.LocalMethod(i).MarshalText()
		if err != nil {
			break
		}
		assert.Contains(t, schema, quoted(string(b)))
	}
	for i := 0; ; i++ {
		b, err := scoring.GroupAggregation(i).MarshalText()
		if err != nil {
			break
		}
		assert.Contains(t, schema, quoted(string(b)))
	}
}

// Each version's examples keep loading and deciding to the same bytes.
func TestGolden(t *testing.T) {
	for _, f := range inputs(t) {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			doc, err := decision.Load(data)
			require.NoError(t, err)
			out, err := decision.Decide(doc)
			require.NoError(t, err)
			got, err := out.Marshal()
			require.NoError(t, err)
			golden := strings.TrimSuffix(f, ".json") + ".decided.json"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			// Same inputs and hash; the same result to 1e-12 (the last bits
			// of a float may differ on machines that fuse multiply-adds).
			stored, err := decision.Load(want)
			require.NoError(t, err)
			assert.Equal(t, stored.InputHash, out.InputHash)
			assert.True(t, cmp.Equal(stored.Result, out.Result, cmpopts.EquateApprox(0, 1e-12)),
				cmp.Diff(stored.Result, out.Result, cmpopts.EquateApprox(0, 1e-12)))

			// The decided file reloads, its hash verifies, and deciding
			// again changes nothing.
			again, err := decision.Load(want)
			require.NoError(t, err)
			re, err := decision.Decide(again)
			require.NoError(t, err)
			b, err := re.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(want), string(b))
			assert.Nil(t, doc.Result, "Decide does not modify its input")
		})
	}
}

func loadFile(t *testing.T, name string) *decision.Document {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	d, err := decision.Load(data)
	require.NoError(t, err)
	return d
}

func TestHash(t *testing.T) {
	t.Parallel()
	a := []byte(`{"schema_version": 1, "alternatives": ["x", "y"], "criteria": [{"name": "c", "direction": "benefit"}],
	  "performances": [[3], [4]], "tree": {"id": "g", "children": [{"id": "c"}]}, "method": {"name": "wsm", "options": {"normalization": "max"}}}`)
	b := []byte(`{"method": {"options": {"normalization":"max"}, "name": "wsm"}, "tree": {"children": [{"id": "c"}], "id": "g"},
	  "performances": [[3.0], [4e0]], "criteria": [{"direction": "benefit", "name": "c"}], "alternatives": ["x", "y"], "schema_version": 1, "title": "other"}`)
	da, err := decision.Load(a)
	require.NoError(t, err)
	db, err := decision.Load(b)
	require.NoError(t, err)
	ha, err := da.Hash()
	require.NoError(t, err)
	hb, err := db.Hash()
	require.NoError(t, err)
	assert.Equal(t, ha, hb, "layout, key order, number spelling and title do not change the hash")
	assert.True(t, strings.HasPrefix(ha, "sha256:") && len(ha) == 7+64)

	decided, err := decision.Decide(da)
	require.NoError(t, err)
	edited := *decided
	edited.Performances = [][]float64{{3}, {5}}
	_, err = decision.Decide(&edited)
	require.ErrorIs(t, err, decision.ErrHashMismatch)
	var he *decision.HashError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, ha, he.Stored)
	assert.NotEqual(t, ha, he.Computed)
	edited.InputHash = ""
	_, err = decision.Decide(&edited)
	require.NoError(t, err, "clearing the hash accepts the edit")
}

func TestLoadStrict(t *testing.T) {
	t.Parallel()
	const ok = `{"schema_version": 1, "alternatives": ["x"], "criteria": [{"name": "c", "direction": "benefit"}], "performances": [[1]], "tree": {"id": "c"}, "method": {"name": "wsm"}}`
	_, err := decision.Load([]byte(ok))
	require.NoError(t, err)
	tests := []struct {
		name, doc, pointer string
		want               error
		text               string // in the message
	}{
		{"unknown field", ok[:len(ok)-1] + `, "colour": "red"}`, "/colour", decision.ErrSchema, `unknown key "colour"`},
		{"unknown field deep", strings.Replace(ok, `{"id": "c"}`, `{"id": "c", "weight": 1}`, 1), "/tree/weight", decision.ErrSchema, `unknown key "weight"`},
		{"duplicate key", strings.Replace(ok, `"method"`, `"alternatives": ["y"], "method"`, 1), "/alternatives", decision.ErrSchema, `duplicate key "alternatives"`},
		{"duplicate key deep", strings.Replace(ok, `{"name": "c", "direction"`, `{"name": "c", "name": "d", "direction"`, 1), "/criteria/0/name", decision.ErrSchema, `duplicate key "name"`},
		{"duplicate judgement", strings.Replace(ok, `"method": {"name": "wsm"}`, `"stakeholders": [{"name": "a", "weight": 1, "judgements": {"brand control": {"method": "equal"}, "brand control": {"method": "equal"}}}], "method": {"name": "wsm"}`, 1),
			"/stakeholders/0/judgements/brand control", decision.ErrSchema, `duplicate key "brand control"`},
		{"duplicate key to escape", strings.Replace(ok, `"method": {"name": "wsm"}`, `"stakeholders": [{"name": "a", "weight": 1, "judgements": {"a/b~\"]c": {"method": "equal"}, "a/b~\"]c": {"method": "equal"}}}], "method": {"name": "wsm"}`, 1),
			"/stakeholders/0/judgements/a~1b~0\"]c", decision.ErrSchema, `duplicate key`},
		{"null number", strings.Replace(ok, `[[1]]`, `[[null]]`, 1), "/performances/0/0", decision.ErrSchema, ""},
		{"case-folded key", strings.Replace(ok, `"alternatives"`, `"Alternatives"`, 1), "/Alternatives", decision.ErrSchema, `"Alternatives" differs from "alternatives" only in case`},
		{"case-folded title", ok[:len(ok)-1] + `, "Title": "x"}`, "/Title", decision.ErrSchema, `"Title" differs from "title" only in case`},
		{"case-folded tree id", strings.Replace(ok, `{"id": "c"}`, `{"ID": "c"}`, 1), "/tree/ID", decision.ErrSchema, `"ID" differs from "id" only in case`},
		{"case-folded judgement", strings.Replace(ok, `"method": {"name": "wsm"}`, `"stakeholders": [{"name": "a", "weight": 1, "judgements": {"c": {"Method": "equal"}}}], "method": {"name": "wsm"}`, 1),
			"/stakeholders/0/judgements/c/Method", decision.ErrSchema, `"Method" differs from "method" only in case`},
		{"trailing data", ok + ` {}`, "", decision.ErrSchema, fmt.Sprintf("at line 1, column %d: document does not follow the schema: data after the top-level value", len(ok)+2)},
		{"null in method options", strings.Replace(ok, `{"name": "wsm"}`, `{"name": "wsm", "options": {"normalization": null}}`, 1), "/method/options/normalization", decision.ErrSchema, ""},
		{"wrong type", strings.Replace(ok, `"direction": "benefit"`, `"direction": 1`, 1), "/criteria/0/direction", decision.ErrSchema, ""},
		{"unknown version", strings.Replace(ok, `"schema_version": 1`, `"schema_version": 2`, 1), "", decision.ErrUnknownVersion, ""},
		{"no version", strings.Replace(ok, `"schema_version": 1,`, ``, 1), "", decision.ErrUnknownVersion, "no schema_version"},
		{"not an object", `[1]`, "", decision.ErrSchema, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := decision.Load([]byte(tc.doc))
			require.ErrorIs(t, err, tc.want, "%v", err)
			assert.Contains(t, err.Error(), tc.text)
			var pe *decision.PathError
			if errors.As(err, &pe) {
				assert.Equal(t, tc.pointer, pe.Pointer, "%v", err)
			}
		})
	}
	var ve *decision.VersionError
	_, err = decision.Load([]byte(strings.Replace(ok, `"schema_version": 1`, `"schema_version": 7`, 1)))
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, 7, ve.Version)
}

// A schema_version that is not a version number is reported as found, not
// as missing.
func TestLoadVersionValues(t *testing.T) {
	t.Parallel()
	tests := []struct{ value, text string }{
		{`1.0`, "schema_version 1.0 is not a version number: write it as a whole number"},
		{`1e0`, "schema_version 1e0 is not a version number: write it as a whole number"},
		{`-1`, "schema_version -1 is not a version number: it is a whole number from 1 up"},
		{`0`, "schema_version 0 is not a version number"},
		{`0.5`, "schema_version 0.5 is not a version number: it is a whole number from 1 up"},
		{`"1"`, `schema_version "1" is a string, not a number`},
		{`99999999999999999999`, "schema_version 99999999999999999999 is not known"},
		{`null`, "schema_version null is not a version number"},
		{`true`, "schema_version true is not a version number"},
		{`[1]`, "schema_version [1] is not a version number"},
	}
	for _, tc := range tests {
		_, err := decision.Load([]byte(`{"schema_version": ` + tc.value + `}`))
		require.ErrorIs(t, err, decision.ErrUnknownVersion, tc.value)
		var ve *decision.VersionError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, tc.value, ve.Value)
		assert.Zero(t, ve.Version)
		assert.Contains(t, err.Error(), tc.text)
		assert.NotContains(t, err.Error(), "no schema_version", tc.value)
	}
}

func TestDecideBadInput(t *testing.T) {
	t.Parallel()
	base := func() *decision.Document { return loadFile(t, "testdata/v1/workshop.json") }
	tests := []struct {
		name    string
		edit    func(d *decision.Document)
		pointer string
		want    error
	}{
		{"leaf without a column", func(d *decision.Document) {
			d.Tree.Children[2].ID = "tone"
		}, "/tree", scoring.ErrUnknownName},
		{"column without a leaf", func(d *decision.Document) {
			d.Tree.Children = d.Tree.Children[:2]
			d.Stakeholders = nil
		}, "/tree", scoring.ErrUncovered},
		{"duplicate node id", func(d *decision.Document) {
			d.Tree.Children[1].Children[0].ID = "cost"
		}, "/tree", scoring.ErrDuplicateName},
		{"local weights not summing to one", func(d *decision.Document) {
			d.Stakeholders[0].Judgements["resources"] = scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.4, 0.5}}
		}, "/stakeholders/0/judgements/resources", scoring.ErrWeights},
		{"judgement on a leaf", func(d *decision.Document) {
			d.Stakeholders[1].Judgements["cost"] = scoring.WeightSpec{}
		}, "/stakeholders/1/judgements/cost", decision.ErrUnknownNode},
		{"bad cell", func(d *decision.Document) {
			d.Performances[2] = d.Performances[2][:3]
		}, "/performances/2", scoring.ErrRagged},
		{"bad method option", func(d *decision.Document) {
			d.Method.Options = []byte(`{"normalisation": "vector"}`)
		}, "/method/options/normalisation", decision.ErrSchema},
		{"unknown method", func(d *decision.Document) { d.Method.Name = "electre" }, "/method/name", scoring.ErrUnknownName},
		{"case-folded method option", func(d *decision.Document) {
			d.Method.Options = []byte(`{"Normalization": "vector"}`)
		}, "/method/options/Normalization", decision.ErrSchema},
		{"negative stakeholder weight", func(d *decision.Document) { d.Stakeholders[1].Weight = -1 }, "/stakeholders/1/weight", scoring.ErrWeights},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := base()
			tc.edit(d)
			_, err := decision.Decide(d)
			require.ErrorIs(t, err, tc.want, "%v", err)
			var pe *decision.PathError
			require.ErrorAs(t, err, &pe)
			if pe.Pointer != tc.pointer {
				// Accept an error nested one level deeper in the problem.
				assert.True(t, strings.HasPrefix(pe.Pointer, tc.pointer), "%s: %v", pe.Pointer, err)
			}
		})
	}
	d := base()
	d.SchemaVersion = 3
	_, err := decision.Decide(d)
	require.ErrorIs(t, err, decision.ErrUnknownVersion)
}

func TestDiff(t *testing.T) {
	t.Parallel()
	a := loadFile(t, "testdata/v1/workshop.json")
	same, err := decision.Diff(a, a)
	require.NoError(t, err)
	assert.Equal(t, "Nothing changed.\n", same.String())

	b := loadFile(t, "testdata/v1/workshop.json")
	b.Performances[3][0] = 90 // the agency becomes cheaper
	b.Stakeholders[1].Judgements["goal"] = scoring.WeightSpec{Method: scoring.BestWorst, Best: 0, Worst: 2,
		BestToOthers: []float64{1, 3, 9}, OthersToWorst: []float64{9, 3, 1}}
	b.Method = decision.MethodSpec{Name: "wsm"}
	d, err := decision.Diff(a, b)
	require.NoError(t, err)
	text := d.String()
	assert.Contains(t, text, "Agency on cost: 140 → 90.")
	assert.Contains(t, text, `Stakeholder "CFO" changed the judgements on "goal" (same method, different judgements).`)
	assert.Contains(t, text, "The ranking method changed from topsis to wsm.")
	assert.Contains(t, text, "The weight of cost rose from")
	kinds := map[decision.ChangeKind]int{}
	for _, c := range d.Changes {
		kinds[c.Kind]++
	}
	assert.Equal(t, 3, kinds[decision.InputChange])
	assert.Positive(t, kinds[decision.WeightChange])
	assert.Positive(t, kinds[decision.RankingChange], text)

	c := loadFile(t, "testdata/v1/workshop.json")
	c.Alternatives = append(c.Alternatives, "Shared service")
	c.Performances = append(c.Performances, []float64{110, 6, 6, 6, 6})
	c.Tree.Children[1].Children = append(c.Tree.Children[1].Children, scoring.Node{ID: "tone"})
	_, err = decision.Diff(a, c)
	require.Error(t, err, "a leaf without a column is reported")
	c.Tree.Children[1].Children = c.Tree.Children[1].Children[:2]
	d, err = decision.Diff(a, c)
	require.NoError(t, err)
	assert.Contains(t, d.String(), `Alternative "Shared service" was added.`)
}

// The node sensitivity of a decision: one entry per node but the root, and
// just past each threshold the winner is the one named (re-decided with the
// shifted weights given directly).
func TestDecideSensitivity(t *testing.T) {
	t.Parallel()
	d := loadFile(t, "testdata/v1/car.json")
	out, err := decision.Decide(d)
	require.NoError(t, err)
	require.Len(t, out.Result.Sensitivity, 3)
	for _, s := range out.Result.Sensitivity {
		require.True(t, s.Changes, "every weight of the car example can change the winner")
		// Shift the node's weight just past the threshold, others in
		// proportion, and rank again.
		shifted := *d
		var ws []float64
		for _, cw := range out.Result.Weights {
			v := cw.Weight * (1 - s.At - 1e-6*sign(s.Change)) / (1 - s.Weight)
			if cw.Criterion == s.Node {
				v = s.At + 1e-6*sign(s.Change)
			}
			ws = append(ws, v)
		}
		shifted.Tree = scoring.Node{ID: "goal", Weighting: &scoring.WeightSpec{Method: scoring.Direct, Weights: ws},
			Children: d.Tree.Children}
		re, err := decision.Decide(&shifted)
		require.NoError(t, err)
		assert.Equal(t, s.NewWinner, re.Result.Ranking[0], s.Node)
	}
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

// Options override the method's defaults one by one: VIKOR keeps v = 0.5
// unless v is given (strictdec does not keep values already in its target,
// so Decide merges the options into the defaults itself).
func TestMethodOptionsKeepDefaults(t *testing.T) {
	t.Parallel()
	d := loadFile(t, "testdata/v1/car.json")
	d.Method = decision.MethodSpec{Name: "vikor"}
	def, err := decision.Decide(d)
	require.NoError(t, err)
	d.Method.Options = []byte(`{}`) // no v: the default 0.5 stays
	same, err := decision.Decide(d)
	require.NoError(t, err)
	assert.Equal(t, def.Result.Alternatives, same.Result.Alternatives)
	d.Method.Options = []byte(`{"v": 0}`)
	other, err := decision.Decide(d)
	require.NoError(t, err)
	assert.NotEqual(t, def.Result.Alternatives, other.Result.Alternatives)
}

func TestNew(t *testing.T) {
	t.Parallel()
	d, err := decision.New("export", []string{"A", "B"},
		[]scoring.Criterion{{Name: "fit", Direction: scoring.Benefit}, {Name: "effort", Direction: scoring.Cost}},
		[]float64{3, 1}, [][]float64{{0.8, 5}, {0.6, 2}}, "wsm")
	require.NoError(t, err)
	assert.InDelta(t, 0.75, d.Result.Weights[0].Weight, 1e-12)
	assert.NotEmpty(t, d.InputHash)
	b, err := d.Marshal()
	require.NoError(t, err)
	back, err := decision.Load(b)
	require.NoError(t, err)
	_, err = decision.Decide(back)
	require.NoError(t, err)
	assert.True(t, bytes.Contains(b, []byte(`"schema_version": 1`)))

	_, err = decision.New("x", []string{"A"}, []scoring.Criterion{{Name: "fit", Direction: scoring.Benefit}}, []float64{1, 2}, [][]float64{{1}}, "wsm")
	require.ErrorIs(t, err, scoring.ErrLength)
}

// Diff compares the settings a method takes effect with: absent options,
// {} and options restating the defaults are no change; a changed option is
// named with its old and new value.
func TestDiffMethodOptions(t *testing.T) {
	t.Parallel()
	a := loadFile(t, "testdata/v1/car.json")
	a.Method = decision.MethodSpec{Name: "vikor"}
	for _, opts := range []string{`{}`, `{"v": 0.5}`, ` { "v" : 5e-1 } `} {
		b := loadFile(t, "testdata/v1/car.json")
		b.Method = decision.MethodSpec{Name: "vikor", Options: []byte(opts)}
		d, err := decision.Diff(a, b)
		require.NoError(t, err)
		assert.Equal(t, "Nothing changed.\n", d.String(), opts)
	}
	b := loadFile(t, "testdata/v1/car.json")
	b.Method = decision.MethodSpec{Name: "vikor", Options: []byte(`{"v": 0.25}`)}
	d, err := decision.Diff(a, b)
	require.NoError(t, err)
	assert.Contains(t, d.String(), "The options of vikor changed: v from 0.5 to 0.25.")
}

// A method's options are all its fields, also those its JSON leaves out
// while unset (SPOTIS's bounds and esp, PROMETHEE II's preferences): a
// document may set them, and Diff reports one set on one side only.
func TestMethodOptionsLeftOutWhileUnset(t *testing.T) {
	t.Parallel()
	base := loadFile(t, "testdata/v1/car.json")
	n := len(base.Criteria)
	bounds, prefs, esp := make([]string, n), make([]string, n), make([]string, n)
	for j := range n {
		bounds[j] = "[-1e6, 1e6]"
		prefs[j] = `{"function": "linear", "q": 0, "p": 10}`
		esp[j] = "0"
	}
	for _, c := range []struct{ method, opts string }{
		{"spotis", `{"bounds": [` + strings.Join(bounds, ",") + `]}`},
		{"spotis", `{"bounds": [` + strings.Join(bounds, ",") + `], "esp": [` + strings.Join(esp, ",") + `]}`},
		{"promethee2", `{"preferences": [` + strings.Join(prefs, ",") + `]}`},
	} {
		d := loadFile(t, "testdata/v1/car.json")
		d.InputHash, d.Result = "", nil
		d.Method = decision.MethodSpec{Name: c.method, Options: []byte(c.opts)}
		out, err := decision.Decide(d)
		require.NoError(t, err, "%s %s", c.method, c.opts)
		require.NotNil(t, out.Result)

		plain := loadFile(t, "testdata/v1/car.json")
		plain.Method = decision.MethodSpec{Name: c.method}
		diff, err := decision.Diff(plain, out)
		require.NoError(t, err)
		assert.Contains(t, diff.String(), "The options of "+c.method+" changed", c.opts)
		assert.Contains(t, diff.String(), "from unset to", c.opts)
	}
	d := loadFile(t, "testdata/v1/car.json")
	d.InputHash, d.Result = "", nil
	d.Method = decision.MethodSpec{Name: "spotis", Options: []byte(`{"colour": 1}`)}
	_, err := decision.Decide(d)
	require.ErrorIs(t, err, decision.ErrSchema, "an option no field takes is still refused")
}
