//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// builtCLI builds the command once for the tests that run it as a
// process.
func builtCLI(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "socialseat-cli-test")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "socialseat")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, buildErr)
	return binary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// bigSMAA writes a request whose SMAA takes minutes: m alternatives on 4
// criteria.
func bigSMAA(t *testing.T, dir string, m int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"method":"wsm","criteria":[`)
	for j := range 4 {
		if j > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"name":"c%d","direction":"benefit"}`, j)
	}
	b.WriteString(`],"matrix":[`)
	for i := range m {
		if i > 0 {
			b.WriteString(",")
		}
		// Values spread so that ranks change with the weights.
		fmt.Fprintf(&b, "[%d,%d,%d,%d]", (i*37)%101, (i*53)%97, (i*71)%89, (i*13)%83)
	}
	b.WriteString("]}")
	name := filepath.Join(dir, "big-smaa.json")
	require.NoError(t, os.WriteFile(name, []byte(b.String()), 0o644))
	return name
}

// SIGINT and SIGTERM stop a long run of the real program: exit 130, one
// line on stderr, nothing on stdout, no file (nor temporary file) left.
func TestSignalStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	bin := builtCLI(t)
	dir := t.TempDir()
	request := bigSMAA(t, dir, 300)
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		args []string
	}{
		{"smaa SIGINT", syscall.SIGINT, []string{"smaa", "-f", request, "--samples", "20000000"}},
		{"smaa SIGTERM", syscall.SIGTERM, []string{"smaa", "-f", request, "--samples", "20000000"}},
		{"rank with charts SIGINT", syscall.SIGINT, []string{"rank", "--profile", "testdata/profile-bank.yaml", "--format", "html", "--samples", "5000000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			charts := filepath.Join(t.TempDir(), "charts")
			args := tc.args
			if tc.args[0] == "rank" {
				args = append(args, "--charts", charts)
			}
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			// Inside the analysis, far from its end: the program has spent
			// half a second of CPU (start-up and reading the input take a
			// few milliseconds), which a wall-clock wait cannot promise on a
			// loaded machine, where the runtime's own start can take longer
			// than any fixed sleep.
			waitInside(t, cmd.Process.Pid, exited, &stderr)
			require.NoError(t, cmd.Process.Signal(tc.sig))
			var err error
			select {
			case err = <-exited:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatal("did not stop within 20 s of the signal")
			}
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "exit error, got %v", err)
			assert.Equal(t, 130, exit.ExitCode(), "stderr %q", stderr.String())
			assert.Equal(t, "socialseat: interrupted\n", stderr.String())
			assert.Empty(t, stdout.String())
			_, statErr := os.Stat(charts)
			if statErr == nil {
				entries, err := os.ReadDir(charts)
				require.NoError(t, err)
				assert.Empty(t, entries, "no chart (or temporary file) left")
			}
		})
	}
}

// SIGINT stops score while it reads a large input (a named pipe that
// keeps it reading, with and without --matrix): exit 130, one line on
// stderr, nothing on stdout.
func TestSignalStopsScore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	bin := builtCLI(t)
	for _, tc := range []struct {
		name   string
		args   []string // the pipe's name is appended
		prefix string   // what is written to the pipe, which stays open
	}{
		{"json", []string{"score", "-f"}, `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2],`},
		{"matrix", []string{"score", "--method", "wsm", "--directions", "b", "--matrix"}, "name,a\nA1,1\nA2,2\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pipe := filepath.Join(t.TempDir(), "input")
			if tc.name == "matrix" {
				pipe += ".csv"
			}
			require.NoError(t, syscall.Mkfifo(pipe, 0o600))
			cmd := exec.Command(bin, append(tc.args, pipe)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			writer := make(chan *os.File, 1)
			go func() {
				w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
				if err != nil {
					writer <- nil
					return
				}
				w.WriteString(tc.prefix) // more is to come: the pipe stays open
				writer <- w
			}()
			var w *os.File
			select {
			case w = <-writer:
				require.NotNil(t, w)
				defer w.Close()
			case err := <-exited:
				t.Fatalf("finished before reading: %v; stderr %q", err, stderr.String())
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("the program did not open its input")
			}
			select {
			case err := <-exited:
				t.Fatalf("finished before the signal: %v; stderr %q", err, stderr.String())
			case <-time.After(300 * time.Millisecond):
			}
			require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
			var err error
			select {
			case err = <-exited:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatal("did not stop within 20 s of the signal")
			}
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "exit error, got %v", err)
			assert.Equal(t, 130, exit.ExitCode(), "stderr %q", stderr.String())
			assert.Equal(t, "socialseat: interrupted\n", stderr.String())
			assert.Empty(t, stdout.String())
		})
	}
}

// waitInside returns once the process pid has used 0.5 s of CPU (read from
// /proc on Linux; elsewhere after 1.5 s of wall time), failing the test if
// it exits first or takes more than a minute.
func waitInside(t *testing.T, pid int, exited <-chan error, stderr *bytes.Buffer) {
	t.Helper()
	deadline := time.After(time.Minute)
	start := time.Now()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			t.Fatalf("finished before the signal: %v; stderr %q", err, stderr.String())
		case <-deadline:
			t.Fatal("the program used less than 0.5 s of CPU in a minute")
		case <-tick.C:
			cpu, ok := cpuTime(pid)
			if ok && cpu >= 500*time.Millisecond || !ok && time.Since(start) >= 1500*time.Millisecond {
				return
			}
		}
	}
}

// cpuTime returns the user and system CPU time of process pid from
// /proc/pid/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux).
func cpuTime(pid int) (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// The command name (field 2) is in parentheses and may hold spaces.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state), so fields 14 and 15 are f[11] and f[12].
	if len(f) < 13 {
		return 0, false
	}
	var ticks int64
	for _, x := range f[11:13] {
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, false
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, true
}
