package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
)

// fastLog agrees with math.Log within 2^-52·max(1, |ln x|) over every
// binade, near 1, at every table boundary and on subnormals (against
// math.Log of the value scaled into the normal range), and exactly on the
// special values it hands to math.Log.
func TestFastLog(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 7))
	worst, worstX := 0.0, 0.0
	check := func(x float64) {
		got, want := fastLog(x), math.Log(x)
		if x > 0 && x < 0x1p-1022 {
			// math.Log is wrong for subnormals on amd64 (Go issue 56600).
			want = math.Log(x*0x1p54) - 54*math.Ln2
		}
		if math.IsNaN(want) || math.IsInf(want, 0) || want == 0 {
			if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("fastLog(%v) = %v, math.Log = %v", x, got, want)
			}
			return
		}
		// Error in units of 2^-53·max(1, |ln x|): one ulp for |ln x| ≥ 1,
		// an absolute 2^-53 below.
		unit := math.Ldexp(1, -53) * math.Max(1, math.Abs(want))
		if d := math.Abs(got-want) / unit; d > worst {
			worst, worstX = d, x
		}
	}
	for range 100_000 {
		check(math.Float64frombits(rng.Uint64() & (1<<52 - 1))) // subnormals
	}
	for range 2_000_000 {
		check(math.Float64frombits(rng.Uint64() &^ (1 << 63))) // any positive double
		check(1 + 99*rng.Float64())
		check(rng.Float64())
		check(1 + (rng.Float64()*2-1)*math.Ldexp(1, -rng.IntN(52))) // near 1
	}
	const shift = 52 - logBits
	for i := range 1<<logBits + 1 {
		b := math.Float64frombits(logOff + uint64(i)<<shift)
		for _, x := range []float64{b, math.Nextafter(b, 0), math.Nextafter(b, 2), b * 0x1p-600, b * 0x1p600} {
			check(x)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), -1, math.Inf(1), math.Inf(-1), math.NaN(),
		5e-324, 0x1p-1022, math.Nextafter(0x1p-1022, 0), math.MaxFloat64, 1, 2, 0.5, math.E, math.Sqrt2, math.Sqrt2 / 2} {
		check(x)
	}
	t.Logf("worst difference %.3f·2^-53·max(1, |ln x|), at %v", worst, worstX)
	if worst > 2 {
		t.Errorf("fastLog is %.3f·2^-53·max(1, |ln x|) from math.Log at %v; want at most 2", worst, worstX)
	}
}

func BenchmarkFastLog(b *testing.B) {
	xs := make([]float64, 1<<16)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range xs {
		xs[i] = 1 + 99*rng.Float64()
	}
	ys := make([]float64, len(xs))
	b.Run("fastLogs", func(b *testing.B) {
		for b.Loop() {
			copy(ys, xs)
			fastLogs(ys)
		}
	})
	b.Run("math.Log", func(b *testing.B) {
		for b.Loop() {
			for i, x := range xs {
				ys[i] = math.Log(x)
			}
		}
	})
}
