package scoring

import "math"

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

// Rank implements [Method].
func (m WeightedProduct) Rank(p *Problem, weights []float64) (*Result, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	ts, err := p.transforms(m.Normalization, Max)
	if err != nil {
		return nil, err
	}
	res := newResult("wpm", p, w, Higher)
	// One pass per row block: normalise, take logs, sum and exponentiate,
	// with no working copy of the matrix. Each block records its first
	// negative normalised value; the earliest is reported, as a sequential
	// scan would.
	lf, c := logForms(ts, w)
	n := p.n
	bad := make([]int, numBlocks(p.m))
	// One row of logarithms per block, each on its own cache lines.
	stride := (n + 15) &^ 7
	buf := make([]float64, numBlocks(p.m)*stride)
	forBlocks(p.m, n, func(lo, hi, b int) {
		bad[b] = -1
		lf := lf[:n]
		logs := buf[b*stride : b*stride+n]
		for i := lo; i < hi; i++ {
			src := p.data[i*n : (i+1)*n : (i+1)*n]
			for j, x := range src {
				f := &lf[j]
				r := x * f.s
				if f.kind == logGeneral {
					r = ts[j].apply(x)
				}
				if r < 0 {
					bad[b] = i*n + j
					return
				}
				logs[j] = r
			}
			fastLogs(logs)
			s := c
			for j, l := range logs {
				if g := lf[j].g; g != 0 {
					s += g * l // −Inf for r = 0, so the score is 0
				}
			}
			res.Scores[i] = s
		}
		// Exponentiate in a separate loop: its iterations are independent,
		// so math.Exp's latency overlaps instead of ending every row.
		for i := lo; i < hi; i++ {
			res.Scores[i] = math.Exp(res.Scores[i])
		}
	})
	for _, k := range bad {
		if k >= 0 {
			return nil, wpmDomainErr(p, k)
		}
	}
	res.Ranks = rankScores(res.Scores, Higher)
	res.Notes = p.constantNotes()
	return res, nil
}

// A logForm gives w_j·ln r_j(x) for one column j of the weighted product.
type logForm struct {
	kind logKind
	// For logScaled the term is const + g·ln(x·s); for logGeneral it is
	// g·ln r(x). g is ±w_j.
	g, s float64
}

type logKind uint8

const (
	logSkip    logKind = iota // constant term (zero weight or constant r)
	logScaled                 // r = B·x or c/x: a constant plus ±w_j·ln(x·s)
	logGeneral                // any other transform: w_j·ln r(x)
)

// logForms splits each column's w_j·ln r_j(x) into a constant, summed into
// c, and a term in ln(x·s_j), where s_j is the column's power-of-two scale
// (exact, and x·s_j < 1, so the logarithms stay moderate). Only the
// scale-free ratio normalisations (Max, Sum, Vector on benefits) split;
// a constant column or a zero weight contributes only its constant (0 for
// a zero weight, so that 0^0 = 1).
func logForms(ts []colTransform, w []float64) (forms []logForm, c float64) {
	forms = make([]logForm, len(ts))
	for j, t := range ts {
		switch {
		case w[j] == 0:
			// Domain errors still need the general path's check.
			forms[j] = logForm{kind: logGeneral}
		case !t.recip && t.k == 0: // r = t.c, a constant
			c += w[j] * math.Log(t.c)
		case t.recip && t.c > 0 && t.c*t.s > 0 && !math.IsInf(t.c*t.s, 0):
			// r = c/x = (c·s)/(x·s)
			c += w[j] * math.Log(t.c*t.s)
			forms[j] = logForm{kind: logScaled, g: -w[j], s: t.s}
		case !t.recip && t.c == 0 && t.o == 0 && t.k > 0 && !math.IsInf(t.k, 0):
			// r = (x·s)·k
			c += w[j] * math.Log(t.k)
			forms[j] = logForm{kind: logScaled, g: w[j], s: t.s}
		default:
			forms[j] = logForm{kind: logGeneral, g: w[j]}
		}
	}
	return forms, c
}

// wpmDomainErr reports the negative normalised value at flat index k.
func wpmDomainErr(p *Problem, k int) error {
	i, j := k/p.n, k%p.n
	return inputErr("matrix", i, j, p.alts[i]+"/"+p.crits[j].Name, ErrDomain,
		"the weighted product needs non-negative normalised values")
}

func (m WeightedProduct) prepare(p *Problem) (kernel, error) {
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
		for k := lo * p.n; k < hi*p.n; k++ {
			logs[k] = math.Log(logs[k]) // -Inf for 0
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
