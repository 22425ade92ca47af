package placement_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/touchpoint"
)

// A key given twice is an error in JSON as it is in YAML: encoding/json on
// its own would silently keep the last value.
func TestDuplicateKeysAreErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"name":"A","employees":10,"employees":20000}`,
		`{"name":"A","employees":10,"touchpoints":{"customer-support":1,"customer-support":5}}`,
		"name: A\nemployees: 10\nemployees: 20000\n",
	} {
		_, err := placement.ReadProfile(strings.NewReader(in))
		assert.ErrorIs(t, err, placement.ErrSyntax, in)
	}
	_, err := touchpoint.ReadCatalog(strings.NewReader(`{"touchpoints":[],"touchpoints":[]}`))
	assert.ErrorIs(t, err, touchpoint.ErrSyntax)
}
