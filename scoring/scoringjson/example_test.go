package scoringjson_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// A score request read from JSON, run, and its response written as JSON:
// the whole of what the CLI's score command and POST /v1/score do.
func Example() {
	req, err := scoringjson.DecodeScore(strings.NewReader(`{
	  "method": "wsm",
	  "alternatives": ["in-house", "agency"],
	  "criteria": [
	    {"name": "cost",    "direction": "cost",    "weight": 0.4},
	    {"name": "quality", "direction": "benefit", "weight": 0.6}
	  ],
	  "matrix": [[120, 7], [90, 5]],
	  "normalization": "max"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := req.Score()
	if err != nil {
		fmt.Println(err)
		return
	}
	var out struct {
		Alternatives []string `json:"alternatives"`
		Ranking      []int    `json:"ranking"`
		Better       string   `json:"better"`
	}
	b, _ := json.Marshal(res)
	if err := json.Unmarshal(b, &out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.Alternatives, out.Ranking, out.Better)

	// Bad input is marked, and says where the problem is.
	_, err = scoringjson.DecodeScore(strings.NewReader(`{"method": "wsm", "criterias": []}`))
	fmt.Println(errors.Is(err, scoringjson.ErrBadInput), err)
	// Output:
	// [in-house agency] [1 2] higher
	// true JSON line 1, column 19: unknown field "criterias"
}
