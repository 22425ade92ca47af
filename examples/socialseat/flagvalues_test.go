package main

import "testing"

// A bad flag value is bad usage (exit 2) named by its flag, found before
// any input is read, whatever the request says.
func TestExitCodesBadFlagValues(t *testing.T) {
	t.Parallel()
	checkExit(t, []exitCase{
		{"weights --priority", "", []string{"weights", "-f", "testdata/weights-ahp.json", "--priority", "zzz"}, 2, `--priority: unknown name: priority method "zzz"`},
		{"weights --normalization", "", []string{"weights", "-f", "testdata/weights-entropy.json", "--normalization", "zzz"}, 2, `--normalization: unknown name: normalization "zzz"`},
		{"score --normalization", "", []string{"score", "-f", "testdata/score-topsis.json", "--normalization", "zzz"}, 2, `--normalization: unknown name: normalization "zzz"`},
		{"score --form", "", []string{"score", "-f", "testdata/score-topsis.json", "--form", "zzz"}, 2, `--form: unknown name: MOORA form "zzz"`},
		{"score --matrix --normalization", "", []string{"score", "--matrix", "testdata/score-topsis.csv", "-f", "testdata/score-topsis-spec.json", "--normalization", "zzz"}, 2, `--normalization: unknown name`},
		{"rank --samples over the limit", "", []string{"rank", "--profile", "testdata/profile-bank.yaml", "--samples", "2000000000"}, 2, "--samples 2000000000: want 0 to 1000000000"},
		{"smaa --samples over the limit", "", []string{"smaa", "-f", "testdata/smaa-2x2.json", "--samples", "999999999999"}, 2, "--samples 999999999999: want 0 to 1000000000"},
		// Checked before the input is read: stdin is never consulted.
		{"weights --priority before input", "not json", []string{"weights", "--priority", "zzz"}, 2, "--priority"},
		{"score --normalization before input", "not json", []string{"score", "--normalization", "zzz"}, 2, "--normalization"},
	})
}
