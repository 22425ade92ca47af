// Command quickstart ranks the social media placement structures for a
// built-in example organisation and prints the ranking with its reasons,
// the responsibility (RACI) map of the top structure, the organisation's
// maturity stage, how it compares with published peers, its governance
// gaps, the roadmap and how robust the answer is.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/socialseat/socialseat/placement"
)

// profile is a mid-sized consumer-goods company with several brands, whose
// social media grew up inside marketing.
const profile = `
name: Brightwater Foods
employees: 2400
business_units: 3
countries: 4
founded: 1987
social_priority: 4
social_staff: 3
budget_level: 3
sign_off_layers: 2
silos: 3
department_harmony: 3
regulation: 2
maturity: 3
executive_sponsorship: 3
agency: current
touchpoints:
  marketing-channel: 5
  customer-support: 4
  employer-branding: 3
  crisis-response: 3
  corporate-communication: 2
  social-listening: 3
  internal-communication: 2
current: {home: marketing, model: centralized, role: executing, sourcing: hybrid}
governance: {policy: yes, crisis_plan: no, account_inventory: yes, training: no}
`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	p, err := placement.ReadProfile(strings.NewReader(profile))
	if err != nil {
		return err
	}
	// SMAA-2 with 20000 weightings drawn around the derived weights says
	// how sure the recommendation is; the seed makes it reproducible.
	rec, err := placement.Recommend(context.Background(), p, placement.Options{SMAA: &placement.SMAAOptions{Samples: 20000, Seed: 1}})
	if err != nil {
		return err
	}
	return rec.WriteText(w, 5)
}
