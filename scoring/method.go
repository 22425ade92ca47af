package scoring

import (
	"fmt"
	"strings"
)

// Method ranks the alternatives of a decision problem under a weight
// vector. Implementations must not modify p or weights, must return finite
// scores, and must be safe for concurrent use. The built-in methods are
// [WeightedSum], [WeightedProduct], [TOPSIS], [VIKOR], [PROMETHEEII],
// [COPRAS], [EDAS], [MABAC], [SPOTIS] and [MOORA]; each is also an
// [Evaluator]. Package scoringtest checks the properties every Method must
// have.
type Method interface {
	// Rank evaluates p under weights (one per criterion, non-negative, not
	// all zero; they are normalised to sum to 1).
	Rank(p *Problem, weights []float64) (*Result, error)
}

// Evaluator is a [Method] that also reports the intermediate values of
// its computation (distances, flows, normalised matrices). Every built-in
// method is one: its Evaluate method returns its own result type (for
// example [TOPSIS.Evaluate] returns a [*TOPSISResult]), and Detail returns
// the same value as an [Evaluation], for code that handles any method.
type Evaluator interface {
	Method
	// Detail is the method's Evaluate. Its Base is equal to what Rank
	// returns for the same arguments.
	Detail(p *Problem, weights []float64) (Evaluation, error)
}

// Evaluation is the detailed result of an [Evaluator], such as
// [*TOPSISResult]: a [Result] with the method's intermediate values. Its
// JSON form is the Result's object with further keys, each documented on
// the result type.
type Evaluation interface {
	// Base returns the embedded Result.
	Base() *Result
}

// evaluation converts the typed result of an Evaluate method, so that an
// error never comes with a non-nil Evaluation holding a nil pointer.
func evaluation[R Evaluation](r R, err error) (Evaluation, error) {
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Every built-in method is an Evaluator.
var (
	_ Evaluator = WeightedSum{}
	_ Evaluator = WeightedProduct{}
	_ Evaluator = TOPSIS{}
	_ Evaluator = VIKOR{}
	_ Evaluator = PROMETHEEII{}
	_ Evaluator = COPRAS{}
	_ Evaluator = EDAS{}
	_ Evaluator = MABAC{}
	_ Evaluator = SPOTIS{}
	_ Evaluator = MOORA{}
)

// kernel scores a prepared problem under many weight vectors without
// allocating. It is immutable and safe for concurrent use; each caller
// passes its own scratch space of at least scratchLen() values.
type kernel interface {
	// score writes the scores under the normalised weights w into dst
	// (length m).
	score(dst, w, scratch []float64)
	scratchLen() int
	better() Better
}

// preparer is implemented by the built-in methods: the weight-independent
// work (normalisation, preference degrees) is done once in prepare, and
// the kernel then scores any number of weight vectors. Robustness analysis
// uses it to avoid allocating per sample.
type preparer interface {
	prepare(p *Problem) (kernel, error)
}

// mulAdd returns Σ_j w[j]·row[j].
func mulAdd(row, w []float64) float64 {
	s := 0.0
	for j, x := range row {
		s += w[j] * x
	}
	return s
}

// Every built-in method prepares a kernel.
var (
	_ preparer = WeightedSum{}
	_ preparer = WeightedProduct{}
	_ preparer = TOPSIS{}
	_ preparer = VIKOR{}
	_ preparer = PROMETHEEII{}
	_ preparer = COPRAS{}
)

// ParseMethod returns the built-in method named by its text token, with
// its default parameters: "wsm" ([WeightedSum]), "wpm" ([WeightedProduct]),
// "topsis" ([TOPSIS]), "vikor" ([NewVIKOR], v = 0.5), "promethee2"
// ([PROMETHEEII], usual criterion everywhere) or "copras" ([COPRAS]). Any
// other token is an error wrapping [ErrUnknownName]. The further methods
// "edas" ([EDAS]), "mabac" ([MABAC]), "spotis" ([SPOTIS], data bounds) and
// "moora" ([MOORA]) are accepted too.
func ParseMethod(token string) (Method, error) {
	switch token {
	case "wsm":
		return WeightedSum{}, nil
	case "wpm":
		return WeightedProduct{}, nil
	case "topsis":
		return TOPSIS{}, nil
	case "vikor":
		return NewVIKOR(), nil
	case "promethee2":
		return PROMETHEEII{}, nil
	case "copras":
		return COPRAS{}, nil
	case "edas":
		return EDAS{}, nil
	case "mabac":
		return MABAC{}, nil
	case "spotis":
		return SPOTIS{}, nil
	case "moora":
		return MOORA{}, nil
	}
	return nil, fmt.Errorf("%w: method %q (want one of %s)", ErrUnknownName, token, strings.Join(MethodTokens(), ", "))
}

// MethodTokens returns the text tokens of the built-in methods.
func MethodTokens() []string {
	return []string{"wsm", "wpm", "topsis", "vikor", "promethee2", "copras", "edas", "mabac", "spotis", "moora"}
}
