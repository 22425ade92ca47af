package scoringjson

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/internal/strictdec"
	"github.com/socialseat/socialseat/scoring"
)

// decodeStream runs the stream decoder with reads of chunk bytes from a
// reader that returns one byte at a time when chunk is small, so that
// every value is cut by the end of a buffer somewhere.
func decodeStream(doc string, chunk int) (*ScoreInput, error) {
	var r io.Reader = strings.NewReader(doc)
	if chunk < 8 {
		r = iotest.OneByteReader(r)
	}
	d := &streamDecoder{in: r, chunk: chunk, firstBadUTF8: -1}
	return d.decode()
}

// strictSentinels are the decoder's error classes.
var strictSentinels = []error{strictdec.ErrEmpty, strictdec.ErrSyntax, strictdec.ErrInvalidUTF8, strictdec.ErrNull,
	strictdec.ErrType, strictdec.ErrUnknownField, strictdec.ErrDuplicateKey, strictdec.ErrTrailingData}

var scoringSentinels = []error{scoring.ErrEmpty, scoring.ErrRagged, scoring.ErrNotFinite, scoring.ErrDuplicateName,
	scoring.ErrUnknownName, scoring.ErrDirection, scoring.ErrLength, scoring.ErrParam, scoring.ErrDomain}

func errClass(err error, classes []error) error {
	for _, s := range classes {
		if errors.Is(err, s) {
			return s
		}
	}
	return nil
}

// compareStream checks that the stream decoder and the strict decoder
// (DecodeScore, then ScoreRequest.Problem) agree on doc: the same
// request, problem and weights, or an error of the same class at the same
// path and line (and column, unless exact is false: a malformed document's
// column may differ where the stream decoder finds the fault).
func compareStream(t *testing.T, doc string, chunk int) {
	t.Helper()
	req, treeErr := DecodeScore(strings.NewReader(doc))
	in, err := decodeStream(doc, chunk)
	if treeErr != nil {
		require.Error(t, err, "%q: the strict decoder says %v", doc, treeErr)
		assert.ErrorIs(t, err, ErrBadInput)
		want, got := errClass(treeErr, strictSentinels), errClass(err, strictSentinels)
		const cut = "the document ends too early"
		if want == strictdec.ErrSyntax && got == strictdec.ErrSyntax && !strings.HasSuffix(treeErr.Error(), cut) && !strings.HasSuffix(err.Error(), cut) &&
			!strings.Contains(err.Error(), `at start of string (expecting '"')`) {
			// The same fault of the text, at the same position (the
			// wording may differ). Two faults are left out: a document
			// cut short (the strict decoder places its end inside the last
			// token, or names a fault in the text before it that the
			// stream decoder, skipping a value of the wrong type, leaves
			// to it), and a member name that is not a string, which the
			// stream decoder reports at once, and the strict decoder
			// after reading it as a value, reporting any fault in it
			// first.
			var te, se *strictdec.Error
			if assert.True(t, errors.As(treeErr, &te) && errors.As(err, &se), "%q: %v, %v", doc, treeErr, err) {
				assert.Equal(t, [2]int{te.Line, te.Column}, [2]int{se.Line, se.Column}, "%q:\n tree   %v\n stream %v", doc, treeErr, err)
			}
			return
		}
		if malformed(doc) && structural(want) && structural(got) {
			// In text that is not JSON at all, which of two faults the
			// strict decoder names first is its own business.
			return
		}
		assert.Equal(t, want, got, "%q:\n tree   %v\n stream %v", doc, treeErr, err)
		var te, se *strictdec.Error
		if errors.As(treeErr, &te) && assert.True(t, errors.As(err, &se), "%q: %v", doc, err) {
			assert.Equal(t, te.Path, se.Path, "%q:\n tree   %v\n stream %v", doc, treeErr, err)
			if want != strictdec.ErrSyntax {
				assert.Equal(t, te.Line, se.Line, "%q:\n tree   %v\n stream %v", doc, treeErr, err)
				assert.Equal(t, te.Column, se.Column, "%q:\n tree   %v\n stream %v", doc, treeErr, err)
				assert.Equal(t, treeErr.Error(), err.Error())
			}
		}
		return
	}
	require.NoError(t, err, "%q", doc)
	want := *req
	want.Matrix, want.Alternatives = nil, nil
	if diff := cmp.Diff(&want, in.Request); diff != "" {
		t.Errorf("%q: request differs (-tree +stream):\n%s", doc, diff)
	}
	p, w, perr := req.Problem()
	sp, sw, serr := in.Problem()
	if perr != nil {
		require.Error(t, serr, "%q: the problem's error is %v", doc, perr)
		assert.Equal(t, perr.Error(), serr.Error(), "%q", doc)
		assert.Equal(t, errClass(perr, scoringSentinels), errClass(serr, scoringSentinels), "%q", doc)
		assert.Equal(t, ErrorPath(perr), ErrorPath(serr), "%q", doc)
		return
	}
	require.NoError(t, serr, "%q", doc)
	assert.Equal(t, w, sw, "%q", doc)
	assert.Equal(t, p.Alternatives(), sp.Alternatives(), "%q", doc)
	assert.Equal(t, p.Criteria(), sp.Criteria(), "%q", doc)
	assert.Equal(t, p.Rows(), sp.Rows(), "%q", doc)
}

// malformed reports whether doc is not JSON text, duplicate names aside.
func malformed(doc string) bool {
	return !jsontext.Value(doc).IsValid(jsontext.AllowDuplicateNames(true))
}

// structural reports whether a decoding error is about the document's
// syntax rather than its values.
func structural(err error) bool {
	return err == strictdec.ErrSyntax || err == strictdec.ErrDuplicateKey
}

const crit2 = `"criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}]`

// streamCorpus is the differential test's corpus: valid requests in every
// member order, and every kind of error the strict decoder reports.
var streamCorpus = []string{
	scoreOK,
	`{"method":"wsm",` + crit2 + `,"alternatives":["x","y"],"matrix":[[1,2],[3,4]]}`,
	`{"matrix":[[1,2],[3,4]],"method":"wsm",` + crit2 + `}`,
	`{"matrix":[[1,2],[3,4]],"alternatives":["x","y"],"method":"wsm",` + crit2 + `}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"alternatives":["x","y"]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"alternatives":["x","y","z"]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["x"],"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["x","x"],"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":[],"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":null,"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["", "y"],"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["a\u00e9\n\"q\"", "y\ud83d\ude00"],"matrix":[[1,2],[3,4]]}`,
	"{\"method\":\"wsm\",\n" + crit2 + ",\n\"matrix\":[\n [1, 2],\n [3, 4e-3],\n [-0.5, 1E+2]\n]\n}\n",
	"\uFEFF" + scoreOK,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1],[3]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2,3],[3,4,5]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],null]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":null}`,
	`{"method":"wsm",` + crit2 + `}`,
	`{"method":"wsm","criteria":[],"matrix":[[1,2]]}`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"up","weight":1}],"matrix":[[1]]}`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit"}],"matrix":[[1]]}`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"a","direction":"cost","weight":1}],"matrix":[[1,2]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,null],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,"4"]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,true]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,{}]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,[4]]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],5]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],"x"]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":5}`,
	`{"method":"wsm",` + crit2 + `,"matrix":{"a":1}}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,1e400]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,-1e400]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,1e-400]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,01]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,1.]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,.5]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,+5]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,-]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,1e]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4,]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]]`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,nul`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,tru]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]]} x`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]]}{}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"matrix":[]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"m\u0061trix":[]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["x","y"],"alternatives":["x","y"],"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"Matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm","method":"topsis",` + crit2 + `,"matrix":[[1,2],[3,4]]}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"method":"topsis"}`,
	`{"METHOD":"wsm",` + crit2 + `,"matrix":[[1,null]]}`,
	`{"matrix":[[1,null]],"METHOD":"wsm"}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":[null],"matrix":[[1,2]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":[1],"matrix":[[1,2]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":["a\q"],"matrix":[[1,2]]}`,
	`{"method":"wsm",` + crit2 + `,"alternatives":"x","matrix":[[1,2]]}`,
	"{\"method\":\"wsm\",\n" + crit2 + ",\"alternatives\":[\"a\xff\"],\"matrix\":[[1,2]]}",
	"{\"method\":\"wsm\",\n" + crit2 + ",\"matrix\":[[1,null]]}\n\xff",
	"{\"method\":\"w\xe2\x82\",\n" + crit2 + ",\"matrix\":[[1,2]]}",
	"\xfe\xff{}",
	``,
	"  \n ",
	`null`,
	`[1]`,
	`"x"`,
	`{}`,
	`{"method":null}`,
	`{"method":"wsm","criteria":[{"name":null}]}`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"v":`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"v":12`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"v":[1}`,
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"v":}`,
	`{"method" "wsm"}`,
	`{method:"wsm"}`,
	`{"method":"wsm" "v":1}`,
	`{"method":"vikor","v":0.5,"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":null}`,
	`{"method":"promethee2","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]],"preference":[{"function":"linear","q":null,"p":1}]}`,
	// Rows of the wrong width before the criteria, with no alternatives:
	// never reshaped to fit them.
	`{"method":"wsm","matrix":[[10],[2]],` + crit2 + `}`,
	`{"matrix":[[1,2,3,4]],"method":"wsm",` + crit2 + `}`,
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3,4]],"alternatives":null}`,
	// A NUL byte is data, not the end of the input.
	"{}\x00",
	`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}` + "\x00\x00garbage",
	"{\x00}",
	`{"method":"wsm",` + crit2 + `,"matrix":[[1,2` + "\x00]]}",
}

// TestStreamMatchesStrictDecoder is the differential test: on the corpus,
// read whole and in reads of one byte, the stream decoder gives what the
// strict decoder gives.
func TestStreamMatchesStrictDecoder(t *testing.T) {
	t.Parallel()
	for _, doc := range streamCorpus {
		for _, chunk := range []int{1, 16, streamBuf} {
			compareStream(t, doc, chunk)
		}
	}
}

// TestStreamDecodesStrictly runs the strict decoder's own score cases
// (TestRequestsAreDecodedStrictly) through the stream decoder.
func TestStreamDecodesStrictly(t *testing.T) {
	t.Parallel()
	docs := []string{
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":2}],"matrix":[[1,null],[3,4]]}`,
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":null}],"matrix":[[1],[2]]}`,
		`{"method":"vikor","v":null,"criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}`,
		`{"method":null}`,
		`{"method":"wsm","method":"topsis"}`,
		`{"method":"wsm","criteria":[{"name":"a","name":"b"}]}`,
		`{"method":"wsm","Matrix":[[1]]}`,
		`{"METHOD":"wsm"}`,
		`{"method":"wsm","criteria":[{"name":"a","direction":"benefit","Weight":1}]}`,
		scoreOK + `]}`,
		"{\"method\":\"wsm\",\"criteria\":[{\"name\":\"co\xfft\",\"direction\":\"cost\",\"weight\":1}],\"matrix\":[[1]]}",
		"",
	}
	for _, doc := range docs {
		compareStream(t, doc, streamBuf)
	}
	in, err := decodeStream(docs[0], streamBuf)
	require.Error(t, err)
	assert.Nil(t, in)
	assert.ErrorIs(t, err, strictdec.ErrNull)
	assert.Contains(t, err.Error(), "JSON line 1, column 132: matrix[0][1]: null is not a number")
}

// TestStreamLarge checks a request larger than the decoder's buffer, with
// its values cut across reads, against the strict decoder.
func TestStreamLarge(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, order := range []string{"criteria first", "matrix first"} {
		var b strings.Builder
		const m = 20000
		if order == "criteria first" {
			b.WriteString(`{"method":"topsis",` + crit2 + `,"alternatives":[`)
			for i := range m {
				if i > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, `"alt %d é"`, i)
			}
			b.WriteString("],\n\"matrix\":[")
		} else {
			b.WriteString(`{"matrix":[`)
		}
		for i := range m {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "[%s, %s]", strconv.FormatFloat(rng.NormFloat64()*1e3, 'g', -1, 64),
				strconv.FormatFloat(float64(rng.IntN(100000))/1000+0.001, 'f', -1, 64))
		}
		if order == "criteria first" {
			b.WriteString("]}")
		} else {
			b.WriteString(`],"method":"topsis",` + crit2 + `}`)
		}
		doc := b.String()
		require.Greater(t, len(doc), 2*streamBuf)
		compareStream(t, doc, streamBuf)
		compareStream(t, doc, 4096)
		in, err := DecodeScoreStream(strings.NewReader(doc), int64(len(doc)))
		require.NoError(t, err)
		res, err := in.ScoreContext(t.Context(), false)
		require.NoError(t, err)
		req, err := DecodeScore(strings.NewReader(doc))
		require.NoError(t, err)
		want, err := req.Score()
		require.NoError(t, err)
		assert.Equal(t, want.(*scoring.TOPSISResult).Scores, res.(*scoring.Result).Scores, order)
	}
}

// TestStreamScoreContext checks that ScoreContext reports the method's
// errors before the problem's, as ScoreRequest.ScoreContext does, and
// serves the outranking methods.
func TestStreamScoreContext(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		`{"method":"nope",` + crit2 + `,"matrix":[[1,2],[3]]}`,
		`{"method":"wsm",` + crit2 + `,"matrix":[[1,2],[3]]}`,
		`{"method":"wsm","v":1,` + crit2 + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"topsis",` + crit2 + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"promethee1",` + crit2 + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"promethee1",` + crit2 + `,"matrix":[[1,2],[3]]}`,
		`{"method":"electre1",` + crit2 + `,"alternatives":["x","y"],"matrix":[[1,2],[3,4]]}`,
	} {
		req, err := DecodeScore(strings.NewReader(doc))
		require.NoError(t, err)
		want, wantErr := req.ScoreContext(t.Context())
		in, err := DecodeScoreStream(strings.NewReader(doc), 0)
		require.NoError(t, err)
		got, gotErr := in.ScoreContext(t.Context(), true)
		if wantErr != nil {
			require.Error(t, gotErr, doc)
			assert.Equal(t, wantErr.Error(), gotErr.Error(), doc)
			continue
		}
		require.NoError(t, gotErr, doc)
		assert.Equal(t, want, got, doc)
	}
}

// TestParseJSONNumber checks the fast path against strconv.ParseFloat,
// bit for bit.
func TestParseJSONNumber(t *testing.T) {
	t.Parallel()
	cases := []string{"0", "-0", "1", "0.1", "0.3", "12.375", "3.72835", "99.99999999999", "123456789012345",
		"1234567890123456", "0.0000000000000000000001", "0.00000000000000000000001", "1e5", "-2.5E-3",
		"9007199254740993", "0.30000000000000004", "1e400", "-1e400", "1e-400"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		v := (rng.Float64() - 0.3) * math.Pow(10, float64(rng.IntN(30)-15))
		cases = append(cases, strconv.FormatFloat(v, 'f', rng.IntN(20), 64), strconv.FormatFloat(v, 'g', -1, 64))
	}
	for _, s := range cases {
		checkParseJSONNumber(t, s)
		for _, next := range []string{",", "]", " ", "", "e5", "x", ".5"} {
			checkPlainNumber(t, s+next)
		}
	}
}

// checkPlainNumber checks that plainNumber, when it reads a number at the
// start of s, gives the value and end of the general path.
func checkPlainNumber(t *testing.T, s string) {
	t.Helper()
	v, end, ok := plainNumber([]byte(s), 0)
	if !ok {
		return
	}
	wantEnd, valid, complete := scanNumber([]byte(s), 0, false, false)
	require.True(t, valid && complete, "%q", s)
	assert.Equal(t, wantEnd, end, "%q", s)
	want, err := parseJSONNumber([]byte(s[:end]))
	require.NoError(t, err, "%q", s)
	assert.Equal(t, math.Float64bits(want), math.Float64bits(v), "%q", s)
}

func checkParseJSONNumber(t *testing.T, s string) {
	t.Helper()
	want, wantErr := strconv.ParseFloat(s, 64)
	got, err := parseJSONNumber([]byte(s))
	if wantErr != nil {
		assert.Error(t, err, "%q", s)
		return
	}
	require.NoError(t, err, "%q", s)
	assert.Equal(t, math.Float64bits(want), math.Float64bits(got), "%q: %v, want %v", s, got, want)
}

// FuzzParseJSONNumber: any well-formed JSON number parses to strconv's
// bits, and plainNumber agrees with the general path on any input.
func FuzzParseJSONNumber(f *testing.F) {
	for _, s := range []string{"0", "-12.5", "1e5", "123456789012345", "0.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainNumber(t, s)
		if end, ok, complete := scanNumber([]byte(s), 0, true, true); !ok || !complete || end != len(s) {
			return
		}
		checkParseJSONNumber(t, s)
	})
}

// FuzzStreamScoreRequest: on any input the stream decoder gives what the
// strict decoder gives (see compareStream), whole and in one-byte reads.
func FuzzStreamScoreRequest(f *testing.F) {
	for _, doc := range streamCorpus {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		compareStream(t, doc, streamBuf)
		compareStream(t, doc, 1)
	})
}

// TestStreamScoreContextAdjusted: a change to ScoreInput.Request (the CLI
// sets method options from flags) is seen by every method, the
// outranking ones with a problem that does not build included.
func TestStreamScoreContextAdjusted(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		`{"method":"promethee1",` + crit2 + `,"matrix":[[1,2],[3]]}`,
		`{"method":"promethee1",` + crit2 + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"topsis",` + crit2 + `,"matrix":[[1,2],[3]]}`,
	} {
		req, err := DecodeScore(strings.NewReader(doc))
		require.NoError(t, err)
		req.Normalization = ptr("vector")
		_, wantErr := req.ScoreContext(t.Context())
		in, err := DecodeScoreStream(strings.NewReader(doc), 0)
		require.NoError(t, err)
		in.Request.Normalization = ptr("vector")
		_, gotErr := in.ScoreContext(t.Context(), true)
		require.Error(t, wantErr, doc)
		require.Error(t, gotErr, doc)
		assert.Equal(t, wantErr.Error(), gotErr.Error(), doc)
	}
}

// TestStreamPlainRows checks rows that the fast path (plainRow) reads, and
// rows it leaves to the general path at every point, against the strict
// decoder, whole and cut by every buffer size.
func TestStreamPlainRows(t *testing.T) {
	t.Parallel()
	for _, rows := range []string{
		`[1,2],[3.5,-4.25]`, `[1,2],[3,4,5]`, `[1,2],[3]`, `[1,2],[]`, `[1,2],[3,4 ]`, `[1,2],[3 ,4]`,
		`[1,2],[3,4x]`, `[1,2],[3,4.]`, `[1,2],[3,1e5]`, `[1,2],[3,-0]`, `[1,2],[01,2]`, `[1,2],[3,null]`,
		`[1,2],[3,"4"]`, `[1,2],[3,1234567890123456]`, `[1,2],[3,4],`, `[1,2],[3,4]]`, `[1,2],[3,4`,
		`[1,2],[3,--4]`, `[1,2],[3,,4]`, `[1,2],[3,4],[5,6]`, `[0.000000000000000000001,2]`,
	} {
		doc := `{"method":"topsis",` + crit2 + `,"matrix":[` + rows + `]}`
		for _, chunk := range []int{streamBuf, 1, 16, 40} {
			compareStream(t, doc, chunk)
		}
	}
}

// memberOrders returns the request made of members (each a `"key":value`
// text) in every order.
func memberOrders(members []string) []string {
	if len(members) <= 1 {
		return []string{"{" + strings.Join(members, "") + "}"}
	}
	var out []string
	for k := range members {
		rest := append(append([]string(nil), members[:k]...), members[k+1:]...)
		for _, doc := range memberOrders(rest) {
			inner := doc[1 : len(doc)-1]
			if inner != "" {
				inner = "," + inner
			}
			out = append(out, "{"+members[k]+inner+"}")
		}
	}
	return out
}

// TestStreamShapeInEveryOrder: a matrix whose rows do not have one value
// per criterion gives the strict decoder's error (ErrRagged at the same
// path, or ErrLength) whatever the order of the members, with or without
// "alternatives": the rows are never reshaped to fit the criteria.
func TestStreamShapeInEveryOrder(t *testing.T) {
	t.Parallel()
	for _, matrix := range []string{`[[10],[2]]`, `[[1,2,3,4]]`, `[[1],[2],[3],[4]]`, `[[],[]]`, `[[1,2],[3,4]]`, `[[1,2,3],[4,5,6]]`} {
		for _, alts := range []string{"", `"alternatives":["x","y"]`, `"alternatives":["x"]`, `"alternatives":null`} {
			members := []string{`"method":"wsm"`, crit2, `"matrix":` + matrix}
			if alts != "" {
				members = append(members, alts)
			}
			for _, doc := range memberOrders(members) {
				for _, chunk := range []int{1, streamBuf} {
					compareStream(t, doc, chunk)
				}
			}
		}
	}
	// The case found: one alternative of [10, 2] was accepted.
	in, err := DecodeScoreStream(strings.NewReader(`{"method":"wsm","matrix":[[10],[2]],`+crit2+`}`), 0)
	require.NoError(t, err)
	_, _, err = in.Problem()
	require.ErrorIs(t, err, scoring.ErrRagged)
	assert.Equal(t, "matrix[0]", ErrorPath(err))
	assert.ErrorContains(t, err, "row has 1 values, want 2")
}

// failingReader returns its document, then a read error that is not
// io.EOF.
type failingReader struct {
	doc  *strings.Reader
	fail error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.doc.Len() > 0 {
		return r.doc.Read(p)
	}
	return 0, r.fail
}

// TestStreamTrailingReadError: a read error while looking for data after
// the object is the caller's error, not a request that decoded.
func TestStreamTrailingReadError(t *testing.T) {
	t.Parallel()
	broken := errors.New("connection reset")
	for _, doc := range []string{scoreOK, scoreOK + "  \n", `{}`} {
		in, err := DecodeScoreStream(&failingReader{doc: strings.NewReader(doc), fail: broken}, 0)
		require.ErrorIs(t, err, broken, "%q", doc)
		assert.NotErrorIs(t, err, ErrBadInput, "%q", doc)
		assert.Nil(t, in)
	}
}

// TestStreamTrailingNUL: a NUL byte after the object is trailing data, as
// the strict decoder says, not the end of the input.
func TestStreamTrailingNUL(t *testing.T) {
	t.Parallel()
	doc := `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1}],"matrix":[[1],[2]]}`
	for _, tail := range []string{"\x00", "\x00\x00garbage", " \n\x00", "\x00 "} {
		for _, chunk := range []int{1, 16, streamBuf} {
			_, err := decodeStream(doc+tail, chunk)
			require.ErrorIs(t, err, strictdec.ErrTrailingData, "%q", tail)
			compareStream(t, doc+tail, chunk)
		}
	}
}

// wideRequest is the shape of a request that once exhausted memory: n
// criteria, m alternatives listed before the matrix, and a matrix that
// ends after its first value.
func wideRequest(n, m int) string {
	var b strings.Builder
	b.WriteString(`{"method":"wsm","criteria":[`)
	for j := range n {
		if j > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"c%d","direction":"benefit","weight":1}`, j)
	}
	b.WriteString(`],"alternatives":[`)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%d"`, i)
	}
	b.WriteString(`],"matrix":[[1`)
	return b.String()
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestStreamReservesWhatTheInputHolds: the number of alternatives is not
// multiplied by the number of criteria into a reservation that no input
// of the known size could fill (a value takes at least two bytes), and
// with no size known the reservation stays within the builder's bound.
// Not parallel: it measures the bytes the process allocates.
func TestStreamReservesWhatTheInputHolds(t *testing.T) {
	doc := wideRequest(20000, 2000) // 1.1 MB; 40 million values named
	var err error
	got := allocated(func() { _, err = DecodeScoreStream(strings.NewReader(doc), int64(len(doc))) })
	require.ErrorIs(t, err, strictdec.ErrSyntax)
	assert.Less(t, got, uint64(64<<20), "bytes allocated to decode %d bytes", len(doc))
	got = allocated(func() { _, err = DecodeScoreStream(strings.NewReader(doc), 0) })
	require.ErrorIs(t, err, strictdec.ErrSyntax)
	assert.Less(t, got, uint64(scoring.DefaultMaxMemory+64<<20), "bytes allocated to decode %d bytes of unknown size", len(doc))
}

// TestStreamNULInside: a NUL byte inside the document is an invalid
// character where it stands, not the end of the document.
func TestStreamNULInside(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		"{\x00}",
		`{"method":"wsm"` + "\x00}",
		`{"method":"wsm",` + crit2 + `,"matrix":[[1,2]` + "\x00]}",
		`{"method":"wsm",` + crit2 + `,"matrix":[[1,2` + "\x00]]}",
		`{"method":"wsm",` + crit2 + `,"alternatives":["x"` + "\x00" + `],"matrix":[[1,2]]}`,
	} {
		for _, chunk := range []int{1, 16, streamBuf} {
			compareStream(t, doc, chunk)
			_, err := decodeStream(doc, chunk)
			require.ErrorIs(t, err, strictdec.ErrSyntax, "%q", doc)
			assert.ErrorContains(t, err, `invalid character '\x00'`, "%q", doc)
			var se *strictdec.Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, strings.IndexByte(doc, 0)+1, se.Column, "%q", doc)
		}
	}
}

// The stream decoder reports a bad escape in a string, and a trailing or
// doubled comma in an object, a list or a row, as the strict decoder
// does: the same message at the same position (the boundary-trust
// review's inputs first).
func TestStreamSyntaxErrorsAsStrict(t *testing.T) {
	t.Parallel()
	C := `"criteria":[{"name":"x","direction":"benefit","weight":0.5},{"name":"y","direction":"cost","weight":0.5}]`
	for _, doc := range []string{
		`{"alternatives":["a\ud800","b"],"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]],}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4],]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4,]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3, ` + "\n" + ` ]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,,4]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],,[3,4]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]],,"alternatives":["a","b"]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]],` + strings.Repeat(" ", 300) + `}`,
		`{"alternatives":["a","b",],"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]]}`,
		`{"alternatives":["a","b\uDC00"],"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]]}`,
		`{"alternatives":["a","b\u12"],"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]]}`,
		`{"alternatives":["a","b\x"],"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]]}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]],"\ud800x":1}`,
		`{"method":"wsm",` + C + `,"matrix":[[1,2],[3,4]],"\ud800"}`,
	} {
		_, treeErr := DecodeScore(strings.NewReader(doc))
		require.Error(t, treeErr, doc)
		for _, chunk := range []int{1, 16, streamBuf} {
			_, err := decodeStream(doc, chunk)
			if assert.Error(t, err, doc) {
				assert.Equal(t, treeErr.Error(), err.Error(), "%s (reads of %d bytes)", doc, chunk)
			}
		}
	}
}
