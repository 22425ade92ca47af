package touchpoint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/touchpoint"
)

func TestCatalogHash(t *testing.T) {
	a, b := touchpoint.DefaultCatalog(), touchpoint.DefaultCatalog()
	assert.Equal(t, a.Hash(), b.Hash())
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, a.Hash())
	tp, _ := b.Get(touchpoint.CustomerSupport)
	tp.Volume--
	require.NoError(t, b.Replace(tp))
	assert.NotEqual(t, a.Hash(), b.Hash(), "an attribute changes the hash")
}
