package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/scoring"
)

// TestScoreMatrix checks that a CSV or TSV table with a spec file or
// flags gives the ranking the JSON request gives (Hwang & Yoon (1981)
// pp. 133–134, as in TestScoreContract), in the same JSON.
func TestScoreMatrix(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "score", "-f", "testdata/score-topsis.json")
	require.Equal(t, 0, code, stderr)
	var want map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &want))
	want["alternatives"] = []any{"A1", "A2", "A3, the third", "A4"}
	delete(want, "distance_ideal")
	delete(want, "distance_anti_ideal")

	for _, args := range [][]string{
		{"--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json"},
		{"--matrix", "testdata/score-topsis.tsv", "-f", "testdata/score-topsis-spec.json"},
		{"--matrix", "testdata/score-topsis.csv", "--method", "topsis", "--directions", "b,b,benefit,c,+,b", "--weights", "2,1,1,1,2,3"},
	} {
		stdout, stderr, code := runCLI(t, "", append([]string{"score"}, args...)...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
		assert.InDeltaSlice(t, want["scores"], got["scores"], 1e-12, "%v", args)
		delete(got, "scores")
		w := maps.Clone(want)
		delete(w, "scores")
		if args[len(args)-2] == "--weights" {
			delete(got, "weights") // 2,1,1,1,2,3 normalised differ in the last bits
			delete(w, "weights")
		}
		assert.Equal(t, w, got, "%v", args)
	}

	// --detail gives the method's own JSON.
	stdout, stderr, code = runCLI(t, "", "score", "--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json", "--detail")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"distance_ideal"`)
}

// TestScoreMatrixErrors checks that bad tables are bad input (status 1)
// naming the line, and bad flags bad usage (status 2), with nothing on
// stdout.
func TestScoreMatrixErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}
	spec := "testdata/score-topsis-spec.json"
	flags := []string{"--method", "wsm", "--directions", "b,c"}
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{append([]string{"--matrix", write("nan.csv", "x,a,b\np,1,2\nq,NaN,3\n")}, flags...), 1, `line 3, criterion "a"`},
		// Go's number syntax, which a JSON request refuses.
		{append([]string{"--matrix", write("under.csv", "x,a,b\np,1_0,2\nq,9,3\n")}, flags...), 1, `line 2, criterion "a": "1_0"`},
		{append([]string{"--matrix", write("hex.csv", "x,a,b\np,1,2\nq,9,0x1p3\n")}, flags...), 1, `line 3, criterion "b": "0x1p3"`},
		{append([]string{"--matrix", write("ok6.csv", "x,a,b\np,1,2\nq,3,4\n"), "--weights", "1_0,0x1p3"}, flags...), 2, `--weights: "1_0" is not a number`},
		{append([]string{"--matrix", write("short.csv", "x,a,b\np,1,2\nq,3\n")}, flags...), 1, "line 3: 2 fields, want 3"},
		{append([]string{"--matrix", write("dup.csv", "x,a,b\np,1,2\np,3,4\n")}, flags...), 1, "duplicate"},
		{append([]string{"--matrix", write("head.csv", "x,a,b\n")}, flags...), 1, "no alternatives"},
		{append([]string{"--matrix", write("empty.csv", "")}, flags...), 1, "empty file"},
		{append([]string{"--matrix", write("quote.csv", "x,a,b\n\"p,1,2\n")}, flags...), 1, "line 2"},
		{[]string{"--matrix", write("ok.csv", "x,speed,b\np,1,2\n"), "-f", spec}, 1, "6 criteria"},
		{[]string{"--matrix", write("ok2.csv", "x,a,b\np,1,2\n"), "--method", "wsm", "--directions", "b"}, 2, "--directions"},
		{[]string{"--matrix", write("ok3.csv", "x,a,b\np,1,2\n"), "--directions", "b,b"}, 2, "--method"},
		{[]string{"--matrix", write("ok4.csv", "x,a,b\np,1,2\n"), "-f", spec, "--method", "wsm"}, 2, "alternatives"},
		{[]string{"--matrix", filepath.Join(dir, "missing.csv"), "--method", "wsm", "--directions", "b,b"}, 2, "missing.csv"},
		{[]string{"--method", "wsm"}, 2, "go with --matrix"},
		{[]string{"--matrix", write("ok5.csv", "x,a,b\np,1,2\n"), "--method", "wsm", "--directions", "b,b", "--sep", "|"}, 2, "--sep"},
	}
	for _, tc := range cases {
		stdout, stderr, code := runCLI(t, "", append([]string{"score"}, tc.args...)...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.msg, "%v", tc.args)
		assert.Empty(t, stdout, "%v", tc.args)
	}
}

// decimalRE is the grammar of the numbers tables and flags may hold.
var decimalRE = regexp.MustCompile(`^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$`)

// refParseFloat is what parseFloat must give: strconv.ParseFloat's value
// for a decimal number, an error for anything else (Go's 1_000, 0x1p3,
// Inf and NaN included, which a JSON request refuses too).
func refParseFloat(s string) (float64, error) {
	if !decimalRE.MatchString(s) {
		return 0, errNotDecimal
	}
	return strconv.ParseFloat(s, 64)
}

// TestParseFloat checks the fast path against strconv.ParseFloat, and that
// only decimal numbers are read.
func TestParseFloat(t *testing.T) {
	t.Parallel()
	cases := []string{"0", "-0", "+1", "1.", ".5", "-.5", "12.375", "0.1", "0.3", "3.72835", "99.99999999999",
		"123456789012345", "1234567890123456", "0.0000000000000000000001", "0.00000000000000000000001",
		"1e5", "-2.5E-3", "inf", "NaN", "", "-", ".", "1.2.3", "0x10", "1_000", " 1",
		"1_0", "0x1p3", "Infinity", "-Inf", "1e", "1e+", ".e5", "+.5", "1.5e-3_0", "0b101"}
	for _, s := range []string{"1_0", "0x1p3", "Infinity", "-Inf", "1_000.5", "0x1P-2"} {
		_, err := parseFloat([]byte(s))
		assert.ErrorIs(t, err, errNotDecimal, "%q is Go syntax, not a decimal number", s)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cases = append(cases, strconv.FormatFloat((rng.Float64()-0.3)*math.Pow(10, float64(rng.IntN(12)-4)), 'f', rng.IntN(12), 64))
	}
	for _, s := range cases {
		want, wantErr := refParseFloat(s)
		got, err := parseFloat([]byte(s))
		if wantErr != nil {
			assert.Error(t, err, "%q", s)
			continue
		}
		require.NoError(t, err, "%q", s)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(got), "%q: %v, want %v", s, got, want)
	}
}

// TestTableReaderRFC4180 checks the table reader against encoding/csv on
// tables whose names hold separators, quotes, line breaks and spaces, as
// csv.Writer quotes them, with LF and CRLF line ends.
func TestTableReaderRFC4180(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "b c", ",", ";", "\t", `"`, `""`, "\n", "\r\n", " ", "é", "x"}
	for trial := range 200 {
		sep := []rune{',', ';', '\t'}[trial%3]
		var b strings.Builder
		w := csv.NewWriter(&b)
		w.Comma = sep
		w.UseCRLF = trial%2 == 1
		want := [][]string{{"label", "c1", "c 2"}}
		for i := range 1 + rng.IntN(20) {
			var name strings.Builder
			for range 1 + rng.IntN(4) {
				name.WriteString(pieces[rng.IntN(len(pieces))])
			}
			name.WriteString(strconv.Itoa(i))
			want = append(want, []string{name.String(), strconv.Itoa(rng.IntN(100)), strconv.FormatFloat(rng.Float64(), 'g', -1, 64)})
		}
		require.NoError(t, w.WriteAll(want))
		text := b.String()
		// encoding/csv reads a CRLF inside a quoted field as LF.
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = sep
		wantRead, err := cr.ReadAll()
		require.NoError(t, err)

		tr, err := readHeader(bufio.NewReader(strings.NewReader(text)), byte(sep))
		require.NoError(t, err, "%q", text)
		got := [][]string{append([]string{"label"}, tr.criteria...)}
		for {
			ok, err := tr.next()
			require.NoError(t, err, "%q", text)
			if !ok {
				break
			}
			var rec []string
			for _, f := range tr.fields {
				rec = append(rec, string(f))
			}
			got = append(got, rec)
		}
		require.Equal(t, wantRead, got, "%q", text)
	}
}

// TestTableReaderQuoteErrors: a malformed quoted field is an error naming
// the line its record starts on.
func TestTableReaderQuoteErrors(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"x,a\np,1\n\"q\nr,2\n":     "line 3: a quoted field is not closed",
		"x,a\np,1\nq\"r,2\n":       `line 3: field 1: a quote in a field that does not start with one`,
		"x,a\np,1\n\"q\"r,2\n":     `line 3: field 1: 'r' after a closing quote`,
		"x,a\n\"p\n\n1\",1\nq,x\n": `line 5, criterion "a": "x" is not a finite number`,
	} {
		tr, err := readHeader(bufio.NewReader(strings.NewReader(text)), ',')
		require.NoError(t, err)
		err = tr.readRows(scoring.NewProblemBuilder([]scoring.Criterion{{Name: "a", Direction: scoring.Benefit}}, 0))
		require.Error(t, err, "%q", text)
		assert.Contains(t, err.Error(), want, "%q", text)
	}
}

// TestScoreMatrixManyBlocks reads a table of several blocks: the rows
// reach the problem in the table's order, and an error in a late block
// names its line.
func TestScoreMatrixManyBlocks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("name,a,b\n")
	const m = 3*block + 17
	for i := range m {
		fmt.Fprintf(&b, "\"alt, %d\",%d,%d.5\n", i, i%97+1, i%13+1)
	}
	good := filepath.Join(dir, "good.csv")
	require.NoError(t, os.WriteFile(good, []byte(b.String()), 0o600))
	stdout, stderr, code := runCLI(t, "", "score", "--matrix", good, "--method", "wsm", "--directions", "b,c")
	require.Equal(t, 0, code, stderr)
	var res struct {
		Alternatives []string  `json:"alternatives"`
		Scores       []float64 `json:"scores"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &res))
	require.Len(t, res.Alternatives, m)
	for i, name := range res.Alternatives {
		require.Equal(t, fmt.Sprintf("alt, %d", i), name)
	}

	bad := strings.Replace(b.String(), "\"alt, 9000\",", "\"alt, 9000\",x", 1)
	badFile := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(badFile, []byte(bad), 0o600))
	stdout, stderr, code = runCLI(t, "", "score", "--matrix", badFile, "--method", "wsm", "--directions", "b,c")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `line 9002, criterion "a"`)
}

// TestWriteResult checks the streamed ranking against encoding/json's
// compact text of the same result, with names that need escapes, a note,
// and lists long enough to be formatted in several chunks.
func TestWriteResult(t *testing.T) {
	t.Parallel()
	special := []string{"plain", `q"uote`, `back\slash`, "<b>&", "tab\t", "é", "\u2028", "\x7f"}
	for _, m := range []int{len(special), 3*listChunk + 5} {
		names := make([]string, m)
		for i := range names {
			names[i] = fmt.Sprintf("alt %d", i)
		}
		copy(names[m/2:], special) // across a chunk's end in the long list
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = []float64{float64(i) + 1e-9, 1e22 / float64(i+1), 7}
		}
		crits := []scoring.Criterion{{Name: "a<", Direction: scoring.Benefit}, {Name: "b", Direction: scoring.Cost}, {Name: "c", Direction: scoring.Benefit}}
		p, err := scoring.NewProblem(names, crits, rows)
		require.NoError(t, err)
		res, err := scoring.TOPSIS{}.Rank(p, []float64{1, 1, 1})
		require.NoError(t, err)
		require.NotEmpty(t, res.Notes, "the constant criterion's note")
		want, err := json.Marshal(res)
		require.NoError(t, err)
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		require.NoError(t, writeResult(w, res))
		require.NoError(t, w.Flush())
		assert.True(t, string(want)+"\n" == got.String(), "%d alternatives", m)
	}
}

// FuzzParseFloat: on any text, parseFloat gives strconv.ParseFloat's bits
// for a decimal number, and an error where strconv gives one or the text
// is not decimal.
func FuzzParseFloat(f *testing.F) {
	for _, s := range []string{"0", "-12.375", "1e5", "123456789012345", "0.1", ".5", "1.", "+3", "1_0", "inf", "0x1p3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := refParseFloat(s)
		got, err := parseFloat([]byte(s))
		if wantErr != nil {
			if err == nil {
				t.Fatalf("%q: %v, want an error (%v)", s, got, wantErr)
			}
			return
		}
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: %v (%v), want %v", s, got, err, want)
		}
	})
}

// TestRowsHint: the guess of the number of rows errs high on a plain
// table, but never exceeds the rows the file's size can hold (a value
// takes at least two bytes, itself and a separator), blank lines or not.
func TestRowsHint(t *testing.T) {
	t.Parallel()
	// A plain table: 1000 rows of 3 values.
	var b strings.Builder
	b.WriteString("name,a,b,c\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "alternative %d,%d,%d.5,%d\n", i, i, i%7, i%13)
	}
	header, rows := len("name,a,b,c"), b.String()[len("name,a,b,c\n"):]
	hint := rowsHint(int64(b.Len()), []byte(rows[:4096]), header, 3)
	assert.GreaterOrEqual(t, hint, 1000)
	assert.LessOrEqual(t, hint, 2000)
	assert.Zero(t, rowsHint(0, []byte(rows), header, 3), "size unknown")

	// The shape that exhausted memory: a wide header, blank lines, a row.
	const n = 20000
	head := "name" + strings.Repeat(",c", n)
	for _, blanks := range []string{strings.Repeat("\n", 1<<20), strings.Repeat("\r\n", 1<<19), strings.Repeat(" \n", 1<<19)} {
		ahead := blanks[:min(len(blanks), 1<<20)]
		size := int64(len(head) + 1 + len(blanks) + len("x") + 2*n + 1)
		hint := rowsHint(size, []byte(ahead), len(head), n)
		assert.LessOrEqual(t, int64(hint), size/(2*n)+1, "blank lines are not rows")
		assert.GreaterOrEqual(t, hint, 1)
	}
	// No row read ahead: the header's length is the guess, bounded alike.
	assert.LessOrEqual(t, rowsHint(1<<30, nil, 1, n), (1<<30)/(2*n)+1)
}

// TestScoreMatrixWideBlank scores the shape of table that once exhausted
// memory (a header of many criteria, many blank lines, one row), and
// checks that the bytes allocated stay near what the file holds: neither
// the guess of the rows nor the blocks the rows are read in reserve
// storage for rows that are not there. Not parallel: it measures the
// bytes the process allocates.
func TestScoreMatrixWideBlank(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("name")
	dirs := make([]string, n)
	for j := range n {
		fmt.Fprintf(&b, ",c%d", j)
		dirs[j] = "b"
	}
	b.WriteString("\n")
	b.WriteString(strings.Repeat("\n", 200000))
	b.WriteString("x" + strings.Repeat(",1", n) + "\n")
	b.WriteString("y" + strings.Repeat(",2", n) + "\n")
	file := filepath.Join(t.TempDir(), "wide.csv")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o600))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stdout, stderr, code := runCLI(t, "", "score", "--matrix", file, "--method", "wsm", "--directions", strings.Join(dirs, ","))
	runtime.ReadMemStats(&after)
	require.Equal(t, 0, code, stderr)
	var res struct {
		Alternatives []string  `json:"alternatives"`
		Scores       []float64 `json:"scores"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &res))
	assert.Equal(t, []string{"x", "y"}, res.Alternatives)
	require.Len(t, res.Scores, 2)
	assert.Less(t, res.Scores[0], res.Scores[1], "y is better on every criterion")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated for a file of %d bytes", b.Len())
}
