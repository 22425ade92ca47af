package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDecodeErrorPath: a request or profile that does not decode answers
// 400 with the path of the offending value (issue 12).
func TestDecodeErrorPath(t *testing.T) {
	t.Parallel()
	h := newHandler(nil)
	for _, tc := range []struct {
		name, endpoint, body, path, msg string
	}{
		{"null matrix cell", "/v1/score", `{"method":"wsm","criteria":[{"name":"a","direction":"benefit","weight":1},{"name":"b","direction":"cost","weight":1}],"matrix":[[1,null],[2,3]]}`,
			"matrix[0][1]", "matrix[0][1]: null is not a number"},
		{"null SWING points", "/v1/weights", `{"method":"swing","points":[100,null]}`, "points[1]", "points[1]: null is not a number"},
		{"duplicate key", "/v1/score", `{"method":"wsm","method":"topsis"}`, "", `duplicate key "method"`},
		{"case variant", "/v1/weights", `{"method":"roc","Ranks":[1,2]}`, "", `unknown field "Ranks"`},
		{"null profile level", "/v1/rank", `{"name":"X","employees":5,"touchpoints":{"customer-support":null}}`,
			"touchpoints.customer-support", "touchpoints.customer-support: null is not a number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest("POST", tc.endpoint, strings.NewReader(tc.body))
			r.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			assert.Equal(t, 400, rec.Code)
			got := decodeError(t, rec.Body.Bytes())
			assert.Equal(t, "bad_input", got.Code)
			assert.Equal(t, tc.path, got.Path)
			assert.Contains(t, got.Message, tc.msg)
		})
	}
}
