package decision_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/decision"
	"github.com/socialseat/socialseat/scoring"
)

// Every string a document carries must be valid UTF-8: JSON cannot carry
// anything else (Marshal would write U+FFFD and the reloaded document
// would no longer match its hash), so Decide refuses it, naming where.
func TestDecideRefusesInvalidUTF8(t *testing.T) {
	t.Parallel()
	const bad = "\xff"
	tests := []struct {
		pointer string
		edit    func(d *decision.Document)
	}{
		{"/title", func(d *decision.Document) { d.Title += bad }},
		{"/notes", func(d *decision.Document) { d.Notes = bad + d.Notes }},
		{"/alternatives/2", func(d *decision.Document) { d.Alternatives[2] += bad }},
		{"/criteria/4/name", func(d *decision.Document) { d.Criteria[4].Name += bad }},
		{"/tree/id", func(d *decision.Document) { d.Tree.ID += bad }},
		{"/tree/label", func(d *decision.Document) { d.Tree.Label += bad }},
		{"/tree/children/0/id", func(d *decision.Document) {
			d.Tree.Children[0].ID = "resources" + bad
			for _, s := range d.Stakeholders {
				s.Judgements["resources"+bad] = s.Judgements["resources"]
				delete(s.Judgements, "resources")
			}
		}},
		{"/tree/children/1/children/1/id", func(d *decision.Document) {
			d.Tree.Children[1].Children[1].ID += bad
		}},
		{"/tree/children/1/label", func(d *decision.Document) { d.Tree.Children[1].Label = "Im" + bad + "pact" }},
		{"/stakeholders/0/name", func(d *decision.Document) { d.Stakeholders[0].Name = "Bob" + bad }},
		{"/stakeholders/1/judgements/impact" + bad, func(d *decision.Document) {
			d.Stakeholders[1].Judgements["impact"+bad] = scoring.WeightSpec{}
		}},
		{"/method/name", func(d *decision.Document) { d.Method.Name += bad }},
		{"/method/options", func(d *decision.Document) { d.Method.Options = []byte(`{"normalization": "vector` + bad + `"}`) }},
		{"/input_hash", func(d *decision.Document) { d.InputHash = "sha256:" + bad }},
	}
	for _, tc := range tests {
		t.Run(tc.pointer, func(t *testing.T) {
			t.Parallel()
			d := loadFile(t, "testdata/v1/workshop.json")
			tc.edit(d)
			_, err := decision.Decide(d)
			require.ErrorIs(t, err, decision.ErrInvalidUTF8, "%v", err)
			require.ErrorIs(t, err, scoring.ErrInvalidUTF8)
			var pe *decision.PathError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.pointer, pe.Pointer, "%v", err)
		})
	}
	// New builds the document from the caller's names: a bad one is
	// refused too.
	_, err := decision.New("x", []string{"A", "B"}, []scoring.Criterion{{Name: "f" + bad, Direction: scoring.Benefit}},
		[]float64{1}, [][]float64{{1}, {2}}, "wsm")
	require.ErrorIs(t, err, decision.ErrInvalidUTF8)
}

// Whatever document Decide accepts, its JSON loads and decides again to
// the same hash: the documents are the examples with random edits to
// their strings, numbers and judgement keys (seeded, so the test is
// reproducible).
func TestDecidedDocumentsReload(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for i := range 400 {
		name := []string{"testdata/v1/workshop.json", "testdata/v1/car.json"}[i%2]
		d := loadFile(t, name)
		mutate(rng, reflect.ValueOf(d).Elem(), 1+rng.IntN(3))
		out, err := decision.Decide(d)
		if err != nil {
			continue
		}
		accepted++
		b, err := out.Marshal()
		require.NoError(t, err)
		back, err := decision.Load(b)
		if err != nil {
			t.Fatalf("document %d does not reload: %v", i, err)
		}
		again, err := decision.Decide(back)
		require.NoError(t, err, "document %d decides again\n%s", i, b)
		require.Equal(t, out.InputHash, again.InputHash)
	}
	t.Logf("%d of 400 edited documents decided", accepted)
	assert.Greater(t, accepted, 40, "the edits leave enough documents valid to test anything")
}

// mutate makes n random edits to the strings, numbers and map keys under
// v (a Document, its Result aside).
func mutate(rng *rand.Rand, v reflect.Value, n int) {
	var leaves []reflect.Value
	var maps []reflect.Value
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String, reflect.Float64:
			leaves = append(leaves, v)
		case reflect.Pointer:
			if !v.IsNil() && v.Type() != reflect.TypeFor[*decision.Result]() {
				walk(v.Elem())
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			maps = append(maps, v)
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(v)
	texts := []string{"", "x", "\xff", "a\xc3", "~/", "é", "\u2028", "\x00", "<&>", "cost", "goal", "\ufffd", "\xed\xa0\x80"}
	numbers := []float64{0, math.Copysign(0, -1), -1, 1e-320, 1e308, 0.1, 7, math.Inf(1), math.NaN(), 3.000000000000001}
	for range n {
		if len(maps) > 0 && rng.IntN(5) == 0 {
			m := maps[rng.IntN(len(maps))]
			if keys := m.MapKeys(); len(keys) > 0 {
				k := keys[rng.IntN(len(keys))]
				val := m.MapIndex(k)
				m.SetMapIndex(k, reflect.Value{})
				m.SetMapIndex(reflect.ValueOf(k.String()+texts[rng.IntN(len(texts))]), val)
			}
			continue
		}
		l := leaves[rng.IntN(len(leaves))]
		if l.Kind() == reflect.String {
			l.SetString(l.String() + texts[rng.IntN(len(texts))])
		} else {
			l.SetFloat(numbers[rng.IntN(len(numbers))])
		}
	}
}

// A number JSON cannot write is the scoring package's not-finite error at
// its place, not a failure to hash or encode the document.
func TestDecideRefusesNonFinite(t *testing.T) {
	t.Parallel()
	_, err := decision.New("x", []string{"A", "B"},
		[]scoring.Criterion{{Name: "fit", Direction: scoring.Benefit}, {Name: "effort", Direction: scoring.Cost}},
		[]float64{1, 1}, [][]float64{{math.NaN(), 1}, {2, 3}}, "wsm")
	require.ErrorIs(t, err, scoring.ErrNotFinite, "%v", err)
	var pe *decision.PathError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "/performances/0/0", pe.Pointer)

	tests := []struct {
		pointer string
		edit    func(d *decision.Document)
	}{
		{"/performances/3/1", func(d *decision.Document) { d.Performances[3][1] = math.Inf(-1) }},
		{"/stakeholders/1/weight", func(d *decision.Document) { d.Stakeholders[1].Weight = math.NaN() }},
		{"/stakeholders/1/judgements/impact/points/1", func(d *decision.Document) {
			d.Stakeholders[1].Judgements["impact"] = scoring.WeightSpec{Method: scoring.SwingWeights, Points: []float64{100, math.Inf(1)}}
		}},
	}
	for _, tc := range tests {
		d := loadFile(t, "testdata/v1/workshop.json")
		tc.edit(d)
		_, err := decision.Decide(d)
		require.ErrorIs(t, err, scoring.ErrNotFinite, "%v", err)
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, tc.pointer, pe.Pointer, "%v", err)
	}
}

// Decide's output shares nothing with its input: editing every value of
// one, through every slice, map and pointer, leaves the other as it was.
func TestDecideDoesNotAlias(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"testdata/v1/workshop.json", "testdata/v1/car.json"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := loadFile(t, name)
			d.Tree.Children[0].Weighting = &scoring.WeightSpec{Method: scoring.Direct, Weights: []float64{0.5, 0.5}}
			before, err := d.Marshal()
			require.NoError(t, err)
			out, err := decision.Decide(d)
			require.NoError(t, err)
			touchAll(reflect.ValueOf(out).Elem())
			after, err := d.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "editing the output changed the input")

			out, err = decision.Decide(d)
			require.NoError(t, err)
			before, err = out.Marshal()
			require.NoError(t, err)
			touchAll(reflect.ValueOf(d).Elem())
			after, err = out.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "editing the input changed the output")
		})
	}
}

// touchAll changes every string, number (enumerations aside) and raw JSON byte under v and adds
// a key to every map of weight specifications.
func touchAll(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "!")
	case reflect.Float64:
		v.SetFloat(v.Float() + 1)
	case reflect.Int:
		if v.Type() == reflect.TypeFor[int]() { // not an enumeration
			v.SetInt(v.Int() + 1)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			touchAll(v.Elem())
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			for i := range v.Len() { // raw JSON: upper case keeps it JSON
				if c := v.Index(i).Uint(); c >= 'a' && c <= 'z' {
					v.Index(i).SetUint(c - 'a' + 'A')
				}
			}
			return
		}
		for i := range v.Len() {
			touchAll(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			touchAll(e)
			v.SetMapIndex(k, e)
		}
		if v.Type().Key().Kind() == reflect.String {
			v.SetMapIndex(reflect.ValueOf("added").Convert(v.Type().Key()), reflect.New(v.Type().Elem()).Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				touchAll(v.Field(i))
			}
		}
	}
}
