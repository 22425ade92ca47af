package touchpoint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/internal/textenum"
	"github.com/socialseat/socialseat/invalid"
)

// ID identifies a touchpoint. It is an open set: the default catalogue
// defines the IDs in the package documentation, and callers may add their
// own. An ID is kebab-case: lower-case letters and digits in words joined by
// single hyphens ("customer-support").
type ID string

// The touchpoint IDs of the default catalogue.
const (
	MarketingChannel       ID = "marketing-channel"
	EmployeePolicy         ID = "employee-policy"
	EmployerBranding       ID = "employer-branding"
	CSRAwareness           ID = "csr-awareness"
	CustomerSupport        ID = "customer-support"
	SocialCRM              ID = "social-crm"
	PublicRelations        ID = "public-relations"
	PublicAffairs          ID = "public-affairs"
	CorporateCommunication ID = "corporate-communication"
	InternalCommunication  ID = "internal-communication"
	CrisisResponse         ID = "crisis-response"
	SocialListening        ID = "social-listening"
)

// Department is a unit of the organisation that can own, do, approve or
// hear about social media work. It is an open set: the standard departments
// below are always known, and a [Catalog] may declare more. A Department is
// kebab-case, like an [ID].
type Department string

// The standard departments.
const (
	Communications  Department = "communications"   // corporate communications
	Marketing       Department = "marketing"        // marketing, brand, digital marketing
	PR              Department = "pr"               // press, media and influencer relations
	CustomerService Department = "customer-service" // customer service, contact centre
	HR              Department = "hr"               // human resources, talent
	Sales           Department = "sales"            // sales, account management
	CSR             Department = "csr"              // corporate social responsibility, sustainability
	Executive       Department = "executive"        // the executive team, or a unit of its own high in the hierarchy
	IT              Department = "it"               // information technology
	Legal           Department = "legal"            // legal and compliance
)

// StandardDepartments returns the standard departments in their canonical
// order (a fresh slice).
func StandardDepartments() []Department {
	return []Department{Communications, Marketing, PR, CustomerService, HR, Sales, CSR, Executive, IT, Legal}
}

// Label is a reader's name for the department: "Customer service" for
// customer-service, "PR", "HR", "CSR", "IT" for the acronyms, "Executive";
// a custom department's ID with hyphens as spaces and a capital first
// letter; "—" for the empty department.
func (d Department) Label() string {
	switch d {
	case Communications:
		return "Communications"
	case Marketing:
		return "Marketing"
	case PR:
		return "PR"
	case CustomerService:
		return "Customer service"
	case HR:
		return "HR"
	case Sales:
		return "Sales"
	case CSR:
		return "CSR"
	case Executive:
		return "Executive"
	case IT:
		return "IT"
	case Legal:
		return "Legal"
	case "":
		return "—"
	}
	s := strings.ReplaceAll(string(d), "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// IsStandard reports whether d is one of the standard departments.
func (d Department) IsStandard() bool {
	switch d {
	case Communications, Marketing, PR, CustomerService, HR, Sales, CSR, Executive, IT, Legal:
		return true
	}
	return false
}

// ValidName reports whether s is a kebab-case identifier: one or more words
// of lower-case ASCII letters and digits joined by single hyphens. IDs and
// departments must be valid names.
func ValidName(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if prev == '-' {
				return false
			}
		default:
			return false
		}
		prev = c
	}
	return true
}

// Audience says whom a touchpoint addresses. The zero value is unset and is
// rejected by validation.
type Audience int

// Audiences.
const (
	External Audience = iota + 1 // customers, media, the public
	Internal                     // employees
	Both                         // both, for example crisis response
)

var audienceNames = []string{"", "external", "internal", "both"}

// String returns the stable token ("external", "internal", "both"), or
// "Audience(n)" for a value outside the set.
func (a Audience) String() string { return enumString("Audience", audienceNames, int(a)) }

// MarshalText implements encoding.TextMarshaler. It fails for values outside
// the set, including the zero value.
func (a Audience) MarshalText() ([]byte, error) {
	return enumMarshal("audience", audienceNames, int(a))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseAudience].
func (a *Audience) UnmarshalText(b []byte) error {
	v, err := ParseAudience(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAudience parses a token as returned by String. An unknown token gives
// an error wrapping [ErrUnknownName].
func ParseAudience(s string) (Audience, error) {
	v, err := enumParse("audience", audienceNames, s)
	return Audience(v), err
}

// Speed is the response time a touchpoint needs. The zero value is unset and
// is rejected by validation. Smaller values are faster.
type Speed int

// Speeds, from the fastest expected response to the slowest.
const (
	Realtime Speed = iota + 1 // within the hour (customer care, crisis)
	SameDay                   // within the working day
	Days                      // within a few days
	Planned                   // on a plan or calendar (campaigns, reports)
)

var speedNames = []string{"", "realtime", "same-day", "days", "planned"}

// String returns the stable token ("realtime", "same-day", "days",
// "planned"), or "Speed(n)" for a value outside the set.
func (s Speed) String() string { return enumString("Speed", speedNames, int(s)) }

// MarshalText implements encoding.TextMarshaler. It fails for values outside
// the set, including the zero value.
func (s Speed) MarshalText() ([]byte, error) { return enumMarshal("speed", speedNames, int(s)) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSpeed].
func (s *Speed) UnmarshalText(b []byte) error {
	v, err := ParseSpeed(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSpeed parses a token as returned by String. An unknown token gives an
// error wrapping [ErrUnknownName].
func ParseSpeed(s string) (Speed, error) {
	v, err := enumParse("speed", speedNames, s)
	return Speed(v), err
}

// Urgency returns how much a touchpoint's speed presses on whoever handles
// it, on [0, 1]: 1 for realtime, 0.5 for same-day, 0.25 for days and 0 for
// planned work (and for values outside the set).
func (s Speed) Urgency() float64 {
	switch s {
	case Realtime:
		return 1
	case SameDay:
		return 0.5
	case Days:
		return 0.25
	}
	return 0
}

// Level is a position on a 1–5 scale (1 = very low, 5 = very high), used for
// risk, volume and expertise. The zero value is unset and is rejected by
// validation.
type Level int

// Valid reports whether l is in [1, 5].
func (l Level) Valid() bool { return l >= 1 && l <= 5 }

// Touchpoint is a place where social media meets the organisation, with the
// attributes that matter for deciding where social media should sit. The
// scales are described on each field; Source names the evidence for the
// attributes.
type Touchpoint struct {
	// ID is the stable kebab-case identifier used in files and the CLI.
	ID ID `json:"id" yaml:"id"`
	// Name is a short human name ("Customer support").
	Name string `json:"name" yaml:"name"`
	// Description says what the work is.
	Description string `json:"description" yaml:"description"`
	// Owner is the department that naturally owns and does the work.
	Owner Department `json:"owner" yaml:"owner"`
	// Partners are departments usually consulted on the work, in order of
	// importance. It may be empty.
	Partners []Department `json:"partners,omitempty" yaml:"partners,omitempty"`
	// Audience is whom the work addresses.
	Audience Audience `json:"audience" yaml:"audience"`
	// Speed is the response time the work needs.
	Speed Speed `json:"speed" yaml:"speed"`
	// Risk is the approval sensitivity and legal or regulatory exposure,
	// 1–5. Work at 4 or 5 needs a defined approval path.
	Risk Level `json:"risk" yaml:"risk"`
	// Volume is the typical number of interactions relative to the rest of
	// the organisation's social work, 1–5.
	Volume Level `json:"volume" yaml:"volume"`
	// Expertise is how specialised the skill is that cannot easily be taught
	// to others, 1–5.
	Expertise Level `json:"expertise" yaml:"expertise"`
	// Skill names the specialist expertise ("crisis communication").
	Skill string `json:"skill" yaml:"skill"`
	// Shared marks work that serves every department and is best run by the
	// central team where one exists (social listening, for example).
	Shared bool `json:"shared,omitempty" yaml:"shared,omitempty"`
	// Source cites the evidence for the attributes (author, year).
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Clone returns a deep copy of t.
func (t Touchpoint) Clone() Touchpoint {
	t.Partners = slices.Clone(t.Partners)
	return t
}

// validate checks t's own fields; known reports whether a department is
// known. Errors are *FieldError with paths under prefix.
func (t Touchpoint) validate(prefix string, known func(Department) bool) error {
	var errs []error
	add := func(field, value string, err error) {
		errs = append(errs, fieldErr(prefix+"."+field, value, err))
	}
	switch {
	case t.ID == "":
		add("id", "", ErrMissing)
	case !ValidName(string(t.ID)):
		add("id", string(t.ID), ErrSyntax)
	}
	if strings.TrimSpace(t.Name) == "" {
		add("name", "", ErrMissing)
	}
	switch {
	case t.Owner == "":
		add("owner", "", ErrMissing)
	case !known(t.Owner):
		add("owner", string(t.Owner), ErrUnknownDepartment)
	}
	for i, p := range t.Partners {
		field := fmt.Sprintf("partners[%d]", i)
		switch {
		case !known(p):
			add(field, string(p), ErrUnknownDepartment)
		case p == t.Owner || slices.Index(t.Partners, p) < i:
			add(field, string(p), ErrDuplicate)
		}
	}
	if t.Audience < External || t.Audience > Both {
		add("audience", "", ErrMissing)
	}
	if t.Speed < Realtime || t.Speed > Planned {
		add("speed", "", ErrMissing)
	}
	for _, l := range []struct {
		name string
		v    Level
	}{{"risk", t.Risk}, {"volume", t.Volume}, {"expertise", t.Expertise}} {
		if !l.v.Valid() {
			add(l.name, fmt.Sprint(int(l.v)), ErrRange)
		}
	}
	return invalid.Join(errs)
}

func enumString(typ string, names []string, v int) string {
	return textenum.String(typ, names, v)
}

func enumMarshal(what string, names []string, v int) ([]byte, error) {
	return textenum.Marshal(what, names, v)
}

func enumParse(what string, names []string, s string) (int, error) {
	return textenum.Parse(what, names, s)
}
