package scoring

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/socialseat/socialseat/internal/strictdec"
)

// Table is a dense row-major table of numbers: the value in row i, column j
// is Data[i*Cols+j]. Results use it for per-alternative, per-criterion
// values (one row per alternative, one column per criterion) because one
// flat slice costs a million alternatives no row headers for the garbage
// collector to scan.
//
// Its JSON form is an array of rows, [[…], […]], so that a decoder in any
// language reads it as a matrix. A nil *Table marshals as null.
type Table struct {
	// Rows and Cols are the table's dimensions.
	Rows, Cols int
	// Data holds the values row by row; its length is Rows·Cols.
	Data []float64
}

// newTable returns a rows×cols table over data, which it takes ownership of.
func newTable(data []float64, rows, cols int) *Table {
	return &Table{Rows: rows, Cols: cols, Data: data[: rows*cols : rows*cols]}
}

// At returns the value in row i, column j. It panics if i or j is out of
// range.
func (t *Table) At(i, j int) float64 {
	if uint(i) >= uint(t.Rows) || uint(j) >= uint(t.Cols) {
		panic(fmt.Sprintf("scoring: table index (%d, %d) out of range %dx%d", i, j, t.Rows, t.Cols))
	}
	return t.Data[i*t.Cols+j]
}

// Row returns row i. The slice shares the table's memory and its capacity
// ends with the row, so appending to it never overwrites the next row. It
// panics if i is out of range.
func (t *Table) Row(i int) []float64 {
	if uint(i) >= uint(t.Rows) {
		panic(fmt.Sprintf("scoring: table row %d out of range [0, %d)", i, t.Rows))
	}
	return t.Data[i*t.Cols : (i+1)*t.Cols : (i+1)*t.Cols]
}

// RowSlices returns the table as a freshly allocated slice of rows. Each
// row shares the table's memory.
func (t *Table) RowSlices() [][]float64 {
	rows := make([][]float64, t.Rows)
	for i := range rows {
		rows[i] = t.Row(i)
	}
	return rows
}

// Check reports whether the table's shape is consistent: non-negative
// dimensions and len(Data) == Rows·Cols. It returns an [*InputError]
// wrapping [ErrLength] otherwise.
func (t *Table) Check() error {
	if t.Rows < 0 || t.Cols < 0 || (t.Cols > 0 && t.Rows > math.MaxInt/t.Cols) || len(t.Data) != t.Rows*t.Cols {
		return inputErr("table", -1, -1, "", ErrLength,
			fmt.Sprintf("%d values for %d rows of %d", len(t.Data), t.Rows, t.Cols))
	}
	return nil
}

// MarshalJSON writes the table as an array of rows, exactly as
// [json.Marshal] writes a [][]float64 (so non-finite values are an error).
func (t *Table) MarshalJSON() ([]byte, error) {
	if t == nil {
		return []byte("null"), nil
	}
	if err := t.Check(); err != nil {
		return nil, err
	}
	return json.Marshal(t.RowSlices())
}

// UnmarshalJSON reads an array of equally long rows. A ragged array is an
// [*InputError] wrapping [ErrRagged]. Decoding is strict: null is not a
// number, and nothing may follow the array.
func (t *Table) UnmarshalJSON(b []byte) error {
	var rows [][]float64
	if err := strictdec.DecodeJSON(b, &rows); err != nil {
		return err
	}
	cols := 0
	if len(rows) > 0 {
		cols = len(rows[0])
	}
	data := make([]float64, 0, len(rows)*cols)
	for i, r := range rows {
		if len(r) != cols {
			return inputErr("table", i, -1, "", ErrRagged, fmt.Sprintf("row has %d values, row 0 has %d", len(r), cols))
		}
		data = append(data, r...)
	}
	*t = Table{Rows: len(rows), Cols: cols, Data: data}
	return nil
}
