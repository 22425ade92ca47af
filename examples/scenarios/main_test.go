package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScenarios(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	assert.Len(t, lines, 1+len(scenarios()))
	// The 60,000-employee variant must not get an organic structure
	// (domain.md §10: large multinationals coordinate across units).
	for _, l := range lines {
		if strings.HasPrefix(l, "size 60000") {
			assert.NotContains(t, l, "Organic", l)
		}
	}
}
