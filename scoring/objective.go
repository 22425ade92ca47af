package scoring

import (
	"fmt"
	"math"
	"strconv"
)

// Weigher derives criterion weights from the data of a decision problem
// (objective weighting). The built-in Weighers are [Entropy], [CRITIC],
// [StdDev] and [MEREC]. Implementations must not modify p and must be safe
// for concurrent use.
type Weigher interface {
	Weigh(p *Problem) (*Weighting, error)
}

// Entropy derives weights from Shannon's entropy of each criterion's
// column (Zeleny 1982; Hwang & Yoon 1981, §4.1): a criterion on which the
// alternatives differ more carries more information and gets more weight.
// For a column r_1…r_m of non-negative values,
//
//	p_i = r_i / Σ_k r_k
//	e   = −(1/ln m) Σ_i p_i ln p_i          (0 ln 0 = 0; e ∈ [0, 1])
//	d   = 1 − e                              (degree of diversification)
//	w_j = d_j / Σ_k d_k
//
// r is the raw column x when Normalization is DefaultNormalization or
// None, as in Hwang & Yoon (1981), Xu (2004) and Zavadskas & Podvezko
// (2016): the criterion's direction plays no part, and the values must be
// non-negative. Any other [Normalization] is applied first (in benefit
// form), as in the min–max variant of Krishnan et al. (2021) and
// Mukhametzyanov (2021); the two variants can give very different weights.
//
// Degenerate cases have defined values: a constant column (including a
// column of zeros) has e = 1 and weight 0; with one alternative, or when
// every column is constant, no criterion discriminates and the weights are
// equal (with a note). Positive rescaling of a column does not change the
// weights. d is computed as Σ_i p_i ln(m·p_i) / ln m, which keeps its
// relative accuracy when e is close to 1.
type Entropy struct {
	// Normalization is applied to each column before the proportions are
	// taken; the zero value uses the raw values.
	Normalization Normalization `json:"normalization"`
}

// Weigh returns the entropy weights of p's criteria. The error is an
// [*InputError] wrapping [ErrEmpty] (zero problem), [ErrParam] (invalid
// Normalization) or [ErrDomain] (a negative value, raw or after
// normalisation, or a value the normalisation cannot take).
func (e Entropy) Weigh(p *Problem) (*Weighting, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	if !e.Normalization.valid() {
		return nil, inputErr("normalization", -1, -1, "", ErrParam, e.Normalization.String())
	}
	m, n := p.m, p.n
	var ts []colTransform
	if e.Normalization == DefaultNormalization || e.Normalization == None {
		ts = make([]colTransform, n)
		for j := range ts {
			ts[j] = colTransform{k: 1, s: p.colScale[j]} // r = x·s, exact
		}
	} else {
		var err error
		if ts, err = p.transforms(e.Normalization, e.Normalization); err != nil {
			return nil, err
		}
	}
	// Pass 1: column sums, and the first negative value, if any.
	neg := make([]int, numBlocks(m)) // per block: 1 + flat index of the first negative value
	sums := p.blockReduce(n, func(lo, hi, b int, acc []float64) {
		for i := lo; i < hi; i++ {
			row := p.data[i*n : (i+1)*n]
			for j, x := range row {
				r := ts[j].apply(x)
				if r < 0 && neg[b] == 0 {
					neg[b] = i*n + j + 1
				}
				acc[j] += r
			}
		}
	})
	for _, k := range neg {
		if k != 0 {
			i, j := (k-1)/n, (k-1)%n
			return nil, inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrDomain,
				fmt.Sprintf("%g: entropy needs non-negative values", p.data[k-1]))
		}
	}
	w := &Weighting{Method: "entropy", Criteria: p.CriterionNames(), Notes: p.constantNotes()}
	d := make([]float64, n)
	if m > 1 {
		// Pass 2: Σ p ln(m p) per column.
		fm := float64(m)
		kl := p.blockReduce(n, func(lo, hi, _ int, acc []float64) {
			for i := lo; i < hi; i++ {
				row := p.data[i*n : (i+1)*n]
				for j, x := range row {
					if sums[j] == 0 {
						continue
					}
					if q := ts[j].apply(x) / sums[j]; q > 0 {
						acc[j] += q * safeLog(fm*q)
					}
				}
			}
		})
		for j := range n {
			if p.colMin[j] != p.colMax[j] && sums[j] > 0 {
				d[j] = clamp(kl[j]/math.Log(fm), 0, 1)
			}
		}
	}
	w.Weights, w.Notes = proportional(d, w.Notes)
	w.Basis = d
	return w, nil
}

// CRITIC derives weights by the CRiteria Importance Through Intercriteria
// Correlation method of Diakoulaki, Mavrotas & Papayannakis (1995,
// Computers & Operations Research 22(7), 763–770): a criterion gets more
// weight when its values vary more and when it conflicts with (is less
// correlated with) the other criteria. Each column is min–max normalised
// in benefit form (see [MinMax]: a cost criterion is reversed), then
//
//	σ_j   = sample standard deviation of column j (divisor m − 1)
//	ρ_jk  = Pearson correlation of columns j and k
//	C_j   = σ_j Σ_k (1 − ρ_jk)
//	w_j   = C_j / Σ_k C_k
//
// Using the population standard deviation instead would scale every C_j
// by the same factor and leave the weights unchanged. Reversing a cost
// criterion flips the sign of its correlations and so does change the
// weights; to reproduce a paper that normalises every column as a benefit,
// declare every criterion Benefit.
//
// Degenerate cases have defined values: a constant column has σ = 0 and
// weight 0, and is left out of the other criteria's sums (its correlation
// is undefined), so adding a constant criterion changes no other weight.
// When every column is constant (or m = 1) the weights are equal; when
// the non-constant columns are all perfectly correlated (every C_j = 0)
// the weights are proportional to σ_j, as [StdDev] gives. Either case adds
// a note. Positive rescaling or shifting of a column does not change the
// weights.
type CRITIC struct{}

// Weigh returns the CRITIC weights of p's criteria. The error is an
// [*InputError] wrapping [ErrEmpty] for the zero problem.
func (CRITIC) Weigh(p *Problem) (*Weighting, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	n := p.n
	cov, sigma := p.covariance(true)
	info := make([]float64, n)
	for j := range n {
		if sigma[j] == 0 {
			continue
		}
		s := 0.0
		for k := range n {
			if k == j || sigma[k] == 0 {
				continue
			}
			rho := clamp(cov[j*n+k]/math.Sqrt(cov[j*n+j]*cov[k*n+k]), -1, 1)
			if (p.crits[j].Direction == Cost) != (p.crits[k].Direction == Cost) {
				rho = -rho
			}
			s += 1 - rho
		}
		info[j] = sigma[j] * s
	}
	w := &Weighting{Method: "critic", Criteria: p.CriterionNames(), Notes: p.constantNotes(), Basis: info}
	if sumOf(info) == 0 && sumOf(sigma) > 0 {
		w.Weights, _ = proportional(sigma, nil)
		w.Notes = append(w.Notes, Note{Code: "no-conflict",
			Text: "the criteria that vary are perfectly correlated, so CRITIC weights fall back to their standard deviations"})
		return w, nil
	}
	w.Weights, w.Notes = proportional(info, w.Notes)
	return w, nil
}

// StdDev derives weights proportional to the standard deviation of each
// min–max normalised column (Diakoulaki, Mavrotas & Papayannakis 1995;
// Mukhametzyanov 2021, Decision Making: Applications in Management and
// Engineering 4(2), 76–105):
//
//	r_ij = (x_ij − min_j) / (max_j − min_j)     (reversed for costs; σ is the same)
//	σ_j  = sample standard deviation of r_·j (divisor m − 1)
//	w_j  = σ_j / Σ_k σ_k
//
// [Weighting].Basis holds σ_j. A constant column has σ = 0 and weight 0;
// when every column is constant (or m = 1) the weights are equal, with a
// note. Positive rescaling or shifting of a column does not change the
// weights.
//
// With Raw, σ_j is the standard deviation of the raw values x_·j, as in
// pyrepo-mcda's std_weighting and pymcdm's standard_deviation_weights
// (Sałabun, Wątróbski & Shekhovtsov 2020, Symmetry 12(9), 1549). The
// weights then depend on each criterion's unit, so Raw is only meaningful
// when every criterion is measured on the same scale (for example data
// already normalised, or scores on one rating scale).
type StdDev struct {
	// Raw takes the standard deviations of the raw values instead of the
	// min–max normalised ones.
	Raw bool `json:"raw"`
}

// Weigh returns the standard-deviation weights of p's criteria. The error
// is an [*InputError] wrapping [ErrEmpty] for the zero problem.
func (d StdDev) Weigh(p *Problem) (*Weighting, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	cov, sigma := p.covariance(false)
	if d.Raw {
		// σ_j = σ'_j / s_j from the deviation σ' of the scaled column x·s_j,
		// s_j = 2^-e_j. The proportions are taken on σ'_j·2^(e_j − max e),
		// which cannot overflow where σ_j itself would (a column spanning
		// ±1e308 has σ beyond the largest float64, reported as that).
		emax := math.MinInt
		for j := range sigma {
			_, e := math.Frexp(p.colScale[j])
			emax = max(emax, 1-e)
		}
		rel := make([]float64, p.n)
		for j := range sigma {
			sigma[j] = 0
			if p.m > 1 {
				sd := math.Sqrt(cov[j*p.n+j] / float64(p.m-1))
				_, e := math.Frexp(p.colScale[j])
				rel[j] = math.Ldexp(sd, 1-e-emax)
				sigma[j] = min(sd/p.colScale[j], math.MaxFloat64)
			}
		}
		w := &Weighting{Method: "stddev", Criteria: p.CriterionNames(), Notes: p.constantNotes(), Basis: sigma}
		w.Weights, w.Notes = proportional(rel, w.Notes)
		return w, nil
	}
	w := &Weighting{Method: "stddev", Criteria: p.CriterionNames(), Notes: p.constantNotes(), Basis: sigma}
	w.Weights, w.Notes = proportional(sigma, w.Notes)
	return w, nil
}

// MEREC derives weights by the MEthod based on the Removal Effects of
// Criteria of Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis & Antucheviciene
// (2021, Symmetry 13(4), 525): a criterion matters in proportion to how
// much each alternative's overall performance changes when the criterion
// is removed. With all values positive,
//
//	n_ij  = min_k x_kj / x_ij   (benefit)      x_ij / max_k x_kj   (cost)
//	S_i   = ln(1 + (1/n) Σ_j |ln n_ij|)
//	S'_ij = ln(1 + (1/n) Σ_{k≠j} |ln n_ik|)
//	E_j   = Σ_i |S'_ij − S_i|
//	w_j   = E_j / Σ_k E_k
//
// S_i − S'_ij is computed as log1p(|ln n_ij| / (n + Σ_{k≠j} |ln n_ik|)),
// which is exact in exact arithmetic and keeps small effects accurate.
// A constant column has E = 0 and weight 0; when every column is constant
// the weights are equal, with a note. Positive rescaling of a column does
// not change the weights.
type MEREC struct{}

// Weigh returns the MEREC weights of p's criteria. The error is an
// [*InputError] wrapping [ErrEmpty] (zero problem) or [ErrDomain] (a value
// that is not positive).
func (MEREC) Weigh(p *Problem) (*Weighting, error) {
	if err := checkProblem(p); err != nil {
		return nil, err
	}
	m, n := p.m, p.n
	for j := range n {
		if p.colMin[j] > 0 {
			continue
		}
		for i := range m {
			if v := p.data[i*n+j]; v <= 0 {
				return nil, inputErr("matrix", i, j, p.altName(i)+"/"+p.crits[j].Name, ErrDomain,
					strconv.FormatFloat(v, 'g', -1, 64)+": MEREC needs positive values")
			}
		}
	}
	fn := float64(n)
	effect := p.blockReduce(n, func(lo, hi, _ int, acc []float64) {
		l := make([]float64, n)
		for i := lo; i < hi; i++ {
			row := p.data[i*n : (i+1)*n]
			t := 0.0
			for j, x := range row {
				// |ln n_ij| = −ln r with r ≤ 1 the ratio to the column's
				// best value. A column spanning more than about 616
				// magnitudes makes r underflow to 0 (and −ln r +Inf, the
				// weights NaN); the difference of the two logarithms, less
				// accurate when r is near 1 but finite, takes over there.
				// (safeLog keeps a subnormal r exact.)
				var r float64
				if p.crits[j].Direction == Cost {
					r = x / p.colMax[j]
				} else {
					r = p.colMin[j] / x
				}
				switch {
				case r > 0:
					l[j] = -safeLog(r)
				case p.crits[j].Direction == Cost:
					l[j] = safeLog(p.colMax[j]) - safeLog(x)
				default:
					l[j] = safeLog(x) - safeLog(p.colMin[j])
				}
				t += l[j]
			}
			for j, lj := range l {
				if lj > 0 {
					acc[j] += math.Log1p(lj / (fn + t - lj))
				}
			}
		}
	})
	w := &Weighting{Method: "merec", Criteria: p.CriterionNames(), Notes: p.constantNotes(), Basis: effect}
	w.Weights, w.Notes = proportional(effect, w.Notes)
	return w, nil
}

// blockReduce runs fn over fixed row blocks, each accumulating into its
// own k-vector, and returns their sum merged in block order, so the result
// does not depend on the number of workers.
func (p *Problem) blockReduce(k int, fn func(lo, hi, b int, acc []float64)) []float64 {
	nb := numBlocks(p.m)
	part := make([]float64, nb*k)
	forBlocks(p.m, p.n, func(lo, hi, b int) { fn(lo, hi, b, part[b*k:(b+1)*k]) })
	out := make([]float64, k)
	for b := range nb {
		for j := range k {
			out[j] += part[b*k+j]
		}
	}
	return out
}

// covariance returns the n×n matrix of centred cross-products of the
// exactly scaled columns (only the diagonal unless full), and σ_j, the
// sample standard deviation of column j after min–max normalisation (0 for
// a constant column or m = 1). Two passes (means, then centred products)
// keep the result accurate for columns with a large offset.
func (p *Problem) covariance(full bool) (cov, sigma []float64) {
	m, n := p.m, p.n
	s := p.colScale
	mean := p.blockReduce(n, func(lo, hi, _ int, acc []float64) {
		for i := lo; i < hi; i++ {
			for j, x := range p.data[i*n : (i+1)*n] {
				acc[j] += x * s[j]
			}
		}
	})
	for j := range mean {
		mean[j] /= float64(m)
	}
	cov = p.blockReduce(n*n, func(lo, hi, _ int, acc []float64) {
		dev := make([]float64, n)
		for i := lo; i < hi; i++ {
			for j, x := range p.data[i*n : (i+1)*n] {
				dev[j] = x*s[j] - mean[j]
			}
			for j, dj := range dev {
				if !full {
					acc[j*n+j] += dj * dj
					continue
				}
				for k := j; k < n; k++ {
					acc[j*n+k] += dj * dev[k]
				}
			}
		}
	})
	for j := range n {
		for k := j + 1; k < n; k++ {
			cov[k*n+j] = cov[j*n+k]
		}
	}
	sigma = make([]float64, n)
	if m < 2 {
		return cov, sigma
	}
	for j := range n {
		span := p.colMax[j]*s[j] - p.colMin[j]*s[j]
		if span > 0 {
			sigma[j] = math.Sqrt(cov[j*n+j]/float64(m-1)) / span
		}
	}
	return cov, sigma
}

// proportional returns v normalised to sum to 1, or equal weights with a
// note when v sums to zero.
func proportional(v []float64, notes []Note) ([]float64, []Note) {
	w := make([]float64, len(v))
	sum := sumOf(v)
	if sum == 0 || math.IsNaN(sum) || math.IsInf(sum, 0) {
		for j := range w {
			w[j] = 1 / float64(len(w))
		}
		return w, append(notes, Note{Code: "equal-weights",
			Text: "no criterion discriminates between the alternatives, so the weights are equal"})
	}
	for j, x := range v {
		w[j] = x / sum
	}
	return w, notes
}

func sumOf(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
