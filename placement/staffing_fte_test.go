package placement

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendFTE writes exactly what strconv.AppendFloat(…, 'f', 1, 64) writes.
func TestAppendFTEMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	check := func(x float64) {
		if got, want := string(appendFTE(nil, x)), strconv.FormatFloat(x, 'f', 1, 64); got != want {
			t.Fatalf("appendFTE(%v) = %s, want %s", x, got, want)
		}
	}
	for _, x := range []float64{0, 0.05, 0.15, 0.25, 0.95, 1.05, 2.45, 9.95, 0.04999999999999999, 1e15, 1e300, -1, math.Inf(1), math.NaN(), math.SmallestNonzeroFloat64} {
		check(x)
	}
	for range 200000 {
		check(r.Float64() * 100)
		check(math.Round(r.Float64()*10000) / 100) // many near-ties
	}
}
