package decision_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialseat/socialseat/decision"
)

// FuzzLoadDecide feeds arbitrary bytes to Load and, when they load, to
// Decide and Diff: bad input is an error, never a panic, and a decided
// document reloads and decides to the same hash.
func FuzzLoadDecide(f *testing.F) {
	files, _ := filepath.Glob("testdata/v1/*.json")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"schema_version": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decision.Load(data)
		if err != nil {
			return
		}
		out, err := decision.Decide(d)
		if err != nil {
			return
		}
		b, err := out.Marshal()
		if err != nil {
			t.Fatalf("a decided document does not marshal: %v", err)
		}
		back, err := decision.Load(b)
		if err != nil {
			t.Fatalf("a decided document does not reload: %v\n%s", err, b)
		}
		again, err := decision.Decide(back)
		if err != nil {
			t.Fatalf("a decided document does not decide again: %v", err)
		}
		if again.InputHash != out.InputHash {
			t.Fatalf("hash changed on reload: %s → %s", out.InputHash, again.InputHash)
		}
		if _, err := decision.Diff(d, back); err != nil {
			t.Fatalf("diff of a document with its reload: %v", err)
		}
	})
}
