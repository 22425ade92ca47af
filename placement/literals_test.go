package placement_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestEvaluateHasNoBareNumbers: every number of the placement model is a
// coefficient in model.yaml with its rationale and source. The evaluator
// may use only 0, 1 and 0.5 (identities, complements and the midpoint of a
// unit scale) and loop bounds; any other numeric literal in evaluate.go is
// a model number that belongs in the data.
func TestEvaluateHasNoBareNumbers(t *testing.T) {
	for _, file := range []string{"evaluate.go"} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		loopBounds := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if loop, ok := n.(*ast.ForStmt); ok && loop.Cond != nil {
				ast.Inspect(loop.Cond, func(m ast.Node) bool {
					if lit, ok := m.(*ast.BasicLit); ok {
						loopBounds[lit] = true
					}
					return true
				})
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || (lit.Kind != token.INT && lit.Kind != token.FLOAT) || loopBounds[lit] {
				return true
			}
			v, err := strconv.ParseFloat(lit.Value, 64)
			if err != nil || (v != 0 && v != 1 && v != 0.5) {
				t.Errorf("%s: bare number %s: make it a model coefficient (model.yaml) with rationale and source", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
	}
}
