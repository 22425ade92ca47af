package scoring

import (
	"fmt"
	"math"
)

// colTransform maps a raw value x of one column to its normalised,
// benefit-form value:
//
//	recip:  r = c / x
//	else:   r = c + (x·s − o)·k
//
// where s is the column's exact power-of-two scale.
type colTransform struct {
	c, o, k, s float64
	recip      bool
}

func (t colTransform) apply(x float64) float64 {
	if t.recip {
		return t.c / x
	}
	return t.c + (x*t.s-t.o)*t.k
}

// form is a weighted column transform: a + b·x, or a/x when recip.
type form struct {
	a, b  float64
	recip bool
}

// weightedFormsInto folds the weights into the transforms, into forms
// (capacity ≥ n). The result is false when a column's scale is so extreme
// that folding it in would lose precision; callers then apply the
// transforms exactly.
func weightedFormsInto(forms []form, ts []colTransform, w []float64) ([]form, bool) {
	forms = forms[:len(ts)]
	for j, t := range ts {
		switch {
		case t.recip && (t.c < 0x1p-900 || t.c > 0x1p900):
			return nil, false // w·c could underflow or overflow before the division
		case t.recip:
			forms[j] = form{a: w[j] * t.c, recip: true}
		case t.s < 0x1p-900 || t.s > 0x1p900:
			return nil, false
		default:
			forms[j] = form{a: w[j] * (t.c - t.o*t.k), b: w[j] * t.s * t.k}
		}
	}
	return forms, true
}

// transforms resolves the per-column transforms of a normalisation. def is
// the method's default, used when kind is DefaultNormalization.
func (p *Problem) transforms(kind, def Normalization) ([]colTransform, error) {
	return p.transformsInto(make([]colTransform, p.n), kind, def)
}

// transformsInto is transforms writing into ts (length n), which it
// returns: a caller can pass memory on its stack (see transformBuf).
func (p *Problem) transformsInto(ts []colTransform, kind, def Normalization) ([]colTransform, error) {
	if !kind.valid() {
		return nil, inputErr("normalization", -1, -1, "", ErrParam, kind.String())
	}
	if kind == DefaultNormalization {
		kind = def
	}
	n := p.n
	var sums []float64
	if kind == Vector || kind == Sum {
		sums = p.scaledSums(kind == Vector)
	}
	for j := range n {
		lo, hi, s := p.colMin[j], p.colMax[j], p.colScale[j]
		cost := p.crits[j].Direction == Cost
		t := colTransform{s: s}
		switch kind {
		case Vector:
			norm := math.Sqrt(sums[j])
			switch {
			case norm == 0 && cost:
				t.c = 1 - 1/math.Sqrt(float64(p.m))
			case norm == 0:
				t.c = 1 / math.Sqrt(float64(p.m))
			case cost:
				t.c, t.k = 1, -1/norm
			default:
				t.k = 1 / norm
			}
		case Max, Sum:
			if err := p.checkRatioDomain(j, kind); err != nil {
				return nil, err
			}
			switch {
			case kind == Max && cost:
				t.recip, t.c = true, lo
			case kind == Max && hi == 0:
				t.c = 1
			case kind == Max:
				t.k = 1 / (hi * s)
			case cost:
				t.recip, t.c = true, lo/p.reciprocalSum(j)
			case sums[j] == 0:
				t.c = 1 / float64(p.m)
			default:
				t.k = 1 / sums[j]
			}
		case None:
			t = colTransform{s: 1, k: 1}
			if cost {
				t.k = -1
			}
		case MinMax:
			span := hi*s - lo*s
			switch {
			case span == 0:
				t.c = 1
			case cost:
				t.o, t.k = hi*s, -1/span
			default:
				t.o, t.k = lo*s, 1/span
			}
		}
		ts[j] = t
	}
	return ts, nil
}

// transformBuf is room for the transforms of a typical problem on the
// caller's stack.
type transformBuf [16]colTransform

// slice returns n transforms: b's own if they fit, else fresh ones.
func (b *transformBuf) slice(n int) []colTransform {
	if n <= len(b) {
		return b[:n:n]
	}
	return make([]colTransform, n)
}

// rejectNone reports None as a normalisation the method cannot use: its
// raw values would not be commensurable or not of the sign it needs.
func rejectNone(kind Normalization, method string) error {
	if kind == None {
		return inputErr("normalization", -1, -1, "", ErrParam,
			fmt.Sprintf("%s needs normalised values; \"none\" is only for the weighted sum and TOPSIS", method))
	}
	return nil
}

// checkRatioDomain checks that column j can be normalised by a ratio
// (Max or Sum): values must be non-negative, and positive on costs.
func (p *Problem) checkRatioDomain(j int, kind Normalization) error {
	cost := p.crits[j].Direction == Cost
	lo := p.colMin[j]
	if lo > 0 || (lo == 0 && !cost) {
		return nil
	}
	for i := range p.m {
		if v := p.data[i*p.n+j]; v < 0 || (v == 0 && cost) {
			want := "non-negative values"
			if cost {
				want = "positive values on a cost criterion"
			}
			return inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrDomain,
				fmt.Sprintf("%g: %s normalisation needs %s", v, kind, want))
		}
	}
	return nil
}

// scaledSums returns, per column, Σ x·s (or Σ (x·s)² if squares), from
// the summaries computed at construction. The slice must not be modified.
func (p *Problem) scaledSums(squares bool) []float64 {
	if squares {
		return p.colSumSq
	}
	return p.colSum
}

// reciprocalSum returns Σ min/x over column j (all x > 0), a value in [1, m].
func (p *Problem) reciprocalSum(j int) float64 {
	lo, sum := p.colMin[j], 0.0
	for i := range p.m {
		sum += lo / p.data[i*p.n+j]
	}
	return sum
}

// normalized returns the normalised matrix, row-major, each value
// multiplied by mult[j] (nil means 1).
func (p *Problem) normalized(ts []colTransform, mult []float64) []float64 {
	n := p.n
	out := make([]float64, p.m*n)
	forBlocks(p.m, n, func(lo, hi, _ int) {
		for i := lo; i < hi; i++ {
			src, dst := p.data[i*n:(i+1)*n], out[i*n:(i+1)*n]
			for j, x := range src {
				r := ts[j].apply(x)
				if mult != nil {
					r *= mult[j]
				}
				dst[j] = r
			}
		}
	})
	return out
}

// Normalize returns the normalised decision matrix of p in benefit form
// (higher is better on every column), as fresh rows. DefaultNormalization
// means Vector here. See [Normalization] for the formulas and the defined
// values of degenerate columns.
func Normalize(p *Problem, kind Normalization) ([][]float64, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	ts, err := p.transforms(kind, Vector)
	if err != nil {
		return nil, err
	}
	return rowsOf(p.normalized(ts, nil), p.m, p.n), nil
}

// rowsOf slices a row-major matrix into rows sharing its storage.
func rowsOf(flat []float64, m, n int) [][]float64 {
	rows := make([][]float64, m)
	for i := range rows {
		rows[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	return rows
}

// constantNotes lists the criteria on which every alternative performs the
// same; they cannot change a ranking.
func (p *Problem) constantNotes() []Note {
	var notes []Note
	for j, c := range p.crits {
		if p.colMin[j] == p.colMax[j] {
			notes = append(notes, Note{Code: "constant-criterion", Criterion: c.Name,
				Text: fmt.Sprintf("every alternative has the same value on %q, so it cannot change the ranking", c.Name)})
		}
	}
	return notes
}
