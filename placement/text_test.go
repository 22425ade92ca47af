package placement_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
)

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteText(t *testing.T) {
	t.Parallel()
	p, err := placement.ReadProfile(strings.NewReader("name: Tiny & Co <test>\nemployees: 40\ntouchpoints: {marketing-channel: 3, customer-support: 2}\n"))
	require.NoError(t, err)
	rec, err := placement.Recommend(p, placement.Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, rec.WriteText(&out, 3))
	s := out.String()
	assert.Contains(t, s, "Tiny & Co <test>")
	assert.Contains(t, s, rec.Ranking[0].Structure.Name())
	assert.NotContains(t, s, rec.Ranking[3].Structure.ID()+" ", "only the top 3 are listed")
	assert.Contains(t, s, "marketing-channel")
	assert.Contains(t, s, "Robustness:")
	assert.Error(t, rec.WriteText(&failingWriter{n: 2}, 3), "a write error is returned")
}
