package scoring

import "github.com/socialseat/socialseat/internal/textenum"

// Direction says whether more of a criterion is better (Benefit) or worse
// (Cost). The zero value is unset and rejected by [NewProblem]; its text form
// is "benefit" or "cost".
type Direction int

const (
	// Benefit marks a criterion where a higher value is better.
	Benefit Direction = iota + 1
	// Cost marks a criterion where a lower value is better.
	Cost
)

var directionTokens = []string{"", "benefit", "cost"}

// String returns "benefit", "cost", or "Direction(N)" for an invalid value.
func (d Direction) String() string { return tokenString("Direction", directionTokens, int(d)) }

// MarshalText returns the token of d; an invalid Direction is an error.
func (d Direction) MarshalText() ([]byte, error) {
	return marshalToken("direction", directionTokens, int(d))
}

// UnmarshalText parses "benefit" or "cost".
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDirection parses "benefit" or "cost". Any other token is an error
// wrapping [ErrUnknownName].
func ParseDirection(s string) (Direction, error) {
	i, err := parseToken("direction", directionTokens, s)
	return Direction(i), err
}

// Normalization selects how a decision matrix is brought to a common,
// dimensionless, higher-is-better scale before aggregation. The zero value,
// DefaultNormalization, means "the method's documented default". Every
// normalisation turns cost criteria into benefit form, so a normalised value
// is always "higher is better".
//
// For a column x of m values, with max, min and sum taken over the column:
//
//	Vector  benefit x/‖x‖₂              cost 1 − x/‖x‖₂
//	Max     benefit x/max               cost min/x          (linear scale, Hwang & Yoon 1981)
//	MinMax  benefit (x−min)/(max−min)   cost (max−x)/(max−min)
//	Sum     benefit x/Σx                cost (1/x)/Σ(1/x)
//	None    benefit x                   cost −x              (no normalisation)
//
// Degenerate columns have a defined value, never NaN: a column of zeros
// normalises as the limit of a positive constant column (Vector 1/√m, cost
// 1 − 1/√m; Max 1; Sum 1/m), and a constant column under MinMax normalises to
// 1 (no alternative falls short of the best). Max and Sum form ratios and so
// need non-negative values, and strictly positive values on cost criteria;
// other input is rejected with [ErrDomain].
type Normalization int

const (
	// DefaultNormalization selects the method's own default.
	DefaultNormalization Normalization = iota
	// Vector divides by the column's Euclidean norm.
	Vector
	// Max is the linear scale transformation: x/max, and min/x for costs.
	Max
	// MinMax maps the column linearly onto [0, 1].
	MinMax
	// Sum divides by the column sum (for costs, of the reciprocals).
	Sum
	// None leaves the values as they are (negated on cost criteria, so
	// that higher is still better). It is only meaningful when every
	// criterion is already on one scale, such as data normalised
	// elsewhere or scores on one rating scale; only [WeightedSum] and
	// [TOPSIS] accept it.
	None
)

var normalizationTokens = []string{"default", "vector", "max", "minmax", "sum", "none"}

// String returns the token of n: "default", "vector", "max", "minmax",
// "sum" or "none".
func (n Normalization) String() string {
	return tokenString("Normalization", normalizationTokens, int(n))
}

// MarshalText returns the token of n; an invalid value is an error.
func (n Normalization) MarshalText() ([]byte, error) {
	return marshalToken("normalization", normalizationTokens, int(n))
}

// UnmarshalText parses a normalisation token.
func (n *Normalization) UnmarshalText(b []byte) error {
	v, err := ParseNormalization(string(b))
	if err == nil {
		*n = v
	}
	return err
}

// ParseNormalization parses "default", "vector", "max", "minmax", "sum" or
// "none".
func ParseNormalization(s string) (Normalization, error) {
	i, err := parseToken("normalization", normalizationTokens, s)
	return Normalization(i), err
}

func (n Normalization) valid() bool { return n >= DefaultNormalization && n <= None }

// Better says whether a method's score improves upwards or downwards. Most
// methods are Higher; VIKOR's Q is Lower. The zero value is invalid.
type Better int

const (
	// Higher means a higher score is better.
	Higher Better = iota + 1
	// Lower means a lower score is better.
	Lower
)

var betterTokens = []string{"", "higher", "lower"}

// String returns "higher" or "lower".
func (b Better) String() string { return tokenString("Better", betterTokens, int(b)) }

// MarshalText returns "higher" or "lower"; an invalid value is an error.
func (b Better) MarshalText() ([]byte, error) { return marshalToken("better", betterTokens, int(b)) }

// UnmarshalText parses "higher" or "lower".
func (b *Better) UnmarshalText(text []byte) error {
	v, err := parseToken("better", betterTokens, string(text))
	if err == nil {
		*b = Better(v)
	}
	return err
}

// tokenString, marshalToken and parseToken are the package's names for
// the text helpers shared with touchpoint and placement: tokens[i] is the
// token of value i, and "" marks a value without a text form.
func tokenString(kind string, tokens []string, i int) string {
	return textenum.String(kind, tokens, i)
}

func marshalToken(kind string, tokens []string, i int) ([]byte, error) {
	return textenum.Marshal(kind, tokens, i)
}

func parseToken(kind string, tokens []string, s string) (int, error) {
	return textenum.Parse(kind, tokens, s)
}
