package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line progress bar on stderr while long work runs,
// and only when stderr is a terminal: piped or redirected stderr stays
// silent, so logs never fill with carriage returns. The line is redrawn in
// place with \r, at most once per interval (and always at 100% and when
// the label, the phase, changes), and cleared by Clear before anything
// else is written to stderr.
//
// A progress is safe for concurrent use: the work reports from its own
// goroutine while run may clear the line on an interrupt.
type progress struct {
	w        io.Writer
	terminal bool
	now      func() time.Time
	interval time.Duration

	mu    sync.Mutex
	last  time.Time // when the line was last drawn
	label string    // the label of the line last drawn
	line  string    // the line last drawn, "" when none is shown
	width int       // its width in runes, to blank it out
}

// progressBarWidth is the number of cells of the bar itself.
const progressBarWidth = 30

// newProgress returns a progress bar on w, drawn only if terminal is true,
// redrawn at most every 100 ms.
func newProgress(w io.Writer, terminal bool) *progress {
	return &progress{w: w, terminal: terminal, now: time.Now, interval: 100 * time.Millisecond}
}

// Func returns the callback for a scoring Progress field (done of total
// units of work), labelled label, or nil when stderr is not a terminal so
// that the work does not even call it.
func (p *progress) Func(label string) func(done, total int) {
	if p == nil || !p.terminal {
		return nil
	}
	return func(done, total int) { p.update(label, done, total) }
}

// Labelled returns a function that draws the bar labelled by its first
// argument, or nil when nothing is drawn (stderr is not a terminal), so
// that the work can skip reporting altogether.
func (p *progress) Labelled() func(label string, done, total int) {
	if p == nil || !p.terminal {
		return nil
	}
	return p.update
}

func (p *progress) update(label string, done, total int) {
	if !p.terminal || total <= 0 {
		return
	}
	done = max(0, min(done, total))
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	// A new phase (label) is drawn at once, so that a long phase that
	// reports rarely is not shown under the previous one's label.
	if p.line != "" && label == p.label && done < total && now.Sub(p.last) < p.interval {
		return
	}
	filled := done * progressBarWidth / total
	line := fmt.Sprintf("%s [%s%s] %3d%%", label,
		strings.Repeat("#", filled), strings.Repeat(".", progressBarWidth-filled), done*100/total)
	if line == p.line {
		return
	}
	p.draw(line)
	p.last, p.label = now, label
}

// draw replaces the current line with line; the caller holds mu.
func (p *progress) draw(line string) {
	width := len([]rune(line))
	pad := ""
	if p.width > width {
		pad = strings.Repeat(" ", p.width-width)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.line, p.width = line, width
	if pad != "" {
		fmt.Fprintf(p.w, "\r%s", line)
	}
}

// Clear blanks the progress line, if one is shown, and leaves the cursor
// at the start of the line.
func (p *progress) Clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.line, p.width = "", 0
}
