// Command workshop runs a stakeholder workshop: the heads of marketing,
// communications and customer service each compare some of the criteria
// pairwise on Saaty's 1–9 scale; the library fills in the judgements they
// skipped (Harker 1987), checks each stakeholder's consistency, aggregates
// the judgements (AIJ), says how far the stakeholders agree and who stands
// furthest from the group, and ranks the placement structures with the
// group's weights.
//
//	go run ./examples/workshop
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

// stakeholder is a workshop participant and the judgements they gave:
// "a>b": 3 means a matters moderately more than b; "a>b": "1/3" would say
// the opposite. Pairs not given are missing.
type stakeholder struct {
	name       string
	judgements map[string]scoring.Judgement
}

var stakeholders = []stakeholder{
	{"Head of Marketing", map[string]scoring.Judgement{
		"consistency>agility": 2, "consistency>coverage": 3, "consistency>expertise": 2, "consistency>cost": 3,
		"consistency>risk-compliance": 3, "consistency>authenticity": 1, "consistency>scalability": 2,
		"consistency>influence": 1, "consistency>change-effort": 4, "agility>risk-compliance": 2,
		"authenticity>cost": 3, "influence>change-effort": 3,
	}},
	{"Head of Communications", map[string]scoring.Judgement{
		"risk-compliance>agility": 3, "risk-compliance>consistency": 1, "risk-compliance>coverage": 2,
		"risk-compliance>expertise": 2, "risk-compliance>cost": 4, "risk-compliance>authenticity": 3,
		"risk-compliance>scalability": 2, "risk-compliance>influence": 1, "risk-compliance>change-effort": 5,
		"consistency>authenticity": 2, "influence>coverage": 2,
	}},
	{"Head of Customer Service", map[string]scoring.Judgement{
		"agility>consistency": 3, "agility>coverage": 1, "agility>expertise": 2, "agility>cost": 2,
		"agility>risk-compliance": 3, "agility>authenticity": 1, "agility>scalability": 2,
		"agility>influence": 4, "agility>change-effort": 3, "coverage>consistency": 3, "authenticity>influence": 3,
	}},
}

const profile = `
name: Brightwater Foods
employees: 2400
business_units: 3
countries: 4
social_priority: 4
social_staff: 3
regulation: 2
touchpoints: {marketing-channel: 5, customer-support: 4, employer-branding: 3, crisis-response: 3, corporate-communication: 2}
current: {home: marketing, model: centralized, role: executing, sourcing: hybrid}
`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "workshop:", err)
		os.Exit(1)
	}
}

// matrix turns a stakeholder's judgements into a pairwise matrix over the
// placement criteria, with zeros (missing) for the pairs not given.
func matrix(j map[string]scoring.Judgement) ([][]scoring.Judgement, error) {
	crits := placement.Criteria()
	index := map[string]int{}
	for i, c := range crits {
		index[c.String()] = i
	}
	n := len(crits)
	a := make([][]scoring.Judgement, n)
	for i := range a {
		a[i] = make([]scoring.Judgement, n)
		a[i][i] = 1
	}
	for pair, v := range j {
		left, right, ok := strings.Cut(pair, ">")
		li, lok := index[left]
		ri, rok := index[right]
		if !ok || !lok || !rok {
			return nil, fmt.Errorf("judgement %q: want \"criterion>criterion\"", pair)
		}
		a[li][ri] = v
	}
	return a, nil
}

func run(w io.Writer) error {
	matrices := make([][][]scoring.Judgement, len(stakeholders))
	for k, s := range stakeholders {
		m, err := matrix(s.judgements)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		matrices[k] = m
	}
	group, err := scoring.Group{}.Weigh(matrices, nil)
	if err != nil {
		return err
	}
	crits := placement.Criteria()

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "criterion\t")
	for _, s := range stakeholders {
		fmt.Fprintf(tw, "%s\t", strings.TrimPrefix(s.name, "Head of "))
	}
	fmt.Fprintln(tw, "group\t")
	for j, c := range crits {
		fmt.Fprintf(tw, "%s\t", c)
		for k := range stakeholders {
			fmt.Fprintf(tw, "%.3f\t", group.Individual[k].Weights[j])
		}
		fmt.Fprintf(tw, "%.3f\t\n", group.Weights[j])
	}
	fmt.Fprint(tw, "consistency ratio\t")
	for k := range stakeholders {
		fmt.Fprintf(tw, "%.4f\t", group.Individual[k].CR)
	}
	fmt.Fprintf(tw, "%.4f\t\n", group.Aggregate.CR)
	if err := tw.Flush(); err != nil {
		return err
	}

	c := group.Consensus
	fmt.Fprintf(w, "\nKendall's W = %.2f (1 = the stakeholders rank the criteria identically)\n", c.KendallW)
	f := c.Furthest
	fmt.Fprintf(w, "Furthest from the group: %s, mostly on %s (%+.3f)\n", stakeholders[f].name,
		crits[c.MainCriterion[f]], c.Deviations[f][c.MainCriterion[f]])
	for k, s := range stakeholders {
		for _, r := range group.Individual[k].Revisit {
			if !group.Individual[k].Consistent {
				fmt.Fprintf(w, "%s could revisit %s vs %s: said %.3g, consistent would be %.3g\n",
					s.name, crits[r.Row], crits[r.Col], r.Judgement, r.Suggested)
				break
			}
		}
	}

	p, err := placement.ReadProfile(strings.NewReader(profile))
	if err != nil {
		return err
	}
	p.Weights = map[placement.Criterion]float64{}
	for j, c := range crits {
		p.Weights[c] = group.Weights[j]
	}
	rec, err := placement.Recommend(context.Background(), p, placement.Options{Detail: 1})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWith the group's weights, for %s:\n", p.Name)
	for _, e := range rec.Ranking[:3] {
		fmt.Fprintf(w, "%d. %s (%.3f)\n", e.Rank, e.Structure.Name(), e.Score)
	}
	return nil
}
