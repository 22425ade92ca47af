package scoringjson

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchRequest is a TOPSIS request of m named alternatives on ten
// criteria, values in (0, 10000] with three decimals, laid out as the
// CLI's bench script writes it (examples/socialseat/bench/cli.sh):
// "criteria", "alternatives", then "matrix" one row a line.
func benchRequest(m int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"method":"topsis","criteria":[`)
	for j := range 10 {
		if j > 0 {
			b.WriteByte(',')
		}
		dir := "benefit"
		if j%3 == 2 {
			dir = "cost"
		}
		fmt.Fprintf(&b, `{"name":"c%d","direction":"%s","weight":%d}`, j+1, dir, j+1)
	}
	b.WriteString("],\n\"alternatives\":[")
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"alt-%d"`, i+1)
	}
	b.WriteString("],\n\"matrix\":[\n")
	rng := rand.New(rand.NewPCG(1, 2))
	var num []byte
	for i := range m {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteByte('[')
		for j := range 10 {
			if j > 0 {
				b.WriteByte(',')
			}
			num = strconv.AppendFloat(num[:0], 0.001+float64(rng.IntN(9999999))/1000, 'f', 3, 64)
			b.Write(num)
		}
		b.WriteByte(']')
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// BenchmarkDecodeScoreStream reads a request of m×10 values into its
// problem, as the CLI's score -f does.
func BenchmarkDecodeScoreStream(b *testing.B) {
	for _, m := range []int{1000, 1000000} {
		doc := benchRequest(m)
		b.Run(fmt.Sprintf("%dx10", m), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				in, err := DecodeScoreStream(bytes.NewReader(doc), int64(len(doc)))
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := in.Problem(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
