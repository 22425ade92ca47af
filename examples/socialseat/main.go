// Command socialseat is the command-line face of the socialseat library,
// for people who do not write Go: it speaks a stable JSON contract.
//
// Usage:
//
//	go run ./examples/socialseat <command> [flags]
//
// Commands:
//
//	rank --profile FILE [--format text|json|markdown|html|decision] [--charts DIR]
//	     [--model FILE] [--top N] [--samples N] [--seed S] [--sensitivity]
//	                    the placement recommendation for an organisation profile
//	                    (YAML or JSON; --format decision writes a decision
//	                    document to reopen with decide)
//	catalog [--format text|json]
//	                    the default touchpoints, structures, criteria and model
//	model [--format yaml|json]
//	                    the default placement model, in the form rank --model
//	                    reads (start of a recalibration)
//	score [-f FILE] [method options]
//	                    rank the alternatives of a general decision problem
//	                    (JSON, or a CSV/TSV table with --matrix; JSON out)
//	weights [-f FILE] [--priority P] [--normalization N] [--raw]
//	                    criterion weights from AHP judgements, data, ranks or points
//	smaa [-f FILE] [--samples N] [--seed S]
//	                    robustness of a decision problem (SMAA-2)
//	agreement [-f FILE] [--coefficients C,C,...]
//	                    how far rankings agree: Spearman, weighted Spearman,
//	                    Kendall, Goodman–Kruskal, WS (JSON in, JSON out)
//	decide FILE [--format text|json|md]
//	                    re-evaluate a saved decision document (package decision)
//	diff A B [--format text|json]
//	                    what changed between two decision documents
//	elicit [-f FILE]    one step of a pairwise-comparison workshop (JSON in, JSON out)
//
// A FILE given as - is standard input, as is a request without -f; only
// one FILE of a command line can be -. Every command takes --help. Errors go to stderr as one line
// "socialseat: <what is wrong, where>". Output is written only when the
// command succeeds, so it is never partial; the charts (--charts) are
// written to temporary files and renamed into place only when all are
// written, so a failed run leaves none behind.
//
// Exit status, the same for every command:
//
//	0    success
//	1    bad input data: a request, profile or model that does not decode or validate
//	2    bad usage: unknown command or flag, bad flag value, missing file, stray argument
//	3    internal failure: output or charts could not be written
//	130  interrupted: Ctrl-C (SIGINT) or SIGTERM stop the command, which
//	     prints "socialseat: interrupted" and writes nothing
//
// When stderr is a terminal, smaa, rank and score draw a progress bar on
// it (one line, cleared at the end; score shows the bytes read of its
// input when the size is known, then the ranking); otherwise stderr
// carries only errors.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one kills at once.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
	stop()
	os.Exit(code)
}
