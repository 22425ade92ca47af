package scoring_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// bitsMethods are the methods and settings whose Rank output
// TestRankBitsUnchanged pins.
var bitsMethods = []struct {
	name string
	meth scoring.Method
}{
	{"wsm", scoring.WeightedSum{}},
	{"wsm-vector", scoring.WeightedSum{Normalization: scoring.Vector}},
	{"wsm-minmax", scoring.WeightedSum{Normalization: scoring.MinMax}},
	{"wpm", scoring.WeightedProduct{}},
	{"topsis", scoring.TOPSIS{}},
	{"topsis-max", scoring.TOPSIS{Normalization: scoring.Max}},
	{"vikor", scoring.NewVIKOR()},
	{"vikor-0.2", scoring.VIKOR{V: 0.2}},
	{"copras", scoring.COPRAS{}},
	{"edas", scoring.EDAS{}},
	{"mabac", scoring.MABAC{}},
	{"spotis", scoring.SPOTIS{}},
	{"moora", scoring.MOORA{}},
	{"moora-ref", scoring.MOORA{Form: scoring.ReferencePoint}},
	{"moora-multi", scoring.MOORA{Form: scoring.MultiMOORA}},
	{"promethee2", scoring.PROMETHEEII{}},
}

// bitsProblems returns seeded problems: small, the benchmarks' 1000×10,
// one spanning several row blocks, and extreme magnitudes.
func bitsProblems() map[string]struct {
	rows  [][]float64
	crits []scoring.Criterion
	w     []float64
} {
	out := map[string]struct {
		rows  [][]float64
		crits []scoring.Criterion
		w     []float64
	}{}
	for _, c := range []struct {
		name string
		m, n int
		mag  float64
	}{{"7x4", 7, 4, 1}, {"1000x10", 1000, 10, 1}, {"30000x5", 30000, 5, 1}, {"500x6-tiny", 500, 6, 1e-300}, {"500x6-huge", 500, 6, 1e300}} {
		rng := rand.New(rand.NewPCG(uint64(c.m), uint64(c.n)+7))
		rows := make([][]float64, c.m)
		for i := range rows {
			rows[i] = make([]float64, c.n)
			for j := range rows[i] {
				rows[i][j] = c.mag * (0.5 + 99*rng.Float64())
			}
		}
		crits := make([]scoring.Criterion, c.n)
		w := make([]float64, c.n)
		for j := range crits {
			crits[j] = scoring.Criterion{Name: fmt.Sprintf("c%d", j), Direction: scoring.Benefit}
			if j%3 == 1 {
				crits[j].Direction = scoring.Cost
			}
			w[j] = 0.2 + rng.Float64()
		}
		if c.n > 4 {
			for i := range rows {
				rows[i][c.n-1] = c.mag * 3 // a constant criterion
			}
		}
		out[c.name] = struct {
			rows  [][]float64
			crits []scoring.Criterion
			w     []float64
		}{rows, crits, w}
	}
	return out
}

// rankBitsWant are SHA-256 digests (first 16 hex digits) of every Rank
// output of bitsMethods on bitsProblems: weights, scores, ranks,
// contributions and notes, bit for bit. They were recorded before the
// fused single-pass Rank paths, which must not change a single bit; a
// change that does must be a documented improvement in accuracy, and
// updates them (SCORING_PRINT_BITS=1 go test -run TestRankBitsUnchanged
// prints the current digests).
var rankBitsWant = map[string]string{
	"promethee2/1000x10":     "7ae72e3a6fff61f2",
	"promethee2/30000x5":     "7e3de5bb9cdb84eb",
	"promethee2/500x6-huge":  "3be895561440cd34",
	"promethee2/500x6-tiny":  "3be895561440cd34",
	"promethee2/7x4":         "e6e947195392741e",
	"copras/1000x10":         "6296f43d4404974f",
	"copras/30000x5":         "dab66e36c85873cc",
	"copras/500x6-huge":      "be44033d05da76fd",
	"copras/500x6-tiny":      "6158f840c5373475",
	"copras/7x4":             "0769168f287e394f",
	"edas/1000x10":           "efb1bc7fdd079075",
	"edas/30000x5":           "d1e9ef66d9de7cb0",
	"edas/500x6-huge":        "bce722684b4eed53",
	"edas/500x6-tiny":        "b981aaabbef0dd7e",
	"edas/7x4":               "9cf698c00af0b894",
	"mabac/1000x10":          "f1bce9d79cdfbfd7",
	"mabac/30000x5":          "acd5607372de4df6",
	"mabac/500x6-huge":       "4be5e92ba52d2bc7",
	"mabac/500x6-tiny":       "668b12854ca0bbce",
	"mabac/7x4":              "5bd84a1e7ad98f14",
	"moora-multi/1000x10":    "1a3d7251af100d57",
	"moora-multi/30000x5":    "d4736fd4641d65f3",
	"moora-multi/500x6-huge": "e216c1819cbaf29a",
	"moora-multi/500x6-tiny": "e216c1819cbaf29a",
	"moora-multi/7x4":        "f171103c4fadf59e",
	"moora-ref/1000x10":      "260121ed2cb9495c",
	"moora-ref/30000x5":      "6f3f0c534fadd04c",
	"moora-ref/500x6-huge":   "3164b6b4bd755688",
	"moora-ref/500x6-tiny":   "b60416f576366bc5",
	"moora-ref/7x4":          "c00e1e3ed7db818a",
	"moora/1000x10":          "ee4b920d65b25451",
	"moora/30000x5":          "4371adb6376ad29c",
	"moora/500x6-huge":       "f2b97945ae2cd280",
	"moora/500x6-tiny":       "3dbbb62c4475f914",
	"moora/7x4":              "48cacfc5a59fb5fd",
	"spotis/1000x10":         "2b3c54eb9f34fe7d",
	"spotis/30000x5":         "eaade00c02a1f41e",
	"spotis/500x6-huge":      "0dd184a7c963f437",
	"spotis/500x6-tiny":      "ce4fd709ff4802dc",
	"spotis/7x4":             "7f5d43420ff5df4e",
	"topsis-max/1000x10":     "0812cfa1d765316a",
	"topsis-max/30000x5":     "4b7c6ce3b51b8edf",
	"topsis-max/500x6-huge":  "51b0f6e3d12e5824",
	"topsis-max/500x6-tiny":  "69b031d1bf5ebe11",
	"topsis-max/7x4":         "e8e9430930d70125",
	"topsis/1000x10":         "5c8344487ff701be",
	"topsis/30000x5":         "be4a07ef4b47a167",
	"topsis/500x6-huge":      "5a88048c29b425a4",
	"topsis/500x6-tiny":      "45fc5bb0d09c7016",
	"topsis/7x4":             "80c9236470164b2e",
	"vikor-0.2/1000x10":      "01f2709a7e181531",
	"vikor-0.2/30000x5":      "8a8a0bf17a94e9fe",
	"vikor-0.2/500x6-huge":   "a9a2380e5fdf0c88",
	"vikor-0.2/500x6-tiny":   "6312f0f07710ac88",
	"vikor-0.2/7x4":          "54e4a9af8895ac89",
	"vikor/1000x10":          "00abce3e76b348b4",
	"vikor/30000x5":          "d9bf827e70591683",
	"vikor/500x6-huge":       "f5d090147569daa8",
	"vikor/500x6-tiny":       "47755e0dbaef7ad4",
	"vikor/7x4":              "986308bed01bf278",
	"wpm/1000x10":            "d37caa8f52df7b16",
	"wpm/30000x5":            "0d186ca48a6891a2",
	"wpm/500x6-huge":         "890fbf6ce22ec5cf",
	"wpm/500x6-tiny":         "9f93850346c7af47",
	"wpm/7x4":                "b4922a23435c43b9",
	"wsm-minmax/1000x10":     "89cad8791a5e80b7",
	"wsm-minmax/30000x5":     "a3bbbeb73d3eda35",
	"wsm-minmax/500x6-huge":  "36b7242bb259cbff",
	"wsm-minmax/500x6-tiny":  "85b9ce5ffd415877",
	"wsm-minmax/7x4":         "e5c050899bd638a9",
	"wsm-vector/1000x10":     "e21f4c3a9adff54e",
	"wsm-vector/30000x5":     "bd5d4d39b255d7f7",
	"wsm-vector/500x6-huge":  "349d1ab9fa6901d8",
	"wsm-vector/500x6-tiny":  "8ac78b6cf53eaed6",
	"wsm-vector/7x4":         "620641c401c5c629",
	"wsm/1000x10":            "7a763155fc18a2c7",
	"wsm/30000x5":            "b8a89411c6237ae5",
	"wsm/500x6-huge":         "11aec49d18317558",
	"wsm/500x6-tiny":         "6158be45c53411bb",
	"wsm/7x4":                "75832c4f28330b10",
}

func TestRankBitsUnchanged(t *testing.T) {
	t.Parallel()
	probs := bitsProblems()
	for pname, pr := range probs {
		p, err := scoring.NewProblem(nil, pr.crits, pr.rows)
		if err != nil {
			t.Fatal(err)
		}
		for _, bm := range bitsMethods {
			key := bm.name + "/" + pname
			res, err := bm.meth.Rank(p, pr.w)
			got := "error: " + fmt.Sprint(err)
			if err == nil {
				got = resultDigest(res)
			}
			if os.Getenv("SCORING_PRINT_BITS") != "" {
				fmt.Printf("\t%q: %q,\n", key, got)
				continue
			}
			if want, ok := rankBitsWant[key]; !ok {
				t.Errorf("%s: no recorded digest", key)
			} else if got != want {
				t.Errorf("%s: digest %s, want %s: the output changed", key, got, want)
			}
		}
	}
}

func resultDigest(r *scoring.Result) string {
	h := sha256.New()
	floats := func(xs []float64) {
		for _, x := range xs {
			binary.Write(h, binary.LittleEndian, math.Float64bits(x))
		}
	}
	floats(r.Weights)
	floats(r.Scores)
	for _, k := range r.Ranks {
		binary.Write(h, binary.LittleEndian, int64(k))
	}
	if r.Contributions != nil {
		floats(r.Contributions.Data)
	}
	writeNotes(h, r.Notes)
	fmt.Fprint(h, r.Method, r.Better, r.Alternatives, r.Criteria)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func writeNotes(h hash.Hash, notes []scoring.Note) {
	for _, n := range notes {
		fmt.Fprint(h, n.Code, n.Criterion, n.Text)
	}
}
