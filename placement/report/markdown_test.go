package report

import "testing"

func TestMarkdownEscape(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"<Acme & Sons>":        "&lt;Acme &amp; Sons&gt;",
		"a *b* _c_ `d` [e](f)": `a \*b\* \_c\_ \` + "`" + `d\` + "`" + ` \[e\]\(f\)`,
		"x | y":                `x \| y`,
		"# not a heading":      `\# not a heading`,
		"- not a list":         `\- not a list`,
		"-1.5 points":          "-1.5 points",
		"+ plus":               `\+ plus`,
		"12. not a list":       `12\. not a list`,
		"0.707":                "0.707",
		"2) no":                `2\) no`,
		"===":                  `\===`,
		"two\nlines":           "two lines",
		`back\slash`:           `back\\slash`,
	}
	for in, want := range tests {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSources(t *testing.T) {
	t.Parallel()
	got := splitOutside("Altimeter 2011 (76% of crises; 96% prepared); Owyang 2010 [a; b]; x", ';')
	want := []string{"Altimeter 2011 (76% of crises; 96% prepared)", " Owyang 2010 [a; b]", " x"}
	if len(got) != len(want) {
		t.Fatalf("splitOutside = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("splitOutside[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	for in, want := range map[string]string{
		"Altimeter 2011 (76% of 50 crises preventable)": "Altimeter 2011",
		"(only notes)":                       "(only notes)",
		"  Owyang   2010  ":                  "Owyang 2010",
		"Li & Solis 2013 (x (y)) six stages": "Li & Solis 2013 six stages",
	} {
		if got := work(in); got != want {
			t.Errorf("work(%q) = %q, want %q", in, got, want)
		}
	}
	if thousands(2400) != "2,400" || thousands(100000) != "100,000" || thousands(7) != "7" || thousands(-1234) != "-1,234" {
		t.Errorf("thousands: %s %s %s %s", thousands(2400), thousands(100000), thousands(7), thousands(-1234))
	}
}

func TestSplitSource(t *testing.T) {
	t.Parallel()
	lead, items := splitSource("derived from the profile by model m v1: every criterion starts at 1; agility +0.25 for 2 sign-off layers; then normalised to sum to 1")
	if lead != "The weights were derived from the profile by model m v1:" || len(items) != 3 {
		t.Errorf("derived: %q %q", lead, items)
	}
	lead, items = splitSource("profile: the weights given in the profile, normalised to sum to 1")
	if lead != "The weights were given in the profile, normalised to sum to 1." || items != nil {
		t.Errorf("profile: %q %q", lead, items)
	}
	if lead, _ = splitSource("a workshop."); lead != "Where the weights came from: a workshop." {
		t.Errorf("other: %q", lead)
	}
}
