package scoring

import "math"

// logOff is the bit pattern of √½: fastLog reduces x to z·2^k with z in
// [√½, √2), so that values near 1 keep their relative accuracy.
const logOff = 0x3fe6a09e667f3bcd

// logBits is the number of mantissa bits that index logTable.
const logBits = 8

// logEntry holds, for one interval of z, a centre c (exactly 1 for the
// interval holding 1), 1/c rounded, and ln c.
type logEntry struct{ inv, lnc, c float64 }

// logTable is built once from math.Log; it is read-only.
var logTable = func() (t [1 << logBits]logEntry) {
	const shift = 52 - logBits
	for i := range t {
		lo := math.Float64frombits(logOff + uint64(i)<<shift)
		hi := math.Float64frombits(logOff + uint64(i+1)<<shift)
		c := lo + (hi-lo)/2
		if lo <= 1 && 1 < hi {
			c = 1
		}
		t[i] = logEntry{inv: 1 / c, lnc: math.Log(c), c: c}
	}
	return t
}()

// ln2Hi + ln2Lo = ln 2; ln2Hi has 32 trailing zero bits, so k·ln2Hi is
// exact for any exponent k (fdlibm's split).
const (
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
)

// fastLog returns ln x, at most 2^-52·max(1, |ln x|) from the true value
// (the tests check millions of values against math.Log: at most two ulps
// where |ln x| ≥ 1, an absolute 2^-52 nearer x = 1, where relative accuracy
// is given up; callers here sum logarithms or exponentiate them, so only
// absolute error matters), in about half math.Log's time. x = z·2^k with z
// in [√½, √2) is read off the bits without a branch; then ln z = ln c +
// ln(1 + r), r = (z − c)/c, for the centre c of z's interval among 256 (z −
// c is exact by Sterbenz's lemma, and |r| ≤ 2^-8, where six terms of the
// series for ln(1 + r) leave an error below 2^-58); k·ln2Hi is exact for
// every k in [−1022, 1024].
//
// Positive subnormal x are scaled into the normal range first: math.Log
// returns about −709.09 for every subnormal on amd64 (Go issue 56600), where
// the truth reaches −744.44. Zero, negative and non-finite x go to
// math.Log.
func fastLog(x float64) float64 {
	b := [1]float64{x}
	fastLogs(b[:])
	return b[0]
}

// fastLogs replaces each x in xs by fastLog(x). Working on a slice keeps
// the arithmetic inline in the loop, which a call per value would not be.
func fastLogs(xs []float64) {
	for i, x := range xs {
		ix := math.Float64bits(x)
		if ix-0x0010000000000000 >= 0x7ff0000000000000-0x0010000000000000 {
			xs[i] = safeLog(x)
			continue
		}
		tmp := ix - logOff
		k := float64(int64(tmp) >> 52)
		e := &logTable[(tmp>>(52-logBits))&(1<<logBits-1)]
		r := (math.Float64frombits(ix-tmp&(0xfff<<52)) - e.c) * e.inv
		p := r * r * (-1.0/2 + r*(1.0/3+r*(-1.0/4+r*(1.0/5+r*(-1.0/6)))))
		xs[i] = k*ln2Hi + (e.lnc + (r + (p + k*ln2Lo)))
	}
}

// safeLog is math.Log, except that it is right for subnormal x (math.Log
// returns about −709.09 for all of them on amd64; Go issue 56600): those
// are scaled exactly into the normal range first.
func safeLog(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p54) - 54*ln2Hi - 54*ln2Lo
	}
	return math.Log(x)
}
