// Command socialseat is the command-line face of the socialseat library,
// for people who do not write Go: it speaks a stable JSON contract.
//
// Usage:
//
//	go run ./examples/socialseat <command> [flags]
//
// Commands:
//
//	rank    --profile FILE [--format text|json|markdown|html] [--charts DIR] [--model FILE]
//	        [--top N] [--samples N] [--seed S] [--sensitivity=false]
//	                    the placement recommendation for an organisation profile
//	catalog [--format text|json]
//	                    the default touchpoints, structures, criteria and model
//	score   [-f FILE]   rank the alternatives of a general decision problem (JSON in, JSON out)
//	weights [-f FILE]   criterion weights from AHP judgements, data, ranks or points
//	smaa    [-f FILE] [--samples N] [--seed S]
//	                    robustness of a decision problem (SMAA-2)
//
// Every command takes --help. Errors go to stderr as one line
// "socialseat: <what is wrong, where>"; the exit status is 2 for bad input
// and 1 for other failures. Output is written only when the command
// succeeds, so it is never partial.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
