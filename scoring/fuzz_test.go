package scoring_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

var sentinels = []error{
	scoring.ErrEmpty, scoring.ErrRagged, scoring.ErrNotFinite, scoring.ErrDuplicateName,
	scoring.ErrUnknownName, scoring.ErrDirection, scoring.ErrWeights, scoring.ErrLength,
	scoring.ErrParam, scoring.ErrDomain, scoring.ErrInconsistent, scoring.ErrConstant, scoring.ErrInvalidUTF8,
}

func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// fuzzReader turns fuzz bytes into the numbers a problem needs.
type fuzzReader struct{ b []byte }

func (r *fuzzReader) byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *fuzzReader) float() float64 {
	if len(r.b) < 8 {
		return float64(r.byte())
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// FuzzNewProblem builds a problem from arbitrary bytes and runs every method
// on it: each call either fails with one of the package's sentinel errors or
// returns finite scores and a valid competition ranking. A panic fails.
func FuzzNewProblem(f *testing.F) {
	f.Add([]byte{2, 2, 0, 1, 2, 3, 4, 1, 1})
	f.Add([]byte{1, 1, 0, 5, 1})                                           // one row, one column
	f.Add([]byte{3, 1, 1, 7, 7, 7, 1})                                     // constant cost column
	f.Add([]byte{2, 1, 0, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0, 1})                // NaN bits
	f.Add([]byte{0, 0})                                                    // empty
	f.Add(append([]byte{2, 2, 2}, make([]byte, 40)...))                    // zeros
	f.Add([]byte{4, 3, 5, 255, 0, 1, 2, 255, 255, 9, 0, 3, 3, 3, 7, 8, 1}) // mixed
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &fuzzReader{b: data}
		m, n := int(r.byte()%9), int(r.byte()%6)
		dirs := r.byte()
		rows := make([][]float64, m)
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				if r.byte()%4 == 0 {
					rows[i][j] = r.float()
				} else {
					rows[i][j] = float64(int8(r.byte())) / 4
				}
			}
		}
		crits := make([]scoring.Criterion, n)
		for j := range crits {
			crits[j] = scoring.Criterion{Name: string(rune('a' + j)), Direction: scoring.Benefit}
			if dirs>>j&1 == 1 {
				crits[j].Direction = scoring.Cost
			}
		}
		p, err := scoring.NewProblem(nil, crits, rows)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("NewProblem: error %v wraps no sentinel", err)
			}
			return
		}
		w := make([]float64, n)
		for j := range w {
			w[j] = float64(r.byte() % 5)
		}
		prefs := make([]scoring.Preference, n)
		for j := range prefs {
			prefs[j] = scoring.Preference{Function: scoring.PreferenceFunction(r.byte() % 6),
				Q: float64(r.byte()%8) / 2, P: float64(r.byte()%8) / 2, S: float64(r.byte()%8) / 2}
		}
		methods := []scoring.Method{
			scoring.WeightedSum{}, scoring.WeightedSum{Normalization: scoring.Vector},
			scoring.WeightedSum{Normalization: scoring.MinMax}, scoring.WeightedSum{Normalization: scoring.Sum},
			scoring.WeightedProduct{}, scoring.TOPSIS{}, scoring.TOPSIS{Normalization: scoring.MinMax},
			scoring.VIKOR{V: float64(r.byte()%5) / 4}, scoring.PROMETHEEII{}, scoring.PROMETHEEII{Preferences: prefs},
			scoring.COPRAS{}, scoring.EDAS{}, scoring.MABAC{}, scoring.SPOTIS{}, scoring.MOORA{},
			scoring.MOORA{Form: scoring.ReferencePoint}, scoring.MOORA{Form: scoring.FullMultiplicative},
			scoring.MOORA{Form: scoring.MultiMOORA}, scoring.WeightedSum{Normalization: scoring.None},
			scoring.TOPSIS{Normalization: scoring.None},
			scoring.SPOTIS{ESP: rows[0]}, // within the data's range: a valid expected point
		}
		for _, meth := range methods {
			res, err := meth.Rank(p, w)
			if err != nil {
				if !isSentinel(err) {
					t.Fatalf("%#v: error %v wraps no sentinel", meth, err)
				}
				continue
			}
			seen := make([]bool, m+1)
			for i, s := range res.Scores {
				if math.IsNaN(s) || math.IsInf(s, 0) {
					t.Fatalf("%#v: score %d is %v (rows %v, weights %v)", meth, i, s, rows, w)
				}
				k := res.Ranks[i]
				if k < 1 || k > m {
					t.Fatalf("%#v: rank %d out of range", meth, k)
				}
				seen[k] = true
			}
			if !seen[1] {
				t.Fatalf("%#v: no alternative ranked first: %v", meth, res.Ranks)
			}
			// The detail is as finite as the ranking: it marshals to JSON.
			if e, ok := meth.(scoring.Evaluator); ok {
				d, err := e.Detail(p, w)
				if err != nil {
					t.Fatalf("%#v: Rank succeeded, Detail failed: %v", meth, err)
				}
				if _, err := json.Marshal(d); err != nil {
					t.Fatalf("%#v: detail does not marshal: %v", meth, err)
				}
			}
			if c := res.Contributions; c != nil {
				if err := c.Check(); err != nil || c.Rows != len(res.Scores) || c.Cols != len(res.Criteria) {
					t.Fatalf("%#v: contributions %dx%d (%v)", meth, c.Rows, c.Cols, err)
				}
				for _, v := range c.Data {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Fatalf("%#v: contribution %v", meth, v)
					}
				}
			}
		}
	})
}
