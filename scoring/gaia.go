package scoring

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// GAIA is the Geometrical Analysis for Interactive Aid of Mareschal & Brans
// (1988), "Geometrical representations for MCDA", EJOR 34(1):69–77, as
// described in Brans & Mareschal (2005), ch. 5 of Figueira, Greco & Ehrgott
// (eds.), Multiple Criteria Decision Analysis: State of the Art Surveys.
//
// Each alternative a is the point (φ_1(a), …, φ_n(a)) of its unicriterion
// net flows under the PROMETHEE preference functions. GAIA projects these
// points on the plane of the first two principal components of their
// covariance matrix (gonum's [stat.PC]; the flows are not rescaled), with
// each criterion's unit vector projected as an axis and the weight vector
// projected as the decision stick π. δ, the share of the total variance
// that the plane keeps, says how far the picture can be trusted; Brans &
// Mareschal advise caution below about 60–70 %.
//
// Since φ(a) = Σ_j w_j φ_j(a), an alternative's projection on the decision
// stick is its PROMETHEE II net flow when δ = 1 (at most two criteria, or
// data of rank two), and an approximation of it otherwise.
//
// The sign of a principal component is arbitrary; GAIA orients each axis
// so that the decision stick has a non-negative coordinate on it, and when
// that coordinate is zero so that the axis's largest criterion coordinate
// is positive. Its text token is "gaia". The zero value uses the Usual
// criterion everywhere.
type GAIA struct {
	// Preferences holds one preference function per criterion, as for
	// [PROMETHEEII]; nil means Usual for every criterion.
	Preferences []Preference `json:"preferences"`
}

// Point is a point of a two-dimensional plot.
type Point struct {
	X float64 `json:"x"` // coordinate on the first axis (for GAIA, the first principal component)
	Y float64 `json:"y"` // coordinate on the second axis (for GAIA, the second principal component)
}

// GAIAResult is a GAIA plane. Slices of alternatives and criteria follow
// the problem's order.
type GAIAResult struct {
	// Method is "gaia".
	Method string `json:"method"`
	// Alternatives are the problem's alternatives' names, in problem
	// order; the slice is shared with other results from the same
	// problem, as in [Result].
	Alternatives []string `json:"alternatives"`
	// Criteria are the problem's criteria's names, in problem order,
	// shared in the same way.
	Criteria []string `json:"criteria"`
	// Weights are the weights used, normalised to sum to 1.
	Weights []float64 `json:"weights"`
	// Profiles.At(a, j) is φ_j(a), the unicriterion net flow of
	// alternative a on criterion j, in [−1, 1].
	Profiles *Table `json:"profiles"`
	// AlternativePoints are the alternatives projected on the plane.
	AlternativePoints []Point `json:"alternative_points"`
	// CriterionAxes are the criteria's unit vectors projected on the plane;
	// each has length at most 1.
	CriterionAxes []Point `json:"criterion_axes"`
	// DecisionStick is the weight vector projected on the plane.
	DecisionStick Point `json:"decision_stick"`
	// Variances are the variances of all principal components, largest
	// first (min(m, n) of them).
	Variances []float64 `json:"variances"`
	// Delta is δ, the share of the total variance kept by the plane, in
	// [0, 1]. With no variance at all (one alternative, or every criterion
	// constant) every point is at the origin, nothing is lost, and δ = 1.
	Delta float64 `json:"delta"`
	// Notes records advisories about the input, as in [Result].
	Notes []Note `json:"notes,omitempty"`
}

// Evaluate computes the GAIA plane. Errors are those of
// [PROMETHEEII.Rank]; a failed decomposition (which finite input does not
// cause) is an error wrapping [ErrDomain].
func (g GAIA) Evaluate(p *Problem, weights []float64) (*GAIAResult, error) {
	w, err := prepareWeights(p, weights)
	if err != nil {
		return nil, err
	}
	out, in, err := PROMETHEEII(g).flows(p)
	if err != nil {
		return nil, err
	}
	mm, n := p.m, p.n
	prof := make([]float64, mm*n)
	for k := range prof {
		prof[k] = out[k] - in[k]
	}
	res := &GAIAResult{
		Method:            "gaia",
		Alternatives:      p.resultAlts,
		Criteria:          p.resultCrits,
		Weights:           w,
		Profiles:          newTable(prof, mm, n),
		AlternativePoints: make([]Point, mm),
		CriterionAxes:     make([]Point, n),
		Variances:         make([]float64, min(mm, n)),
		Delta:             1,
		Notes:             p.constantNotes(),
	}
	total := 0.0
	for _, v := range prof {
		total += v * v
	}
	if mm < 2 || total == 0 {
		return res, nil
	}
	var pc stat.PC
	if !pc.PrincipalComponents(mat.NewDense(mm, n, prof), nil) {
		return nil, inputErr("matrix", -1, -1, "", ErrDomain, "the principal component decomposition of the flow profiles failed")
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	vars := pc.VarsTo(res.Variances)
	sum := 0.0
	for _, v := range vars {
		sum += v
	}
	kept := 0.0
	for k := range min(2, len(vars)) {
		kept += vars[k]
	}
	if sum > 0 {
		res.Delta = math.Min(1, kept/sum)
	}
	// axis[k][j] is component k's coordinate of criterion j, oriented.
	var axis [2][]float64
	for k := range min(2, len(vars)) {
		v := make([]float64, n)
		stick, big := 0.0, 0.0
		for j := range n {
			v[j] = vecs.At(j, k)
			stick += w[j] * v[j]
			if math.Abs(v[j]) > math.Abs(big) {
				big = v[j]
			}
		}
		if stick < -1e-12 || (math.Abs(stick) <= 1e-12 && big < 0) {
			for j := range v {
				v[j] = -v[j]
			}
		}
		axis[k] = v
	}
	coord := func(k int, x []float64) float64 {
		if axis[k] == nil {
			return 0
		}
		return mulAdd(x, axis[k])
	}
	for a := range mm {
		row := prof[a*n : (a+1)*n]
		res.AlternativePoints[a] = Point{coord(0, row), coord(1, row)}
	}
	for j := range n {
		if axis[0] != nil {
			res.CriterionAxes[j].X = axis[0][j]
		}
		if axis[1] != nil {
			res.CriterionAxes[j].Y = axis[1][j]
		}
	}
	res.DecisionStick = Point{coord(0, w), coord(1, w)}
	return res, nil
}
