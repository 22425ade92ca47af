package placement

import (
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
)

// CriterionValues holds one number per criterion — weights, performances,
// score contributions — looked up by [Criterion], so that no index can be
// written wrong: Get(Agility) is agility's value. The zero value holds ten
// zeros.
//
// Its JSON form is an object keyed by criterion ID ("agility", …,
// "change-effort") with every criterion present, written with sorted keys;
// decoding rejects a missing, unknown, duplicate or null key and a value
// that is not a number.
type CriterionValues struct {
	v [NumCriteria]float64
}

// NewCriterionValues returns the values of m, which must hold a finite
// value for every criterion and nothing else. Errors: a missing criterion
// ([ErrMissing]), an invalid one ([ErrUnknownName]) or a value that is not
// finite ([ErrRange]), as [*FieldError] values joined with [errors.Join].
func NewCriterionValues(m map[Criterion]float64) (CriterionValues, error) {
	var out CriterionValues
	var errs []error
	for _, c := range Criteria() {
		x, ok := m[c]
		switch {
		case !ok:
			errs = append(errs, fieldErr(c.String(), "", ErrMissing))
		case math.IsNaN(x) || math.IsInf(x, 0):
			errs = append(errs, fieldErr(c.String(), fmt.Sprint(x), ErrRange))
		default:
			out.v[c-1] = x
		}
	}
	for c := range m {
		if !c.valid() {
			errs = append(errs, fieldErr(c.String(), strconv.Itoa(int(c)), ErrUnknownName))
		}
	}
	return out, joinErrs(errs)
}

// criterionValues copies the first NumCriteria values of a, which are in
// criterion order (a[0] is agility).
func criterionValues(a []float64) CriterionValues {
	var out CriterionValues
	copy(out.v[:], a)
	return out
}

// Get returns c's value. It panics if c is not one of the ten criteria,
// as indexing an array out of range would: that is a programming error,
// not bad input.
func (v CriterionValues) Get(c Criterion) float64 {
	if !c.valid() {
		panic("placement: CriterionValues.Get of invalid criterion " + c.String())
	}
	return v.v[c-1]
}

// Set sets c's value to x. It panics if c is not one of the ten criteria.
func (v *CriterionValues) Set(c Criterion, x float64) {
	if !c.valid() {
		panic("placement: CriterionValues.Set of invalid criterion " + c.String())
	}
	v.v[c-1] = x
}

// All yields every criterion with its value, in criterion order.
func (v CriterionValues) All() iter.Seq2[Criterion, float64] {
	return func(yield func(Criterion, float64) bool) {
		for j, x := range v.v {
			if !yield(Criterion(j+1), x) {
				return
			}
		}
	}
}

// Map returns the values as a new map with every criterion.
func (v CriterionValues) Map() map[Criterion]float64 {
	out := make(map[Criterion]float64, NumCriteria)
	for c, x := range v.All() {
		out[c] = x
	}
	return out
}

// Slice returns the values as a new slice in criterion order ([Criteria]):
// element 0 is agility's value. It is meant for packages that index
// criteria by position, such as scoring.
func (v CriterionValues) Slice() []float64 { return slices.Clone(v.v[:]) }

// Sum returns the sum of the values.
func (v CriterionValues) Sum() float64 {
	s := 0.0
	for _, x := range v.v {
		s += x
	}
	return s
}

// criterionIDsSorted lists the criteria in the sorted order of their IDs,
// the order of the JSON form.
var criterionIDsSorted = func() []Criterion {
	cs := Criteria()
	slices.SortFunc(cs, func(a, b Criterion) int {
		switch sa, sb := a.String(), b.String(); {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	return cs
}()

// MarshalJSON writes the values as an object keyed by criterion ID with
// sorted keys. A value that is not finite is an error wrapping [ErrRange].
func (v CriterionValues) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 16*NumCriteria)
	b = append(b, '{')
	for i, c := range criterionIDsSorted {
		x := v.v[c-1]
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fieldErr(c.String(), fmt.Sprint(x), ErrRange)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, c.String())
		b = append(b, ':')
		j, _ := json.Marshal(x) // finite: checked above
		b = append(b, j...)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads an object keyed by criterion ID that holds every
// criterion exactly once, each with a number. Errors wrap [ErrSyntax]
// (malformed, duplicate, unknown or null key) or [ErrMissing] (a criterion
// left out) and name the key.
func (v *CriterionValues) UnmarshalJSON(b []byte) error {
	var m map[string]float64
	if err := decodeJSON(b, &m); err != nil {
		return err
	}
	out, err := criterionValuesOf(m)
	if err != nil {
		return err
	}
	*v = out
	return nil
}

// criterionValuesOf returns the values of m, keyed by criterion ID, which
// must hold every criterion and nothing else.
func criterionValuesOf(m map[string]float64) (CriterionValues, error) {
	var out CriterionValues
	var seen [NumCriteria]bool
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(m)) {
		c, err := ParseCriterion(k)
		if err != nil {
			errs = append(errs, fieldErr(k, "", fmt.Errorf("%w: unknown criterion", ErrSyntax)))
			continue
		}
		out.v[c-1], seen[c-1] = m[k], true
	}
	for j, ok := range seen {
		if !ok {
			errs = append(errs, fieldErr(Criterion(j+1).String(), "", ErrMissing))
		}
	}
	return out, joinErrs(errs)
}

// Equal reports whether v and w hold the same values (compared with ==).
// It lets go-cmp compare values of this type.
func (v CriterionValues) Equal(w CriterionValues) bool { return v.v == w.v }

// String writes the values as "agility 0.12, consistency 0.08, …".
func (v CriterionValues) String() string {
	b := make([]byte, 0, 24*NumCriteria)
	for c, x := range v.All() {
		if c > Agility {
			b = append(b, ", "...)
		}
		b = append(b, c.String()...)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	return string(b)
}
