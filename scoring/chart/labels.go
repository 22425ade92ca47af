package chart

import (
	"github.com/socialseat/socialseat/internal/textenum"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
)

// clean makes s safe to draw and to write into XML: invalid UTF-8 becomes
// U+FFFD, and characters that XML 1.0 forbids (C0 controls other than tab,
// newline and carriage return, U+FFFE and U+FFFF) become spaces.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return ' '
		}
		return r
	}, s)
}

// maxTextRunes is the longest text a chart draws; longer names are cut
// with an ellipsis. It bounds the work of wrapping, and no chart has room
// for more.
const maxTextRunes = 400

// truncate cuts s to at most n runes, the last being an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n-1 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

// wrap cleans s, cuts it to maxTextRunes and breaks it into lines no wider
// than max, as measured by width, breaking at spaces and, failing that,
// after hyphens, slashes and commas. A single word wider than max is split
// between characters. Runs of white space, including newlines, collapse to
// one space.
func wrap(s string, max vg.Length, width func(string) vg.Length) []string {
	words := strings.Fields(truncate(clean(s), maxTextRunes))
	if len(words) == 0 {
		return []string{""}
	}
	var pieces []string
	for _, w := range words {
		pieces = append(pieces, splitWord(w, max, width)...)
	}
	var lines []string
	line := ""
	for _, p := range pieces {
		switch {
		case line == "":
			line = p
		case width(line+" "+p) <= max:
			line += " " + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	return append(lines, line)
}

// splitWord splits a word wider than max after its punctuation
// (hyphen, slash, comma) and, where a part is still too wide, between
// characters.
func splitWord(w string, max vg.Length, width func(string) vg.Length) []string {
	if width(w) <= max {
		return []string{w}
	}
	var parts []string
	start := 0
	for i, r := range w {
		if (r == '-' || r == '/' || r == ',') && i+1 < len(w) {
			parts = append(parts, w[start:i+1])
			start = i + 1
		}
	}
	parts = append(parts, w[start:])
	var out []string
	for _, p := range parts {
		if len(out) > 0 && width(out[len(out)-1]+p) <= max {
			out[len(out)-1] += p
			continue
		}
		for width(p) > max && utf8.RuneCountInString(p) > 1 {
			// Cut at the longest prefix that fits (found by bisection over
			// the rune boundaries), at least one rune.
			bounds := make([]int, 0, len(p))
			for i := range p {
				if i > 0 {
					bounds = append(bounds, i)
				}
			}
			k := sort.Search(len(bounds), func(k int) bool { return width(p[:bounds[k]]) > max })
			cut := bounds[0]
			if k > 0 {
				cut = bounds[k-1]
			}
			out = append(out, p[:cut])
			p = p[cut:]
		}
		out = append(out, p)
	}
	return out
}

// code returns the short label for item i in an abbreviation key:
// A … Z, then AA, AB, … (spreadsheet column style).
func code(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

func ordinal(n int) string { return textenum.Ordinal(n) }

// percent formats a share in [0, 1] for a heat-map cell: "" for 0, "<1%"
// for a positive share under half a percent, else a whole percentage.
func percent(v float64) string {
	switch {
	case v <= 0:
		return ""
	case v < 0.005:
		return "<1%"
	}
	return strconv.Itoa(int(v*100+0.5)) + "%"
}

// number formats a score or weight compactly with enough digits to tell
// the values in a chart apart: three decimals for magnitudes below 100,
// else none.
func number(v, scale float64) string {
	if scale < 100 {
		return strconv.FormatFloat(v, 'f', 3, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
