package scoring_test

import (
	"encoding/json"
	"testing"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTableRejectsNull: a null cell is an error naming the cell, not 0
// (issue 12).
func TestTableRejectsNull(t *testing.T) {
	t.Parallel()
	var tab scoring.Table
	err := json.Unmarshal([]byte(`[[1,2],[3,null]]`), &tab)
	require.Error(t, err)
	assert.ErrorIs(t, err, strictdec.ErrNull)
	assert.Contains(t, err.Error(), "[1][1]: null is not a number")
	require.NoError(t, json.Unmarshal([]byte(`[[1,2],[3,4]]`), &tab))
	assert.Equal(t, []float64{1, 2, 3, 4}, tab.Data)
}
