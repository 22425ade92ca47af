package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// BenchmarkScoreCommand runs the score command once per iteration on the
// command line in $SOCIALSEAT_BENCH_ARGS (space-separated, after
// "score"), output discarded; it is skipped when that is unset. It is for
// profiling the large inputs of bench/cli.sh in one process, where the
// memory is fresh as in a real run:
//
//	SOCIALSEAT_BENCH_ARGS="-f /tmp/socialseat-clibench/request-topsis-1000000.json" \
//		go test -run - -bench ScoreCommand -benchtime 1x -cpuprofile cpu.prof ./examples/socialseat
func BenchmarkScoreCommand(b *testing.B) {
	args := strings.Fields(os.Getenv("SOCIALSEAT_BENCH_ARGS"))
	if len(args) == 0 {
		b.Skip("SOCIALSEAT_BENCH_ARGS is not set")
	}
	for b.Loop() {
		if code := run(context.Background(), append([]string{"score"}, args...), strings.NewReader(""), io.Discard, io.Discard, false); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
