package placement

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

const okProfile = "name: Acme\nemployees: 200\ntouchpoints: {customer-support: 3}\n"

func readErr(t *testing.T, doc string) error {
	t.Helper()
	_, err := ReadProfile(strings.NewReader(doc))
	require.Error(t, err, doc)
	return err
}

// noGoNames fails if a message a consultant reads names a Go type.
func noGoNames(t *testing.T, msg string) {
	t.Helper()
	for _, bad := range []string{"placement.", "profileFile", "structureFile", "float64", "map[", "Go struct", "interface"} {
		assert.NotContains(t, msg, bad)
	}
}

// Each test below pins one shape of message: what a consultant reads for
// one kind of mistake in a profile.

func TestProfileErrorOnePerLine(t *testing.T) {
	t.Parallel()
	err := readErr(t, "name: Acme\nemployees: 0\nregulation: 7\nagency: maybe\ntouchpoints: {customer-support: 9, social-crm: 2}\n")
	lines := strings.Split(err.Error(), "\n")
	want := []string{"employees: ", "regulation: ", "agency: ", "touchpoints.customer-support: "}
	require.Len(t, lines, len(want), err.Error())
	for i, prefix := range want {
		assert.True(t, strings.HasPrefix(lines[i], prefix), "line %d %q: want it to start with %q (file order)", i, lines[i], prefix)
	}
}

func TestProfileErrorRange(t *testing.T) {
	t.Parallel()
	for extra, want := range map[string]string{
		"regulation: 7\n":                   "regulation: value out of range (7 is outside 1–5)",
		"silos: 0.5\n":                      "silos: value out of range (0.5 is not a whole number)",
		"social_staff: 900\n":               "social_staff: value out of range (900 is outside 0–200 (the number of employees))",
		"countries: 251\n":                  "countries: value out of range (251 is outside 1–250)",
		"business_units: 1e300\n":           "business_units: value out of range (1e+300 is far outside the field's range)",
		"weights: {cost: -1, agility: 1}\n": "weights.cost: invalid weights (-1 is negative)",
	} {
		err := readErr(t, okProfile+extra)
		assert.Equal(t, want, err.Error(), extra)
	}
	err := readErr(t, "name: Acme\nemployees: 200\ntouchpoints: {customer-support: 3, social-crm: 6}\n")
	assert.Equal(t, "touchpoints.social-crm: value out of range (6 is outside 0–5)", err.Error())
	// A touchpoint refused for its range is the error; that none is
	// active would be false of a 9.
	err = readErr(t, "name: Acme\nemployees: 200\ntouchpoints: {crisis-response: 9}\n")
	assert.Equal(t, "touchpoints.crisis-response: value out of range (9 is outside 0–5)", err.Error())
	err = readErr(t, okProfile+"regulation: 7\n")
	assert.ErrorIs(t, err, ErrRange)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "regulation", fe.Path)
}

func TestProfileErrorMissing(t *testing.T) {
	t.Parallel()
	err := readErr(t, "name: Acme\ntouchpoints: {customer-support: 3}\n")
	assert.Equal(t, "employees: missing value (want 1–10000000)", err.Error())
	assert.ErrorIs(t, err, ErrMissing)
}

func TestProfileErrorUnknownTouchpointListsIDs(t *testing.T) {
	t.Parallel()
	err := readErr(t, "name: Acme\nemployees: 200\ntouchpoints: {tiktok: 3, customer-support: 3}\n")
	msg := err.Error()
	assert.True(t, strings.HasPrefix(msg, "touchpoints.tiktok: unknown touchpoint (want one of "), msg)
	for _, id := range touchpoint.DefaultCatalog().IDs() {
		assert.Contains(t, msg, string(id))
	}
	assert.ErrorIs(t, err, ErrUnknownTouchpoint)
	assert.ErrorIs(t, err, touchpoint.ErrUnknownTouchpoint)
}

func TestProfileErrorUnknownTokenListsTokens(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		doc, want string
		kind      error
	}{
		{"agency: maybe\n", `agency: unknown name ("maybe" is not one of none, current or open)`, ErrUnknownName},
		{"current: {home: marketing, model: central, role: advisory, sourcing: in-house}\n",
			`current.model: unknown name ("central" is not one of organic, centralized, hub-and-spoke, dandelion or honeycomb)`, ErrUnknownName},
		{"current: {home: marketing, model: centralized, role: executing}\n",
			`current.sourcing: missing value (want one of in-house, hybrid or agency)`, ErrMissing},
		{"weights: {speed: 1}\n",
			"weights.speed: unknown name (want one of agility, consistency, coverage, expertise, cost, risk-compliance, authenticity, scalability, influence or change-effort)", ErrUnknownName},
	} {
		err := readErr(t, okProfile+tc.doc)
		assert.Equal(t, tc.want, err.Error())
		assert.ErrorIs(t, err, tc.kind)
	}
}

func TestProfileErrorUnknownFieldByFileName(t *testing.T) {
	t.Parallel()
	// Every field of the file format, in its order, under its file name.
	const fields = "; the fields are name, employees, business_units, countries, founded, social_priority, social_staff, " +
		"budget_level, sign_off_layers, silos, department_harmony, regulation, maturity, executive_sponsorship, agency, "
	for doc, want := range map[string]string{
		okProfile + "colour: blue\n": `syntax error: YAML line 4: unknown field "colour"` + fields,
		`{"name": "Acme", "employees": 200, "touchpoints": {"customer-support": 3}, "colour": 1}`: `unknown field "colour"` + fields,
		okProfile + "current: {home: marketing, colour: red}\n":                                   `current: unknown field "colour"; the fields of current are home, model, role and sourcing`,
	} {
		err := readErr(t, doc)
		msg := err.Error()
		assert.Contains(t, msg, want)
		if strings.Contains(want, "the fields are") {
			assert.Contains(t, msg, ", touchpoints, current, weights", msg)
		}
		noGoNames(t, msg)
		assert.ErrorIs(t, err, ErrSyntax)
		assert.Equal(t, 1, strings.Count(msg, "\n")+1, "one line: %q", msg)
	}
}

func TestProfileErrorWrongType(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]string{
		"name: Acme\nemployees: lots\ntouchpoints: {customer-support: 3}\n":            `employees: want a number`,
		`{"name": "Acme", "employees": "200", "touchpoints": {"customer-support": 3}}`: `employees: want a number`,
		"name: Acme\nemployees: 200\ntouchpoints: {customer-support: high}\n":          `touchpoints.customer-support: want a number`,
		"name: Acme\nemployees: 200\ntouchpoints: [customer-support]\n":                `touchpoints: want an object, got a list`,
	} {
		err := readErr(t, doc)
		assert.Contains(t, err.Error(), want, doc)
		assert.ErrorIs(t, err, ErrSyntax)
		noGoNames(t, err.Error())
	}
}

func TestProfileErrorSyntax(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]string{
		"name: [Acme\n":                   "did not find expected ',' or ']'",
		"name: A\nname: B\n":              `duplicate key "name"`,
		`{"name": "A", "name": "B"}`:      `duplicate key "name"`,
		"name: A\n---\nname: B\n":         "syntax error: ",
		`{"name": "A", "employees": 1 ,}`: "syntax error: ",
	} {
		err := readErr(t, doc)
		assert.Contains(t, err.Error(), want, doc)
		assert.True(t, strings.HasPrefix(err.Error(), "syntax error: "), err.Error())
		assert.ErrorIs(t, err, ErrSyntax)
		noGoNames(t, err.Error())
	}
}

// The explanation does not depend on the decoder's words: whatever a
// strict decoder says about an unknown field, the reader also gets the
// valid fields by their file names; Go type names are removed from what
// is passed through, and the decoder's error stays in the chain.
func TestExplainDecodeAnyDecoder(t *testing.T) {
	t.Parallel()
	doc := []byte(okProfile + "current: {home: marketing, colour: red}\n")
	for _, decoderSaid := range []string{
		`json: unknown field "colour"`,
		"yaml: unmarshal errors:\n  line 4: field colour not found in type placement.structureFile",
		"some future decoder: unexpected key at /current/colour",
	} {
		cause := errors.New(decoderSaid)
		err := explainDecode(doc, profileFile{}, cause)
		assert.ErrorIs(t, err, cause)
		assert.True(t, strings.HasSuffix(err.Error(), "; the fields of current are home, model, role and sourcing"), err.Error())
		noGoNames(t, err.Error())
	}
	for said, want := range map[string]string{
		"yaml: unmarshal errors:\n  line 4: field colour not found in type placement.profileFile":  "line 4: field colour not found",
		"json: cannot unmarshal string into Go struct field profileFile.employees of type float64": `json: cannot unmarshal string into field "employees"`,
		"line 3: cannot unmarshal !!str `abc` into float64":                                        "line 3: cannot unmarshal !!str `abc` into a number",
		"line 3: cannot unmarshal !!seq into map[string]float64":                                   "line 3: cannot unmarshal !!seq into a mapping",
		"line 3: cannot unmarshal !!str into placement.structureFile":                              "line 3: cannot unmarshal !!str into a mapping",
	} {
		// A document without unknown fields: the decoder's words are
		// passed through, cleaned.
		err := explainDecode([]byte(okProfile), profileFile{}, errors.New(said))
		assert.Equal(t, want, err.Error())
		noGoNames(t, err.Error())
	}
}
