package placement_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socialseat/socialseat/placement"
)

// fileKeys returns the file keys of t's fields in order, from their json
// tags, checking that the yaml tags name the same key.
func fileKeys(t *testing.T, typ reflect.Type, prefix string) []string {
	t.Helper()
	var keys []string
	for f := range typ.Fields() {
		j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		y, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if j != y {
			t.Errorf("%s.%s: json key %q, yaml key %q", typ.Name(), f.Name, j, y)
		}
		if j == "governance" {
			keys = append(keys, fileKeys(t, f.Type, "governance.")...)
			continue
		}
		keys = append(keys, prefix+j)
	}
	return keys
}

// TestProfileFieldsAreTheFileKeys checks that ProfileFields lists every
// key of Profile and Governance once, in file order, and nothing else.
func TestProfileFieldsAreTheFileKeys(t *testing.T) {
	want := fileKeys(t, reflect.TypeFor[placement.Profile](), "")
	var have []string
	for _, f := range placement.ProfileFields() {
		have = append(have, f.Key)
	}
	if !slices.Equal(have, want) {
		t.Errorf("ProfileFields keys\nhave %q\nwant %q", have, want)
	}
}

func TestProfileFieldsAreFresh(t *testing.T) {
	a := placement.ProfileFields()
	a[0].Help = "changed"
	for i := range a {
		if len(a[i].Options) > 0 {
			a[i].Options[0] = "changed"
		}
	}
	for _, f := range placement.ProfileFields() {
		if f.Help == "changed" || slices.Contains(f.Options, "changed") {
			t.Fatalf("%s: a change to one result shows in the next", f.Key)
		}
	}
}

// fieldDocs returns the doc comment of each Profile and Governance field,
// keyed by file key, read from the package's source.
func fieldDocs(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range []string{"profile.go", "governance.go"} {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || (ts.Name.Name != "Profile" && ts.Name.Name != "Governance") {
				return true
			}
			prefix := ""
			if ts.Name.Name == "Governance" {
				prefix = "governance."
			}
			for _, fld := range ts.Type.(*ast.StructType).Fields.List {
				tag, _ := strconv.Unquote(fld.Tag.Value)
				key, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
				docs[prefix+key] = strings.Join(strings.Fields(fld.Doc.Text()), " ")
			}
			return false
		})
	}
	return docs
}

var (
	docDefault = regexp.MustCompile(`Default (\w+)`)
	docScale   = regexp.MustCompile(`\b1–5\b`)
)

// reworded lists the fields whose help is not their doc comment word for
// word, because the comment speaks of Go values (nil, the zero value,
// touchpoint.Touchpoint.Volume) or leaves a limit to the validation.
var reworded = map[string]bool{"social_staff": true, "sector": true, "touchpoints": true, "current": true, "weights": true}

// clientWords returns a field's doc comment without the Go field name it
// starts with ("BudgetLevel is the budget …" → "The budget …",
// "Policy: a written …" → "A written …").
func clientWords(doc string) string {
	first, rest, _ := strings.Cut(doc, " ")
	switch {
	case strings.HasPrefix(rest, "is "):
		rest = strings.TrimPrefix(rest, "is ")
	case strings.HasSuffix(first, ":"):
	case first != "" && first[0] >= 'A' && first[0] <= 'Z':
	default:
		return doc
	}
	if rest == "" {
		return ""
	}
	return strings.ToUpper(rest[:1]) + rest[1:]
}

// TestProfileFieldsFollowDocs checks each Field against the doc comment of
// its Go field: its words (but for the fields in reworded), the default
// and the 1–5 scale it states, whether it is required; and that the help
// is written for a client, without Go names.
func TestProfileFieldsFollowDocs(t *testing.T) {
	docs := fieldDocs(t)
	for _, f := range placement.ProfileFields() {
		doc, ok := docs[f.Key]
		if !ok && f.Key != "governance" {
			t.Errorf("%s: no doc comment found", f.Key)
			continue
		}
		if want := clientWords(doc); f.Help != want && !reworded[f.Key] {
			t.Errorf("%s: help %q, doc comment says %q", f.Key, f.Help, want)
		}
		if f.Label == "" || f.Help == "" || f.Kind.String() == "" {
			t.Errorf("%s: label %q, help %q, kind %v", f.Key, f.Label, f.Help, f.Kind)
		}
		if m := docDefault.FindStringSubmatch(doc); m != nil {
			if f.Default != m[1] {
				t.Errorf("%s: Default %q, doc says %q", f.Key, f.Default, m[0])
			}
			if !strings.Contains(f.Help, m[0]) {
				t.Errorf("%s: help %q does not say %q", f.Key, f.Help, m[0])
			}
		} else if f.Default != "" && !strings.HasPrefix(f.Key, "governance.") {
			t.Errorf("%s: Default %q, doc states none", f.Key, f.Default)
		}
		if scale := docScale.MatchString(doc) && f.Key != "touchpoints"; scale != (f.Kind == placement.FieldScale) {
			t.Errorf("%s: kind %v, doc says 1–5: %v", f.Key, f.Kind, scale)
		}
		if req := strings.Contains(doc, "Required"); req != f.Required {
			t.Errorf("%s: Required %v, doc says required: %v", f.Key, f.Required, req)
		}
		for _, goWord := range []string{"Nil", "nil", "touchpoint.", " IDs", "zero value", "Profile", "Assumptions", "["} {
			if strings.Contains(f.Help, goWord) {
				t.Errorf("%s: help %q says %q", f.Key, f.Help, goWord)
			}
		}
		if first, _, _ := strings.Cut(f.Help, " "); strings.ContainsFunc(first[1:], func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
			t.Errorf("%s: help %q starts with a Go name", f.Key, f.Help)
		}
	}
}

// read decodes a YAML profile and returns the paths of its field errors
// (nil when it is valid).
func read(t *testing.T, doc string) (placement.Profile, []string) {
	t.Helper()
	p, err := placement.ReadProfile(strings.NewReader(doc))
	if err == nil {
		return p, nil
	}
	var paths []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var fe *placement.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("%q: error %v is not a *FieldError", doc, e)
		}
		paths = append(paths, fe.Path)
	}
	walk(err)
	return p, paths
}

// withKey returns a profile of 10 employees stating key: value (a dotted
// key is written nested).
func withKey(key, value string) string {
	if key == "employees" {
		return "employees: " + value + "\n"
	}
	if parent, child, ok := strings.Cut(key, "."); ok {
		return fmt.Sprintf("employees: 10\n%s:\n  %s: %s\n", parent, child, value)
	}
	return fmt.Sprintf("employees: 10\n%s: %s\n", key, value)
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// TestProfileFieldsAgreeWithValidation checks each Field's range, options,
// default and requirement against what ReadProfile accepts.
func TestProfileFieldsAgreeWithValidation(t *testing.T) {
	accept := func(f placement.Field, doc string) {
		t.Helper()
		if _, paths := read(t, doc); paths != nil {
			t.Errorf("%s: %q rejected at %q", f.Key, doc, paths)
		}
	}
	reject := func(f placement.Field, doc, path string) {
		t.Helper()
		if _, paths := read(t, doc); !slices.Contains(paths, path) {
			t.Errorf("%s: %q gives errors at %q, want one at %s", f.Key, doc, paths, path)
		}
	}
	_, paths := read(t, "name: x\n")
	for _, f := range placement.ProfileFields() {
		if f.Required != slices.Contains(paths, f.Key) {
			t.Errorf("%s: Required %v, but a profile without it gives errors at %q", f.Key, f.Required, paths)
		}
		step := 1.0
		if f.Kind == placement.FieldNumber || f.Key == "weights" {
			step = 0.5
		}
		switch f.Kind {
		case placement.FieldInteger, placement.FieldScale, placement.FieldNumber:
			if !f.HasMin || !f.HasMax && f.Key != "social_staff" {
				t.Errorf("%s: a number field without range", f.Key)
			}
			accept(f, withKey(f.Key, num(f.Min)))
			if below := f.Min - step; below == 0 && !f.Required {
				accept(f, withKey(f.Key, "0")) // 0 is "not stated"
			} else {
				reject(f, withKey(f.Key, num(below)), f.Key)
			}
			if f.HasMax {
				accept(f, withKey(f.Key, num(f.Max)))
				reject(f, withKey(f.Key, num(f.Max+step)), f.Key)
			}
			if f.Kind != placement.FieldNumber {
				reject(f, withKey(f.Key, num(f.Min+0.5)), f.Key)
			}
		case placement.FieldMap:
			entry := map[string]string{"touchpoints": "customer-support", "weights": "agility"}[f.Key]
			if entry == "" {
				t.Fatalf("%s: no test entry for this map", f.Key)
			}
			sub := f.Key + "." + entry
			accept(f, withKey(sub, num(f.Min+1)))
			reject(f, withKey(sub, num(f.Min-step)), sub)
			if f.HasMax {
				accept(f, withKey(sub, num(f.Max)))
				reject(f, withKey(sub, num(f.Max+step)), sub)
			}
		case placement.FieldEnum:
			if len(f.Options) == 0 {
				t.Errorf("%s: an enum without options", f.Key)
			}
			for _, o := range f.Options {
				accept(f, withKey(f.Key, o))
			}
			reject(f, withKey(f.Key, "bogus"), f.Key)
		case placement.FieldText:
			accept(f, withKey(f.Key, "Acme"))
		case placement.FieldStructure:
			accept(f, withKey(f.Key, "{home: marketing, model: centralized, role: executing, sourcing: in-house}"))
			reject(f, withKey(f.Key, "{home: marketing, model: bogus, role: executing, sourcing: in-house}"), f.Key+".model")
		default:
			t.Errorf("%s: kind %v", f.Key, f.Kind)
		}
		if f.Default != "" {
			stated, paths := read(t, withKey(f.Key, f.Default))
			if paths != nil {
				t.Errorf("%s: default %q rejected at %q", f.Key, f.Default, paths)
			}
			unstated, _ := read(t, "employees: 10\n")
			if !reflect.DeepEqual(stated.WithDefaults(), unstated.WithDefaults()) {
				t.Errorf("%s: stating the default %q differs from leaving it out", f.Key, f.Default)
			}
		}
	}
}

// TestCriterionDescriptionFollowsDocs checks Description against the line
// comment of each Criterion constant.
func TestCriterionDescriptionFollowsDocs(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "enums.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if ok && vs.Comment != nil {
			docs[vs.Names[0].Name] = strings.TrimSpace(vs.Comment.Text())
		}
		return true
	})
	names := []string{"Agility", "Consistency", "Coverage", "Expertise", "Cost", "RiskCompliance", "Authenticity", "Scalability", "Influence", "ChangeEffort"}
	for i, c := range placement.Criteria() {
		if want := docs[names[i]]; c.Description() != want || want == "" {
			t.Errorf("%v: Description %q, doc comment %q", c, c.Description(), want)
		}
	}
	if d := placement.Criterion(0).Description(); d != "" {
		t.Errorf("Criterion(0).Description() = %q", d)
	}
}

func TestFieldKindText(t *testing.T) {
	for k, want := range map[placement.FieldKind]string{placement.FieldText: "text", placement.FieldScale: "scale", placement.FieldStructure: "structure"} {
		b, err := k.MarshalText()
		if k.String() != want || string(b) != want || err != nil {
			t.Errorf("%d: String %q, MarshalText %q, %v; want %q", int(k), k.String(), b, err, want)
		}
	}
	if _, err := placement.FieldKind(0).MarshalText(); err == nil {
		t.Error("FieldKind(0).MarshalText: no error")
	}
}
