package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/socialseat/socialseat/scoring"
)

// endToEndMethods lists every built-in method with the sizes that
// BenchmarkEndToEnd runs it at. PROMETHEE II is quadratic in the number of
// alternatives, so it runs at 2000 rather than a million.
var endToEndMethods = []struct {
	token string
	sizes [][2]int
	make  func(n int) scoring.Method
}{
	{"wsm", e2eSizes, func(int) scoring.Method { return scoring.WeightedSum{} }},
	{"wpm", e2eSizes, func(int) scoring.Method { return scoring.WeightedProduct{} }},
	{"topsis", e2eSizes, func(int) scoring.Method { return scoring.TOPSIS{} }},
	{"vikor", e2eSizes, func(int) scoring.Method { return scoring.NewVIKOR() }},
	{"promethee2", [][2]int{{1000, 10}, {2000, 10}}, func(n int) scoring.Method {
		prefs := make([]scoring.Preference, n)
		for j := range prefs {
			prefs[j] = scoring.Preference{Function: scoring.Linear, Q: 5, P: 20}
		}
		return scoring.PROMETHEEII{Preferences: prefs}
	}},
	{"copras", e2eSizes, func(int) scoring.Method { return scoring.COPRAS{} }},
	{"edas", e2eSizes, func(int) scoring.Method { return scoring.EDAS{} }},
	{"mabac", e2eSizes, func(int) scoring.Method { return scoring.MABAC{} }},
	{"spotis", e2eSizes, func(int) scoring.Method { return scoring.SPOTIS{} }},
	{"moora", e2eSizes, func(int) scoring.Method { return scoring.MOORA{} }},
}

var e2eSizes = [][2]int{{1000, 10}, {1000000, 10}}

// e2eData returns seeded m×n rows with values in [1, 100) (the same shape
// as BenchmarkMethods' data), criteria with every third one a cost, and
// weights.
func e2eData(m, n int) ([][]float64, []scoring.Criterion, []float64) {
	rng := rand.New(rand.NewPCG(uint64(m), uint64(n)))
	rows := make([][]float64, m)
	flat := make([]float64, m*n)
	for i := range rows {
		rows[i] = flat[i*n : (i+1)*n : (i+1)*n]
		for j := range rows[i] {
			rows[i][j] = 1 + 99*rng.Float64()
		}
	}
	crits := make([]scoring.Criterion, n)
	w := make([]float64, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j), Direction: scoring.Benefit}
		if j%3 == 2 {
			crits[j].Direction = scoring.Cost
		}
		w[j] = 0.5 + rng.Float64()
	}
	return rows, crits, w
}

// BenchmarkEndToEnd measures what a user pays from rows in memory to a
// ranking: NewProblem on [][]float64 rows (slices of one backing array, as
// a numpy array's rows would be) with no alternative names, plus one Rank
// call. Timed per call: validation, the copy and the column summaries,
// weight normalisation, the scores, the ranks, the result (names included,
// which a problem without names has by default) and its notes. Not timed:
// generating the data. compare.sh times numpy's formula and argsort on the
// same shape of data held as an ndarray (see scoring/bench/compare.py).
// Its names, BenchmarkEndToEnd/<method>/<m>x<n>, are what
// scoring/bench/compare.sh reads; keep them.
func BenchmarkEndToEnd(b *testing.B) {
	benchEndToEnd(b, func(crits []scoring.Criterion, rows [][]float64, _ []float64) (*scoring.Problem, error) {
		return scoring.NewProblem(nil, crits, rows)
	})
}

// BenchmarkEndToEndNoCopy is BenchmarkEndToEnd for a caller whose matrix
// is one flat row-major slice, like a numpy array's buffer, that it hands
// over to the problem: NewProblemNoCopy validates and summarises it
// without a copy. (The benchmark never changes the slice, so reusing it
// for every call keeps NewProblemNoCopy's contract.)
func BenchmarkEndToEndNoCopy(b *testing.B) {
	benchEndToEnd(b, func(crits []scoring.Criterion, _ [][]float64, flat []float64) (*scoring.Problem, error) {
		return scoring.NewProblemNoCopy(nil, crits, flat)
	})
}

func benchEndToEnd(b *testing.B, build func(crits []scoring.Criterion, rows [][]float64, flat []float64) (*scoring.Problem, error)) {
	for _, meth := range endToEndMethods {
		b.Run(meth.token, func(b *testing.B) {
			for _, s := range meth.sizes {
				m, n := s[0], s[1]
				b.Run(fmt.Sprintf("%dx%d", m, n), func(b *testing.B) {
					rows, crits, w := e2eData(m, n)
					flat := flatten(rows)
					method := meth.make(n)
					b.ReportAllocs()
					cpu0 := cpuTime()
					for b.Loop() {
						p, err := build(crits, rows, flat)
						if err != nil {
							b.Fatal(err)
						}
						if _, err := method.Rank(p, w); err != nil {
							b.Fatal(err)
						}
					}
					// CPU time (every thread, the collector's included)
					// per operation: on a shared machine it is steadier
					// than the wall time, which counts waiting for a core.
					b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
				})
			}
		})
	}
}

// cpuTime returns the CPU time the process has used (user plus system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNewProblem measures construction alone: NewProblem from rows
// and NewProblemNoCopy from the same values in one flat slice.
func BenchmarkNewProblem(b *testing.B) {
	for _, s := range e2eSizes {
		m, n := s[0], s[1]
		rows, crits, _ := e2eData(m, n)
		flat := flatten(rows)
		b.Run(fmt.Sprintf("rows/%dx%d", m, n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := scoring.NewProblem(nil, crits, rows); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
		b.Run(fmt.Sprintf("nocopy/%dx%d", m, n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := scoring.NewProblemNoCopy(nil, crits, flat); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// flatten returns the rows in one new row-major slice.
func flatten(rows [][]float64) []float64 {
	flat := make([]float64, 0, len(rows)*len(rows[0]))
	for _, r := range rows {
		flat = append(flat, r...)
	}
	return flat
}

// BenchmarkMemoryFloor measures what moving a 1e6×10 float64 matrix (80
// MB) costs on this machine, the floor under any end-to-end time at that
// size: one read pass (a sum), a copy into memory already touched, and a
// copy into fresh memory (allocation, the kernel's first-touch page
// faults and zeroing included), which is what a constructor that copies
// pays.
func BenchmarkMemoryFloor(b *testing.B) {
	const cells = 1000000 * 10
	src := make([]float64, cells)
	for i := range src {
		src[i] = float64(i % 97)
	}
	report := func(b *testing.B, f func()) {
		b.SetBytes(8 * cells)
		cpu0 := cpuTime()
		for b.Loop() {
			f()
		}
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	var sink float64
	b.Run("read", func(b *testing.B) {
		report(b, func() {
			s := 0.0
			for _, x := range src {
				s += x
			}
			sink += s
		})
	})
	dst := make([]float64, cells)
	copy(dst, src)
	b.Run("copy-warm", func(b *testing.B) { report(b, func() { copy(dst, src) }) })
	b.Run("copy-fresh", func(b *testing.B) {
		report(b, func() {
			d := make([]float64, cells)
			copy(d, src)
			sink += d[cells-1]
		})
	})
	_ = sink
}

// BenchmarkParallelThreshold ranks prebuilt problems (construction not
// timed) around the size where the row kernels start to run on several
// goroutines: rows come in blocks of 8192 and the kernels go parallel
// from two blocks and 65,536 cells (parallelMin). Compare -cpu 1 with
// -cpu 2: wall time is what parallelism buys, cpu-ns/op what it costs.
// On the 2-core development VM, idle (go test -bench
// BenchmarkParallelThreshold -cpu 1,2 -count 4): up to 65536x10 two cores
// were no faster (WSM 3.45-3.56 ms vs 3.43-4.66 ms at 65536x10), from
// 131072x10 they were 15-20% faster (WSM 6.8-8.9 ms vs 5.7-7.2 ms; TOPSIS
// 4.7-5.5 ms vs 4.6-4.8 ms): the time there is mostly the result's fresh
// memory, which one goroutine allocates. The threshold stays low so that
// the determinism tests (same bits whatever GOMAXPROCS) run the parallel
// path at sizes the race detector can afford; it costs at most a few
// percent between 65,536 and about a million cells.
func BenchmarkParallelThreshold(b *testing.B) {
	for _, s := range [][2]int{{8192, 10}, {16384, 10}, {32768, 10}, {65536, 10}, {131072, 10}, {32768, 2}, {65536, 2}} {
		m, n := s[0], s[1]
		rows, crits, w := e2eData(m, n)
		p, err := scoring.NewProblem(nil, crits, rows)
		if err != nil {
			b.Fatal(err)
		}
		for _, meth := range []struct {
			token string
			meth  scoring.Method
		}{{"wsm", scoring.WeightedSum{}}, {"topsis", scoring.TOPSIS{}}} {
			b.Run(fmt.Sprintf("%s/%dx%d", meth.token, m, n), func(b *testing.B) {
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					if _, err := meth.meth.Rank(p, w); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
