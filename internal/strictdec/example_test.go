package strictdec_test

import (
	"errors"
	"fmt"

	"github.com/socialseat/socialseat/internal/strictdec"
)

func ExampleDecode() {
	var req struct {
		Method string      `json:"method"`
		Matrix [][]float64 `json:"matrix"`
	}
	for _, doc := range []string{
		`{"method": "wsm", "matrix": [[1, 2], [3, null]]}`,
		`{"method": "wsm", "Matrix": [[1]]}`,
		"method: wsm\nmethod: topsis\n",
		"method: wsm\nmatrix: [[1, 2], [3, 4]]\n",
	} {
		err := strictdec.Decode([]byte(doc), &req)
		var e *strictdec.Error
		if errors.As(err, &e) {
			fmt.Printf("%v (null: %t, path %q)\n", err, errors.Is(err, strictdec.ErrNull), e.Path)
			continue
		}
		fmt.Println(req.Method, req.Matrix)
	}
	// Output:
	// JSON line 1, column 42: matrix[1][1]: null is not a number (null: true, path "matrix[1][1]")
	// JSON line 1, column 19: unknown field "Matrix" (null: false, path "")
	// YAML line 2: duplicate key "method" (first on line 1) (null: false, path "")
	// wsm [[1 2] [3 4]]
}
