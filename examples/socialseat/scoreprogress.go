package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"

	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// progressReader reports the bytes read through it as done of total to
// report (the progress bar's "reading" phase), and stops with ctx's error
// once ctx is done, so that reading a large input is given up at once.
type progressReader struct {
	ctx    context.Context
	r      io.Reader
	done   int64
	total  int64
	report func(done, total int)
}

// readingProgress returns r, wrapped to report its progress when a bar is
// drawn and size (the input's size in bytes) is known, and to stop when
// ctx is done.
func readingProgress(ctx context.Context, e *env, r io.Reader, size int64) io.Reader {
	pr := &progressReader{ctx: ctx, r: r, total: size}
	if size > 0 {
		pr.report = e.progress.Func("reading")
	}
	return pr
}

func (p *progressReader) Read(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := p.r.Read(b)
	p.done += int64(n)
	if p.report != nil {
		p.report(int(min(p.done, p.total)), int(p.total))
	}
	return n, err
}

// rankingPhase runs the ranking fn as the bar's "ranking" phase: the
// methods report no progress of their own, so the bar shows the phase
// at 0% while it runs and 100% when it is done.
func rankingPhase(e *env, fn func() (any, error)) (any, error) {
	report := e.progress.Func("ranking")
	if report != nil {
		report(0, 1)
	}
	res, err := fn()
	if err == nil && report != nil {
		report(1, 1)
	}
	return res, err
}

// scoreJSON runs the score command on a JSON request read from file (or
// standard input): the bar shows the bytes read of the input's size when
// it is known (a file, or standard input redirected from one), then the
// ranking, which a cancelled ctx gives up. adjust, if not nil, changes the
// request (the method options given as flags) before it runs. The request
// is read as a stream ("matrix" straight into the problem, no JSON tree),
// and the response is written to stdout as it is encoded, once it is
// computed.
func scoreJSON(ctx context.Context, e *env, file string, adjust func(*scoringjson.ScoreRequest) error) error {
	return withInputSize(file, e.stdin, func(r io.Reader, size int64) error {
		in, err := scoringjson.DecodeScoreStream(readingProgress(ctx, e, r, size), size)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		if size > 64<<20 {
			// A large request was read at the collector's default pace
			// (at a brisker one it ran while the problem's names were
			// written, two million pointers behind write barriers); the
			// method and the answer run at a brisk one, so that a method
			// with large detail tables reuses what it freed: at 1e6x10,
			// WSM peaks at 363 MB rather than 400-415 MB, TOPSIS costs
			// the same (measured, load 4.6).
			defer debug.SetGCPercent(debug.SetGCPercent(25))
		}
		if adjust != nil {
			if err := adjust(in.Request); err != nil {
				return err
			}
		}
		res, err := rankingPhase(e, func() (any, error) { return in.ScoreContext(ctx, true) })
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeJSONStream(e.stdout, res); err != nil {
			return &outputError{err}
		}
		return nil
	})
}

// outputError is output that could not be written: exit status 3, and
// the message run gives for output it cannot write.
type outputError struct{ err error }

func (e *outputError) Error() string { return "writing output: " + e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// inputSize is the size of r in bytes when r is a regular file, else 0
// (unknown).
func inputSize(r io.Reader) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return 0
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return 0
	}
	return st.Size()
}
