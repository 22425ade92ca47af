package strictdec

import (
	stdjson "encoding/json"
	"strconv"
	"strings"
	"testing"
)

// matrixDoc is a request-sized document: 100,000 alternatives × 4
// criteria, the shape of a large score or SMAA request.
func matrixDoc() []byte {
	var b strings.Builder
	b.WriteString(`{"method":"wsm","matrix":[`)
	for i := range 100_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("[")
		for j := range 4 {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatFloat(float64(i*4+j)/7, 'g', -1, 64))
		}
		b.WriteString("]")
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkDecodeJSON measures the strict decoder on a large request;
// BenchmarkStdlibJSON is encoding/json on the same input, for scale.
func BenchmarkDecodeJSON(b *testing.B) {
	data := matrixDoc()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var d doc
		if err := DecodeJSON(data, &d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibJSON(b *testing.B) {
	data := matrixDoc()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var d doc
		if err := stdjson.Unmarshal(data, &d); err != nil {
			b.Fatal(err)
		}
	}
}
