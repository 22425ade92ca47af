package scoringjson_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// A score request read as a stream: the matrix goes straight into the
// problem, and errors are those of DecodeScore.
func ExampleDecodeScoreStream() {
	req := `{"method": "topsis",
	 "criteria": [{"name": "cost", "direction": "cost", "weight": 0.4},
	              {"name": "quality", "direction": "benefit", "weight": 0.6}],
	 "alternatives": ["in-house", "agency", "hybrid"],
	 "matrix": [[120, 7], [90, 5], [100, 6.5]]}`
	in, err := scoringjson.DecodeScoreStream(strings.NewReader(req), int64(len(req)))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := in.ScoreContext(context.Background(), false)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := res.(*scoring.Result)
	for i, name := range r.Alternatives {
		fmt.Printf("%-8s %.3f rank %d\n", name, r.Scores[i], r.Ranks[i])
	}

	_, err = scoringjson.DecodeScoreStream(strings.NewReader(`{"method": "wsm", "matrix": [[1, null]]}`), 0)
	fmt.Println(err)
	// Output:
	// in-house 0.626 rank 2
	// agency   0.374 rank 3
	// hybrid   0.727 rank 1
	// JSON line 1, column 34: matrix[0][1]: null is not a number
}
