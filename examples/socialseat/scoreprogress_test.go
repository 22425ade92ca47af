package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// runTerminal runs the command as if stderr were a terminal.
func runTerminal(t *testing.T, ctx context.Context, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(ctx, args, strings.NewReader(stdin), &out, &errOut, true)
	return out.String(), errOut.String(), code
}

// On a terminal, score draws the reading phase (when the input's size is
// known) and the ranking phase on stderr, clears the line at the end and
// writes the same output as without a terminal; without one, stderr stays
// empty.
func TestScoreProgressOnTerminal(t *testing.T) {
	t.Parallel()
	stdinReq, err := os.ReadFile("testdata/score-topsis.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		stdin   string
		args    []string
		reading bool
	}{
		{"json file", "", []string{"score", "-f", "testdata/score-topsis.json"}, true},
		{"json stdin pipe", string(stdinReq), []string{"score"}, false},
		{"matrix", "", []string{"score", "--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			plainOut, plainErr, code := runCLI(t, tc.stdin, tc.args...)
			require.Equal(t, 0, code, plainErr)
			assert.Empty(t, plainErr, "no terminal: silent")

			out, errOut, code := runTerminal(t, context.Background(), tc.stdin, tc.args...)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, plainOut, out, "the bar changes nothing on stdout")
			if tc.reading {
				assert.Contains(t, errOut, "\rreading [##############################] 100%")
			} else {
				assert.NotContains(t, errOut, "reading", "size unknown: no reading bar")
			}
			ranking := strings.Index(errOut, "\rranking [..............................]   0%")
			require.GreaterOrEqual(t, ranking, 0, "%q", errOut)
			assert.Contains(t, errOut[ranking:], "\rranking [##############################] 100%")
			if tc.reading {
				assert.Less(t, strings.Index(errOut, "\rreading"), ranking, "reading comes first")
			}
			assert.NotContains(t, errOut, "\n", "one line, redrawn")
			width := len("ranking [##############################] 100%")
			assert.True(t, strings.HasSuffix(errOut, "\r"+strings.Repeat(" ", width)+"\r"), "cleared at the end: %q", errOut)
		})
	}
}

// The reading phase reports bytes read of the input's size: never
// decreasing, never above the total, and ending at the total.
func TestProgressReaderMonotonic(t *testing.T) {
	t.Parallel()
	data := []byte(strings.Repeat("0123456789", 1000))
	var dones []int
	pr := &progressReader{ctx: context.Background(), r: iotest.HalfReader(bytes.NewReader(data)), total: int64(len(data)),
		report: func(done, total int) {
			assert.Equal(t, len(data), total)
			dones = append(dones, done)
		}}
	var got bytes.Buffer
	_, err := got.ReadFrom(pr)
	require.NoError(t, err)
	assert.Equal(t, data, got.Bytes())
	require.Greater(t, len(dones), 5)
	for i := 1; i < len(dones); i++ {
		assert.GreaterOrEqual(t, dones[i], dones[i-1], "monotonic at %d", i)
	}
	assert.Equal(t, len(data), dones[len(dones)-1])
	assert.LessOrEqual(t, dones[len(dones)-1], len(data))
}

// A cancelled context stops reading and ranking: the command returns the
// context's error (exit 130), writes nothing on stdout and only the one
// line on stderr.
func TestScoreCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := &env{stdin: strings.NewReader(""), stdout: new(bytes.Buffer), out: new(bytes.Buffer), progress: newProgress(new(bytes.Buffer), true)}
	err := scoreJSON(ctx, e, "testdata/score-topsis.json", nil)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	err = scoreMatrix(ctx, e, matrixOptions{matrix: "testdata/score-topsis.csv", spec: "testdata/score-topsis-spec.json"})
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	assert.Zero(t, e.out.Len())
	assert.Zero(t, e.stdout.(*bytes.Buffer).Len())

	for _, args := range [][]string{
		{"score", "-f", "testdata/score-topsis.json"},
		{"score", "--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json"},
	} {
		out, errOut, code := runTerminal(t, ctx, "", args...)
		assert.Equal(t, exitInterrupted, code, "%v", args)
		assert.Empty(t, out)
		assert.True(t, strings.HasSuffix(errOut, "socialseat: interrupted\n"), "%q", errOut)
	}
}

// TestWriteJSONStream checks that the streamed response is, byte for byte,
// the text writeJSON (encoding/json) gives, on results with escapes, tiny
// and huge numbers and the outranking methods' own result types.
func TestWriteJSONStream(t *testing.T) {
	t.Parallel()
	docs := []string{
		`{"method":"topsis","alternatives":["a<b&c>","é\u2028\"q\"","tab\t"],"criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"y<","direction":"cost","weight":2}],"matrix":[[1e-9,2e22],[3,4],[5.5,1e-7]]}`,
		`{"method":"vikor","criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"y","direction":"cost","weight":2}],"matrix":[[1,2],[3,4],[5,1]]}`,
		`{"method":"wsm","criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"y","direction":"cost","weight":2}],"matrix":[[1,2],[3,4],[5,1]]}`,
		`{"method":"promethee1","criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"y","direction":"cost","weight":2}],"matrix":[[1,2],[3,4],[5,1]]}`,
		`{"method":"electre1","criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"y","direction":"cost","weight":2}],"matrix":[[1,2],[3,4],[5,1]]}`,
	}
	for _, doc := range docs {
		req, err := scoringjson.DecodeScore(strings.NewReader(doc))
		require.NoError(t, err)
		res, err := req.Score()
		require.NoError(t, err, doc)
		var want bytes.Buffer
		require.NoError(t, writeJSON(&want, res))
		// Every list through the encoder, every one written by
		// writeList, and the default.
		for _, minLen := range []int{math.MaxInt, 0, 1, 3, bigListLen} {
			var got bytes.Buffer
			require.NoError(t, writeJSONLists(&got, res, minLen))
			assert.Equal(t, want.String(), got.String(), "%s, lists from %d", doc, minLen)
		}
	}
}

// TestWriteJSONStreamLarge checks the streamed response of large results,
// whose lists are formatted a chunk at a time on several goroutines,
// against encoding/json's text, with a name that reads like the stream's
// placeholder for a list in a long list and in a short one.
func TestWriteJSONStreamLarge(t *testing.T) {
	t.Parallel()
	const m = 3*listChunk + 17
	rng := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	b.WriteString(`{"method":"wsm","criteria":[{"name":"x","direction":"benefit","weight":1},{"name":"\u0000socialseat-list-1","direction":"cost","weight":2}],"alternatives":[`)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		switch i {
		case 5:
			b.WriteString(`"\u0000socialseat-list-0"`)
		case 7:
			b.WriteString(`"a<b>&\"c\" é"`)
		default:
			fmt.Fprintf(&b, `"alt %d"`, i)
		}
	}
	b.WriteString(`],"matrix":[`)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%g,%g]", math.Abs(rng.NormFloat64())*1e6+1, rng.Float64()*1e-8+1e-9)
	}
	b.WriteString("]}")
	doc := b.String()
	for _, method := range []string{"wsm", "topsis", "vikor"} {
		req, err := scoringjson.DecodeScore(strings.NewReader(strings.Replace(doc, `"wsm"`, strconv.Quote(method), 1)))
		require.NoError(t, err)
		res, err := req.Score()
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, writeJSON(&want, res))
		var got bytes.Buffer
		require.NoError(t, writeJSONStream(&got, res))
		assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), method)
		// Without the criterion that reads like a placeholder, the lists
		// are written by writeList (with it, by the encoder).
		base := res.(scoring.Evaluation).Base()
		base.Criteria = []string{"x", "y"}
		want.Reset()
		got.Reset()
		require.NoError(t, writeJSON(&want, res))
		require.NoError(t, writeJSONStream(&got, res))
		assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), method)
	}
}
