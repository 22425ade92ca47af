package placement

// FieldKind says how a profile field is written in a file and entered in a
// form. The zero value is unset.
type FieldKind int

// Field kinds.
const (
	FieldText      FieldKind = iota + 1 // free text
	FieldInteger                        // a whole number
	FieldNumber                         // a decimal number
	FieldScale                          // a whole number on the 1–5 scale
	FieldEnum                           // one of the field's Options
	FieldMap                            // a map from names to numbers (touchpoints, weights)
	FieldStructure                      // a structure: home, model, role and sourcing
)

var fieldKindNames = []string{"", "text", "integer", "number", "scale", "enum", "map", "structure"}

// String returns the stable token ("text", "integer", "number", "scale",
// "enum", "map", "structure").
func (k FieldKind) String() string { return enumString("FieldKind", fieldKindNames, int(k)) }

// MarshalText implements encoding.TextMarshaler; it fails for the zero
// value and values outside the set.
func (k FieldKind) MarshalText() ([]byte, error) {
	return enumMarshal("field kind", fieldKindNames, int(k))
}

// Field describes one field of a profile file, for a program that builds
// a form or a questionnaire from it (see [ProfileFields]).
type Field struct {
	// Key is the field's name in YAML and JSON files, with a dot for a
	// nested field ("business_units", "governance.policy"); it is also
	// the path of a [*FieldError] about the field.
	Key string
	// Label is a short name for a form ("Business units").
	Label string
	// Help is one or a few plain sentences for the client.
	Help string
	// Kind says how the value is written.
	Kind FieldKind
	// Options lists the accepted tokens of an enum field, in order; nil
	// for the other kinds. Leaving the field out is always accepted.
	Options []string
	// Min and Max bound the value (for a map, each value) when HasMin and
	// HasMax are true. For a field with a default, 0 also stands for
	// "not stated" even where Min is above 0.
	Min, Max       float64
	HasMin, HasMax bool
	// Default is the value assumed when the field is left out, written
	// as in a file ("3", "open"); "" when there is none.
	Default string
	// Required reports whether a profile must state the field.
	Required bool
}

// ProfileFields returns the fields of a profile file in file order: the
// fields of [Profile], with [Governance]'s fields as "governance.<name>".
// The slice and its Options are new on each call; the caller may change
// them.
func ProfileFields() []Field {
	scale := func(key, label, help, def string) Field {
		return Field{Key: key, Label: label, Help: help, Kind: FieldScale, Min: 1, Max: 5, HasMin: true, HasMax: true, Default: def}
	}
	integer := func(key, label, help string, lo, hi int, def string) Field {
		return Field{Key: key, Label: label, Help: help, Kind: FieldInteger, Min: float64(lo), Max: float64(hi), HasMin: true, HasMax: true, Default: def}
	}
	fs := []Field{
		{Key: "name", Label: "Organisation", Kind: FieldText,
			Help: "Identifies the organisation in reports; reports show a dash without one."},
		integer("employees", "Employees", "The head count. Required, at least 1.", 1, 10_000_000, ""),
		integer("business_units", "Business units", "The number of business units, brands or divisions with their own P&L. Default 1.", 1, 100_000, "1"),
		integer("countries", "Countries", "The number of countries with a local presence. Default 1.", 1, 250, "1"),
		integer("founded", "Founded (year)", "The year of founding; 0 means unknown, which gives no digital-native effect.", 1000, 2200, ""),
		scale("social_priority", "Social media priority", "How central social media is to the objectives, 1–5. Default 3.", "3"),
		{Key: "social_staff", Label: "Social media staff (FTE)", Kind: FieldNumber, HasMin: true, Default: "0",
			Help: "The full-time equivalent staff working on social media today; it may be fractional, and at most the number of employees. Default 0 (nobody)."},
		scale("budget_level", "Budget level", "The budget available for social media relative to peers, 1–5. Default 3.", "3"),
		integer("sign_off_layers", "Sign-off layers", "The number of approvals a routine post needs today. Default 0 (none).", 0, 20, "0"),
		scale("silos", "Silos", "How separated departments are, 1–5. Default 3.", "3"),
		scale("department_harmony", "Department harmony", "How well marketing, PR/communications and customer service work together, 1–5. Default 3.", "3"),
		scale("regulation", "Regulation", "The sector's regulatory exposure on public communication, 1–5 (5: banking, pharma). Default 1 (general law only).", "1"),
		scale("maturity", "Maturity", "Social media maturity, 1–5, read as Forrester's dormant, testing, coordinating, scaling, empowering. Default 3.", "3"),
		scale("executive_sponsorship", "Executive sponsorship", "The support of top management, 1–5. Default 3.", "3"),
		{Key: "agency", Label: "Agency", Kind: FieldEnum, Options: agencyNames[1:], Default: "open",
			Help: "The stance on outside agencies. Default open."},
		{Key: "sector", Label: "Sector", Kind: FieldEnum, Options: sectorNames[1:],
			Help: "Selects the sector's regulatory references and the departments they bring in (drug safety in pharma, records management in the public sector). Optional: leaving it empty, like \"other\", adds no sector duties."},
		{Key: "touchpoints", Label: "Touchpoints", Kind: FieldMap, Min: 0, Max: 5, HasMin: true, HasMax: true,
			Help: "The activity on each touchpoint, 0–5 (0 = not active, 1 = occasional, 5 = a core, high-volume activity). Left empty, it means the default mix: every touchpoint of the catalogue, active at its typical volume, listed among the assumptions. If you give any, at least one must be above 0."},
		{Key: "current", Label: "Today's structure", Kind: FieldStructure,
			Help: "Today's structure, if any. Empty means no formal structure: change effort is then measured from an organic, in-house start."},
		{Key: "weights", Label: "Weights", Kind: FieldMap, Min: 0, HasMin: true,
			Help: "Your own weight for each criterion, in place of the weights derived from the organisation. Criteria left out get weight 0; weights must not be negative nor all zero, and are scaled to sum to 1."},
	}
	for _, g := range []struct{ key, label, help string }{
		{"policy", "Social media policy", "A written social media policy for employees exists."},
		{"policy_known", "Policy known by staff", "Staff know the policy well."},
		{"crisis_plan", "Crisis plan", "A crisis and escalation plan with severity levels and named approvers exists."},
		{"account_inventory", "Account inventory", "An up-to-date inventory of every social account, its owner and its access exists."},
		{"archiving", "Archiving", "Social content is archived as the regulator requires (asked of regulated organisations only)."},
		{"training", "Training", "The departments that use social media are trained."},
		{"measurement", "Measurement", "Social media is measured against business metrics."},
		{"executive_sponsor", "Executive sponsor", "A named executive sponsors social media."},
	} {
		fs = append(fs, Field{Key: "governance." + g.key, Label: g.label, Help: g.help, Kind: FieldEnum, Options: answerNames, Default: "unknown"})
	}
	for i := range fs {
		fs[i].Required = fs[i].Key == "employees"
		fs[i].Options = append([]string(nil), fs[i].Options...)
	}
	return fs
}

var criterionDescriptions = []string{"",
	"speed from event to public response; few hand-offs",
	"one voice and brand experience; brand control",
	"every active touchpoint has an owner with capacity and skill",
	"depth of social craft and domain knowledge where the work is done",
	"resource burden relative to the organisation's means (lower is better)",
	"governance, approval paths, archiving, crisis readiness",
	"human, close-to-customer voice",
	"ability to absorb more units, markets and volume",
	"strategic weight; a seat where decisions are made",
	"effort to move from the current structure (lower is better)",
}

// Description returns what the criterion measures, in a phrase for the
// client ("speed from event to public response; few hand-offs"), or ""
// for a value outside the set.
func (c Criterion) Description() string {
	if c.valid() {
		return criterionDescriptions[c]
	}
	return ""
}
