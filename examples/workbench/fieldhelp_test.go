package main

import (
	"flag"
	"testing"

	"github.com/socialseat/socialseat/placement"
)

var update = flag.Bool("update", false, "rewrite screenshot.png from the browser test")

// TestFieldHelpFromPlacement checks that every input of the profile form
// has help, that a profile field's label and help are placement's (so it follows the
// library), that every profile field placement lists has an input or a
// fieldset, and that the criteria's help is their description.
func TestFieldHelpFromPlacement(t *testing.T) {
	inputs := map[string]formField{}
	for _, f := range profileFields() {
		if f.Help == "" {
			t.Errorf("form field %s has no help", f.Key)
		}
		inputs[f.Key] = f
	}
	for _, pf := range placement.ProfileFields() {
		switch pf.Key {
		case "current", "touchpoints":
			// A fieldset of its own: the help is the fieldset's intro.
			group := map[string]string{"current": groupCurrent, "touchpoints": groupTouchpoints}[pf.Key]
			if groupIntro(group) != pf.Help || pf.Help == "" {
				t.Errorf("fieldset %q: intro %q, want %q", group, groupIntro(group), pf.Help)
			}
		case "weights":
			// Set in the workshop, not in the profile form.
		default:
			f, ok := inputs[pf.Key]
			if !ok {
				t.Errorf("profile field %s has no form input", pf.Key)
				continue
			}
			if f.Help != pf.Help || f.Label != pf.Label {
				t.Errorf("form field %s: label %q, help %q; placement says %q, %q", pf.Key, f.Label, f.Help, pf.Label, pf.Help)
			}
		}
	}
	for _, c := range criteriaViews() {
		if c.Help == "" {
			t.Errorf("criterion %s: help %q", c.ID, c.Help)
		}
	}
}
