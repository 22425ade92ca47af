package report

import "testing"

// Addresses from a consultant's own maturity or benchmark file are linked
// only when they are plain http or https URLs that cannot break out of a
// Markdown link or load anything.
func TestLinkURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://example.org/a?b=c#d":  "https://example.org/a?b=c#d",
		"http://example.org/":          "http://example.org/",
		"":                             "",
		"javascript:alert(1)":          "",
		"//example.org/x":              "",
		"file:///etc/passwd":           "",
		"https://example.org/a>b":      "",
		"https://example.org/a b":      "",
		"https://example.org/a)\n[x](": "",
		"https:///nohost":              "",
	} {
		if got := linkURL(in); got != want {
			t.Errorf("linkURL(%q) = %q, want %q", in, got, want)
		}
	}
}
