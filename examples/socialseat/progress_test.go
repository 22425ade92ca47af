package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClock is a settable clock for the progress bar's rate limit.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }
func testProgress(terminal bool) (*progress, *bytes.Buffer, *fakeClock) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	p := newProgress(&buf, terminal)
	p.now = clock.now
	return p, &buf, clock
}

func TestProgressSilentWithoutTerminal(t *testing.T) {
	t.Parallel()
	p, buf, _ := testProgress(false)
	assert.Nil(t, p.Func("smaa"), "no callback: the work is not even told")
	p.update("smaa", 5, 10)
	p.Clear()
	assert.Empty(t, buf.String())
	var nilProgress *progress
	assert.Nil(t, nilProgress.Func("x"))
	nilProgress.Clear()
}

func TestProgressDrawsRateLimitedAndClears(t *testing.T) {
	t.Parallel()
	p, buf, clock := testProgress(true)
	f := p.Func("smaa")
	require.NotNil(t, f)

	f(0, 1000) // first call draws
	want := "\rsmaa [..............................]   0%"
	assert.Equal(t, want, buf.String())

	clock.advance(10 * time.Millisecond)
	f(500, 1000) // within 100 ms: not redrawn
	assert.Equal(t, want, buf.String())

	clock.advance(100 * time.Millisecond)
	f(500, 1000)
	want += "\rsmaa [###############...............]  50%"
	assert.Equal(t, want, buf.String())

	clock.advance(time.Millisecond)
	f(1000, 1000) // the end is always drawn
	want += "\rsmaa [##############################] 100%"
	assert.Equal(t, want, buf.String())

	clock.advance(time.Second)
	f(1000, 1000) // the same line is not redrawn
	assert.Equal(t, want, buf.String())

	p.Clear()
	want += "\r" + strings.Repeat(" ", len("smaa [##############################] 100%")) + "\r"
	assert.Equal(t, want, buf.String())
	p.Clear() // nothing shown: nothing written
	assert.Equal(t, want, buf.String())
	assert.NotContains(t, buf.String(), "\n", "one line, redrawn")
}

// A shorter line (a new label) blanks what is left of the longer one.
func TestProgressShorterLineIsPadded(t *testing.T) {
	t.Parallel()
	p, buf, clock := testProgress(true)
	p.update("sensitivity", 1, 2)
	buf.Reset()
	clock.advance(time.Second)
	p.update("smaa", 1, 4)
	line := "smaa [#######.......................]  25%"
	assert.Equal(t, "\r"+line+strings.Repeat(" ", len("sensitivity")-len("smaa"))+"\r"+line, buf.String())
}

func TestProgressOutOfRange(t *testing.T) {
	t.Parallel()
	p, buf, _ := testProgress(true)
	p.update("x", 1, 0) // no total: nothing to show
	assert.Empty(t, buf.String())
	p.update("x", 7, 5) // clamped
	assert.Equal(t, "\rx [##############################] 100%", buf.String())
}

// A new phase is drawn at once, even within the rate limit, so that a
// long phase does not run under the previous phase's label.
func TestProgressNewLabelDrawnAtOnce(t *testing.T) {
	t.Parallel()
	p, buf, clock := testProgress(true)
	p.update("reading", 10, 10)
	clock.advance(time.Millisecond)
	p.update("ranking", 0, 1)
	assert.Equal(t, "\rreading [##############################] 100%\rranking [..............................]   0%", buf.String())
	clock.advance(time.Millisecond)
	p.update("ranking", 0, 1) // same line: not redrawn
	assert.Equal(t, "\rreading [##############################] 100%\rranking [..............................]   0%", buf.String())
}
