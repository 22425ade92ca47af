package placement

import (
	"bytes"
	_ "embed" // for the sector and reasons data
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socialseat/socialseat/touchpoint"
)

// Sector is the profile's sector as far as it changes duties on public
// social media: which regulatory references apply and which departments
// take part (drug safety in pharma, records management in the public
// sector). The zero value means "not stated" and, like [SectorOther],
// adds no sector duties.
type Sector int

// Sectors with duties of their own.
const (
	SectorFinancial    Sector = iota + 1 // banks, brokers, insurers: supervision and archiving of communications
	SectorPharma                         // pharmaceutical companies: adverse-event reporting, promotional review
	SectorPublicSector                   // government and public bodies: public records
	SectorHealth                         // hospitals and care providers: patient privacy
	SectorOther                          // any other sector: general duties only
)

var sectorNames = []string{"", "financial", "pharma", "public-sector", "health", "other"}

// Sectors returns every stated sector in order.
func Sectors() []Sector {
	return []Sector{SectorFinancial, SectorPharma, SectorPublicSector, SectorHealth, SectorOther}
}

// String returns the stable token ("financial", "pharma",
// "public-sector", "health", "other"), or "" for the zero value.
func (s Sector) String() string {
	if s == 0 {
		return ""
	}
	return enumString("Sector", sectorNames, int(s))
}

// MarshalText implements encoding.TextMarshaler. The zero value marshals
// as the empty string.
func (s Sector) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	return enumMarshal("sector", sectorNames, int(s))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSector];
// the empty string gives the zero value.
func (s *Sector) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseSector(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSector parses a token as returned by String; an unknown token
// gives an error wrapping [ErrUnknownName] that lists the valid tokens.
func ParseSector(s string) (Sector, error) {
	v, err := enumParse("sector", sectorNames, s)
	return Sector(v), err
}

func (s Sector) valid() bool { return s >= 0 && s <= SectorOther }

// Reference is a published work a recommendation cites for the profile's
// sector, with a link where the work has one.
type Reference struct {
	// ID is the work's short key ("finra-10-06"), by which the sector
	// data cites it; never empty.
	ID string `json:"id" yaml:"id"`
	// Cite is the citation as a reader sees it, for example "FINRA 2010,
	// Regulatory Notice 10-06: social media web sites"; roadmap texts cite
	// the work by this text. Never empty.
	Cite string `json:"cite" yaml:"cite"`
	// URL links to the work; "" when it has no link.
	URL string `json:"url,omitempty" yaml:"url,omitempty"`
}

//go:embed sectors.yaml
var sectorsYAML []byte

//go:embed reasons.yaml
var reasonsYAML []byte

type sectorStep struct {
	WhenActive []touchpoint.ID `yaml:"when_active"`
	Step       string          `yaml:"step"`
	Why        string          `yaml:"why"`
	References []string        `yaml:"references"`
}

type sectorRole struct {
	Department  touchpoint.Department `yaml:"department"`
	As          string                `yaml:"as"`
	Touchpoints []string              `yaml:"touchpoints"`
	Why         string                `yaml:"why"`
	References  []string              `yaml:"references"`
}

type ownerRule struct {
	Touchpoint touchpoint.ID `yaml:"touchpoint"`
	Why        string        `yaml:"why"`
	References []string      `yaml:"references"`
}

type sectorEntry struct {
	ID            string       `yaml:"id"`
	RegulatedStep *sectorStep  `yaml:"regulated_step"`
	Steps         []sectorStep `yaml:"steps"`
	Roles         []sectorRole `yaml:"roles"`
}

type sectorsFile struct {
	References []Reference `yaml:"references"`
	General    struct {
		RegulatedStep    sectorStep  `yaml:"regulated_step"`
		OwnerResponsible []ownerRule `yaml:"owner_responsible"`
	} `yaml:"general"`
	Sectors []sectorEntry `yaml:"sectors"`
}

type threshold struct {
	ID     string  `yaml:"id"`
	Value  float64 `yaml:"value"`
	Text   string  `yaml:"text"`
	Source string  `yaml:"source"`
}

type reasonsFile struct {
	Thresholds []threshold       `yaml:"thresholds"`
	Traits     map[string]string `yaml:"traits"`
}

// traitKey names a structural trait: dimension ("model", "role",
// "sourcing", "home"), its value's token, and the criterion.
type traitKey struct {
	dim, value string
	crit       Criterion
}

// narrative is the client wording and sector data, decoded once from
// the embedded files. It is read-only after init.
type narrative struct {
	refs    map[string]Reference
	general sectorEntry
	owners  []ownerRule
	sectors [SectorOther + 1]sectorEntry
	traits  map[traitKey]string

	dedicatedOwner, hubNeeded                      int
	spreadUnits, spreadCountries                   int
	regulated, heavilyRegulated, signoffBottleneck int
	formalMaturity, formalStaff                    int
}

var narr = mustNarrative()

func mustNarrative() *narrative {
	n, err := loadNarrative(sectorsYAML, reasonsYAML)
	if err != nil {
		panic(err) // the embedded files are tested; this cannot happen in a release
	}
	return n
}

func strictYAML(data []byte, v any) error {
	d := yaml.NewDecoder(bytes.NewReader(data))
	d.KnownFields(true)
	return d.Decode(v)
}

func loadNarrative(sectors, reasons []byte) (*narrative, error) {
	var sf sectorsFile
	if err := strictYAML(sectors, &sf); err != nil {
		return nil, fmt.Errorf("placement: sectors.yaml: %w", err)
	}
	var rf reasonsFile
	if err := strictYAML(reasons, &rf); err != nil {
		return nil, fmt.Errorf("placement: reasons.yaml: %w", err)
	}
	n := &narrative{refs: map[string]Reference{}, traits: make(map[traitKey]string, len(rf.Traits)), owners: sf.General.OwnerResponsible}
	for id, w := range rf.Traits {
		parts := strings.Split(id, ".")
		if len(parts) != 3 {
			return nil, fmt.Errorf("placement: reasons.yaml: trait %q is not dimension.value.criterion", id)
		}
		c, err := ParseCriterion(parts[2])
		if err != nil {
			return nil, fmt.Errorf("placement: reasons.yaml: trait %q: %w", id, err)
		}
		n.traits[traitKey{parts[0], parts[1], c}] = w
	}
	n.general.RegulatedStep = &sf.General.RegulatedStep
	for _, r := range sf.References {
		if r.ID == "" || r.Cite == "" {
			return nil, fmt.Errorf("placement: sectors.yaml: reference %q without id or cite", r.ID)
		}
		n.refs[r.ID] = r
	}
	checkRefs := func(where string, ids []string) error {
		if len(ids) == 0 {
			return fmt.Errorf("placement: sectors.yaml: %s has no reference", where)
		}
		for _, id := range ids {
			if _, ok := n.refs[id]; !ok {
				return fmt.Errorf("placement: sectors.yaml: %s cites unknown reference %q", where, id)
			}
		}
		return nil
	}
	if err := checkRefs("general.regulated_step", n.general.RegulatedStep.References); err != nil {
		return nil, err
	}
	for _, o := range n.owners {
		if err := checkRefs("general.owner_responsible."+string(o.Touchpoint), o.References); err != nil {
			return nil, err
		}
	}
	for _, e := range sf.Sectors {
		s, err := ParseSector(e.ID)
		if err != nil {
			return nil, fmt.Errorf("placement: sectors.yaml: %w", err)
		}
		if e.RegulatedStep != nil {
			if err := checkRefs(e.ID+".regulated_step", e.RegulatedStep.References); err != nil {
				return nil, err
			}
		}
		for _, st := range e.Steps {
			if err := checkRefs(e.ID+".steps", st.References); err != nil {
				return nil, err
			}
		}
		for _, r := range e.Roles {
			if err := checkRefs(e.ID+".roles", r.References); err != nil {
				return nil, err
			}
			if !slices.Contains([]string{"consulted", "informed", "accountable"}, r.As) {
				return nil, fmt.Errorf("placement: sectors.yaml: %s role %q: as %q", e.ID, r.Department, r.As)
			}
		}
		n.sectors[s] = e
	}
	th := map[string]*int{
		"dedicated-owner": &n.dedicatedOwner, "hub-needed": &n.hubNeeded,
		"spread-units": &n.spreadUnits, "spread-countries": &n.spreadCountries,
		"regulated": &n.regulated, "heavily-regulated": &n.heavilyRegulated,
		"signoff-bottleneck": &n.signoffBottleneck,
		"formal-maturity":    &n.formalMaturity, "formal-staff": &n.formalStaff,
	}
	for _, t := range rf.Thresholds {
		p, ok := th[t.ID]
		if !ok || t.Source == "" || t.Value <= 0 {
			return nil, fmt.Errorf("placement: reasons.yaml: threshold %q unknown, unsourced or not positive", t.ID)
		}
		*p = int(t.Value)
		delete(th, t.ID)
	}
	for id := range th {
		return nil, fmt.Errorf("placement: reasons.yaml: threshold %q missing", id)
	}
	return n, nil
}

// entry returns the sector's data (the zero entry for an unstated sector).
func (n *narrative) entry(s Sector) *sectorEntry {
	if !s.valid() {
		return &sectorEntry{}
	}
	return &n.sectors[s]
}

// regulatedStep is the approval step for a heavily regulated profile.
func (n *narrative) regulatedStep(s Sector) *sectorStep {
	if e := n.entry(s); e.RegulatedStep != nil {
		return e.RegulatedStep
	}
	return n.general.RegulatedStep
}

// ownerResponsible reports whether t's natural owner stays Responsible
// whatever the structure, and the rule that says so.
func (n *narrative) ownerResponsible(id touchpoint.ID) (ownerRule, bool) {
	for _, o := range n.owners {
		if o.Touchpoint == id {
			return o, true
		}
	}
	return ownerRule{}, false
}

// ownerKeeps reports whether t's natural owner does t's work whatever the
// structure (see ownerResponsible).
func (n *narrative) ownerKeeps(id touchpoint.ID) bool {
	_, ok := n.ownerResponsible(id)
	return ok
}

// SectorReferences returns the works a recommendation may cite for sector
// s — the general ones first, then the sector's own — each once, with its
// link where it has one. An unstated sector gets the general ones.
func SectorReferences(s Sector) []Reference {
	var ids []string
	addIDs := func(x []string) {
		for _, id := range x {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	addIDs(narr.general.RegulatedStep.References)
	for _, o := range narr.owners {
		addIDs(o.References)
	}
	e := narr.entry(s)
	if e.RegulatedStep != nil {
		addIDs(e.RegulatedStep.References)
	}
	for _, st := range e.Steps {
		addIDs(st.References)
	}
	for _, r := range e.Roles {
		addIDs(r.References)
	}
	out := make([]Reference, len(ids))
	for i, id := range ids {
		out[i] = narr.refs[id]
	}
	return out
}
