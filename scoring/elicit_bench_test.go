package scoring_test

import (
	"testing"

	"github.com/socialseat/socialseat/scoring"
)

// Seven criteria, a spanning chain answered (6 of 21 pairs), with the
// winner check on ten alternatives: 15 open pairs, so the check is skipped
// and the cost is the 30 probing completions.
func BenchmarkElicitStep(b *testing.B) {
	b.ReportAllocs()
	const n, m = 7, 10
	pw := make([][]scoring.Judgement, n)
	for i := range pw {
		pw[i] = make([]scoring.Judgement, n)
		pw[i][i] = 1
		if i+1 < n {
			pw[i][i+1] = scoring.Judgement(1 + i%3)
		}
	}
	crits := make([]scoring.Criterion, n)
	for j := range crits {
		crits[j] = scoring.Criterion{Name: string(rune('a' + j)), Direction: scoring.Benefit}
	}
	alts := make([]string, m)
	rows := make([][]float64, m)
	for i := range rows {
		alts[i] = string(rune('A' + i))
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = float64((i*7+j*3)%11 + 1)
		}
	}
	p := scoring.MustNewProblem(alts, crits, rows)
	for b.Loop() {
		if _, err := (scoring.Elicitation{}).Step(pw, nil, p); err != nil {
			b.Fatal(err)
		}
	}
}
