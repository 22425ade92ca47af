package scoringtest_test

import (
	"testing"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringtest"
)

func TestBuiltInMethods(t *testing.T) {
	t.Parallel()
	for _, m := range []scoring.Method{
		scoring.WeightedSum{},
		scoring.WeightedSum{Normalization: scoring.Vector},
		scoring.WeightedSum{Normalization: scoring.MinMax},
		scoring.WeightedSum{Normalization: scoring.Sum},
		scoring.WeightedProduct{},
		scoring.WeightedProduct{Normalization: scoring.Sum},
		scoring.TOPSIS{},
		scoring.TOPSIS{Normalization: scoring.Max},
		scoring.TOPSIS{Normalization: scoring.MinMax},
		scoring.TOPSIS{Normalization: scoring.Sum},
		scoring.NewVIKOR(),
		scoring.VIKOR{V: 1},
		scoring.PROMETHEEII{},
		scoring.COPRAS{},
	} {
		if err := scoringtest.TestMethod(m); err != nil {
			t.Errorf("%#v:\n%v", m, err)
		}
	}
}

// brokenMethod ranks by the first criterion only and ignores direction: a
// dominating alternative on a cost criterion does not win, so TestMethod
// must report it.
type brokenMethod struct{}

func (brokenMethod) Rank(p *scoring.Problem, w []float64) (*scoring.Result, error) {
	res, err := scoring.WeightedSum{}.Rank(p, w)
	if err != nil {
		return nil, err
	}
	m, _ := p.Dims()
	for i := range m {
		res.Scores[i] = -p.At(i, 0)
	}
	return res, nil
}

func TestMethodReportsViolations(t *testing.T) {
	t.Parallel()
	if err := scoringtest.TestMethod(brokenMethod{}); err == nil {
		t.Fatal("TestMethod accepted a method whose ranks do not follow its scores")
	}
}
