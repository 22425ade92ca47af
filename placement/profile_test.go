package placement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

const bankYAML = `
name: Nordbank
employees: 8000
business_units: 4
countries: 3
founded: 1870
social_priority: 3
social_staff: 6.5
budget_level: 3
sign_off_layers: 3
silos: 3
department_harmony: 3
regulation: 5
maturity: 3
executive_sponsorship: 3
agency: open
touchpoints:
  customer-support: 4
  crisis-response: 3
  corporate-communication: 3
current: {home: marketing, model: centralized, role: executing, sourcing: in-house}
weights: {risk-compliance: 3, agility: 1}
`

const bankJSON = `{
 "name": "Nordbank", "employees": 8000, "business_units": 4, "countries": 3, "founded": 1870,
 "social_priority": 3, "social_staff": 6.5, "budget_level": 3, "sign_off_layers": 3, "silos": 3,
 "department_harmony": 3, "regulation": 5, "maturity": 3, "executive_sponsorship": 3, "agency": "open",
 "touchpoints": {"customer-support": 4, "crisis-response": 3, "corporate-communication": 3},
 "current": {"home": "marketing", "model": "centralized", "role": "executing", "sourcing": "in-house"},
 "weights": {"risk-compliance": 3, "agility": 1}
}`

func TestReadProfileYAMLAndJSONAgree(t *testing.T) {
	y, err := placement.ReadProfile(strings.NewReader(bankYAML))
	require.NoError(t, err)
	j, err := placement.ReadProfile(strings.NewReader(bankJSON))
	require.NoError(t, err)
	if d := cmp.Diff(y, j); d != "" {
		t.Errorf("YAML vs JSON (-yaml +json):\n%s", d)
	}
	assert.Equal(t, 6.5, y.SocialStaff, "social_staff may be fractional")
	assert.Equal(t, placement.AgencyOpen, y.Agency)
	assert.Equal(t, map[placement.Criterion]float64{placement.RiskCompliance: 3, placement.Agility: 1}, y.Weights)
	require.NotNil(t, y.Current)
	assert.Equal(t, placement.Structure{Home: touchpoint.Marketing, Model: placement.Centralized, Role: placement.Executing, Sourcing: placement.InHouse}, *y.Current)
}

// A profile written with encoding/json or yaml.v3 reads back unchanged.
func TestProfileWriteReadRoundTrip(t *testing.T) {
	p, err := placement.ReadProfile(strings.NewReader(bankYAML))
	require.NoError(t, err)
	j, err := json.Marshal(p)
	require.NoError(t, err)
	fromJSON, err := placement.ReadProfile(bytes.NewReader(j))
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(p, fromJSON))
	y, err := yaml.Marshal(p)
	require.NoError(t, err)
	fromYAML, err := placement.ReadProfile(bytes.NewReader(y))
	require.NoError(t, err, "%s", y)
	assert.Empty(t, cmp.Diff(p, fromYAML))
}

func TestReadProfileIsStrict(t *testing.T) {
	cases := []struct {
		name, doc string
		want      error
	}{
		{"unknown yaml field", "name: x\nemployees: 3\nstaff: 2\ntouchpoints: {customer-support: 1}\n", placement.ErrSyntax},
		{"unknown json field", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 1}, "headcount": 3}`, placement.ErrSyntax},
		{"camelCase field", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 1}, "socialStaff": 3}`, placement.ErrSyntax},
		{"duplicate yaml key", "name: x\nname: y\nemployees: 3\ntouchpoints: {customer-support: 1}\n", placement.ErrSyntax},
		{"wrong type", "name: x\nemployees: many\ntouchpoints: {customer-support: 1}\n", placement.ErrSyntax},
		{"fractional employees", "name: x\nemployees: 2.5\ntouchpoints: {customer-support: 1}\n", placement.ErrRange},
		{"fractional activity", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 1.5}}`, placement.ErrRange},
		{"nan staff", "name: x\nemployees: 3\nsocial_staff: .nan\ntouchpoints: {customer-support: 1}\n", placement.ErrRange},
		{"infinite weight", "name: x\nemployees: 3\ntouchpoints: {customer-support: 1}\nweights: {agility: .inf}\n", placement.ErrWeights},
		{"two documents", "name: x\nemployees: 3\ntouchpoints: {customer-support: 1}\n---\nname: y\n", placement.ErrSyntax},
		{"trailing json", `{"name": "x", "employees": 3, "touchpoints": {"customer-support": 1}} {}`, placement.ErrSyntax},
		{"empty", "  \n", placement.ErrMissing},
		{"unknown touchpoint", "name: x\nemployees: 3\ntouchpoints: {tiktok: 1}\n", placement.ErrUnknownTouchpoint},
		{"unknown criterion", "name: x\nemployees: 3\ntouchpoints: {customer-support: 1}\nweights: {speed: 1}\n", placement.ErrUnknownName},
		{"unknown agency", "name: x\nemployees: 3\nagency: sometimes\ntouchpoints: {customer-support: 1}\n", placement.ErrUnknownName},
		{"unknown model", "name: x\nemployees: 3\ntouchpoints: {customer-support: 1}\ncurrent: {home: pr, model: matrix, role: advisory, sourcing: in-house}\n", placement.ErrUnknownName},
		{"incoherent current", "name: x\nemployees: 3\ntouchpoints: {customer-support: 1}\ncurrent: {home: pr, model: dandelion, role: executing, sourcing: in-house}\n", placement.ErrIncoherent},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := placement.ReadProfile(strings.NewReader(tc.doc))
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

func TestReadProfileCollectsFieldErrors(t *testing.T) {
	doc := `
name: ""
employees: 0
social_priority: 6
social_staff: -1
silos: 9
regulation: -2
sign_off_layers: 40
agency: sometimes
touchpoints: {customer-support: 7, tiktok: 2}
current: {home: nowhere, model: hub-and-spoke, role: executing, sourcing: offshore}
weights: {agility: -1, speed: 2}
`
	_, err := placement.ReadProfile(strings.NewReader(doc))
	require.Error(t, err)
	got := map[string]error{}
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *placement.FieldError
		require.True(t, errors.As(e, &fe), "%v is not a FieldError", e)
		got[fe.Path] = fe.Err
	}
	walk(err)
	want := map[string]error{
		"employees":       placement.ErrMissing,
		"social_priority": placement.ErrRange,
		"social_staff":    placement.ErrRange,
		"silos":           placement.ErrRange,
		"regulation":      placement.ErrRange,
		"sign_off_layers": placement.ErrRange,
		"agency":          placement.ErrUnknownName,
		// No "touchpoints" error besides: the refused touchpoints say what is wrong.
		"touchpoints.customer-support": placement.ErrRange,
		"touchpoints.tiktok":           placement.ErrUnknownTouchpoint,
		"current.home":                 placement.ErrUnknownDepartment,
		"current.sourcing":             placement.ErrUnknownName,
		"weights":                      placement.ErrWeights, // nothing valid is left to weigh
		"weights.agility":              placement.ErrWeights,
		"weights.speed":                placement.ErrUnknownName,
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) || errors.Is(b, a) })); d != "" {
		t.Errorf("field errors (-want +got):\n%s", d)
	}
}

func TestProfileValidateZeroValue(t *testing.T) {
	err := placement.Profile{}.Validate(nil)
	assert.ErrorIs(t, err, placement.ErrMissing, "a zero profile fails validation, it does not panic")
	err = placement.Profile{Name: "x", Employees: 5, Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 0}}.Validate(nil)
	assert.ErrorIs(t, err, placement.ErrMissing, "at least one touchpoint must be active")
	err = placement.Profile{Name: "x", Employees: 5, Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 1},
		Weights: map[placement.Criterion]float64{placement.Agility: 0}}.Validate(nil)
	assert.ErrorIs(t, err, placement.ErrWeights, "all-zero weights")
}

func TestReadProfileWithCustomCatalog(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	require.NoError(t, c.Add(touchpoint.Touchpoint{ID: "app-reviews", Name: "App reviews", Owner: touchpoint.CustomerService,
		Audience: touchpoint.External, Speed: touchpoint.SameDay, Risk: 2, Volume: 3, Expertise: 2}))
	doc := "name: x\nemployees: 30\ntouchpoints: {app-reviews: 3}\n"
	_, err := placement.ReadProfile(strings.NewReader(doc))
	assert.ErrorIs(t, err, placement.ErrUnknownTouchpoint)
	p, err := placement.ReadProfileWith(strings.NewReader(doc), c)
	require.NoError(t, err)
	assert.Equal(t, 3, p.Touchpoints["app-reviews"])
}

func TestWithDefaults(t *testing.T) {
	p := placement.Profile{Name: "x", Employees: 10, Touchpoints: map[touchpoint.ID]int{touchpoint.CustomerSupport: 1}}
	d := p.WithDefaults()
	assert.Equal(t, 1, d.BusinessUnits)
	assert.Equal(t, 1, d.Countries)
	assert.Equal(t, placement.DefaultScale, d.SocialPriority)
	assert.Equal(t, placement.DefaultScale, d.Maturity)
	assert.Equal(t, placement.DefaultRegulation, d.Regulation)
	assert.Equal(t, placement.AgencyOpen, d.Agency)
	assert.Equal(t, 0, d.SignOffLayers)
	d.Touchpoints[touchpoint.CustomerSupport] = 5
	assert.Equal(t, 1, p.Touchpoints[touchpoint.CustomerSupport], "WithDefaults copies the maps")
	assert.Equal(t, 0, p.BusinessUnits, "and leaves the receiver alone")
}

// FuzzReadProfile: any input either fails with one of the package's
// sentinel errors, or gives a profile that validates and can be ranked
// with finite scores.
func FuzzReadProfile(f *testing.F) {
	f.Add([]byte(bankYAML))
	f.Add([]byte(bankJSON))
	f.Add([]byte(""))
	f.Add([]byte("{}"))
	f.Add([]byte("name: x\nemployees: 1\ntouchpoints: {customer-support: 5}\n"))
	f.Add([]byte("name: x\nemployees: 10000000\nbusiness_units: 100000\ncountries: 250\nsocial_staff: 1e300\ntouchpoints: {crisis-response: 1}\n"))
	f.Add([]byte(`{"name": "x", "employees": 3, "social_staff": NaN, "touchpoints": {"social-crm": 2}}`))
	f.Add([]byte("name: x\nemployees: 3\nsocial_staff: .nan\ntouchpoints: {social-crm: 2}\n"))
	f.Add([]byte("name: x\nemployees: 3\ntouchpoints: {social-crm: 2}\nweights: {agility: .inf}\n"))
	f.Add([]byte("- a\n- b\n"))
	sentinels := []error{placement.ErrSyntax, placement.ErrMissing, placement.ErrRange, placement.ErrUnknownName,
		placement.ErrUnknownTouchpoint, placement.ErrUnknownDepartment, placement.ErrIncoherent, placement.ErrWeights}
	rec, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := placement.ReadProfile(bytes.NewReader(data))
		if err != nil {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if err := p.Validate(nil); err != nil {
			t.Fatalf("ReadProfile accepted a profile that does not validate: %v", err)
		}
		r, err := rec.WithOptions(placement.Options{Detail: 1}).Recommend(t.Context(), p)
		if err != nil {
			t.Fatalf("Recommend failed on a valid profile: %v", err)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("recommendation does not marshal (NaN?): %v", err)
		}
	})
}
