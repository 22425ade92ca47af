package touchpoint

import (
	"bytes"
	_ "embed" // for the default catalogue
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/invalid"
)

//go:embed catalog.yaml
var defaultCatalogYAML []byte

// Catalog is an ordered set of touchpoints and of the non-standard
// departments they may refer to. The standard departments
// ([StandardDepartments]) are always known.
//
// The zero value is an empty catalogue ready for [Catalog.Add]. A Catalog
// is not safe for concurrent mutation; concurrent reads are safe. Every
// method that returns touchpoints returns copies, and every method that
// takes one copies it, so a caller can never change a catalogue by
// accident.
type Catalog struct {
	departments []Department // declared, non-standard
	touchpoints []Touchpoint
}

// catalogFile is the file format of a catalogue.
type catalogFile struct {
	Departments []Department `json:"departments,omitempty" yaml:"departments,omitempty"`
	Touchpoints []Touchpoint `json:"touchpoints" yaml:"touchpoints"`
}

// DefaultCatalog returns a fresh copy of the default catalogue: the twelve
// touchpoints of the socialseat catalogue with their attributes and
// sources. Changing
// the returned catalogue changes nothing else.
func DefaultCatalog() *Catalog {
	c, err := ReadCatalog(bytes.NewReader(defaultCatalogYAML))
	if err != nil {
		// The embedded file is tested; this cannot happen in a release.
		panic("touchpoint: embedded catalogue is invalid: " + err.Error())
	}
	return c
}

// ReadCatalog reads a catalogue from YAML or JSON. A document whose first
// non-blank character is '{' is read as JSON, anything else as YAML. The
// format is
//
//	departments: [drug-safety]       # optional: departments beyond the standard ones
//	touchpoints:
//	  - id: customer-support
//	    name: Customer support
//	    owner: customer-service
//	    partners: [pr]
//	    audience: external           # external | internal | both
//	    speed: realtime              # realtime | same-day | days | planned
//	    risk: 3                      # 1–5
//	    volume: 5                    # 1–5
//	    expertise: 3                 # 1–5
//	    skill: product and policy knowledge
//
// Decoding is strict and the same for JSON and YAML: keys must match the
// field names exactly and appear once; unknown fields, null for a level or
// a name (a YAML ~ or an empty value), values of the wrong type, anything
// after the document, explicit YAML tags (!!binary, !custom), anchors and
// aliases, and invalid UTF-8 are errors wrapping [ErrSyntax] that name the
// path (touchpoints[2].risk) and, when known, the line. A UTF-8 byte order
// mark at the start is ignored. Unknown enumeration tokens and references
// to unknown departments are errors too. Validation problems are
// collected and returned together with [errors.Join]; each is a
// [*FieldError] wrapping a sentinel such as [ErrUnknownDepartment].
func ReadCatalog(r io.Reader) (*Catalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("touchpoint: reading catalogue: %w", err)
	}
	var f catalogFile
	if err := decodeStrict(data, &f); err != nil {
		return nil, err
	}
	c := &Catalog{}
	var errs []error
	for i, d := range f.Departments {
		if err := c.AddDepartment(d); err != nil {
			errs = append(errs, relabel(err, fmt.Sprintf("departments[%d]", i)))
		}
	}
	for i, t := range f.Touchpoints {
		if err := c.add(t, fmt.Sprintf("touchpoints[%d]", i)); err != nil {
			errs = append(errs, err)
		}
	}
	if err := invalid.Join(errs); err != nil {
		return nil, err
	}
	return c, nil
}

// decodeStrict decodes JSON or YAML into v by the rules of
// internal/strictdec (documented on [ReadCatalog]). Errors wrap the
// *strictdec.Error that locates the problem, and ErrSyntax (or ErrMissing
// for an empty document) unless they already wrap a package sentinel (an
// unknown enumeration token).
func decodeStrict(data []byte, v any) error {
	err := strictdec.Decode(data, v)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, strictdec.ErrEmpty):
		return fmt.Errorf("%w: %w", ErrMissing, err)
	case errors.Is(err, ErrUnknownName):
		return err
	}
	return fmt.Errorf("%w: %w", ErrSyntax, err)
}

// relabel rewrites the path of a *FieldError.
func relabel(err error, path string) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return invalid.At(path, fe.Value, fe.Err)
	}
	return err
}

// MarshalJSON writes the catalogue in the file format read by
// [ReadCatalog].
func (c *Catalog) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.file())
}

// MarshalYAML writes the catalogue in the file format read by
// [ReadCatalog] (it implements yaml.Marshaler).
func (c *Catalog) MarshalYAML() (any, error) {
	return c.file(), nil
}

func (c *Catalog) file() catalogFile {
	return catalogFile{Departments: slices.Clone(c.departments), Touchpoints: c.All()}
}

// Len returns the number of touchpoints.
func (c *Catalog) Len() int { return len(c.touchpoints) }

// All returns copies of the touchpoints in catalogue order.
func (c *Catalog) All() []Touchpoint {
	out := make([]Touchpoint, len(c.touchpoints))
	for i, t := range c.touchpoints {
		out[i] = t.Clone()
	}
	return out
}

// IDs returns the touchpoint IDs in catalogue order.
func (c *Catalog) IDs() []ID {
	out := make([]ID, len(c.touchpoints))
	for i, t := range c.touchpoints {
		out[i] = t.ID
	}
	return out
}

// Index returns the position of the touchpoint with the given ID, or -1.
func (c *Catalog) Index(id ID) int {
	for i := range c.touchpoints {
		if c.touchpoints[i].ID == id {
			return i
		}
	}
	return -1
}

// Get returns a copy of the touchpoint with the given ID and whether it is
// present.
func (c *Catalog) Get(id ID) (Touchpoint, bool) {
	i := c.Index(id)
	if i < 0 {
		return Touchpoint{}, false
	}
	return c.touchpoints[i].Clone(), true
}

// Lookup is like [Catalog.Get] but returns an error wrapping
// [ErrUnknownTouchpoint] when the ID is absent.
func (c *Catalog) Lookup(id ID) (Touchpoint, error) {
	t, ok := c.Get(id)
	if !ok {
		return Touchpoint{}, fmt.Errorf("%w: %q", ErrUnknownTouchpoint, string(id))
	}
	return t, nil
}

// Add validates t and appends a copy. It fails with [ErrDuplicate] if the
// ID is present, with [ErrUnknownDepartment] if the owner or a partner is
// neither standard nor declared with [Catalog.AddDepartment], and with
// other [*FieldError] values for missing or out-of-range attributes.
func (c *Catalog) Add(t Touchpoint) error {
	return c.add(t, "touchpoints["+string(t.ID)+"]")
}

func (c *Catalog) add(t Touchpoint, path string) error {
	if err := t.validate(path, c.KnownDepartment); err != nil {
		return err
	}
	if c.Index(t.ID) >= 0 {
		return fieldErr(path+".id", string(t.ID), ErrDuplicate)
	}
	c.touchpoints = append(c.touchpoints, t.Clone())
	return nil
}

// Replace validates t and puts a copy in place of the touchpoint with the
// same ID, keeping its position. It fails with [ErrUnknownTouchpoint] if no
// touchpoint has that ID.
func (c *Catalog) Replace(t Touchpoint) error {
	path := "touchpoints[" + string(t.ID) + "]"
	i := c.Index(t.ID)
	if i < 0 {
		return fieldErr(path+".id", string(t.ID), ErrUnknownTouchpoint)
	}
	if err := t.validate(path, c.KnownDepartment); err != nil {
		return err
	}
	c.touchpoints[i] = t.Clone()
	return nil
}

// Remove deletes the touchpoint with the given ID. It fails with
// [ErrUnknownTouchpoint] if there is none.
func (c *Catalog) Remove(id ID) error {
	i := c.Index(id)
	if i < 0 {
		return fieldErr("touchpoints", string(id), ErrUnknownTouchpoint)
	}
	c.touchpoints = slices.Delete(c.touchpoints, i, i+1)
	return nil
}

// KnownDepartment reports whether d is a standard department or one
// declared in the catalogue.
func (c *Catalog) KnownDepartment(d Department) bool {
	return d.IsStandard() || slices.Contains(c.departments, d)
}

// Departments returns the known departments: the standard ones first, then
// the declared ones in the order they were added.
func (c *Catalog) Departments() []Department {
	return append(StandardDepartments(), c.departments...)
}

// AddDepartment declares a non-standard department ("drug-safety",
// "investor-relations") so touchpoints may refer to it. It fails with
// [ErrSyntax] if d is not kebab-case and with [ErrDuplicate] if d is
// already known.
func (c *Catalog) AddDepartment(d Department) error {
	switch {
	case d == "":
		return fieldErr("departments", "", ErrMissing)
	case !ValidName(string(d)):
		return fieldErr("departments", string(d), ErrSyntax)
	case c.KnownDepartment(d):
		return fieldErr("departments", string(d), ErrDuplicate)
	}
	c.departments = append(c.departments, d)
	return nil
}

// RemoveDepartment removes a declared department. It fails with
// [ErrUnknownDepartment] if d was not declared (standard departments cannot
// be removed) and with [ErrInUse] if a touchpoint still refers to it.
func (c *Catalog) RemoveDepartment(d Department) error {
	i := slices.Index(c.departments, d)
	if i < 0 {
		return fieldErr("departments", string(d), ErrUnknownDepartment)
	}
	for _, t := range c.touchpoints {
		if t.Owner == d || slices.Contains(t.Partners, d) {
			return fieldErr("touchpoints["+string(t.ID)+"]", string(d), ErrInUse)
		}
	}
	c.departments = slices.Delete(c.departments, i, i+1)
	return nil
}

// Clone returns a deep copy of c.
func (c *Catalog) Clone() *Catalog {
	return &Catalog{departments: slices.Clone(c.departments), touchpoints: c.All()}
}
