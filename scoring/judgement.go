package scoring

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Judgement is one entry a_ij of a pairwise comparison matrix: how many
// times more important (or preferred) item i is than item j, on Saaty's
// ratio scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme, and
// their reciprocals 1/3 … 1/9 for the opposite direction). Any positive
// ratio is accepted; [AHP] limits the range it works on.
//
// The zero Judgement means "no judgement given" (a missing entry). In text,
// JSON and YAML a judgement is written as a number ("3", "0.25"), a fraction
// ("1/3"), or, when missing, as null, "?" or the empty string; 0 also reads
// as missing. (In YAML write a missing judgement as "?" or 0: go.yaml.in/yaml/v3
// silently drops null items from a sequence of non-pointer values, which
// would shorten the row.) A Judgement is a float64, so Go code can write
// literal matrices directly:
//
//	[][]scoring.Judgement{{1, 3, 1.0 / 5}, {1.0 / 3, 1, 0}, {5, 0, 1}}
type Judgement float64

// IsMissing reports whether j is the zero Judgement, a judgement not given.
func (j Judgement) IsMissing() bool { return j == 0 }

// reciprocalTolerance is the relative distance within which String writes a
// value as the fraction 1/k.
const reciprocalTolerance = 1e-12

// String returns "?" for a missing judgement, "1/k" for the reciprocal of an
// integer k ≥ 2 (within a relative 1e-12), and the shortest decimal form
// otherwise. [ParseJudgement] reads every form back.
func (j Judgement) String() string {
	v := float64(j)
	switch {
	case v == 0:
		return "?"
	case v > 0 && v < 1:
		k := math.Round(1 / v)
		if k >= 2 && k <= 1e9 && math.Abs(1/k-v) <= reciprocalTolerance*v {
			return "1/" + strconv.FormatFloat(k, 'f', -1, 64)
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ParseJudgement reads a judgement written as a decimal number ("3",
// "0.25", "1e-1"), a fraction of two decimal numbers ("1/3", "2 / 5"), or a
// missing judgement ("?" or the empty string, which give the zero
// Judgement; so does "0"). Surrounding spaces are ignored.
//
// The error is an [*InputError] on field "judgement" wrapping
// [ErrUnknownName] (text that is not a number or a fraction), [ErrNotFinite]
// (NaN or an infinity, including a fraction that overflows) or [ErrDomain]
// (a negative value or a zero denominator).
func ParseJudgement(s string) (Judgement, error) {
	t := strings.TrimSpace(s)
	if t == "" || t == "?" {
		return 0, nil
	}
	num, den, isFrac := strings.Cut(t, "/")
	a, err := parseJudgementNumber(s, num)
	if err != nil {
		return 0, err
	}
	v := a
	if isFrac {
		b, err := parseJudgementNumber(s, den)
		if err != nil {
			return 0, err
		}
		if b == 0 {
			return 0, judgementErr(s, ErrDomain, "zero denominator")
		}
		v = a / b
		if math.IsInf(v, 0) {
			return 0, judgementErr(s, ErrNotFinite, "fraction overflows")
		}
		if v == 0 && a != 0 {
			return 0, judgementErr(s, ErrDomain, "fraction underflows to zero")
		}
	}
	if v < 0 {
		return 0, judgementErr(s, ErrDomain, "a judgement must be positive")
	}
	return Judgement(v + 0), nil // +0 turns -0 into 0
}

func parseJudgementNumber(s, part string) (float64, error) {
	part = strings.TrimSpace(part)
	// Accept plain decimal syntax only: strconv would also take "inf",
	// "nan", hexadecimal floats and underscores.
	for _, r := range part {
		if !(r >= '0' && r <= '9' || r == '.' || r == 'e' || r == 'E' || r == '+' || r == '-') {
			if strings.EqualFold(part, "nan") || strings.EqualFold(strings.TrimLeft(part, "+-"), "inf") ||
				strings.EqualFold(strings.TrimLeft(part, "+-"), "infinity") {
				return 0, judgementErr(s, ErrNotFinite, "")
			}
			return 0, judgementErr(s, ErrUnknownName, "want a number such as 3 or a fraction such as 1/3")
		}
	}
	v, err := strconv.ParseFloat(part, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !math.IsInf(v, 0) {
			return v, nil // underflow to zero or a denormal: an ordinary tiny number
		}
		if math.IsInf(v, 0) {
			return 0, judgementErr(s, ErrNotFinite, "number overflows")
		}
		return 0, judgementErr(s, ErrUnknownName, "want a number such as 3 or a fraction such as 1/3")
	}
	if mant, _, _ := strings.Cut(strings.ToLower(part), "e"); v == 0 && strings.ContainsAny(mant, "123456789") {
		return 0, judgementErr(s, ErrDomain, "number underflows to zero")
	}
	return v, nil
}

func judgementErr(s string, err error, detail string) *InputError {
	d := strconv.Quote(s)
	if detail != "" {
		d += ": " + detail
	}
	return inputErr("judgement", -1, -1, "", err, d)
}

// MarshalText returns the form written by String. A negative or non-finite
// judgement is an error wrapping [ErrDomain] or [ErrNotFinite].
func (j Judgement) MarshalText() ([]byte, error) {
	if err := j.check(); err != nil {
		return nil, err
	}
	return []byte(j.String()), nil
}

// UnmarshalText parses a judgement as [ParseJudgement] does. YAML decoders
// that honour [encoding.TextUnmarshaler] (such as go.yaml.in/yaml/v3) use it
// for both numbers and strings, so a YAML matrix may mix 3 and "1/3".
func (j *Judgement) UnmarshalText(b []byte) error {
	v, err := ParseJudgement(string(b))
	if err == nil {
		*j = v
	}
	return err
}

// MarshalJSON writes a missing judgement as null, the reciprocal of an
// integer as a string fraction ("1/3"), and any other value as a JSON
// number, so that a matrix reads as a facilitator wrote it.
func (j Judgement) MarshalJSON() ([]byte, error) {
	if err := j.check(); err != nil {
		return nil, err
	}
	if j == 0 {
		return []byte("null"), nil
	}
	s := j.String()
	if strings.HasPrefix(s, "1/") {
		return []byte(strconv.Quote(s)), nil
	}
	return []byte(s), nil
}

// UnmarshalJSON reads a JSON number, a JSON string in any form
// [ParseJudgement] accepts, or null (a missing judgement).
func (j *Judgement) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*j = 0
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return judgementErr(string(b), ErrUnknownName, "malformed string")
		}
		return j.UnmarshalText([]byte(s))
	}
	return j.UnmarshalText(b)
}

func (j Judgement) check() error {
	v := float64(j)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return judgementErr(strconv.FormatFloat(v, 'g', -1, 64), ErrNotFinite, "")
	case v < 0:
		return judgementErr(strconv.FormatFloat(v, 'g', -1, 64), ErrDomain, "a judgement must be positive")
	}
	return nil
}
