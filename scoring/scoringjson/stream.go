package scoringjson

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
)

// ScoreInput is a score request read by [DecodeScoreStream]: the request's
// members other than "matrix" and "alternatives", and the problem built
// from those two.
type ScoreInput struct {
	// Request holds every member of the request except "matrix" and
	// "alternatives", which are in the problem.
	Request *ScoreRequest
	p       *scoring.Problem
	w       []float64
	// err is the error the request's Problem gives; stand-in is then a
	// request whose Problem gives that same error (for the outranking
	// methods, which read the problem from the request).
	err     error
	standIn *ScoreRequest
}

// Problem returns the decision problem and the weights of the request, or
// the error [ScoreRequest.Problem] gives for the same request.
func (s *ScoreInput) Problem() (*scoring.Problem, []float64, error) {
	return s.p, s.w, s.err
}

// ScoreContext is [ScoreRequest.ScoreContext] for a streamed request:
// the same checks in the same order and the same response. With detail
// false the response of a ranking method is the plain *scoring.Result.
func (s *ScoreInput) ScoreContext(ctx context.Context, detail bool) (any, error) {
	req := s.Request
	if isOutranking(req.Method) {
		full := *req
		switch {
		case s.err != nil:
			full.Matrix, full.Alternatives = s.standIn.Matrix, s.standIn.Alternatives
		default:
			full.Matrix, full.Alternatives = s.p.Rows(), s.p.Alternatives()
		}
		return full.ScoreContext(ctx)
	}
	m, err := req.method()
	if err != nil {
		return nil, err
	}
	if s.err != nil {
		return nil, s.err
	}
	return rankContext(ctx, m, s.p, s.w, detail)
}

// DecodeScoreStream reads a score request with the rules of [DecodeScore]
// (the same errors, naming the same JSON path and position) without
// holding the document or a tree of it in memory: "matrix" is read
// number by number into the problem's own storage and "alternatives" into
// a few large strings, which the problem keeps, so a request of a million
// rows costs about the problem's size. The other members, usually small,
// are held as text and decoded by the strict decoder itself.
//
// sizeHint is the input's size in bytes when known (0 otherwise), used to
// reserve storage: never more rows than that many bytes can hold (a value
// takes at least two), nor, with no size known, more than
// [scoring.NewProblemBuilder] reserves for the number of names listed (at
// most [scoring.DefaultMaxMemory]). Beyond that, storage grows with the
// values read.
//
// Unlike [DecodeScore], which reads the whole body and rejects one over
// 64 MiB, DecodeScoreStream has no size limit: it holds no copy of the
// body, so a request as large as the problem the caller can afford is
// read, and its memory grows with the input (at most 4 bytes per byte of
// "matrix", the names and the other members in full). A caller reading
// untrusted input bounds the reader (with [io.LimitReader], or an HTTP
// server's MaxBytesReader). A body that is not an object is read by
// DecodeScore, with its limit, to report what it is.
//
// The problem is built with the least memory when "criteria" (and
// "alternatives", if given) come before "matrix", as the contract lists
// them; any order is accepted.
func DecodeScoreStream(r io.Reader, sizeHint int64) (*ScoreInput, error) {
	d := &streamDecoder{in: r, sizeHint: sizeHint, firstBadUTF8: -1}
	return d.decode()
}

// streamBuf is the size of the stream decoder's reads.
const streamBuf = 256 << 10

// streamDecoder reads one score request from a stream.
type streamDecoder struct {
	in       io.Reader
	chunk    int // the size of reads (0: streamBuf)
	sizeHint int64
	buf      []byte // buf[i:] is not yet read
	i        int
	off      int64 // input offset (after a byte order mark) of buf[0]
	line     int   // position of buf[0], 1-based, column in characters
	col      int
	mark     int64 // input offset from which fill keeps the data (-1: none)
	eof      bool
	rerr     error // a read error other than io.EOF

	// firstBadUTF8 is the offset of the first invalid UTF-8 sequence
	// found, with its position and byte.
	firstBadUTF8           int64
	badLine, badCol        int
	badByte                byte
	validated              int    // buf[:validated] has been checked for UTF-8
	small                  []byte // the other members, as one JSON object
	smallLine, smallCol    int    // position of the end of small
	segs                   []segment
	seen                   map[string]bool
	known                  map[string]bool     // member names probed
	truncated              bool                // the input ends inside the last member of small
	crits                  []scoring.Criterion // from the members before "matrix", when valid
	weights                []float64
	critsOK                bool
	alts                   *nameList // nil when "alternatives" is not given
	altsGiven, altsLate    bool
	rows                   int
	w0, badRow, badWidth   int // the first row's width; the first row of another width (-1: none) and its width
	shapeBad               bool
	flat                   []float64
	builder                *scoring.ProblemBuilder
	adder                  *rowAdder // hands the rows to builder
	matrixGiven, builderOn bool
}

// segment maps a member of the small document back to the input: the
// member starts at line, col in small and at origLine, origCol in the
// input.
type segment struct{ line, col, origLine, origCol int }

// posError is an error of the stream decoder at a position of the input.
type posError struct {
	line, col int
	err       error
}

func (d *streamDecoder) decode() (*ScoreInput, error) {
	d.line, d.col, d.mark, d.badRow = 1, 1, 0, -1
	defer func() { d.adder.wait() }() // whatever the outcome, the adding goroutine ends
	d.seen = map[string]bool{}
	d.smallLine, d.smallCol = 1, 2
	d.small = append(d.small, '{')
	// The byte order marks: UTF-8's is skipped, UTF-16's is an error.
	d.ensure(3)
	d.buf = bytes.TrimPrefix(d.buf, bom)
	if len(d.buf) >= 2 && (d.buf[0] == 0xFE && d.buf[1] == 0xFF || d.buf[0] == 0xFF && d.buf[1] == 0xFE) {
		return nil, badInput(&strictdec.Error{Format: "JSON", Line: 1, Column: 1,
			Err: streamCause("invalid UTF-8: the document is UTF-16; save it as UTF-8", strictdec.ErrInvalidUTF8)})
	}
	d.skipSpace()
	if d.rerr != nil {
		return nil, fmt.Errorf("reading the request: %w", d.rerr)
	}
	if d.i == len(d.buf) {
		if err := d.utf8Error(); err != nil {
			return nil, err
		}
		return nil, badInput(fmt.Errorf("empty request: want a JSON object: %w", &strictdec.Error{Format: "JSON", Err: strictdec.ErrEmpty}))
	}
	if d.buf[d.i] != '{' {
		// Not an object: never a large request, so the strict decoder
		// reads it and says what is wrong.
		req, err := DecodeScore(io.MultiReader(bytes.NewReader(d.buf), d.in))
		if err != nil {
			return nil, err
		}
		return d.finishTree(req)
	}
	d.i++
	d.mark = -1
	perr := d.members()
	if d.rerr != nil {
		return nil, fmt.Errorf("reading the request: %w", d.rerr)
	}
	if perr == nil {
		perr = d.trailing()
		if d.rerr != nil {
			// Whether more data follows is unknown.
			return nil, fmt.Errorf("reading the request: %w", d.rerr)
		}
	}
	if err := d.utf8Error(); err != nil {
		return nil, err
	}
	req := new(ScoreRequest)
	if err := d.decodeSmall(req); err != nil {
		return nil, err
	}
	if perr != nil {
		return nil, badInput(&strictdec.Error{Format: "JSON", Path: pathOfErr(perr), Line: perr.line, Column: perr.col, Err: perr.err})
	}
	return d.finish(req)
}

// pathOfErr returns the path carried by a stream error's cause.
func pathOfErr(e *posError) string {
	var c *pathCause
	if errors.As(e.err, &c) {
		return c.path
	}
	return ""
}

// pathCause is a decoding error's cause with the path of the value.
type pathCause struct {
	path string
	msg  string
	errs []error
}

func (c *pathCause) Error() string   { return c.msg }
func (c *pathCause) Unwrap() []error { return c.errs }

func streamCause(msg string, sentinel error) error {
	return &pathCause{msg: msg, errs: []error{sentinel}}
}

// errAt returns a posError at buf index k for the value at path.
func (d *streamDecoder) errAt(k int, path string, sentinel error, format string, args ...any) *posError {
	line, col := d.position(k)
	return &posError{line: line, col: col, err: &pathCause{path: path, msg: fmt.Sprintf(format, args...), errs: []error{sentinel}}}
}

// syntaxAt is a malformed-document error at buf index k.
func (d *streamDecoder) syntaxAt(k int, format string, args ...any) *posError {
	return d.errAt(k, "", strictdec.ErrSyntax, "invalid JSON: "+format, args...)
}

// position returns the line and column of buf index k.
func (d *streamDecoder) position(k int) (int, int) {
	return advance(d.line, d.col, d.buf[:min(k, len(d.buf))])
}

// advance returns the position after text, from position line, col.
func advance(line, col int, text []byte) (int, int) {
	if n := bytes.Count(text, []byte("\n")); n > 0 {
		line += n
		text = text[bytes.LastIndexByte(text, '\n')+1:]
		col = 1
	}
	return line, col + utf8.RuneCount(text)
}

// fill reads more input, keeping buf[i:] and buf[mark:]. It returns
// false at the end of the input.
func (d *streamDecoder) fill() bool {
	if d.eof || d.rerr != nil {
		return false
	}
	keep := d.i
	if d.mark >= 0 && d.idx(d.mark) < keep {
		keep = d.idx(d.mark)
	}
	if keep > 0 && keep >= len(d.buf)/2 {
		d.checkUTF8(keep)
		keep = min(keep, d.validated)
		d.line, d.col = advance(d.line, d.col, d.buf[:keep])
		n := copy(d.buf, d.buf[keep:])
		d.buf = d.buf[:n]
		d.off += int64(keep)
		d.i -= keep
		d.validated -= keep
	}
	if d.chunk == 0 {
		d.chunk = streamBuf
	}
	if cap(d.buf)-len(d.buf) < max(d.chunk/2, 1) {
		nb := make([]byte, len(d.buf), max(2*cap(d.buf), len(d.buf)+d.chunk))
		copy(nb, d.buf)
		d.buf = nb
	}
	for {
		n, err := d.in.Read(d.buf[len(d.buf):cap(d.buf)])
		d.buf = d.buf[:len(d.buf)+n]
		if err == io.EOF {
			d.eof = true
		} else if err != nil {
			d.rerr = err
		}
		if n > 0 || err != nil {
			return n > 0
		}
	}
}

// idx returns the buffer index of input offset off.
func (d *streamDecoder) idx(off int64) int { return int(off - d.off) }

// abs returns the input offset of buffer index k.
func (d *streamDecoder) abs(k int) int64 { return d.off + int64(k) }

// ensure makes at least k bytes available at i, unless the input ends.
func (d *streamDecoder) ensure(k int) {
	for len(d.buf)-d.i < k && d.fill() {
	}
}

// checkUTF8 checks buf[validated:k] for UTF-8, remembering the first
// invalid sequence. A sequence that k cuts, or that the data read so far
// cuts, is checked whole later.
func (d *streamDecoder) checkUTF8(k int) {
	if d.validated >= k || d.firstBadUTF8 >= 0 {
		d.validated = max(d.validated, k)
		return
	}
	end := k
	for back := 0; back < 3 && end > d.validated && end < len(d.buf) && !utf8.RuneStart(d.buf[end]); back++ {
		end--
	}
	part := d.buf[d.validated:end]
	at := strictdec.FirstInvalidUTF8(part)
	if at < 0 {
		d.validated = end
		return
	}
	if !utf8.FullRune(part[at:]) && end == len(d.buf) && !d.eof {
		d.validated += at // the rest of the sequence is still to come
		return
	}
	d.firstBadUTF8 = d.abs(d.validated + at)
	d.badLine, d.badCol = d.position(d.validated + at)
	d.badByte = part[at]
	d.validated = max(end, k)
}

// utf8Error reads the rest of the input and returns the error for its
// first invalid UTF-8 sequence, if any: the strict decoder checks the
// whole document before anything else, so this error comes first.
func (d *streamDecoder) utf8Error() error {
	for d.firstBadUTF8 < 0 {
		d.i = len(d.buf)
		d.mark = -1
		d.checkUTF8(len(d.buf))
		if !d.fill() {
			d.checkUTF8(len(d.buf))
			break
		}
	}
	if d.firstBadUTF8 < 0 {
		return nil
	}
	return badInput(&strictdec.Error{Format: "JSON", Line: d.badLine, Column: d.badCol,
		Err: streamCause(fmt.Sprintf("invalid UTF-8 (byte 0x%02X at offset %d)", d.badByte, d.firstBadUTF8), strictdec.ErrInvalidUTF8)})
}

// skipSpace skips JSON white space.
func (d *streamDecoder) skipSpace() {
	for {
		for d.i < len(d.buf) {
			switch d.buf[d.i] {
			case ' ', '\t', '\r', '\n':
				d.i++
				continue
			}
			return
		}
		if !d.fill() {
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
// A NUL byte also gives 0: d.i < len(d.buf) tells them apart.
func (d *streamDecoder) peek() byte {
	d.skipSpace()
	if d.i < len(d.buf) {
		return d.buf[d.i]
	}
	return 0
}

// endErr is the error for input that ends inside the document.
func (d *streamDecoder) endErr() *posError {
	return d.syntaxAt(len(d.buf), "the document ends too early")
}

// members reads the members of the top-level object, after its '{'.
func (d *streamDecoder) members() *posError {
	if d.peek() == '}' {
		d.i++
		return nil
	}
	for {
		switch c := d.peek(); c {
		case '"':
		default:
			if d.i == len(d.buf) {
				return d.endErr()
			}
			return d.syntaxAt(d.i, "invalid character %s at start of string (expecting '\"')", quoteChar(c))
		}
		start := d.abs(d.i)
		d.mark = start
		raw, perr := d.rawString()
		if perr != nil {
			return perr
		}
		name, err := jsontext.AppendUnquote(nil, raw)
		if err != nil {
			return d.unquoteErr(d.idx(start), err)
		}
		key := string(name)
		// The strict decoder rejects a duplicate or unknown name as soon
		// as it reads it.
		switch {
		case key == "matrix" || key == "alternatives":
			if d.seen[key] {
				return d.errAt(d.idx(start), "", strictdec.ErrDuplicateKey, "duplicate key %q", key)
			}
			d.seen[key] = true
		case d.unknownName(key):
			return d.errAt(d.idx(start), "", strictdec.ErrUnknownField, "unknown field %q", key)
		}
		if d.peek() != ':' {
			if d.i == len(d.buf) {
				return d.endErr()
			}
			return d.syntaxAt(d.i, "invalid character %s after object name (expecting ':')", quoteChar(d.buf[d.i]))
		}
		d.i++
		switch key {
		case "matrix", "alternatives":
			d.mark = -1
			var perr *posError
			if key == "matrix" {
				perr = d.matrix()
			} else {
				perr = d.alternatives()
			}
			if perr != nil {
				return perr
			}
		default:
			if perr := d.member(start); perr != nil {
				return perr
			}
		}
		switch c := d.peek(); c {
		case ',':
			d.i++
			if perr := d.afterComma(d.i - 1); perr != nil {
				return perr
			}
		case '}':
			d.i++
			return nil
		default:
			if d.i == len(d.buf) {
				return d.endErr()
			}
			return d.syntaxAt(d.i, "invalid character %s after object value (expecting ',' or '}')", quoteChar(c))
		}
	}
}

// unknownName reports whether a score request has no member named key.
func (d *streamDecoder) unknownName(key string) bool {
	if known, ok := d.known[key]; ok {
		return !known
	}
	q, _ := jsontext.AppendQuote(nil, key)
	probe := append(append([]byte("{"), q...), ":null}"...)
	err := strictdec.DecodeJSON(probe, new(ScoreRequest))
	known := !errors.Is(err, strictdec.ErrUnknownField)
	if d.known == nil {
		d.known = map[string]bool{}
	}
	d.known[key] = known
	return !known
}

// afterComma checks what follows the comma at buf index k, where the
// next member or element starts: another comma there, or a closing
// bracket (a trailing comma), is the strict decoder's "invalid character
// ',' at start of value", at the second comma or at the trailing one.
// Anything else is left to the caller.
func (d *streamDecoder) afterComma(k int) *posError {
	if d.i < len(d.buf) {
		switch d.buf[d.i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
		default:
			return nil // the usual case: the next value follows at once
		}
	}
	comma := d.abs(k)
	saved := d.mark
	if d.mark < 0 || d.mark > comma {
		d.mark = comma // keep the comma in the buffer through the white space
	}
	c := d.peek()
	d.mark = saved
	switch {
	case d.i >= len(d.buf):
		return nil
	case c == ',':
		return d.syntaxAt(d.i, "invalid character ',' at start of value")
	case c == ']' || c == '}':
		return d.syntaxAt(d.idx(comma), "invalid character ',' at start of value")
	}
	return nil
}

// stringErr returns the strict decoder's error for a bad escape in the
// part buf[start:end] of a string token read so far, the token cut
// short at end by a fault; else it returns fault. The strict decoder
// checks the escapes as it reads, so a bad one comes first.
func (d *streamDecoder) stringErr(start, end int, fault *posError) *posError {
	part := d.buf[start:min(end, len(d.buf))]
	if bytes.IndexByte(part, '\\') < 0 {
		return fault
	}
	_, err := jsontext.NewDecoder(bytes.NewReader(part)).ReadToken()
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) && !errors.Is(syn.Err, io.ErrUnexpectedEOF) {
		return d.syntaxAt(start+int(syn.ByteOffset), "%s", trimJSONPrefix(syn.Err))
	}
	return fault
}

// unquoteErr is the error for the string token at buf index start, just
// read (i is past it), that does not unquote: the strict decoder's, which
// names the faulty escape at its own position and quotes up to 12 bytes
// of the document from it, past the string's end. fallback is the
// unquoting error, used if the token turns out valid.
func (d *streamDecoder) unquoteErr(start int, fallback error) *posError {
	s := d.abs(start)
	saved := d.mark
	if d.mark < 0 || d.mark > s {
		d.mark = s
	}
	d.ensure(12)
	d.mark = saved
	k := d.idx(s)
	_, err := jsontext.NewDecoder(bytes.NewReader(d.buf[k:min(len(d.buf), d.i+12)])).ReadToken()
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) && syn.ByteOffset < int64(d.i-k) {
		return d.syntaxAt(k+int(syn.ByteOffset), "%s", trimJSONPrefix(syn.Err))
	}
	return d.syntaxAt(k, "%s", trimJSONPrefix(fallback))
}

// trimJSONPrefix is an error's message without the package prefix.
func trimJSONPrefix(err error) string {
	s := err.Error()
	for _, p := range []string{"jsontext: ", "json: "} {
		if len(s) > len(p) && s[:len(p)] == p {
			return s[len(p):]
		}
	}
	return s
}

func quoteChar(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("'\\x%02x'", c)
}

// rawString reads a string token at i, quotes included. The slice is
// valid until the next read.
func (d *streamDecoder) rawString() ([]byte, *posError) {
	start := d.abs(d.i)
	saved := d.mark
	if d.mark < 0 || d.mark > start {
		d.mark = start
	}
	defer func() { d.mark = saved }()
	k := d.i + 1
	for {
		for k < len(d.buf) {
			switch c := d.buf[k]; {
			case c == '"':
				d.i = k + 1
				return d.buf[d.idx(start) : k+1], nil
			case c == '\\':
				k += 2
				continue
			case c < 0x20:
				return nil, d.stringErr(d.idx(start), k, d.syntaxAt(k, "invalid character %s in string (expecting non-control character)", quoteChar(c)))
			}
			k++
		}
		kAbs := d.abs(k)
		d.i = d.idx(start)
		if !d.fill() {
			return nil, d.stringErr(d.idx(start), len(d.buf), d.endErr())
		}
		k = d.idx(kAbs)
	}
}

// member copies a member that is neither "matrix" nor "alternatives",
// whose name starts at input offset start, into the small document.
func (d *streamDecoder) member(start int64) *posError {
	d.mark = start
	defer func() { d.mark = -1 }()
	d.skipSpace()
	end, perr := d.skipValue()
	line, col := d.position(d.idx(start))
	if len(d.segs) > 0 {
		d.small = append(d.small, ',')
		d.smallCol++
	}
	d.segs = append(d.segs, segment{line: d.smallLine, col: d.smallCol, origLine: line, origCol: col})
	text := d.buf[d.idx(start):end]
	d.small = append(d.small, text...)
	d.smallLine, d.smallCol = advance(d.smallLine, d.smallCol, text)
	d.i = end
	switch {
	case perr != nil && perr.err == errEnd:
		// The strict decoder may find an earlier fault in the part read.
		d.truncated = true
		return d.endErr()
	case perr != nil:
		// The strict decoder reports the malformed member itself.
		return &posError{err: errSmallOnly}
	}
	return nil
}

// errEnd is skipValue's error for input that ends inside the value.
var errEnd = errors.New("the document ends too early")

// errSmallOnly marks a member the stream decoder could not delimit: the
// strict decoder's error for the small document is the one to report.
var errSmallOnly = errors.New("malformed member")

// skipValue finds the end of the value at i (buf index), without
// checking it beyond brackets and strings: the strict decoder checks it.
// On a bracket that does not match or the end of the input, it returns
// the index just past the offending byte and an error.
func (d *streamDecoder) skipValue() (int, *posError) {
	var stack []byte
	k := d.i
	inString := false
	for {
		for k < len(d.buf) {
			c := d.buf[k]
			k++
			if inString {
				switch c {
				case '\\':
					k++
				case '"':
					inString = false
					if len(stack) == 0 {
						return k, nil
					}
				}
				continue
			}
			switch c {
			case '"':
				inString = true
			case '{', '[':
				stack = append(stack, c)
			case '}', ']':
				if len(stack) == 0 && k-1 > d.i {
					return k - 1, nil // the end of a number or a literal
				}
				if len(stack) == 0 || (c == '}') != (stack[len(stack)-1] == '{') {
					return k, &posError{}
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return k, nil
				}
			case ',', ' ', '\t', '\r', '\n', ':':
				if len(stack) == 0 {
					return k - 1, nil
				}
			}
		}
		rel := k - d.i
		if !d.fill() {
			return min(d.i+rel, len(d.buf)), &posError{err: errEnd}
		}
		k = d.i + rel
	}
}

// decodeSmall decodes the small document into req and translates the
// position of an error back to the input.
func (d *streamDecoder) decodeSmall(req *ScoreRequest) error {
	doc := append(d.small[:len(d.small):len(d.small)], '}')
	if d.truncated {
		// The input ends inside the last member: so does the document.
		doc = doc[:len(doc)-1]
	}
	err := strictdec.DecodeJSON(doc, req)
	if err == nil {
		return nil
	}
	var e *strictdec.Error
	if errors.As(err, &e) && e.Line > 0 {
		c := *e
		for k := len(d.segs) - 1; k >= 0; k-- {
			s := d.segs[k]
			if e.Line > s.line || e.Line == s.line && e.Column >= s.col {
				c.Line = s.origLine + e.Line - s.line
				if e.Line == s.line {
					c.Column = s.origCol + e.Column - s.col
				}
				break
			}
		}
		if errors.Is(err, strictdec.ErrSyntax) && d.eof && len(doc) > 0 && bytes.Contains([]byte(e.Err.Error()), []byte("ends too early")) {
			c.Line, c.Column = d.position(len(d.buf))
		}
		return badInput(&c)
	}
	return badInput(err)
}

// alternatives reads the "alternatives" member's value at i.
func (d *streamDecoder) alternatives() *posError {
	d.altsGiven = true
	d.altsLate = d.matrixGiven
	if open, perr := d.openList("alternatives"); !open {
		return perr
	}
	// The names go into one string per block of addBlockRows (see
	// nameList); a block is what the problem builder is handed with the
	// block's rows.
	l := &nameList{}
	d.alts = l
	var all strings.Builder
	var ends []int32
	var scratch []byte
	if d.peek() == ']' {
		d.i++
		return nil
	}
	for idx := 0; ; idx++ {
		if idx%addBlockRows == 0 && idx > 0 {
			l.blocks, l.ends = append(l.blocks, all.String()), append(l.ends, ends)
			size := all.Len()
			all = strings.Builder{}
			all.Grow(size + size/8) // the next block is likely about as long
			ends = make([]int32, 0, addBlockRows)
		}
		switch c := d.peek(); c {
		case '"':
			startAbs := d.abs(d.i)
			raw, perr := d.rawString()
			if perr != nil {
				return perr
			}
			start := d.idx(startAbs) // reading the string may have moved the buffer
			if bytes.IndexByte(raw, '\\') < 0 {
				all.Write(raw[1 : len(raw)-1])
			} else {
				var err error
				if scratch, err = jsontext.AppendUnquote(scratch[:0], raw); err != nil {
					return d.unquoteErr(start, err)
				}
				all.Write(scratch)
			}
			if all.Len() > math.MaxInt32 {
				return d.errAt(start, fmt.Sprintf("alternatives[%d]", idx), strictdec.ErrType, "the names are too long: more than 2 GB for %d of them", addBlockRows)
			}
			ends = append(ends, int32(all.Len()))
			l.n++
		case 'n':
			// As the strict decoder, on the first byte.
			return d.errAt(d.i, fmt.Sprintf("alternatives[%d]", idx), strictdec.ErrNull, "null is not a string")
		default:
			return d.wrongType(fmt.Sprintf("alternatives[%d]", idx), "a string")
		}
		last, perr := d.afterElement()
		if perr != nil {
			return perr
		}
		if last {
			l.blocks, l.ends = append(l.blocks, all.String()), append(l.ends, ends)
			return nil
		}
	}
}

// openList reads the '[' of the list at i, or the null that stands for no
// list (open is then false); anything else is a type error naming path.
func (d *streamDecoder) openList(path string) (open bool, perr *posError) {
	switch d.peek() {
	case 'n':
		return false, d.literal("null")
	case '[':
		d.i++
		return true, nil
	}
	return false, d.wrongType(path, "a list")
}

// afterElement reads what follows an element of a list: ',' when more
// follow, or ']' (last is then true); anything else is an error.
func (d *streamDecoder) afterElement() (last bool, perr *posError) {
	switch c := d.peek(); c {
	case ',':
		d.i++
		return false, d.afterComma(d.i - 1)
	case ']':
		d.i++
		return true, nil
	default:
		if d.i == len(d.buf) {
			return false, d.endErr()
		}
		return false, d.syntaxAt(d.i, "invalid character %s after array element (expecting ',' or ']')", quoteChar(c))
	}
}

// literal reads the literal word at i, which must be followed by a
// delimiter unless it is a wrong value (the strict decoder reports the
// type first).
func (d *streamDecoder) literal(word string) *posError {
	return d.literalDelim(word, true)
}

func (d *streamDecoder) literalDelim(word string, delim bool) *posError {
	d.ensure(len(word))
	for k := 0; k < len(word); k++ {
		if d.i+k >= len(d.buf) {
			return d.endErr()
		}
		if c := d.buf[d.i+k]; c != word[k] {
			return d.syntaxAt(d.i+k, "invalid character %s in literal %s (expecting %s)", quoteChar(c), word, quoteChar(word[k]))
		}
	}
	d.i += len(word)
	d.ensure(1)
	if delim && d.i < len(d.buf) {
		switch c := d.buf[d.i]; c {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
		default:
			return d.syntaxAt(d.i, "invalid character %s after %s", quoteChar(c), word)
		}
	}
	return nil
}

// wrongType reads the value at i, which is not of the wanted kind, and
// returns the strict decoder's error for it: a malformed value is a
// malformed document, a well-formed one a wrong type.
func (d *streamDecoder) wrongType(path, want string) *posError {
	if d.i >= len(d.buf) {
		return d.endErr()
	}
	d.mark = d.abs(d.i)
	defer func() { d.mark = -1 }()
	c := d.buf[d.i]
	var end int
	switch {
	case c == '"':
		raw, perr := d.rawString()
		if perr != nil {
			return perr
		}
		if _, err := jsontext.AppendUnquote(nil, raw); err != nil {
			return d.syntaxAt(d.idx(d.mark), "%s", trimJSONPrefix(err))
		}
		end = d.i
	case c == '{' && want == "a list":
		// The strict decoder stops at the object's first token here.
		return d.errAt(d.i, path, strictdec.ErrType, "want a list, got an object")
	case c == '{' || c == '[':
		e, perr := d.skipValue()
		if perr != nil {
			if perr.err == errEnd {
				return d.endErr()
			}
			return d.syntaxAt(e-1, "invalid character %s in the value", quoteChar(d.buf[e-1]))
		}
		if !jsontext.Value(d.buf[d.idx(d.mark):e]).IsValid() {
			return d.syntaxAt(d.idx(d.mark), "malformed value")
		}
		end = e
	case c == 't' || c == 'f':
		word := "true"
		if c == 'f' {
			word = "false"
		}
		if perr := d.literalDelim(word, false); perr != nil {
			return perr
		}
		end = d.i
	case c == '-' || c >= '0' && c <= '9':
		k, perr := d.number(false)
		if perr != nil {
			return perr
		}
		end = k
	default:
		return d.syntaxAt(d.i, "invalid character %s at start of value", quoteChar(c))
	}
	start := d.idx(d.mark)
	v := d.buf[start:end]
	got := map[byte]string{'"': "a string", 't': "a boolean", 'f': "a boolean", '{': "an object", '[': "a list"}[c]
	if got == "" {
		got = "a number"
	}
	if len(v) <= 40 {
		if got == "a number" {
			got = string(v)
		} else if c != '{' && c != '[' {
			got += " " + string(v)
		}
	}
	d.i = end
	return d.errAt(start, path, strictdec.ErrType, "want %s, got %s", want, got)
}

// number checks the JSON number at i and returns the index just past it;
// i is not moved. With delim, the number must be followed by a delimiter.
func (d *streamDecoder) number(delim bool) (int, *posError) {
	d.ensure(64)
	k := d.i
	for {
		end, ok, complete := scanNumber(d.buf, k, d.eof, delim)
		if complete {
			if !ok {
				if end >= len(d.buf) {
					return 0, d.endErr()
				}
				return 0, d.syntaxAt(end, "invalid character %s in number", quoteChar(d.buf[end]))
			}
			return end, nil
		}
		rel := k - d.i
		if !d.fill() {
			d.eof = true
		}
		k = d.i + rel
	}
}

// scanNumber scans a JSON number starting at buf[k]. complete is false
// when the number may go on past the end of buf (and the input has not
// ended); ok is false for a malformed number, end then being the index
// of the offending byte.
func scanNumber(buf []byte, k int, eof, delim bool) (end int, ok, complete bool) {
	n := len(buf)
	if k < n && buf[k] == '-' {
		k++
	}
	if k >= n {
		return k, false, eof
	}
	switch c := buf[k]; {
	case c == '0':
		k++
	case c >= '1' && c <= '9':
		k = skipDigits(buf, k+1)
	default:
		return k, false, true
	}
	if k < n && buf[k] == '.' {
		if k, ok = requiredDigits(buf, k+1); !ok {
			return k, false, k < n || eof
		}
	}
	if k < n && (buf[k] == 'e' || buf[k] == 'E') {
		k++
		if k < n && (buf[k] == '+' || buf[k] == '-') {
			k++
		}
		if k, ok = requiredDigits(buf, k); !ok {
			return k, false, k < n || eof
		}
	}
	if k >= n {
		return k, eof, eof
	}
	if !delim {
		return k, true, true
	}
	switch buf[k] {
	case ' ', '\t', '\r', '\n', ',', ']', '}':
		return k, true, true
	}
	return k, false, true
}

// requiredDigits scans the one or more digits a number's fraction or
// exponent must have at buf[k] and returns the index past them; ok is
// false, with k, when there is no digit at k (k may be len(buf)).
func requiredDigits(buf []byte, k int) (end int, ok bool) {
	if k >= len(buf) || buf[k] < '0' || buf[k] > '9' {
		return k, false
	}
	return skipDigits(buf, k+1), true
}

// skipDigits returns the index past the run of digits at buf[k:].
func skipDigits(buf []byte, k int) int {
	for k < len(buf) && buf[k] >= '0' && buf[k] <= '9' {
		k++
	}
	return k
}

// matrix reads the "matrix" member's value at i, row by row, into the
// problem builder (when the criteria are known) or a flat slice.
func (d *streamDecoder) matrix() *posError {
	d.matrixGiven = true
	if open, perr := d.openList("matrix"); !open {
		return perr
	}
	d.startMatrix()
	var row []float64
	if d.builderOn {
		row = make([]float64, len(d.crits))
	}
	if d.peek() == ']' {
		d.i++
		return nil
	}
	for ; ; d.rows++ {
		width := 0
		switch c := d.peek(); c {
		case 'n':
			if perr := d.literal("null"); perr != nil {
				return perr
			}
		case '[':
			d.i++
			if d.builderOn && !d.shapeBad {
				if end, ok := plainRow(d.buf, d.i, row); ok {
					width, d.i = len(row), end
					break
				}
			}
			var perr *posError
			width, perr = d.row(row)
			if perr != nil {
				return perr
			}
		default:
			return d.wrongType(fmt.Sprintf("matrix[%d]", d.rows), "a list")
		}
		d.endRow(width, row)
		last, perr := d.afterElement()
		if perr != nil {
			return perr
		}
		if last {
			d.rows++
			return nil
		}
	}
}

// startMatrix decides where the rows go: into a problem builder when the
// members read so far give valid criteria, else into a flat slice.
func (d *streamDecoder) startMatrix() {
	if d.altsGiven && d.alts == nil {
		// "alternatives": null
		d.altsGiven = false
	}
	var req ScoreRequest
	if err := strictdec.DecodeJSON(append(d.small[:len(d.small):len(d.small)], '}'), &req); err == nil && len(req.Criteria) > 0 {
		if crits, w, err := req.CriteriaAndWeights(); err == nil {
			d.crits, d.weights, d.critsOK = crits, w, true
		}
	}
	if d.critsOK {
		d.builder = scoring.NewProblemBuilder(d.crits, d.rowsHint())
		d.adder = newRowAdder(d.builder, len(d.crits), d.alts)
		d.builderOn = true
	} else if d.sizeHint > 0 {
		// A value takes at least two bytes of the input.
		d.flat = make([]float64, 0, min(d.sizeHint/2+1, scoring.DefaultMaxMemory/8))
	}
}

// rowsHint returns the number of rows to reserve storage for once the
// criteria are known: the number of alternatives when they are listed,
// but never more rows than an input of the known size can hold (a value
// takes at least two bytes, a digit and a separator), so that a long list
// of names and many criteria do not make a reservation that no input
// fills. With no size known, the list's length is the hint and the
// builder's own bound (scoring.DefaultMaxMemory) applies; with neither,
// nothing is reserved.
func (d *streamDecoder) rowsHint() int {
	fit := int64(-1)
	if d.sizeHint > 0 {
		// Reserved memory that is never written costs nothing, so the
		// guess errs high: every value of its shortest.
		fit = d.sizeHint/(2*int64(len(d.crits))+1) + 1
	}
	switch {
	case d.altsGiven && fit >= 0:
		return int(min(int64(d.alts.len()), fit))
	case d.altsGiven:
		return d.alts.len()
	case fit >= 0:
		return int(min(fit, math.MaxInt32))
	}
	return 0
}

// row reads one row's values after its '[' into row (builder) or d.flat,
// and returns its width.
func (d *streamDecoder) row(row []float64) (int, *posError) {
	if d.peek() == ']' {
		d.i++
		return 0, nil
	}
	store := !d.shapeBad
	for j := 0; ; j++ {
		d.skipSpace()
		if len(d.buf)-d.i < 64 {
			d.ensure(64)
		}
		if d.i >= len(d.buf) {
			return 0, d.endErr()
		}
		c := d.buf[d.i]
		var v float64
		switch {
		case c == '-' || c >= '0' && c <= '9':
			if f, end, ok := plainNumber(d.buf, d.i); ok {
				v, d.i = f, end
				break
			}
			end, perr := d.number(false) // the strict decoder converts before it looks further
			if perr != nil {
				return 0, perr
			}
			var err error
			v, err = parseJSONNumber(d.buf[d.i:end])
			if err != nil {
				return 0, d.errAt(d.i, fmt.Sprintf("matrix[%d][%d]", d.rows, j), strictdec.ErrType, "%s is out of range for a number", d.buf[d.i:end])
			}
			d.i = end
		case c == 'n':
			// As the strict decoder, on the first byte.
			return 0, d.errAt(d.i, fmt.Sprintf("matrix[%d][%d]", d.rows, j), strictdec.ErrNull, "null is not a number")
		default:
			return 0, d.wrongType(fmt.Sprintf("matrix[%d][%d]", d.rows, j), "a number")
		}
		if store {
			switch {
			case d.builderOn:
				if j < len(row) {
					row[j] = v
				}
			default:
				d.flat = append(d.flat, v)
			}
		}
		// afterElement written out: this runs once per value, and the
		// call would not inline.
		switch c := d.peek(); c {
		case ',':
			d.i++
			if perr := d.afterComma(d.i - 1); perr != nil {
				return 0, perr
			}
		case ']':
			d.i++
			return j + 1, nil
		default:
			if d.i == len(d.buf) {
				return 0, d.endErr()
			}
			return 0, d.syntaxAt(d.i, "invalid character %s after array element (expecting ',' or ']')", quoteChar(c))
		}
	}
}

// endRow records a row of the given width: it goes into the builder, or
// stays in d.flat, while every row has the shape the problem needs.
func (d *streamDecoder) endRow(width int, row []float64) {
	i := d.rows
	if i == 0 {
		d.w0 = width
	} else if width != d.w0 && d.badRow < 0 {
		d.badRow, d.badWidth = i, width
	}
	if d.shapeBad {
		return
	}
	want := d.w0
	if d.builderOn {
		want = len(d.crits)
	}
	if width != want || (d.altsGiven && i >= d.alts.len()) {
		d.shapeBad = true
		d.flat = nil
		return
	}
	if !d.builderOn {
		return
	}
	d.adder.add(row)
}

// rowAdder hands rows to a problem builder from a goroutine, a block of
// addBlockRows at a time, so that writing them into the problem's fresh
// storage overlaps with reading the next ones; the rows reach the builder
// in order. The k-th block is named by the k-th block of names, which is
// not changed while the adder runs, or unnamed when names is nil.
type rowAdder struct {
	b          *scoring.ProblemBuilder
	n          int
	rows       int // rows queued
	cur        *addBlock
	free, full chan *addBlock
	done       chan struct{}
	err        error // the builder's first error, set by the goroutine
	closed     bool
}

// addBlock is up to addBlockRows rows, the first being row first.
type addBlock struct {
	vals  []float64
	first int
}

// addBlockRows is the number of rows the stream decoder hands to the
// problem builder at a time, and of names it keeps in one string.
const addBlockRows = 4096

// addBlockStart is the most values a block of the row adder holds before
// rows are added to it.
const addBlockStart = 1 << 16

func newRowAdder(b *scoring.ProblemBuilder, n int, names *nameList) *rowAdder {
	const blocks = 3
	a := &rowAdder{b: b, n: n, free: make(chan *addBlock, blocks), full: make(chan *addBlock, blocks), done: make(chan struct{})}
	// A block holds addBlockRows rows once it has grown; it starts no
	// larger than a few hundred kilobytes, so that many criteria and few
	// rows (or a matrix that ends early) cost what they hold.
	for range blocks {
		a.free <- &addBlock{vals: make([]float64, 0, min(addBlockRows*n, addBlockStart))}
	}
	go func() {
		defer close(a.done)
		var blockEnds []int
		for blk := range a.full {
			switch {
			case a.err != nil:
			case names == nil:
				a.err = a.b.AddUnnamed(blk.vals)
			default:
				rows := len(blk.vals) / n
				blockEnds = blockEnds[:0]
				k := blk.first / addBlockRows
				for _, e := range names.ends[k][:rows] {
					blockEnds = append(blockEnds, int(e))
				}
				a.err = a.b.AddRows(names.blocks[k], blockEnds, blk.vals)
			}
			a.free <- blk
		}
	}()
	return a
}

// add queues a row; row is copied.
func (a *rowAdder) add(row []float64) {
	if a.cur == nil {
		a.cur = <-a.free
		a.cur.vals, a.cur.first = a.cur.vals[:0], a.rows
	}
	a.cur.vals = append(a.cur.vals, row...)
	a.rows++
	if a.rows%addBlockRows == 0 {
		a.full <- a.cur
		a.cur = nil
	}
}

// wait hands over the rows queued, waits until the builder has them all
// and returns its error. It may be called more than once.
func (a *rowAdder) wait() error {
	if a == nil {
		return nil
	}
	if !a.closed {
		if a.cur != nil {
			a.full <- a.cur
			a.cur = nil
		}
		close(a.full)
		a.closed = true
	}
	<-a.done
	return a.err
}

// nameList is the alternatives' names as the stream decoder reads them,
// in blocks of addBlockRows: blocks[k] holds the names of alternatives
// k·addBlockRows … one after the other, the i-th ending at ends[k][i mod
// addBlockRows]. The collector sees a few objects, not a million, and
// nothing is copied once written.
type nameList struct {
	blocks []string
	ends   [][]int32
	n      int
}

// len returns the number of names (0 for nil).
func (l *nameList) len() int {
	if l == nil {
		return 0
	}
	return l.n
}

// name returns name i.
func (l *nameList) name(i int) string {
	k, r := i/addBlockRows, i%addBlockRows
	from := int32(0)
	if r > 0 {
		from = l.ends[k][r-1]
	}
	return l.blocks[k][from:l.ends[k][r]]
}

// altList returns the alternatives' names as a list.
func (d *streamDecoder) altList() []string {
	out := make([]string, d.alts.len())
	for i := range out {
		out[i] = d.alts.name(i)
	}
	return out
}

// trailing checks that nothing but white space follows the object.
func (d *streamDecoder) trailing() *posError {
	// By position, not by the byte peek returns: 0 is also a NUL byte.
	d.skipSpace()
	if d.i < len(d.buf) {
		return d.errAt(d.i, "", strictdec.ErrTrailingData, "data after the top-level value")
	}
	return nil
}

// finish builds the problem of a request whose document decoded.
func (d *streamDecoder) finish(req *ScoreRequest) (*ScoreInput, error) {
	s := &ScoreInput{Request: req}
	if d.altsGiven && d.alts == nil {
		// "alternatives": null, before or after "matrix": not given.
		d.altsGiven, d.altsLate = false, false
	}
	if d.altsGiven && d.alts.len() != d.rows {
		d.shapeBad = true
	}
	if !d.shapeBad && d.rows > 0 && d.badRow < 0 {
		switch {
		case d.builderOn:
			err := d.adder.wait()
			var p *scoring.Problem
			if err == nil {
				p, err = d.builder.Problem()
			}
			if err == nil && d.altsLate {
				// "alternatives" came after "matrix": name the rows now.
				p, err = scoring.NewProblemFromMatrix(d.altList(), d.crits, p.Matrix())
			}
			if err == nil {
				s.p, s.w = p, d.weights
				return s, nil
			}
		default:
			crits, w, err := req.CriteriaAndWeights()
			if err == nil && d.w0 != len(crits) {
				// The rows came before the criteria: they are read whole,
				// never cut to the criteria's number; the stand-in below
				// gives the error for rows of the wrong width.
				break
			}
			if err == nil {
				var alts []string
				if d.altsGiven {
					alts = d.altList()
				}
				var p *scoring.Problem
				if p, err = scoring.NewProblemRowMajor(alts, crits, d.flat); err == nil {
					d.flat = nil
					s.p, s.w = p, w
					return s, nil
				}
			}
		}
	}
	// The problem does not build: a request with stand-in rows of the
	// same shape gives the error the request's own rows would.
	d.flat, d.builder = nil, nil
	stand := *req
	if d.altsGiven {
		stand.Alternatives = d.altList()
	}
	width := max(d.w0, d.badWidth)
	zero := make([]float64, width)
	rows := make([][]float64, d.rows)
	for i := range rows {
		rows[i] = zero[:d.w0:d.w0]
	}
	if d.badRow >= 0 {
		rows[d.badRow] = zero[:d.badWidth:d.badWidth]
	}
	if d.rows > 0 || d.matrixGiven {
		stand.Matrix = rows
	}
	_, _, err := stand.Problem()
	if err == nil {
		// Cannot happen: the shape was wrong. Keep the contract safe.
		err = badInput(errors.New("matrix: the problem could not be built"))
	}
	s.err, s.standIn = err, &stand
	return s, nil
}

// finishTree wraps a request decoded by the strict decoder itself.
func (d *streamDecoder) finishTree(req *ScoreRequest) (*ScoreInput, error) {
	s := &ScoreInput{Request: req, standIn: req}
	s.p, s.w, s.err = req.Problem()
	cp := *req
	cp.Matrix, cp.Alternatives = nil, nil
	s.Request = &cp
	return s, nil
}

// parseJSONNumber is strconv.ParseFloat on a well-formed JSON number, with
// a fast path for plain decimals of at most 15 significant digits: the
// mantissa and the power of ten are then exact float64 values, so one
// division is correctly rounded, the value strconv gives.
func parseJSONNumber(s []byte) (float64, error) {
	i, neg := 0, false
	if s[0] == '-' {
		neg, i = true, 1
	}
	var mant uint64
	sig, frac, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			if mant != 0 {
				sig++
			}
			if dot {
				frac++
			}
		case c == '.':
			dot = true
		default:
			return strconv.ParseFloat(string(s), 64)
		}
	}
	if sig > 15 || frac >= len(pow10) {
		return strconv.ParseFloat(string(s), 64)
	}
	v := float64(mant) / pow10[frac]
	if neg {
		v = -v
	}
	return v, nil
}

// plainRow reads the common case of a row after its '[', len(row)
// numbers that plainNumber reads, separated by commas without white space
// and ending in ']' before the end of buf, into row. It returns the index
// past the ']', with ok; otherwise ok is false, and the general path (row)
// reads the row again and decides.
func plainRow(buf []byte, k int, row []float64) (end int, ok bool) {
	last := len(row) - 1
	for j := range row {
		v, e, ok := plainNumber(buf, k)
		if !ok || e >= len(buf) {
			return 0, false
		}
		row[j] = v
		switch c := buf[e]; {
		case c == ',' && j < last:
		case c == ']' && j == last:
		default:
			return 0, false
		}
		k = e + 1
	}
	return k, len(row) > 0
}

// plainNumber is number(false) and parseJSONNumber in one pass over the
// common case, a plain decimal (no exponent) of at most 15 significant
// digits that ends before the end of buf: it returns its value and the
// index past it, with ok. Otherwise ok is false and the general path
// decides, so the two give the same value, end and errors.
func plainNumber(buf []byte, k int) (v float64, end int, ok bool) {
	n, neg := len(buf), false
	if k < n && buf[k] == '-' {
		neg, k = true, k+1
	}
	if k >= n {
		return 0, 0, false
	}
	var mant uint64
	sig, frac := 0, 0
	switch c := buf[k]; {
	case c == '0':
		k++
	case c >= '1' && c <= '9':
		for ; k < n && buf[k] >= '0' && buf[k] <= '9'; k++ {
			mant = mant*10 + uint64(buf[k]-'0')
			sig++
		}
	default:
		return 0, 0, false
	}
	if k < n && buf[k] == '.' {
		k++
		start := k
		for ; k < n && buf[k] >= '0' && buf[k] <= '9'; k++ {
			mant = mant*10 + uint64(buf[k]-'0')
			if mant != 0 {
				sig++
			}
			frac++
		}
		if k == start {
			return 0, 0, false
		}
	}
	if k >= n || buf[k] == 'e' || buf[k] == 'E' || sig > 15 || frac >= len(pow10) {
		return 0, 0, false
	}
	v = float64(mant) / pow10[frac]
	if neg {
		v = -v
	}
	return v, k, true
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

var bom = []byte("\uFEFF")
