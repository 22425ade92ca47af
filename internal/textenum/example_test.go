package textenum_test

import (
	"fmt"

	"github.com/socialseat/socialseat/internal/textenum"
)

// The text helpers behind the enumerations' String, MarshalText and Parse
// methods: an empty token is no text form, an unknown token lists the
// valid ones (the error wraps the shared unknown-name sentinel).
func Example() {
	names := []string{"", "in-house", "hybrid", "agency"}
	fmt.Println(textenum.String("Sourcing", names, 2))
	v, err := textenum.Parse("sourcing", names, "agency")
	fmt.Println(v, err)
	_, err = textenum.Parse("sourcing", names, "outsourced")
	fmt.Println(err)
	fmt.Println(textenum.Ordinal(22))
	// Output:
	// hybrid
	// 3 <nil>
	// unknown name: sourcing "outsourced" (want one of "in-house", "hybrid", "agency")
	// 22nd
}
