package placement

import (
	"encoding/json"
	"math"
	"strconv"
)

// Staffing is the social-media staff a structure needs, estimated from the
// work the profile describes: the active touchpoints and their activity,
// realtime volume (care, listening), the organisation's size and social
// priority, and what the structure adds — a strategist, liaison with
// business units, hub leads, countries and languages, training, and, once
// the organisation's size calls for it, a centre of excellence — less
// what an agency does, and at least one owner once a dedicated team is
// expected. The model is calibrated so that the first structure of
// typical profiles lies inside the published team size of its size band
// (1–3 people at 250–1,000 employees, Ragan 2013; about 3 FTE at
// 1,000–5,000, 20 at 5,000–10,000 and 49 above 100,000, Altimeter 2013)
// and has no cap. Work done in departments alongside other duties counts
// at the share the model sets (staff.spoke-dedicated).
//
// Its JSON form is {"fte", "low", "high", "basis"}, basis being the text
// of [Staffing.Basis]. Compare staffings with [Staffing.Equal], not ==.
type Staffing struct {
	// FTE is the estimate, in full-time equivalents.
	FTE float64
	// Low is the low end of the plausible range: staff.range-low times
	// the estimate.
	Low float64
	// High is the high end: staff.range-high times the estimate.
	High float64
	// basis is what Basis writes its words from; nil for none.
	basis *staffBasis
}

// staffBasis is what a staffing's words are made of: the text itself when
// it was decoded, else the estimate and the facts it was made from, so
// that a recommendation writes the words only for the structures whose
// basis somebody reads.
type staffBasis struct {
	text  string // the words as decoded; "" when computed
	model OperatingModel
	role  Role
	e     staffEstimate
	w     *staffWork
}

// staffWork are the profile's and the model's figures that every
// structure's staffing basis of one recommendation quotes.
type staffWork struct {
	active, employees, priority, units, countries int
	spokeDedicated, postingRatio                  float64
}

// Basis says in words how the estimate is made up.
func (st Staffing) Basis() string {
	switch {
	case st.basis == nil:
		return ""
	case st.basis.w == nil:
		return st.basis.text
	}
	return string(appendBasis(make([]byte, 0, basisBytes), st.basis))
}

// Equal reports whether st and o are the same estimate with the same
// words, however each was made (computed or decoded from JSON).
func (st Staffing) Equal(o Staffing) bool {
	return st.FTE == o.FTE && st.Low == o.Low && st.High == o.High && st.Basis() == o.Basis()
}

// staffingJSON is the JSON form of a Staffing.
type staffingJSON struct {
	FTE   float64 `json:"fte"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	Basis string  `json:"basis"`
}

// MarshalJSON writes {"fte", "low", "high", "basis"}.
func (st Staffing) MarshalJSON() ([]byte, error) {
	return json.Marshal(staffingJSON{FTE: st.FTE, Low: st.Low, High: st.High, Basis: st.Basis()})
}

// basisBytes is about the longest staffing basis in bytes (a dandelion in
// many units and countries); a longer one only costs a reallocation.
const basisBytes = 512

// staffTable holds the staffing estimates of a recommendation's
// structures. An estimate depends on a structure's operating model, role
// and sourcing, not on its home, so the default candidates share a few
// dozen estimates: each is worked out once, with its shortfall.
type staffTable struct {
	// slot is 1 + the index in bases of each combination in use; a value
	// out of its enum's range is looked up as 0, which the estimate and
	// its words treat alike (see staffKey).
	slot  [Honeycomb + 1][AdvisoryExecuting + 1][Agency + 1]uint16
	bases []staffBasis
	short []float64 // feasibility shortfall of each estimate
	k     *[numTerms]float64
}

// staffKey returns the indexes of s in staffTable.slot.
func staffKey(s *Structure) (m OperatingModel, r Role, so Sourcing) {
	if s.Model.valid() {
		m = s.Model
	}
	if s.Role.valid() {
		r = s.Role
	}
	if s.Sourcing.valid() {
		so = s.Sourcing
	}
	return m, r, so
}

// init works out the estimate of every combination structs use. The
// shortfalls go into sc; so do the estimates unless keep is set, in which
// case they are allocated, so that the Staffing of every structure can
// refer to them after sc is reused (without keep, see Staffing.owned).
func (t *staffTable) init(structs []Structure, f *facts, k *[numTerms]float64, keep bool, sc *evalScratch) {
	t.k = k
	n := 0
	for i := range structs {
		m, r, so := staffKey(&structs[i])
		if t.slot[m][r][so] == 0 {
			n++
			t.slot[m][r][so] = uint16(n)
		}
	}
	if cap(sc.short) < n {
		sc.short = make([]float64, n)
	}
	t.short = sc.short[:n]
	var w *staffWork
	if keep {
		t.bases, w = make([]staffBasis, n), new(staffWork)
	} else {
		if cap(sc.bases) < n {
			sc.bases = make([]staffBasis, n)
		}
		t.bases, w = sc.bases[:n], &sc.work
		clear(t.bases)
	}
	*w = staffWork{
		active: len(f.active), employees: f.p.Employees, priority: f.p.SocialPriority,
		units: f.p.BusinessUnits, countries: f.p.Countries,
		spokeDedicated: k[kStaffSpokeDedicated], postingRatio: k[kStaffPostingRatio],
	}
	for j := range structs {
		m, r, so := staffKey(&structs[j])
		i := t.slot[m][r][so] - 1
		if t.bases[i].w != nil {
			continue
		}
		e := estimateStaff(Structure{Model: m, Role: r, Sourcing: so}, f, k)
		t.bases[i] = staffBasis{model: m, role: r, e: e, w: w}
		t.short[i] = shortfall(e.fte, f, k)
	}
}

// index returns the index of s's estimate; s must be one of the
// structures the table was made for.
func (t *staffTable) index(s *Structure) int {
	m, r, so := staffKey(s)
	return int(t.slot[m][r][so]) - 1
}

// staffing returns the staffing of s.
func (t *staffTable) staffing(s *Structure) Staffing {
	b := &t.bases[t.index(s)]
	return Staffing{FTE: b.e.fte, Low: b.e.fte * t.k[kStaffRangeLow], High: b.e.fte * t.k[kStaffRangeHigh], basis: b}
}

// owned returns st with its basis copied, so that it no longer refers to
// a staffTable's reused memory.
func (st Staffing) owned() Staffing {
	if st.basis == nil {
		return st
	}
	c := new(struct {
		b staffBasis
		w staffWork
	})
	c.b = *st.basis
	if c.b.w != nil {
		c.w = *c.b.w
		c.b.w = &c.w
	}
	st.basis = &c.b
	return st
}

// appendAboutFTE appends "about x FTE", or "under 0.1 FTE" where x rounds
// to 0.0 but is not nothing: a tiny organisation's few hours a month are
// not "about 0.0 FTE".
func appendAboutFTE(b []byte, x float64) []byte {
	if x > 0 && x < 0.05 {
		return append(b, "under 0.1 FTE"...)
	}
	b = append(b, "about "...)
	b = appendFTE(b, x)
	return append(b, " FTE"...)
}

// appendFTE appends x with one decimal, as strconv.AppendFloat(b, x, 'f',
// 1, 64) does, through integer arithmetic where that is exact: the basis
// of every structure's staffing is written on every recommendation, and
// the general float formatter was a fifth of its time.
func appendFTE(b []byte, x float64) []byte {
	t := x * 10
	if !(t >= 0 && t < 1<<52) || t-math.Floor(t) == 0.5 {
		return strconv.AppendFloat(b, x, 'f', 1, 64) // negative, huge, NaN or a tie
	}
	// Rounding x·10 is monotonic and k+0.5 is exact below 2^52, so t lies
	// on the same side of every half as the exact product; ties fell back.
	v := int64(math.Round(t))
	b = strconv.AppendInt(b, v/10, 10)
	return append(b, '.', byte('0'+v%10))
}

func appendCount(b []byte, n int, one, many string) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	return append(b, plural(n, one, many)...)
}

// appendBasis appends the words behind a staffing estimate.
func appendBasis(b []byte, sb *staffBasis) []byte {
	e, p := &sb.e, sb.w
	b = appendAboutFTE(b, e.fte)
	b = append(b, ": "...)
	if e.work > 0 && e.work < 0.05 {
		b = append(b, "under 0.1"...)
	} else {
		b = appendFTE(b, e.work)
	}
	b = append(b, " FTE of work on "...)
	b = appendCount(b, p.active, "active touchpoint", "active touchpoints")
	b = append(b, " at "...)
	b = appendThousands(b, p.employees)
	b = append(b, " employees and social priority "...)
	b = strconv.AppendInt(b, int64(p.priority), 10)
	b = append(b, "/5 (realtime, high-volume work counts more)"...)
	switch {
	case sb.model == Organic:
		b = append(b, ", all of it done by the departments alongside other duties, counted at "...)
		b = strconv.AppendFloat(b, 100*p.spokeDedicated, 'f', 0, 64)
		b = append(b, '%')
	case e.spokes == 0:
		b = append(b, ", all of it done by the central team"...)
	default:
		b = append(b, ", "...)
		b = appendFTE(b, e.centre)
		b = append(b, " of it done by the central team and "...)
		b = appendFTE(b, e.work-e.centre)
		b = append(b, " by the departments alongside other duties (counted as "...)
		b = appendFTE(b, e.spokes)
		b = append(b, " FTE)"...)
	}
	if math.Round(e.overhead*10) > 0 { // not "plus 0.0" where small countries and units need next to nothing
		b = append(b, "; plus "...)
		b = appendFTE(b, e.overhead)
		b = append(b, " for "...)
		switch sb.model {
		case HubAndSpoke:
			if sb.role == Coordinating {
				b = append(b, "a coordinator"...)
			} else {
				b = append(b, "a social strategist"...)
			}
			if p.units > 1 {
				b = append(b, ", liaison with "...)
				b = appendCount(b, p.units, "business unit", "business units")
			}
		case Dandelion:
			b = append(b, "a corporate strategist and hub leads in "...)
			b = appendCount(b, p.units, "business unit", "business units")
		case Honeycomb:
			b = append(b, "a strategist and training the workforce"...)
		default:
			b = append(b, "local coverage"...)
		}
		if p.countries > 1 {
			b = append(b, ", "...)
			b = appendCount(b, p.countries, "country", "countries")
		}
	}
	if e.coe > 0 {
		b = append(b, "; plus "...)
		b = appendFTE(b, e.coe)
		b = append(b, " for a centre of excellence (community management, analysis and measurement, training) that an organisation of this size needs"...)
	}
	if e.bought > 0 {
		b = append(b, "; less "...)
		b = appendFTE(b, e.bought)
		b = append(b, " done by an agency"...)
	}
	if math.Round(e.owner*10) > 0 {
		b = append(b, "; plus "...)
		b = appendFTE(b, e.owner)
		b = append(b, " to make up the owner a central team needs at this size"...)
	}
	if sb.model != Organic && sb.model != Centralized {
		if n := float64(p.employees) / p.postingRatio; n >= 1 {
			b = append(b, "; about "...)
			b = strconv.AppendFloat(b, n, 'f', 0, 64)
			if math.Round(n) == 1 {
				b = append(b, " person would be authorised to post (one per "...)
			} else {
				b = append(b, " people would be authorised to post (one per "...)
			}
			b = strconv.AppendFloat(b, p.postingRatio, 'f', 0, 64)
			b = append(b, " employees)"...)
		}
	}
	return b
}
