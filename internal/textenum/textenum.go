// Package textenum holds the text forms of the small enumerations of the
// touchpoint, placement and scoring packages. tokens[v] is the token of
// value v; an empty token marks a value without a text form (typically the
// unset zero value), so an enumeration whose zero value is meaningful
// (scoring.DefaultNormalization, placement.NoRole) simply gives it a token.
// Every error wraps [invalid.ErrUnknownName].
package textenum

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/invalid"
)

// String returns tokens[v], or "Kind(v)" for a value without a token.
func String(kind string, tokens []string, v int) string {
	if t, ok := token(tokens, v); ok {
		return t
	}
	return fmt.Sprintf("%s(%d)", kind, v)
}

// Marshal returns tokens[v]; a value without a token is an error wrapping
// [invalid.ErrUnknownName]. what names the enumeration in the message
// ("direction", "role").
func Marshal(what string, tokens []string, v int) ([]byte, error) {
	if t, ok := token(tokens, v); ok {
		return []byte(t), nil
	}
	return nil, fmt.Errorf("%w: %s %d has no text form", invalid.ErrUnknownName, what, v)
}

// Parse returns the value whose token is s, matched exactly; any other
// text is an error wrapping [invalid.ErrUnknownName] that lists the valid
// tokens.
func Parse(what string, tokens []string, s string) (int, error) {
	if s != "" {
		for i, t := range tokens {
			if t == s {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: %s %q (want one of %s)", invalid.ErrUnknownName, what, s, List(tokens))
}

// List returns the valid tokens, quoted and separated by commas, in
// value order.
func List(tokens []string) string {
	valid := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if t != "" {
			valid = append(valid, fmt.Sprintf("%q", t))
		}
	}
	return strings.Join(valid, ", ")
}

func token(tokens []string, v int) (string, bool) {
	if v >= 0 && v < len(tokens) && tokens[v] != "" {
		return tokens[v], true
	}
	return "", false
}

// Ordinal returns n with its English ordinal suffix: 1st, 2nd, 3rd, 4th,
// 11th, 12th, 13th, 21st, 112th.
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
