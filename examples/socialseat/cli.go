package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/socialseat/socialseat/internal/wire"
	"github.com/socialseat/socialseat/placement"
)

// command is one subcommand: its flags are defined on fs, and exec writes
// its output to out (a buffer, copied to stdout only on success).
type command struct {
	summary string
	usage   string
	setup   func(fs *flag.FlagSet) func(in io.Reader, out *bytes.Buffer) error
}

func commands() map[string]command {
	return map[string]command{
		"rank": {
			summary: "the placement recommendation for an organisation profile (YAML or JSON)",
			usage:   "rank --profile FILE [--format text|json|markdown|html] [--charts DIR] [--model FILE] [--top N] [--samples N] [--seed S] [--sensitivity=false]",
			setup: func(fs *flag.FlagSet) func(io.Reader, *bytes.Buffer) error {
				profile := fs.String("profile", "", "the organisation profile `FILE` (YAML or JSON; - for standard input)")
				format := fs.String("format", "text", "output `format`: text, json, markdown or html (a self-contained report)")
				charts := fs.String("charts", "", "also write the report's charts (SVG) into `DIR`")
				model := fs.String("model", "", "a calibration `FILE` to use instead of the default model (YAML or JSON)")
				top := fs.Int("top", 5, "how many structures the text format lists")
				samples := fs.Int("samples", 20000, "SMAA-2 weight samples for the robustness statement (0: none)")
				seed := fs.Uint64("seed", 1, "SMAA-2 random `seed`")
				sensitivity := fs.Bool("sensitivity", true, "one-at-a-time weight sensitivity: how far each weight can move before the recommendation changes")
				return func(stdin io.Reader, out *bytes.Buffer) error {
					return rank(stdin, out, rankOptions{profile: *profile, format: *format, model: *model, top: *top, charts: *charts,
						smaa: placement.SMAAOptions{Samples: *samples, Seed: *seed}, sensitivity: *sensitivity})
				}
			},
		},
		"catalog": {
			summary: "the default touchpoints, structures, criteria and model coefficients",
			usage:   "catalog [--format text|json]",
			setup: func(fs *flag.FlagSet) func(io.Reader, *bytes.Buffer) error {
				format := fs.String("format", "text", "output `format`: text or json")
				return func(_ io.Reader, out *bytes.Buffer) error { return catalog(out, *format) }
			},
		},
		"weights": {
			summary: "criterion weights from AHP judgements, data, ranks or points (JSON in, JSON out)",
			usage:   "weights [-f FILE]",
			setup: func(fs *flag.FlagSet) func(io.Reader, *bytes.Buffer) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				return func(stdin io.Reader, out *bytes.Buffer) error {
					return withInput(*file, stdin, func(r io.Reader) error {
						req, err := wire.DecodeWeights(r)
						if err != nil {
							return err
						}
						res, err := req.Weigh()
						if err != nil {
							return err
						}
						return writeJSON(out, res)
					})
				}
			},
		},
		"smaa": {
			summary: "robustness of a decision problem: SMAA-2 rank acceptabilities (JSON in, JSON out)",
			usage:   "smaa [-f FILE] [--samples N] [--seed S]",
			setup: func(fs *flag.FlagSet) func(io.Reader, *bytes.Buffer) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				samples := fs.Int("samples", 0, "weight samples, overriding the request's (0: the request's, or 10000)")
				seed := fs.Uint64("seed", 0, "random `seed`, overriding the request's")
				return func(stdin io.Reader, out *bytes.Buffer) error {
					seedSet := false
					fs.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
					return withInput(*file, stdin, func(r io.Reader) error {
						req, err := wire.DecodeSMAA(r)
						if err != nil {
							return err
						}
						if *samples != 0 {
							req.Samples = *samples
						}
						if seedSet {
							req.Seed = *seed
						}
						res, err := req.Run(context.Background())
						if err != nil {
							return err
						}
						return writeJSON(out, res)
					})
				}
			},
		},
		"score": {
			summary: "rank the alternatives of a general decision problem (JSON in, JSON out)",
			usage:   "score [-f FILE]",
			setup: func(fs *flag.FlagSet) func(io.Reader, *bytes.Buffer) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				return func(stdin io.Reader, out *bytes.Buffer) error {
					return withInput(*file, stdin, func(r io.Reader) error {
						req, err := wire.DecodeScore(r)
						if err != nil {
							return err
						}
						res, err := req.Score()
						if err != nil {
							return err
						}
						return writeJSON(out, res)
					})
				}
			},
		},
	}
}

// run executes the command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "socialseat: unknown command %q (run 'socialseat --help')\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	exec := cmd.setup(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "usage: socialseat %s\n\n%s\n\nflags:\n", cmd.usage, cmd.summary)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "socialseat: %s: %v\n", args[0], err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "socialseat: %s: unexpected argument %q\n", args[0], fs.Arg(0))
		return 2
	}
	var out bytes.Buffer
	if err := exec(stdin, &out); err != nil {
		fmt.Fprintf(stderr, "socialseat: %s: %s\n", args[0], oneLine(err))
		if errors.Is(err, wire.ErrBadInput) {
			return 2
		}
		return 1
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "socialseat: writing output: %v\n", err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: socialseat <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, cmds[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'socialseat <command> --help' for a command's flags.")
}

// withInput opens file (or uses stdin when file is empty) for fn. A file
// that cannot be opened is bad input.
func withInput(file string, stdin io.Reader, fn func(io.Reader) error) error {
	if file == "" || file == "-" {
		return fn(stdin)
	}
	f, err := os.Open(file)
	if err != nil {
		return wire.BadInput(err)
	}
	defer f.Close()
	return fn(f)
}

func writeJSON(out *bytes.Buffer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// oneLine flattens a (possibly joined) error onto one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
