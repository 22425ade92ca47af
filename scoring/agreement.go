package scoring

import (
	"fmt"
	"math"
	"slices"
)

// checkRankings validates two rankings of the same alternatives.
func checkRankings(a, b []int) error {
	if len(a) == 0 {
		return inputErr("ranking", -1, -1, "", ErrEmpty, "no alternatives")
	}
	if len(a) != len(b) {
		return inputErr("ranking", -1, -1, "", ErrLength, fmt.Sprintf("%d and %d ranks", len(a), len(b)))
	}
	for _, r := range [][]int{a, b} {
		for i, k := range r {
			if k < 1 || k > len(r) {
				return inputErr("ranking", i, -1, "", ErrParam, fmt.Sprintf("rank %d outside 1..%d", k, len(r)))
			}
		}
	}
	return nil
}

// SpearmanRho returns Spearman's rank correlation between two rankings of
// the same alternatives (as in [Result].Ranks): the Pearson correlation of
// the rankings after tied ranks are replaced by their average (fractional)
// rank. It is 1 for identical rankings and −1 for reversed ones. When
// either ranking ties every alternative the correlation is undefined; it is
// then defined as 1 if both do and 0 otherwise.
func SpearmanRho(a, b []int) (float64, error) {
	if err := checkRankings(a, b); err != nil {
		return 0, err
	}
	// Small rankings (a recommendation's hundred-odd candidates) are
	// handled in stack buffers, so a cross-check allocates nothing.
	var xb, yb [smallRanking]float64
	var cb [smallRanking + 1]int
	x, y := make0(xb[:], len(a)), make0(yb[:], len(b))
	fractionalRanksInto(x, a, make0(cb[:], len(a)+1))
	fractionalRanksInto(y, b, make0(cb[:], len(b)+1))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	n := float64(len(x))
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	switch {
	case sxx == 0 && syy == 0:
		return 1, nil
	case sxx == 0 || syy == 0:
		return 0, nil
	}
	return clamp(sxy/math.Sqrt(sxx*syy), -1, 1), nil
}

// fractionalRanksInto replaces competition ranks (1, 2, 2, 4) by average
// ranks (1, 2.5, 2.5, 4), writing them into out (len(r)), with count
// (len(r)+1, zeroed) as scratch.
func fractionalRanksInto(out []float64, r, count []int) {
	for _, k := range r {
		count[k]++
	}
	for i, k := range r {
		out[i] = float64(k) + float64(count[k]-1)/2
	}
}

// smallRanking is the length up to which the agreement coefficients work
// in stack buffers rather than allocate.
const smallRanking = 256

// make0 returns buf[:n] cleared when it is long enough, else a new slice
// of length n.
func make0[T any](buf []T, n int) []T {
	if n <= len(buf) {
		s := buf[:n]
		clear(s)
		return s
	}
	return make([]T, n)
}

// KendallTau returns Kendall's τ-b between two rankings of the same
// alternatives: (concordant − discordant) pairs over the geometric mean of
// the pairs untied in each ranking. It is 1 for identical rankings and −1
// for reversed ones. With fewer than two alternatives, or when a ranking
// ties everything, τ is defined as in [SpearmanRho].
func KendallTau(a, b []int) (float64, error) {
	if err := checkRankings(a, b); err != nil {
		return 0, err
	}
	pc := countPairs(a, b)
	na, nb := pc.all-pc.tieA, pc.all-pc.tieB
	switch {
	case na == 0 && nb == 0:
		return 1, nil
	case na == 0 || nb == 0:
		return 0, nil
	}
	return clamp((pc.conc-pc.disc)/math.Sqrt(na*nb), -1, 1), nil
}

// pairCounts are the counts of pairs of alternatives between two rankings:
// all of them, those tied in the first ranking, in the second, in both,
// and those untied in both, in the same order (concordant) or in opposite
// orders (discordant). They are whole numbers held exactly in float64
// (below 2⁵³).
type pairCounts struct {
	all, tieA, tieB, tieAB, conc, disc float64
}

// countPairs counts the pairs of two checked rankings in O(n log n) time
// by Knight's (1966) algorithm ("A computer method for calculating
// Kendall's tau with ungrouped data", JASA 61(314):436–439): sort by (a,
// b), count the pairs tied in a and tied in both, then count the
// discordant pairs as the inversions of b by a merge sort, and the pairs
// tied in b. Up to smallRanking alternatives it works in stack buffers.
func countPairs(a, b []int) pairCounts {
	n := len(a)
	var ib, sb, tb [smallRanking]int
	var cb [smallRanking + 1]int
	// Ranks lie in 1..n (checked by the callers), so two stable counting
	// sorts, by b and then by a, order the indices by (a, b) in linear
	// time. (Indices equal in both keep their order; any order of those
	// gives the same counts.)
	byB, idx := make0(tb[:], n), make0(ib[:], n)
	countingSortByRank(byB, nil, b, make0(cb[:], n+1))
	countingSortByRank(idx, byB, a, make0(cb[:], n+1))
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var pc pairCounts
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && a[idx[hi]] == a[idx[lo]] {
			hi++
		}
		pc.tieA += pairs(hi - lo)
		for k := lo; k < hi; {
			end := k + 1 // the run of equal b within the run of equal a
			for end < hi && b[idx[end]] == b[idx[k]] {
				end++
			}
			pc.tieAB += pairs(end - k)
			k = end
		}
		lo = hi
	}
	seq := make0(sb[:], n)
	for k, i := range idx {
		seq[k] = b[i]
	}
	// Within a run of equal a, b increases: no pair tied in a is an
	// inversion, nor is a pair tied in b (the inversion is strict).
	pc.disc = float64(inversions(seq, make0(tb[:], n)))
	slices.Sort(seq)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && seq[hi] == seq[lo] {
			hi++
		}
		pc.tieB += pairs(hi - lo)
		lo = hi
	}
	pc.all = pairs(n)
	pc.conc = pc.all - pc.tieA - pc.tieB + pc.tieAB - pc.disc
	return pc
}

// countingSortByRank writes into dst the indices src (0…len(dst)−1 if src
// is nil) stably sorted by key[i], which lies in 1..len(dst); count
// (len(dst)+1, zeroed) is scratch.
func countingSortByRank(dst, src, key, count []int) {
	for _, k := range key {
		count[k]++
	}
	pos := 0
	for k := range count {
		count[k], pos = pos, pos+count[k]
	}
	for s := range dst {
		i := s
		if src != nil {
			i = src[s]
		}
		dst[count[key[i]]] = i
		count[key[i]]++
	}
}

// inversions counts the pairs i < j with s[i] > s[j] by a merge sort,
// leaving s sorted; tmp has len(s).
func inversions(s, tmp []int) int {
	if len(s) < 2 {
		return 0
	}
	mid := len(s) / 2
	inv := inversions(s[:mid], tmp[:mid]) + inversions(s[mid:], tmp[mid:])
	i, j, k := 0, mid, 0
	for i < mid && j < len(s) {
		if s[j] < s[i] {
			tmp[k] = s[j]
			inv += mid - i
			j++
		} else {
			tmp[k] = s[i]
			i++
		}
		k++
	}
	k += copy(tmp[k:], s[i:mid])
	copy(tmp[k:], s[j:])
	copy(s, tmp[:len(s)])
	return inv
}

// WSCoefficient returns the WS rank similarity coefficient of Sałabun &
// Urbaniak (2020), "A new coefficient of rankings similarity in decision-
// making problems", ICCS 2020, LNCS 12138:632–645:
//
//	WS = 1 − Σ_i 2^(−x_i) · |x_i − y_i| / max(|x_i − 1|, |x_i − N|)
//
// with x the reference ranking and y the compared one. Unlike ρ and τ it is
// asymmetric and weighs disagreement at the top of the reference ranking
// more; it lies in [0, 1], 1 for identical rankings. With one alternative WS
// is 1.
func WSCoefficient(reference, other []int) (float64, error) {
	if err := checkRankings(reference, other); err != nil {
		return 0, err
	}
	n := float64(len(reference))
	if n == 1 {
		return 1, nil
	}
	sum := 0.0
	for i, xi := range reference {
		x, y := float64(xi), float64(other[i])
		sum += math.Exp2(-x) * math.Abs(x-y) / math.Max(math.Abs(x-1), math.Abs(x-n))
	}
	return clamp(1-sum, 0, 1), nil
}

// WeightedSpearman returns the weighted rank correlation r_w of Pinto da
// Costa & Soares (2005), "A weighted rank measure of correlation",
// Australian & New Zealand Journal of Statistics 47(4):515–529, in the
// form Sałabun & Urbaniak (2020) use:
//
//	r_w = 1 − 6 Σ_i (x_i − y_i)² ((N − x_i + 1) + (N − y_i + 1)) / (N⁴ + N³ − N² − N)
//
// A disagreement weighs more the nearer the top of either ranking it is.
// It is symmetric, 1 for identical rankings and −1 for one ranking of two
// alternatives against its reverse; it is meant for rankings without ties
// (ties enter with their competition ranks). With one alternative r_w is 1.
func WeightedSpearman(a, b []int) (float64, error) {
	if err := checkRankings(a, b); err != nil {
		return 0, err
	}
	n := float64(len(a))
	if n == 1 {
		return 1, nil
	}
	sum := 0.0
	for i := range a {
		x, y := float64(a[i]), float64(b[i])
		sum += (x - y) * (x - y) * ((n - x + 1) + (n - y + 1))
	}
	return clamp(1-6*sum/(n*n*n*n+n*n*n-n*n-n), -1, 1), nil
}

// GoodmanKruskalGamma returns Goodman & Kruskal's γ (1954, "Measures of
// association for cross classifications", JASA 49(268):732–764) between two
// rankings of the same alternatives:
//
//	γ = (N_c − N_d) / (N_c + N_d)
//
// over the pairs of alternatives untied in both rankings, N_c of them in
// the same order and N_d in opposite orders. It is 1 for identical
// rankings and −1 for reversed ones; when no pair is untied in both it is
// defined as in [SpearmanRho] (1 if both rankings tie everything, else 0).
// It takes O(n log n) time for n alternatives.
func GoodmanKruskalGamma(a, b []int) (float64, error) {
	if err := checkRankings(a, b); err != nil {
		return 0, err
	}
	// The pairs are counted as for τ-b, in O(n log n) time.
	pc := countPairs(a, b)
	if pc.conc+pc.disc == 0 {
		if pc.tieA == pc.all && pc.tieB == pc.all {
			return 1, nil
		}
		return 0, nil
	}
	return (pc.conc - pc.disc) / (pc.conc + pc.disc), nil
}

// RankAgreement selects a coefficient of agreement between two rankings.
// Its text form is "spearman", "weighted_spearman", "kendall",
// "goodman_kruskal" or "ws".
type RankAgreement int

const (
	// AgreementSpearman is [SpearmanRho].
	AgreementSpearman RankAgreement = iota
	// AgreementWeightedSpearman is [WeightedSpearman].
	AgreementWeightedSpearman
	// AgreementKendall is [KendallTau] (τ-b).
	AgreementKendall
	// AgreementGoodmanKruskal is [GoodmanKruskalGamma].
	AgreementGoodmanKruskal
	// AgreementWS is [WSCoefficient]; it is asymmetric, the first ranking
	// being the reference.
	AgreementWS
)

var rankAgreementTokens = []string{"spearman", "weighted_spearman", "kendall", "goodman_kruskal", "ws"}

// RankAgreements lists every coefficient, in the order of their constants.
func RankAgreements() []RankAgreement {
	return []RankAgreement{AgreementSpearman, AgreementWeightedSpearman, AgreementKendall, AgreementGoodmanKruskal, AgreementWS}
}

// String returns the coefficient's token, or "RankAgreement(N)" for an
// invalid value.
func (c RankAgreement) String() string {
	return tokenString("RankAgreement", rankAgreementTokens, int(c))
}

// MarshalText returns the token of c; an invalid value is an error.
func (c RankAgreement) MarshalText() ([]byte, error) {
	return marshalToken("rank agreement coefficient", rankAgreementTokens, int(c))
}

// UnmarshalText parses a coefficient's token.
func (c *RankAgreement) UnmarshalText(b []byte) error {
	v, err := ParseRankAgreement(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// ParseRankAgreement parses "spearman", "weighted_spearman", "kendall",
// "goodman_kruskal" or "ws". Any other token is an error wrapping
// [ErrUnknownName].
func ParseRankAgreement(s string) (RankAgreement, error) {
	i, err := parseToken("rank agreement coefficient", rankAgreementTokens, s)
	return RankAgreement(i), err
}

// Compare returns the coefficient between two rankings of the same
// alternatives (as in [Result].Ranks); for WS, reference is the reference
// ranking. An invalid c is an error wrapping [ErrUnknownName].
func (c RankAgreement) Compare(reference, other []int) (float64, error) {
	switch c {
	case AgreementSpearman:
		return SpearmanRho(reference, other)
	case AgreementWeightedSpearman:
		return WeightedSpearman(reference, other)
	case AgreementKendall:
		return KendallTau(reference, other)
	case AgreementGoodmanKruskal:
		return GoodmanKruskalGamma(reference, other)
	case AgreementWS:
		return WSCoefficient(reference, other)
	}
	return 0, inputErr("coefficient", -1, -1, "", ErrUnknownName, c.String())
}

func clamp(x, lo, hi float64) float64 { return math.Min(hi, math.Max(lo, x)) }
