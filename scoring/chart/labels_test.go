package chart

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/plot/vg"
)

// runes measures text as one unit per rune, so wrapping is easy to follow.
func runes(s string) vg.Length { return vg.Length(utf8.RuneCountInString(s)) }

func TestWrap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		max  vg.Length
		want []string
	}{
		{"", 10, []string{""}},
		{"Hybrid", 10, []string{"Hybrid"}},
		{"Hub-and-spoke centre of excellence in Communications, advisory, in-house", 30,
			[]string{"Hub-and-spoke centre of", "excellence in Communications,", "advisory, in-house"}},
		{"  many   spaces\nand a newline ", 40, []string{"many spaces and a newline"}},
		{"Hub-and-spoke", 8, []string{"Hub-and-", "spoke"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ééééé", 2, []string{"éé", "éé", "é"}},
	}
	for _, tc := range tests {
		got := wrap(tc.in, tc.max, runes)
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("wrap(%q, %v) mismatch (-want +got):\n%s", tc.in, tc.max, d)
		}
		for _, l := range got {
			if runes(l) > tc.max {
				t.Errorf("wrap(%q, %v): line %q is too wide", tc.in, tc.max, l)
			}
		}
	}
}

func TestCodeOrdinalPercent(t *testing.T) {
	t.Parallel()
	var codes []string
	for _, i := range []int{0, 1, 25, 26, 27, 701, 702} {
		codes = append(codes, code(i))
	}
	if d := cmp.Diff([]string{"A", "B", "Z", "AA", "AB", "ZZ", "AAA"}, codes); d != "" {
		t.Errorf("code mismatch (-want +got):\n%s", d)
	}
	var ords []string
	for _, n := range []int{1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111} {
		ords = append(ords, ordinal(n))
	}
	want := "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th"
	if got := strings.Join(ords, " "); got != want {
		t.Errorf("ordinals = %q, want %q", got, want)
	}
	for v, want := range map[float64]string{0: "", 0.004: "<1%", 0.005: "1%", 0.625: "63%", 1: "100%"} {
		if got := percent(v); got != want {
			t.Errorf("percent(%v) = %q, want %q", v, got, want)
		}
	}
	for v, want := range map[float64]string{0.3: "30%", 0.125: "12.5%", 1.0 / 3: "33.3%", 0: "0%"} {
		if got := pct(v); got != want {
			t.Errorf("pct(%v) = %q, want %q", v, got, want)
		}
	}
}

// Palette colours beyond the eighth series are lightened, and the ramp
// runs from white to dark blue.
func TestPalette(t *testing.T) {
	t.Parallel()
	if seriesColor(0) != okabeIto[0] || seriesColor(8) == okabeIto[0] || seriesColor(16) != okabeIto[0] {
		t.Errorf("series colours do not cycle as documented")
	}
	if ramp(0) != colWhite || ramp(1) == colBlue || ramp(0.6) != colBlue {
		t.Errorf("ramp ends: %v %v %v", ramp(0), ramp(0.6), ramp(1))
	}
	if seriesDashes(0) != nil || seriesDashes(8) == nil {
		t.Errorf("dashes: first eight series solid, then dashed")
	}
}

func TestTruncateAndClean(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 1000)
	got := wrap(long, 1e9, runes)
	if len(got) != 1 || utf8.RuneCountInString(got[0]) != maxTextRunes || !strings.HasSuffix(got[0], "…") {
		t.Errorf("wrap of 1000 runes: %d lines, first %d runes", len(got), utf8.RuneCountInString(got[0]))
	}
	if got := clean("a\x00b\x9a\uFFFEc\td"); got != "a b\uFFFD c\td" {
		t.Errorf("clean = %q", got)
	}
}
