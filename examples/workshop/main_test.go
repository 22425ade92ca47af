package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

func TestWorkshop(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	s := out.String()
	for _, want := range []string{"Kendall's W", "Furthest from the group", "consistency ratio", "With the group's weights", "1. "} {
		assert.Contains(t, s, want)
	}
}

func TestMatrixRejectsUnknownCriteria(t *testing.T) {
	_, err := matrix(map[string]scoring.Judgement{"speed>cost": 3})
	assert.Error(t, err)
}
