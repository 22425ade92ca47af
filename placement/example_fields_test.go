package placement_test

import (
	"fmt"

	"github.com/socialseat/socialseat/placement"
)

// A form builder reads the fields of a profile file: key, kind, range,
// default and help for the client.
func ExampleProfileFields() {
	for _, f := range placement.ProfileFields()[:6] {
		fmt.Printf("%s (%v", f.Key, f.Kind)
		if f.HasMin && f.HasMax {
			fmt.Printf(", %.0f–%.0f", f.Min, f.Max)
		}
		if f.Default != "" {
			fmt.Printf(", default %s", f.Default)
		}
		if f.Required {
			fmt.Print(", required")
		}
		fmt.Printf("): %s\n", f.Help)
	}
	fmt.Printf("%v: %s\n", placement.Agility, placement.Agility.Description())
	// Output:
	// name (text): Identifies the organisation in reports; reports show a dash without one.
	// employees (integer, 1–10000000, required): The head count. Required, at least 1.
	// business_units (integer, 1–100000, default 1): The number of business units, brands or divisions with their own P&L. Default 1.
	// countries (integer, 1–250, default 1): The number of countries with a local presence. Default 1.
	// founded (integer, 1000–2200): The year of founding; 0 means unknown, which gives no digital-native effect.
	// social_priority (scale, 1–5, default 3): How central social media is to the objectives, 1–5. Default 3.
	// agility: speed from event to public response; few hand-offs
}
