package touchpoint_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

func Example() {
	c := touchpoint.DefaultCatalog()
	tp, _ := c.Get(touchpoint.CustomerSupport)
	fmt.Printf("%s: owner %s, speed %s, risk %d, volume %d\n", tp.Name, tp.Owner, tp.Speed, tp.Risk, tp.Volume)
	fmt.Println(len(c.IDs()), "touchpoints")
	// Output:
	// Customer support: owner customer-service, speed realtime, risk 3, volume 5
	// 12 touchpoints
}

// A pharmaceutical company adds a department and a touchpoint of its own.
func ExampleCatalog_Add() {
	c := touchpoint.DefaultCatalog()
	if err := c.AddDepartment("drug-safety"); err != nil {
		fmt.Println(err)
	}
	err := c.Add(touchpoint.Touchpoint{
		ID: "adverse-events", Name: "Adverse-event reporting", Owner: "drug-safety",
		Partners: []touchpoint.Department{touchpoint.Legal},
		Audience: touchpoint.Internal, Speed: touchpoint.Realtime, Risk: 5, Volume: 1, Expertise: 5,
	})
	fmt.Println(err, c.Len())
	// Output: <nil> 13
}

func ExampleReadCatalog() {
	doc := `
touchpoints:
  - id: app-store-reviews
    name: App store reviews
    owner: customer-service
    audience: external
    speed: same-day
    risk: 2
    volume: 4
    expertise: 2
    skill: product knowledge
  - id: podcast
    name: Podcast
    owner: studio
    audience: external
    speed: planned
    risk: 2
    volume: 1
    expertise: 3
`
	_, err := touchpoint.ReadCatalog(strings.NewReader(doc))
	var fe *touchpoint.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Path, errors.Is(err, touchpoint.ErrUnknownDepartment))
	}
	// Output: touchpoints[1].owner true
}
