// Package textenum holds the text forms of the small enumerations of the
// touchpoint and placement packages: names[v] is the token of value v, and
// value 0 is the unset value, which has no token.
package textenum

import (
	"fmt"
	"strings"
)

// String returns names[v], or "Kind(v)" for 0 and values out of range.
func String(kind string, names []string, v int) string {
	if v > 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", kind, v)
}

// Marshal returns names[v]; 0 and values out of range are an error
// wrapping unknown.
func Marshal(what string, names []string, v int, unknown error) ([]byte, error) {
	if v > 0 && v < len(names) {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("%w: %s %d is not a valid value", unknown, what, v)
}

// Parse returns the value whose token is s; any other token is an error
// wrapping unknown that lists the valid tokens.
func Parse(what string, names []string, s string, unknown error) (int, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: %s %q (want one of %s)", unknown, what, s, strings.Join(names[1:], ", "))
}
