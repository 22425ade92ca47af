package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// matrixOptions are the score command's flags for a CSV or TSV matrix.
type matrixOptions struct {
	matrix     string // the CSV/TSV file; "" means the JSON request path
	sep        string // "", ",", "tab"
	spec       string // -f: the JSON side file (a score request without "matrix")
	method     string
	weights    string
	directions string
	detail     bool
	// adjust, if not nil, changes the request (the method options given
	// as flags) before it runs.
	adjust func(*scoringjson.ScoreRequest) error
}

// scoreMatrix runs the score command on a CSV or TSV matrix: the
// alternatives' names and the values come from the table, the method, the
// criteria's directions and weights and the method's parameters from the
// side file (-f) or from --method, --directions and --weights. The values
// go straight into the problem's storage (no JSON tree, no rows, no
// second copy; see scoring.ProblemBuilder), and the result
// is written to stdout as it is encoded, after it has been computed.
func scoreMatrix(ctx context.Context, e *env, o matrixOptions) error {
	if o.spec != "" && (o.method != "" || o.weights != "" || o.directions != "") {
		return usagef("-f and --method/--weights/--directions are alternatives: give one")
	}
	// where names the table in messages.
	var in io.Reader
	var size int64
	where := o.matrix
	if o.matrix == "-" {
		if o.spec == "-" {
			return usagef("only one of --matrix and -f can be standard input")
		}
		in, size, where = e.stdin, inputSize(e.stdin), "standard input"
	} else {
		f, err := os.Open(o.matrix)
		if err != nil {
			return &usageError{err}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return usagef("%s is a directory, not a file", o.matrix)
			}
			size = st.Size()
		}
		in = f
	}
	sep := ','
	switch {
	case o.sep == "tab" || o.sep == `\t` || (o.sep == "" && (strings.HasSuffix(o.matrix, ".tsv") || strings.HasSuffix(o.matrix, ".tab"))):
		sep = '\t'
	case o.sep == "" || o.sep == ",":
	case o.sep == ";":
		sep = ';'
	default:
		return usagef("--sep %q: want \",\", \";\" or \"tab\"", o.sep)
	}
	r := bufio.NewReaderSize(readingProgress(ctx, e, in, size), 1<<20)
	h, err := readHeader(r, byte(sep))
	if err != nil {
		return scoringjson.BadInput(fmt.Errorf("%s: %w", where, err))
	}
	req, err := matrixRequest(e, o, h.criteria)
	if err != nil {
		return err
	}
	if o.adjust != nil {
		if err := o.adjust(req); err != nil {
			return err
		}
	}
	crits, weights, err := req.CriteriaAndWeights()
	if err != nil {
		return err
	}
	// A guess of the number of rows from the file's size: reserved memory
	// that is never written costs nothing, so the guess errs high.
	ahead, _ := r.Peek(r.Buffered())
	hint := rowsHint(size, ahead, h.lineLen, len(h.criteria))
	if size > 64<<20 {
		// A large table: collect garbage (the growth of the names'
		// storage, the blocks' name strings) far more eagerly than the
		// default. The live heap is mostly the problem's numbers, which
		// hold no pointers and cost the collector nothing to mark; at
		// 1e6x10 this keeps the peak at 188 MB rather than 216 MB (50)
		// for the same CPU time (measured).
		defer debug.SetGCPercent(debug.SetGCPercent(25))
	}
	b := scoring.NewProblemBuilder(crits, hint)
	if err := h.readRows(b); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return scoringjson.BadInput(fmt.Errorf("%s: %w", where, err))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p, err := b.Problem()
	if err != nil {
		return scoringjson.BadInput(fmt.Errorf("%s: %w", where, err))
	}
	if size > 64<<20 {
		// Free what building the problem left (the builder's offsets,
		// the names' check) so that the method's result reuses it: at
		// 1e6x10, TOPSIS peaks at 170 MB rather than 177 MB (measured).
		runtime.GC()
	}
	res, err := rankingPhase(e, func() (any, error) { return req.ScoreProblemContext(ctx, p, weights, o.detail) })
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.detail {
		// The method's own JSON with its tables, as score -f writes it.
		if err := writeJSONStream(e.stdout, res); err != nil {
			return &outputError{err}
		}
		return nil
	}
	w := bufio.NewWriterSize(e.stdout, 1<<20)
	if err := writeResult(w, res.(*scoring.Result)); err != nil {
		return &outputError{err}
	}
	if err := w.Flush(); err != nil {
		return &outputError{err}
	}
	return nil
}

// rowsHint guesses the number of rows of a table of n criteria and size
// bytes (0: unknown, no guess) from the rows read ahead and the header's
// length. Reserved memory that is never written costs nothing, so the
// guess errs high, but never above the rows size bytes can hold: a row
// holds n values of at least two bytes each (a digit and a separator), so
// a file of blank lines or a short one under a wide header reserves what
// it can fill, not the average line's length times the criteria.
func rowsHint(size int64, ahead []byte, header, n int) int {
	if size <= 0 {
		return 0
	}
	guess := size/int64(rowLength(ahead, header))*9/8 + 16
	fit := size/(2*int64(n)+1) + 1
	return int(min(guess, fit, 1<<26))
}

// rowLength estimates the length in bytes of a row of the table from
// the rows in ahead (the header's length when none is): the average
// length of its complete lines that are not blank, which the table skips.
func rowLength(ahead []byte, header int) int {
	lines, bytesIn := 0, 0
	for {
		k := bytes.IndexByte(ahead, '\n')
		if k < 0 {
			break
		}
		if len(bytes.TrimSpace(ahead[:k])) > 0 {
			lines++
			bytesIn += k + 1
		}
		ahead = ahead[k+1:]
	}
	if lines > 0 {
		return max(bytesIn/lines, 1)
	}
	return header + 1
}

// tableReader reads a CSV/TSV table whose header row holds a label and
// then the criteria's names, and whose every other row holds an
// alternative's name and then one number per criterion. Fields follow
// RFC 4180: a field in double quotes may hold the separator, line breaks
// (a CRLF in it reads as LF, as encoding/csv reads it) and doubled
// quotes; a quote elsewhere in a field is an error. Lines end in LF or
// CRLF; blank lines are skipped. The numbers are parsed from the bytes
// (see parseFloat), the names are gathered a block of rows at a time into
// one string, so reading a row allocates nothing.
type tableReader struct {
	r        *bufio.Reader
	sep      byte
	criteria []string
	lineLen  int // the header's length in bytes
	line     []byte
	fields   [][]byte
	scratch  []byte // unquoted fields of the current record
	num      int    // the line the current record starts on
	next1    int    // the line the next record starts on
}

// readHeader reads the header row.
func readHeader(r *bufio.Reader, sep byte) (*tableReader, error) {
	t := &tableReader{r: r, sep: sep, next1: 1}
	ok, err := t.next()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New("empty file: want a header row of criteria")
	}
	if len(t.fields) < 2 {
		return nil, errors.New("line 1: want a label and at least one criterion")
	}
	t.lineLen = len(t.line)
	t.criteria = make([]string, len(t.fields)-1)
	for j, s := range t.fields[1:] {
		t.criteria[j] = string(s)
	}
	return t, nil
}

// next reads the next record that is not a blank line into t.fields;
// false at the end.
func (t *tableReader) next() (bool, error) {
	for {
		var err error
		t.line, err = readLine(t.r, t.line[:0])
		if errors.Is(err, io.EOF) && len(t.line) == 0 {
			return false, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return false, err
		}
		t.num = t.next1
		t.next1++
		if len(bytes.TrimSpace(t.line)) == 0 {
			continue
		}
		if bytes.IndexByte(t.line, '"') < 0 {
			t.fields = splitPlain(t.fields[:0], t.line, t.sep)
			return true, nil
		}
		if err := t.splitQuoted(); err != nil {
			return false, fmt.Errorf("line %d: %w", t.num, err)
		}
		return true, nil
	}
}

// splitPlain appends the fields of a line without quotes to dst; they
// alias the line.
func splitPlain(dst [][]byte, line []byte, sep byte) [][]byte {
	for {
		k := bytes.IndexByte(line, sep)
		if k < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:k])
		line = line[k+1:]
	}
}

// splitQuoted splits the record that starts with t.line, which holds a
// quote, by RFC 4180, reading further lines while a quoted field is open.
func (t *tableReader) splitQuoted() error {
	t.fields = t.fields[:0]
	t.scratch = t.scratch[:0]
	var starts []int // each field's start in scratch
	line := t.line
	for {
		starts = append(starts, len(t.scratch))
		if len(line) == 0 || line[0] != '"' {
			k := bytes.IndexByte(line, t.sep)
			if k < 0 {
				k = len(line)
			}
			if bytes.IndexByte(line[:k], '"') >= 0 {
				return fmt.Errorf("field %d: a quote in a field that does not start with one (quote the whole field and double the quote)", len(starts))
			}
			t.scratch = append(t.scratch, line[:k]...)
			if k == len(line) {
				break
			}
			line = line[k+1:]
			continue
		}
		// A quoted field: up to the quote that is not doubled.
		line = line[1:]
		for {
			k := bytes.IndexByte(line, '"')
			if k < 0 {
				// The field goes on on the next line.
				t.scratch = append(t.scratch, line...)
				t.scratch = append(t.scratch, '\n')
				var err error
				t.line, err = readLine(t.r, t.line[:0])
				if err != nil && (!errors.Is(err, io.EOF) || len(t.line) == 0) {
					if errors.Is(err, io.EOF) {
						return errors.New("a quoted field is not closed before the end of the file")
					}
					return err
				}
				t.next1++
				line = t.line
				continue
			}
			t.scratch = append(t.scratch, line[:k]...)
			line = line[k+1:]
			if len(line) > 0 && line[0] == '"' {
				t.scratch = append(t.scratch, '"')
				line = line[1:]
				continue
			}
			break
		}
		if len(line) == 0 {
			break
		}
		if line[0] != t.sep {
			return fmt.Errorf("field %d: %q after a closing quote, want the separator or the end of the line", len(starts), line[0])
		}
		line = line[1:]
	}
	for f, from := range starts {
		to := len(t.scratch)
		if f+1 < len(starts) {
			to = starts[f+1]
		}
		t.fields = append(t.fields, t.scratch[from:to:to])
	}
	return nil
}

// block is the number of rows read before they are handed to the builder
// together, their names in one string, unless a block of that many rows
// would hold more than blockValues values.
const block = 4096

// blockValues bounds the values of a block of rows: a table of many
// criteria is read a few rows at a time, so that its three blocks do not
// reserve gigabytes for rows the file may not hold.
const blockValues = 1 << 19

// blockRows returns the number of rows of a block for n criteria.
func blockRows(n int) int {
	return max(1, min(block, blockValues/max(n, 1)))
}

// rowBlock is up to block rows read from the table: their values, and
// their names one after the other in names, the i-th ending at ends[i].
type rowBlock struct {
	vals  []float64
	names []byte
	ends  []int
	err   error // the error that ended the reading after these rows
}

// readRows adds every further row to b. One goroutine reads and parses
// the rows a block at a time while this one hands the blocks to the
// builder (whose writes into fresh memory cost as much as the parsing),
// so the two overlap; the rows go to b in the table's order.
func (t *tableReader) readRows(b *scoring.ProblemBuilder) error {
	n := len(t.criteria)
	const blocks = 3
	free := make(chan *rowBlock, blocks)
	full := make(chan *rowBlock, blocks)
	rows := blockRows(n)
	for range blocks {
		free <- &rowBlock{vals: make([]float64, rows*n), ends: make([]int, 0, rows)}
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(full)
		for {
			var blk *rowBlock
			select {
			case blk = <-free:
			case <-stop:
				return
			}
			blk.names, blk.ends, blk.err = blk.names[:0], blk.ends[:0], nil
			more := t.readBlock(blk)
			select {
			case full <- blk:
			case <-stop:
				return
			}
			if !more {
				return
			}
		}
	}()
	for blk := range full {
		// The block's names, in one string the problem keeps.
		if err := b.AddRows(string(blk.names), blk.ends, blk.vals[:len(blk.ends)*n]); err != nil {
			return err
		}
		if blk.err != nil {
			return blk.err
		}
		free <- blk
	}
	if b.Len() == 0 {
		return errors.New("no alternatives: the file has a header row only")
	}
	return nil
}

// readBlock reads up to cap(blk.ends) rows into blk; false at the end of the
// table or on an error (in blk.err).
func (t *tableReader) readBlock(blk *rowBlock) bool {
	n := len(t.criteria)
	for len(blk.ends) < cap(blk.ends) {
		ok, err := t.next()
		if err != nil {
			blk.err = err
			return false
		}
		if !ok {
			return false
		}
		k := len(blk.ends)
		row := blk.vals[k*n : (k+1)*n]
		if len(t.fields) != n+1 {
			blk.err = fmt.Errorf("line %d: %d fields, want %d (a name and one value per criterion)", t.num, len(t.fields), n+1)
			return false
		}
		for j, s := range t.fields[1:] {
			v, err := parseFloat(bytes.TrimSpace(s))
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				blk.err = fmt.Errorf("line %d, criterion %q: %q is not a finite number", t.num, t.criteria[j], s)
				return false
			}
			row[j] = v
		}
		blk.names = append(blk.names, t.fields[0]...)
		blk.ends = append(blk.ends, len(blk.names))
	}
	return true
}

// readLine appends the next line of r, without its line ending, to buf.
func readLine(r *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		part, err := r.ReadSlice('\n')
		buf = append(buf, part...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, err
	}
}

// matrixRequest returns the score request that goes with a matrix: the
// side file's, whose criteria must be the table's in order, or one built
// from the flags.
func matrixRequest(e *env, o matrixOptions, criteria []string) (*scoringjson.ScoreRequest, error) {
	if o.spec != "" {
		var req *scoringjson.ScoreRequest
		err := withInput(o.spec, e.stdin, func(r io.Reader) error {
			var err error
			req, err = scoringjson.DecodeScore(r)
			return err
		})
		if err != nil {
			return nil, err
		}
		if len(req.Criteria) != len(criteria) {
			return nil, scoringjson.BadInput(fmt.Errorf("the request has %d criteria, the table %d", len(req.Criteria), len(criteria)))
		}
		for j, c := range req.Criteria {
			if c.Name != criteria[j] {
				return nil, scoringjson.BadInput(fmt.Errorf("criteria[%d] is %q in the request but %q in the table's header", j, c.Name, criteria[j]))
			}
		}
		return req, nil
	}
	req := &scoringjson.ScoreRequest{Method: o.method, Criteria: make([]scoringjson.Criterion, len(criteria))}
	if req.Method == "" {
		return nil, usagef("--matrix needs -f FILE or --method")
	}
	split := func(flag, s string) ([]string, error) {
		parts := strings.Split(s, ",")
		if s == "" || len(parts) != len(criteria) {
			return nil, usagef("--%s %q: want %d comma-separated values, one per criterion of the table", flag, s, len(criteria))
		}
		return parts, nil
	}
	dirs, err := split("directions", o.directions)
	if err != nil {
		return nil, err
	}
	var ws []string
	if o.weights != "" {
		if ws, err = split("weights", o.weights); err != nil {
			return nil, err
		}
	}
	for j, name := range criteria {
		d := strings.TrimSpace(dirs[j])
		switch d {
		case "b", "+":
			d = "benefit"
		case "c", "-":
			d = "cost"
		}
		w := 1.0
		if ws != nil {
			if w, err = parseFloat([]byte(strings.TrimSpace(ws[j]))); err != nil {
				return nil, usagef("--weights: %q is not a number", ws[j])
			}
		}
		req.Criteria[j] = scoringjson.Criterion{Name: name, Direction: d, Weight: &w}
	}
	return req, nil
}

// writeResult writes r as compact JSON, the same object encoding/json
// gives (keys "method", "alternatives", "criteria", "weights", "scores",
// "better", "ranking" and "notes"), without holding the text in memory.
// The long lists are formatted a chunk at a time on every core (see
// writeChunks).
func writeResult(w *bufio.Writer, r *scoring.Result) error {
	str := func(dst []byte, s string) []byte {
		if plainJSON(s) {
			return append(append(append(dst, '"'), s...), '"')
		}
		return appendJSONString(dst, s)
	}
	var buf []byte
	list := func(n int, item func(dst []byte, i int) []byte) {
		writeChunks(w, n, func(dst []byte, lo, hi int) []byte {
			for i := lo; i < hi; i++ {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = item(dst, i)
			}
			return dst
		})
	}
	w.WriteString(`{"method":`)
	w.Write(str(buf[:0], r.Method))
	w.WriteString(`,"alternatives":[`)
	list(len(r.Alternatives), func(dst []byte, i int) []byte { return str(dst, r.Alternatives[i]) })
	w.WriteString(`],"criteria":[`)
	list(len(r.Criteria), func(dst []byte, i int) []byte { return str(dst, r.Criteria[i]) })
	w.WriteString(`],"weights":[`)
	list(len(r.Weights), func(dst []byte, i int) []byte { return appendJSONFloat(dst, r.Weights[i]) })
	w.WriteString(`],"scores":[`)
	list(len(r.Scores), func(dst []byte, i int) []byte { return appendJSONFloat(dst, r.Scores[i]) })
	w.WriteString(`],"better":`)
	w.Write(str(buf[:0], r.Better.String()))
	w.WriteString(`,"ranking":[`)
	list(len(r.Ranks), func(dst []byte, i int) []byte { return strconv.AppendInt(dst, int64(r.Ranks[i]), 10) })
	w.WriteByte(']')
	if len(r.Notes) > 0 {
		w.WriteString(`,"notes":[`)
		for i, n := range r.Notes {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(`{"code":`)
			buf = str(buf[:0], n.Code)
			if n.Criterion != "" {
				buf = str(append(buf, `,"criterion":`...), n.Criterion)
			}
			buf = str(append(buf, `,"text":`...), n.Text)
			w.Write(append(buf, '}'))
		}
		w.WriteByte(']')
	}
	_, err := w.WriteString("}\n")
	return err
}

// plainJSON reports whether s is written in JSON as it is, between
// quotes, by encoding/json: printable ASCII without the characters it
// escapes (quote, backslash, and <, > and & for HTML).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// appendJSONString appends s as encoding/json writes it.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// exactPow10 holds the powers of ten that float64 represents exactly.
var exactPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// errNotDecimal is parseFloat's error for text that is not a decimal
// number.
var errNotDecimal = errors.New("not a decimal number")

// decimalNumber reports whether s is a decimal number as a table or a flag
// writes one: an optional sign, digits with at most one point (and at
// least one digit), and an optional exponent. strconv.ParseFloat also
// reads Go's own forms (1_000, 0x1p3, Inf, NaN), which a JSON request
// refuses; tables and flags refuse them too.
func decimalNumber(s []byte) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// parseFloat reads a decimal number (see decimalNumber) as
// strconv.ParseFloat(string(s), 64) does, with a fast path for the plain
// decimals tables mostly hold ("-12.375"): with at most 15 significant
// digits the mantissa and the power of ten are both exact float64 values,
// so one division is correctly rounded, the same value strconv gives.
// Anything else that is decimal goes to strconv.
func parseFloat(s []byte) (float64, error) {
	i, neg := 0, false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg, i = s[0] == '-', 1
	}
	var mant uint64
	seen, sig, frac, dot := false, 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			seen = true
			mant = mant*10 + uint64(c-'0')
			if mant != 0 {
				sig++
			}
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return slowFloat(s)
		}
	}
	if !seen || sig > 15 || frac >= len(exactPow10) {
		return slowFloat(s)
	}
	v := float64(mant) / exactPow10[frac]
	if neg {
		v = -v
	}
	return v, nil
}

// slowFloat is parseFloat's path through strconv, for decimal text only.
func slowFloat(s []byte) (float64, error) {
	if !decimalNumber(s) {
		return 0, errNotDecimal
	}
	return strconv.ParseFloat(string(s), 64)
}
