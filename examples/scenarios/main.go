// Command scenarios is an analyst's what-if script: one organisation varied
// along size, social media priority, sign-off layers and regulation, with
// the top structure for each variant; then the sweep tables of the model's
// directions (placement.DefaultDirections): every profile factor swept over
// its range from a small, a mid and a large organisation, with the first
// structure, its score, its lead over the runner-up and over the best
// structure of another operating model, and the staff it needs.
//
//	go run ./examples/scenarios
//
// It builds one placement.Recommender and reuses it for every scenario,
// the way a consulting tool would sweep many profiles.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/socialseat/socialseat/placement"
)

const base = `
name: Baseline Ltd
employees: 1500
business_units: 2
countries: 2
social_priority: 3
social_staff: 2
budget_level: 3
sign_off_layers: 1
silos: 3
department_harmony: 3
regulation: 2
maturity: 3
executive_sponsorship: 3
agency: open
touchpoints: {marketing-channel: 4, customer-support: 3, employer-branding: 2, crisis-response: 2, corporate-communication: 2}
`

// scenario changes one or more facts of the base profile.
type scenario struct {
	name   string
	change func(p *placement.Profile)
}

func scenarios() []scenario {
	var s []scenario
	for _, size := range []struct {
		employees, units, countries int
		staff                       float64
	}{{40, 1, 1, 0.5}, {1500, 2, 2, 2}, {12000, 8, 10, 8}, {60000, 25, 30, 30}} {
		s = append(s, scenario{fmt.Sprintf("size %d employees, %d units, %d countries", size.employees, size.units, size.countries),
			func(p *placement.Profile) {
				p.Employees, p.BusinessUnits, p.Countries, p.SocialStaff = size.employees, size.units, size.countries, size.staff
			}})
	}
	for _, prio := range []int{1, 5} {
		s = append(s, scenario{fmt.Sprintf("social priority %d/5", prio), func(p *placement.Profile) { p.SocialPriority = prio }})
	}
	for _, layers := range []int{0, 4} {
		s = append(s, scenario{fmt.Sprintf("%d sign-off layers", layers), func(p *placement.Profile) { p.SignOffLayers = layers }})
	}
	for _, reg := range []int{1, 5} {
		s = append(s, scenario{fmt.Sprintf("regulation %d/5", reg), func(p *placement.Profile) { p.Regulation = reg }})
	}
	return s
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scenarios:", err)
		os.Exit(1)
	}
	fmt.Println()
	if err := sweeps(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scenarios:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	baseProfile, err := placement.ReadProfile(strings.NewReader(base))
	if err != nil {
		return err
	}
	r, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCENARIO\tTOP STRUCTURE\tSCORE\tRUNNER-UP\tMARGIN\tTOPSIS AGREES")
	for _, sc := range scenarios() {
		p := baseProfile.Clone()
		sc.change(&p)
		rec, err := r.WithOptions(placement.Options{Detail: 1}).Recommend(context.Background(), p)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
		top, next := rec.Ranking[0], rec.Ranking[1]
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%s\t%.3f\t%v\n", sc.name, top.Structure.Name(), top.Score,
			next.Structure.ID(), top.Score-next.Score, rec.Robustness.CrossCheck.SameWinner)
	}
	return tw.Flush()
}

// sweeps prints one table per factor of the directions table: for every
// base and value, the first structure, its score, its lead over the
// runner-up and over the best structure of another operating model, and
// its staffing.
func sweeps(w io.Writer) error {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	if err != nil {
		return err
	}
	d := placement.DefaultDirections()
	for _, f := range d.Factors {
		fmt.Fprintf(w, "%s (%s)\n", f.Factor, f.Source)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  BASE\tVALUE\tFIRST\tSCORE\tLEAD\tLEAD OVER OTHER MODEL\tFTE")
		for _, b := range d.Bases {
			for _, v := range f.Values {
				p, err := f.Apply(b.Profile, v)
				if err != nil {
					return err
				}
				rec, err := r.Recommend(context.Background(), p)
				if err != nil {
					return fmt.Errorf("%s=%s from %s: %w", f.Factor, v, b.Name, err)
				}
				top := rec.Ranking[0]
				other := 0.0
				for _, e := range rec.Ranking[1:] {
					if e.Structure.Model != top.Structure.Model {
						other = top.Score - e.Score
						break
					}
				}
				lead := 0.0
				if len(rec.Ranking) > 1 {
					lead = top.Score - rec.Ranking[1].Score
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.1f\n", b.Name, v, top.Structure.ID(), top.Score, lead, other, top.Staffing.FTE)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for _, e := range f.Effects {
			fmt.Fprintf(w, "  expected: %s gains on %s (%s)\n", e.Up, e.Over, e.Why)
		}
		fmt.Fprintln(w)
	}
	return nil
}
