package touchpoint_test

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

	"github.com/socialseat/socialseat/touchpoint"
)

func TestDefaultCatalogHasTheIssueVocabulary(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	want := []touchpoint.ID{
		"marketing-channel", "employee-policy", "employer-branding", "csr-awareness",
		"customer-support", "social-crm", "public-relations", "public-affairs",
		"corporate-communication", "internal-communication", "crisis-response", "social-listening",
	}
	if d := cmp.Diff(want, c.IDs()); d != "" {
		t.Errorf("default IDs (-want +got):\n%s", d)
	}
	for _, tp := range c.All() {
		assert.NotEmpty(t, tp.Source, "%s has no source", tp.ID)
		assert.NotEmpty(t, tp.Description, "%s has no description", tp.ID)
		assert.NotEmpty(t, tp.Skill, "%s has no skill", tp.ID)
	}
}

// The attributes that drive placement must follow domain.md §2.
func TestDefaultCatalogAttributesFollowDomain(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	get := func(id touchpoint.ID) touchpoint.Touchpoint {
		tp, err := c.Lookup(id)
		require.NoError(t, err)
		return tp
	}
	cs := get(touchpoint.CustomerSupport)
	assert.Equal(t, touchpoint.CustomerService, cs.Owner, "ICMI 2014: contact centre owns social care")
	assert.Equal(t, touchpoint.Realtime, cs.Speed, "Lithium 2013: 53% expect a reply within the hour")
	assert.Equal(t, touchpoint.Level(5), cs.Volume, "domain.md §2: care volume can dwarf everything else")
	cr := get(touchpoint.CrisisResponse)
	assert.Equal(t, touchpoint.Level(5), cr.Risk)
	assert.Equal(t, touchpoint.Both, cr.Audience)
	ep := get(touchpoint.EmployeePolicy)
	assert.Equal(t, touchpoint.HR, ep.Owner, "Mindjumpers: HR owns the employee policy")
	assert.Equal(t, touchpoint.Internal, ep.Audience)
	assert.Equal(t, touchpoint.Sales, get(touchpoint.SocialCRM).Owner)
	assert.Equal(t, touchpoint.CSR, get(touchpoint.CSRAwareness).Owner)
	assert.True(t, get(touchpoint.SocialListening).Shared)
}

func TestDefaultCatalogIsAFreshCopy(t *testing.T) {
	a := touchpoint.DefaultCatalog()
	require.NoError(t, a.Remove(touchpoint.CustomerSupport))
	tp, _ := a.Get(touchpoint.CrisisResponse)
	tp.Partners[0] = "legal"
	tp.Name = "changed"
	b := touchpoint.DefaultCatalog()
	assert.Equal(t, 11, a.Len())
	assert.Equal(t, 12, b.Len())
	again, _ := a.Get(touchpoint.CrisisResponse)
	assert.Equal(t, touchpoint.PR, again.Partners[0], "Get must return a copy")
	assert.Equal(t, "Crisis response", again.Name)
}

func TestEnumsRoundTrip(t *testing.T) {
	for _, a := range []touchpoint.Audience{touchpoint.External, touchpoint.Internal, touchpoint.Both} {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var got touchpoint.Audience
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, a, got)
		p, err := touchpoint.ParseAudience(a.String())
		require.NoError(t, err)
		assert.Equal(t, a, p)
	}
	for _, s := range []touchpoint.Speed{touchpoint.Realtime, touchpoint.SameDay, touchpoint.Days, touchpoint.Planned} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var got touchpoint.Speed
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, s, got)
		p, err := touchpoint.ParseSpeed(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, p)
	}
	_, err := touchpoint.ParseSpeed("Realtime")
	assert.ErrorIs(t, err, touchpoint.ErrUnknownName, "parsing is case-sensitive and strict")
	_, err = touchpoint.ParseAudience("")
	assert.ErrorIs(t, err, touchpoint.ErrUnknownName)
	_, err = touchpoint.Speed(0).MarshalText()
	assert.ErrorIs(t, err, touchpoint.ErrUnknownName, "the zero value is unset")
	assert.Equal(t, "Audience(9)", touchpoint.Audience(9).String())
	assert.Equal(t, 1.0, touchpoint.Realtime.Urgency())
	assert.Equal(t, 0.0, touchpoint.Planned.Urgency())
}

func TestValidName(t *testing.T) {
	for s, want := range map[string]bool{
		"customer-support": true, "it": true, "a1-b2": true,
		"": false, "-a": false, "a-": false, "a--b": false, "Customer": false, "a_b": false, "a b": false,
	} {
		assert.Equal(t, want, touchpoint.ValidName(s), "%q", s)
	}
}

func valid() touchpoint.Touchpoint {
	return touchpoint.Touchpoint{
		ID: "investor-relations", Name: "Investor relations", Owner: touchpoint.Communications,
		Audience: touchpoint.External, Speed: touchpoint.SameDay, Risk: 5, Volume: 1, Expertise: 5,
	}
}

func TestCatalogAddReplaceRemove(t *testing.T) {
	var c touchpoint.Catalog // the zero value is usable
	tp := valid()
	tp.Partners = []touchpoint.Department{touchpoint.Legal}
	require.NoError(t, c.Add(tp))
	tp.Partners[0] = touchpoint.IT // must not reach the catalogue
	got, ok := c.Get("investor-relations")
	require.True(t, ok)
	assert.Equal(t, []touchpoint.Department{touchpoint.Legal}, got.Partners)

	assert.ErrorIs(t, c.Add(valid()), touchpoint.ErrDuplicate)

	r := valid()
	r.Risk = 4
	require.NoError(t, c.Replace(r))
	got, _ = c.Get("investor-relations")
	assert.Equal(t, touchpoint.Level(4), got.Risk)

	other := valid()
	other.ID = "nope"
	assert.ErrorIs(t, c.Replace(other), touchpoint.ErrUnknownTouchpoint)
	assert.ErrorIs(t, c.Remove("nope"), touchpoint.ErrUnknownTouchpoint)
	_, err := c.Lookup("nope")
	assert.ErrorIs(t, err, touchpoint.ErrUnknownTouchpoint)
	require.NoError(t, c.Remove("investor-relations"))
	assert.Equal(t, 0, c.Len())
}

func TestCatalogDepartments(t *testing.T) {
	var c touchpoint.Catalog
	tp := valid()
	tp.Owner = "investor-relations"
	err := c.Add(tp)
	assert.ErrorIs(t, err, touchpoint.ErrUnknownDepartment, "undeclared department")
	var fe *touchpoint.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "touchpoints[investor-relations].owner", fe.Path)

	require.NoError(t, c.AddDepartment("investor-relations"))
	require.NoError(t, c.Add(tp))
	assert.ErrorIs(t, c.AddDepartment("investor-relations"), touchpoint.ErrDuplicate)
	assert.ErrorIs(t, c.AddDepartment("marketing"), touchpoint.ErrDuplicate, "standard departments are always known")
	assert.ErrorIs(t, c.AddDepartment("Investor Relations"), touchpoint.ErrSyntax)
	assert.ErrorIs(t, c.RemoveDepartment("investor-relations"), touchpoint.ErrInUse)
	assert.ErrorIs(t, c.RemoveDepartment("marketing"), touchpoint.ErrUnknownDepartment)
	require.NoError(t, c.Remove("investor-relations"))
	require.NoError(t, c.RemoveDepartment("investor-relations"))
	assert.Len(t, c.Departments(), 10)
}

func TestAddReportsEveryProblem(t *testing.T) {
	var c touchpoint.Catalog
	err := c.Add(touchpoint.Touchpoint{ID: "Bad ID", Partners: []touchpoint.Department{"marketing", "marketing", "nowhere"}})
	require.Error(t, err)
	paths := map[string]error{}
	for _, e := range unjoin(err) {
		var fe *touchpoint.FieldError
		require.ErrorAs(t, e, &fe)
		paths[fe.Path] = fe.Err
	}
	want := map[string]error{
		"touchpoints[Bad ID].id":          touchpoint.ErrSyntax,
		"touchpoints[Bad ID].name":        touchpoint.ErrMissing,
		"touchpoints[Bad ID].owner":       touchpoint.ErrMissing,
		"touchpoints[Bad ID].partners[1]": touchpoint.ErrDuplicate,
		"touchpoints[Bad ID].partners[2]": touchpoint.ErrUnknownDepartment,
		"touchpoints[Bad ID].audience":    touchpoint.ErrMissing,
		"touchpoints[Bad ID].speed":       touchpoint.ErrMissing,
		"touchpoints[Bad ID].risk":        touchpoint.ErrRange,
		"touchpoints[Bad ID].volume":      touchpoint.ErrRange,
		"touchpoints[Bad ID].expertise":   touchpoint.ErrRange,
	}
	if d := cmp.Diff(want, paths, cmp.Comparer(func(a, b error) bool { return a == b })); d != "" {
		t.Errorf("field errors (-want +got):\n%s", d)
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestReadCatalogRoundTrip(t *testing.T) {
	c := touchpoint.DefaultCatalog()
	require.NoError(t, c.AddDepartment("drug-safety"))
	tp := valid()
	tp.ID = "adverse-events"
	tp.Owner = "drug-safety"
	require.NoError(t, c.Add(tp))

	j, err := json.Marshal(c)
	require.NoError(t, err)
	fromJSON, err := touchpoint.ReadCatalog(bytes.NewReader(j))
	require.NoError(t, err)
	y, err := yaml.Marshal(c)
	require.NoError(t, err)
	fromYAML, err := touchpoint.ReadCatalog(bytes.NewReader(y))
	require.NoError(t, err)
	for name, got := range map[string]*touchpoint.Catalog{"json": fromJSON, "yaml": fromYAML} {
		if d := cmp.Diff(c.All(), got.All()); d != "" {
			t.Errorf("%s round trip (-want +got):\n%s", name, d)
		}
		assert.Equal(t, c.Departments(), got.Departments(), name)
	}
}

func TestReadCatalogIsStrict(t *testing.T) {
	const good = `touchpoints:
  - {id: x, name: X, owner: marketing, audience: external, speed: planned, risk: 1, volume: 1, expertise: 1}
`
	_, err := touchpoint.ReadCatalog(strings.NewReader(good))
	require.NoError(t, err)

	cases := []struct {
		name, doc string
		want      error
	}{
		{"unknown yaml field", strings.Replace(good, "risk: 1", "risk: 1, colour: red", 1), touchpoint.ErrSyntax},
		{"unknown json field", `{"touchpoints": [], "extra": 1}`, touchpoint.ErrSyntax},
		{"trailing json", `{"touchpoints": []} {}`, touchpoint.ErrSyntax},
		{"two yaml documents", good + "---\n" + good, touchpoint.ErrSyntax},
		{"unknown speed", strings.Replace(good, "planned", "weekly", 1), touchpoint.ErrUnknownName},
		{"unknown department", strings.Replace(good, "marketing", "growth", 1), touchpoint.ErrUnknownDepartment},
		{"duplicate id", good + strings.TrimPrefix(good, "touchpoints:\n"), touchpoint.ErrDuplicate},
		{"empty", "", touchpoint.ErrMissing},
		{"bad declared department", "departments: [Drug Safety]\ntouchpoints: []\n", touchpoint.ErrSyntax},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := touchpoint.ReadCatalog(strings.NewReader(tc.doc))
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

func TestReadCatalogCollectsErrors(t *testing.T) {
	doc := `{"touchpoints": [
	  {"id": "a", "name": "A", "owner": "nowhere", "audience": "external", "speed": "planned", "risk": 1, "volume": 1, "expertise": 1},
	  {"id": "b", "name": "B", "owner": "marketing", "audience": "external", "speed": "planned", "risk": 6, "volume": 1, "expertise": 1}
	]}`
	_, err := touchpoint.ReadCatalog(strings.NewReader(doc))
	assert.ErrorIs(t, err, touchpoint.ErrUnknownDepartment)
	assert.ErrorIs(t, err, touchpoint.ErrRange)
	assert.Len(t, unjoin(err), 2)
	var fe *touchpoint.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "touchpoints[0].owner", fe.Path)
	assert.Contains(t, fe.Error(), `"nowhere"`)
	assert.True(t, errors.Is(fe, touchpoint.ErrUnknownDepartment))
}

func TestDepartmentLabel(t *testing.T) {
	t.Parallel()
	for d, want := range map[touchpoint.Department]string{
		touchpoint.CustomerService: "Customer service", touchpoint.PR: "PR", touchpoint.Executive: "Executive", "social-care": "Social care", "": "—",
	} {
		if got := d.Label(); got != want {
			t.Errorf("%q.Label() = %q, want %q", d, got, want)
		}
	}
}
