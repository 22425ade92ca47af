package scoring

import (
	"math"
	"slices"
)

// WeightedProduct is the weighted product model (Bridgman 1922; Miller &
// Starr 1969):
//
//	score_i = Π_j r_ij^(w_j)
//
// on the normalised matrix r. The zero value uses Max normalisation (x/max,
// min/x for costs), so scores lie in [0, 1]; because the product is
// invariant to rescaling a column, the ranking equals that of the raw
// product Π x_ij^(±w_j) of Hwang & Yoon (1981), §3.2.2. A criterion with
// zero weight contributes a factor of 1 even where r is 0. Higher scores are
// better.
//
// Its text token is "wpm".
type WeightedProduct struct {
	// Normalization of the matrix; DefaultNormalization means Max. Vector
	// and MinMax can produce zeros (MinMax always does), which make the
	// product zero; Max or Sum are the usual choices.
	Normalization Normalization `json:"normalization"`
}

// WeightedProductResult adds the normalised matrix whose weighted powers
// are multiplied.
type WeightedProductResult struct {
	Result
	// Normalized is the normalised matrix r (benefit form: higher is
	// better on every criterion); the score is Π_j r_ij^(w_j). Its JSON
	// form is an array of rows.
	Normalized *Table `json:"normalized"`
}

// Detail implements [Evaluator]; it is Evaluate.
func (m WeightedProduct) Detail(p *Problem, weights []float64) (Evaluation, error) {
	return evaluation(m.Evaluate(p, weights))
}

// Evaluate is Rank with the normalised matrix.
func (m WeightedProduct) Evaluate(p *Problem, weights []float64) (*WeightedProductResult, error) {
	res, err := m.Rank(p, weights)
	if err != nil {
		return nil, err
	}
	if err := rejectNone(m.Normalization, "the weighted product"); err != nil {
		return nil, err
	}
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	return &WeightedProductResult{Result: *res, Normalized: newTable(p.normalized(ts, nil), p.m, p.n)}, nil
}

// Rank implements [Method].
func (m WeightedProduct) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	if err := rejectNone(m.Normalization, "the weighted product"); err != nil {
		return nil, err
	}
	var tbuf transformBuf
	ts, err := p.transformsInto(tbuf.slice(p.n), m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	res := newResult("wpm", p, w, Higher)
	// One pass per row block: normalise, take logs, sum and exponentiate,
	// with no working copy of the matrix. Each block records its first
	// negative normalised value; the earliest is reported, as a sequential
	// scan would.
	n := p.n
	var fbuf [16]logForm
	lf := fbuf[:0]
	if n > len(fbuf) {
		lf = make([]logForm, 0, n)
	}
	lf = logFormsInto(lf, p, ts, w)
	nb := numBlocks(p.m)
	if serialRows(p.m, n) {
		var lbuf [32]float64
		logs := lbuf[:0]
		if n > len(lbuf) {
			logs = make([]float64, 0, n)
		}
		logs = logs[:n]
		for b := range nb {
			if k := wpmRows(p.data, res.Scores, lf, ts, logs, b*blockRows, min((b+1)*blockRows, p.m)); k >= 0 {
				return nil, wpmDomainErr(p, k)
			}
		}
	} else {
		hts, hlf := slices.Clone(ts), slices.Clone(lf)
		bad := make([]int, nb)
		// One row of logarithms per block, each on its own cache lines.
		stride := (n + 15) &^ 7
		buf := make([]float64, nb*stride)
		forBlocks(p.m, n, func(lo, hi, b int) {
			bad[b] = wpmRows(p.data, res.Scores, hlf, hts, buf[b*stride:b*stride+n], lo, hi)
		})
		for _, k := range bad {
			if k >= 0 {
				return nil, wpmDomainErr(p, k)
			}
		}
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// wpmRows sets the scores of rows lo…hi−1 from the problem's values data
// and the columns' log forms, using logs (n values) as scratch. It
// returns the flat index of the first negative normalised value, or −1.
func wpmRows(data, scores []float64, lf []logForm, ts []colTransform, logs []float64, lo, hi int) int {
	n := len(logs)
	lf = lf[:n]
	for i := lo; i < hi; i++ {
		src := data[i*n : (i+1)*n : (i+1)*n]
		for j, x := range src {
			f := &lf[j]
			r := x * f.a
			if f.kind == logGeneral {
				r = ts[j].apply(x)
			}
			if r < 0 {
				return i*n + j
			}
			logs[j] = r
		}
		fastLogs(logs)
		s := 0.0
		for j, l := range logs {
			f := &lf[j]
			if f.w == 0 {
				continue // 0^0 = 1
			}
			// Every normalisation gives r ≤ 1, so ln r ≤ 0; clamping
			// the rounding above 0 keeps Max scores within [0, 1].
			if l = f.sgn*l + f.off; l > 0 {
				l = 0
			}
			s += f.w * l // −Inf for r = 0, so the score is 0
		}
		scores[i] = s
	}
	// Exponentiate in a separate loop: its iterations are independent,
	// so math.Exp's latency overlaps instead of ending every row.
	for i := lo; i < hi; i++ {
		scores[i] = math.Exp(scores[i])
	}
	return -1
}

// A logForm gives w·ln r(x) for one column of the weighted product as
// w·(sgn·ln arg + off), where arg is x·a (logScaled) or the column's
// transform r(x) (logGeneral, sgn = 1, off = 0).
type logForm struct {
	kind           logKind
	w, a, sgn, off float64
}

type logKind uint8

const (
	logGeneral logKind = iota
	logScaled
)

// logFormsInto resolves each column's log form into forms (capacity ≥ n),
// saving a multiplication or a division per cell where that loses nothing:
//   - on the ratio normalisations' benefit columns (Max, Sum, Vector)
//     r = (x·s)·k with s the column's exact power-of-two scale and k in
//     [1/m, 2], so ln r = ln(x·s) + ln k: x·s is exact (unless subnormal,
//     where x·s·k would round too) and ln k is small;
//   - on reciprocal (cost) columns r = c/x, so ln r = −ln(x·(1/c)), when
//     1/c and max x·(1/c) are finite; x/c rounds twice, so ln r is within
//     a few 2^-53 of the exact value. (Splitting ln c − ln x instead would
//     cancel large logarithms on a column spanning many magnitudes.)
func logFormsInto(forms []logForm, p *Problem, ts []colTransform, w []float64) []logForm {
	forms = forms[:len(ts)]
	for j, t := range ts {
		f := logForm{w: w[j], sgn: 1}
		switch inv := 1 / t.c; {
		case t.recip && inv < math.MaxFloat64 && p.colMax[j]*inv < math.MaxFloat64:
			f.kind, f.a, f.sgn = logScaled, inv, -1
		case !t.recip && t.c == 0 && t.o == 0 && t.k > 0 && !math.IsInf(t.k, 0):
			f.kind, f.a, f.off = logScaled, t.s, math.Log(t.k)
		}
		forms[j] = f
	}
	return forms
}

// wpmDomainErr reports the negative normalised value at flat index k.
func wpmDomainErr(p *Problem, k int) error {
	i, j := k/p.n, k%p.n
	return inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrDomain,
		"the weighted product needs non-negative normalised values")
}

func (m WeightedProduct) prepare(p *Problem) (kernel, error) {
	if err := rejectNone(m.Normalization, "the weighted product"); err != nil {
		return nil, err
	}
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	logs := p.normalized(ts, nil)
	for k, r := range logs {
		if r < 0 {
			return nil, wpmDomainErr(p, k)
		}
	}
	forBlocks(p.m, p.n, func(lo, hi, _ int) {
		ls := logs[lo*p.n : hi*p.n]
		fastLogs(ls) // −Inf for 0
		for k, l := range ls {
			ls[k] = min(l, 0) // r ≤ 1: see Rank
		}
	})
	return productKernel{logs: logs, n: p.n}, nil
}

// productKernel scores by exp(Σ_j w_j ln r_ij), skipping zero weights so
// that 0^0 = 1.
type productKernel struct {
	logs []float64
	n    int
}

func (k productKernel) score(dst, w, _ []float64) {
	for i := range dst {
		s := 0.0
		for j, l := range k.logs[i*k.n : (i+1)*k.n] {
			if w[j] != 0 {
				s += w[j] * l
			}
		}
		dst[i] = math.Exp(s)
	}
}

func (productKernel) scratchLen() int { return 0 }
func (productKernel) better() Better  { return Higher }
