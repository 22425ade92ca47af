package scoring

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rankCtxProblem(t *testing.T) *Problem {
	t.Helper()
	p, err := NewProblem([]string{"A", "B", "C"},
		[]Criterion{{Name: "price", Direction: Cost}, {Name: "quality", Direction: Benefit}},
		[][]float64{{3, 7}, {5, 9}, {2, 4}})
	require.NoError(t, err)
	return p
}

// blockingMethod ranks like WeightedSum once release is closed, and
// records the weights it saw.
type blockingMethod struct {
	started chan struct{}
	release chan struct{}
	seen    chan []float64
}

func (m blockingMethod) Rank(p *Problem, w []float64) (*Result, error) {
	close(m.started)
	<-m.release
	m.seen <- append([]float64(nil), w...)
	return WeightedSum{}.Rank(p, w)
}

func TestRankContextSameAsRank(t *testing.T) {
	t.Parallel()
	p := rankCtxProblem(t)
	w := []float64{0.4, 0.6}
	want, err := TOPSIS{}.Rank(p, w)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, c := range []context.Context{context.Background(), ctx} {
		got, err := RankContext(c, TOPSIS{}, p, w)
		require.NoError(t, err)
		assert.Equal(t, want, got)
		d, err := DetailContext(c, TOPSIS{}, p, w)
		require.NoError(t, err)
		assert.Equal(t, want, d.Base())
	}
	// The method's own errors come through unchanged.
	_, err = RankContext(ctx, TOPSIS{}, p, []float64{1})
	_, direct := TOPSIS{}.Rank(p, []float64{1})
	require.Error(t, direct)
	assert.Equal(t, direct, err)
}

func TestRankContextCancelledBefore(t *testing.T) {
	t.Parallel()
	p := rankCtxProblem(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := blockingMethod{started: make(chan struct{}), release: make(chan struct{}), seen: make(chan []float64, 1)}
	res, err := RankContext(ctx, m, p, []float64{1, 1})
	assert.Nil(t, res)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	select {
	case <-m.started:
		t.Fatal("a cancelled context must not start the ranking")
	default:
	}
	_, err = DetailContext(ctx, WeightedSum{}, p, []float64{1, 1})
	assert.ErrorIs(t, err, context.Canceled)
}

// A ranking that is still running when the context is cancelled is given
// up at once: no result, the context's error, and the abandoned method
// still sees the weights it was given even if the caller reuses them.
func TestRankContextCancelledDuring(t *testing.T) {
	t.Parallel()
	p := rankCtxProblem(t)
	m := blockingMethod{started: make(chan struct{}), release: make(chan struct{}), seen: make(chan []float64, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	w := []float64{0.25, 0.75}
	type outcome struct {
		res *Result
		err error
	}
	out := make(chan outcome, 1)
	go func() {
		res, err := RankContext(ctx, m, p, w)
		out <- outcome{res, err}
	}()
	<-m.started
	cancel()
	var o outcome
	select {
	case o = <-out:
	case <-time.After(10 * time.Second):
		t.Fatal("RankContext did not return after cancel")
	}
	assert.Nil(t, o.res)
	assert.ErrorIs(t, o.err, context.Canceled)
	assert.Contains(t, o.err.Error(), "ranking stopped")
	w[0], w[1] = 9, 9 // the caller reuses its slice
	close(m.release)
	assert.Equal(t, []float64{0.25, 0.75}, <-m.seen)
}

func TestRankContextDeadline(t *testing.T) {
	t.Parallel()
	p := rankCtxProblem(t)
	m := blockingMethod{started: make(chan struct{}), release: make(chan struct{}), seen: make(chan []float64, 1)}
	defer close(m.release)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := RankContext(ctx, m, p, []float64{1, 1})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func ExampleRankContext() {
	p, _ := NewProblem([]string{"A", "B"},
		[]Criterion{{Name: "price", Direction: Cost}, {Name: "quality", Direction: Benefit}},
		[][]float64{{2, 9}, {5, 7}})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := RankContext(ctx, WeightedSum{}, p, []float64{0.5, 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Alternatives[res.Best()])

	cancel() // the user gave up
	_, err = RankContext(ctx, WeightedSum{}, p, []float64{0.5, 0.5})
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// A
	// true
}
