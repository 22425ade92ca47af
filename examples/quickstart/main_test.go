package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The quickstart runs and prints a ranking, the reasons and the RACI map.
func TestQuickstart(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	s := out.String()
	for _, want := range []string{"Brightwater Foods", "RANK", "SCORE", "Who does what under", "RESPONSIBLE", "Customer support", "Roadmap:", "Robustness:",
		"Maturity stage (Forrester social maturity): Testing", "Against peers:", "about 3 FTE", "missing: Crisis and escalation plan"} {
		assert.Contains(t, s, want)
	}
	assert.Equal(t, 1, strings.Count(s, "\n1     "), "exactly one structure ranked first:\n%s", s)
}
