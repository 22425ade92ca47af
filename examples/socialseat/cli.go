package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// Exit statuses: one convention for every command, printed by --help.
const (
	exitOK          = 0   // success
	exitBadInput    = 1   // the input data does not decode or validate
	exitUsage       = 2   // bad usage: unknown command or flag, bad flag value, missing file, stray argument
	exitInternal    = 3   // the program failed: output or charts could not be written
	exitInterrupted = 130 // SIGINT or SIGTERM (128 + SIGINT, as shells report it)
)

// exitHelp is the exit-status paragraph of every --help.
const exitHelp = `exit status:
  0    success
  1    bad input data: a request, profile or model that does not decode or validate
  2    bad usage: unknown command or flag, bad flag value, missing file, stray argument
  3    internal failure: output or charts could not be written
  130  interrupted (Ctrl-C or SIGTERM); nothing is written
`

// interruptGrace is how long run waits, after an interrupt, for the
// command to stop on its own (it normally returns at once); a command
// blocked reading standard input is abandoned after it.
const interruptGrace = 2 * time.Second

// usageError is a command line that is wrong, as opposed to input data
// that is wrong: exit status 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a *usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// env is what a command runs with: its input, the buffer its output goes
// to (copied to stdout only on success, so stdout never gets partial
// output) and the progress bar for long work.
type env struct {
	args  []string // positional arguments, for commands that take them
	stdin io.Reader
	// stdout is for a command whose output is too large to buffer (score
	// --matrix): it writes there only once its result is computed.
	stdout   io.Writer
	out      *bytes.Buffer
	progress *progress
}

// command is one subcommand: its flags are defined on fs, and the
// returned function runs it, writing its output to e.out.
type command struct {
	summary string
	usage   string
	// positional is the number of positional arguments the command takes
	// (flags may come before, between or after them).
	positional int
	setup      func(fs *flag.FlagSet) func(ctx context.Context, e *env) error
}

func commands() map[string]command {
	cmds := map[string]command{
		"rank": {
			summary: "the placement recommendation for an organisation profile (YAML or JSON)",
			usage:   "rank --profile FILE [--format text|json|markdown|html|decision] [--charts DIR] [--model FILE] [--top N] [--samples N] [--seed S] [--sensitivity]",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				profile := fs.String("profile", "", "the organisation profile `FILE` (YAML or JSON; - for standard input)")
				format := fs.String("format", "text", "output `format`: text, json, markdown, html (a self-contained report) or decision (a decision document to reopen with decide)")
				charts := fs.String("charts", "", "also write the report's charts (SVG) into `DIR`")
				model := fs.String("model", "", "a calibration `FILE` to use instead of the default model (YAML or JSON; - for standard input)")
				top := fs.Int("top", 5, "how many structures the text format lists")
				samples := fs.Int("samples", 20000, "SMAA-2 weight samples for the robustness statement (0: none)")
				seed := fs.Uint64("seed", 1, "SMAA-2 random `seed`")
				sensitivity := fs.Bool("sensitivity", false, "one-at-a-time weight sensitivity: how far each weight can move before the recommendation changes")
				return func(ctx context.Context, e *env) error {
					return rank(ctx, e, rankOptions{profile: *profile, format: *format, model: *model, top: *top, charts: *charts,
						smaa: placement.SMAAOptions{Samples: *samples, Seed: *seed}, sensitivity: *sensitivity})
				}
			},
		},
		"catalog": {
			summary: "the default touchpoints, structures, criteria and model coefficients",
			usage:   "catalog [--format text|json]",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				format := fs.String("format", "text", "output `format`: text or json")
				return func(_ context.Context, e *env) error { return catalog(e.out, *format) }
			},
		},
		"model": {
			summary: "the default placement model, in the form rank --model reads (start of a recalibration)",
			usage:   "model [--format yaml|json]",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				format := fs.String("format", "yaml", "output `format`: yaml or json")
				return func(_ context.Context, e *env) error { return model(e.out, *format) }
			},
		},
		"weights": {
			summary: "criterion weights from AHP judgements, data, ranks or points (JSON in, JSON out)",
			usage:   "weights [-f FILE] [--priority P] [--normalization N] [--raw]",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				var wf weightFlags
				wf.define(fs)
				return func(_ context.Context, e *env) error {
					if err := wf.check(); err != nil {
						return err
					}
					return withInput(*file, e.stdin, func(r io.Reader) error {
						req, err := scoringjson.DecodeWeights(r)
						if err != nil {
							return err
						}
						wf.apply(req)
						res, err := req.Weigh()
						if err != nil {
							return err
						}
						return writeJSON(e.out, res)
					})
				}
			},
		},
		"smaa": {
			summary: "robustness of a decision problem: SMAA-2 rank acceptabilities (JSON in, JSON out)",
			usage: "smaa [-f FILE] [--samples N] [--seed S]\n\n" +
				"The request is a score request plus \"samples\", \"seed\" and \"top_ranks\".\n" +
				"Imprecise data: \"low\" and \"high\" (each cell's interval) instead of \"matrix\",\n" +
				"\"missing\" (true for a cell with no value; its number is ignored),\n" +
				"\"missing_range\" ({\"cost\": [0, 100]}: where a missing value lies; default the\n" +
				"observed range), \"ordinal\" (names of criteria known only by ranks) and\n" +
				"\"value_draws\" (concrete matrices drawn, default 100).",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
				samples := fs.Int("samples", 0, "weight samples, overriding the request's (0: the request's, or 10000)")
				seed := fs.Uint64("seed", 0, "random `seed`, overriding the request's")
				return func(ctx context.Context, e *env) error {
					if err := checkSamples(*samples); err != nil {
						return err
					}
					seedSet := false
					fs.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
					return withInput(*file, e.stdin, func(r io.Reader) error {
						req, err := scoringjson.DecodeSMAA(r)
						if err != nil {
							return err
						}
						if *samples != 0 {
							req.Samples = *samples
						}
						if seedSet {
							req.Seed = *seed
						}
						req.Progress = e.progress.Func("smaa")
						res, err := req.Run(ctx)
						if err != nil {
							return err
						}
						return writeJSON(e.out, res)
					})
				}
			},
		},
		"score": {
			summary: "rank the alternatives of a general decision problem (JSON or CSV/TSV in, JSON out)",
			usage: "score [-f FILE] [method options]\n" +
				"       socialseat score --matrix TABLE.csv|.tsv (-f SPEC.json | --method M --directions D [--weights W]) [--sep ,|;|tab] [--detail] [method options]\n\n" +
				"With --matrix the values come from a CSV or TSV table, which is read without\n" +
				"building a JSON tree: its header row is a label and then the criteria's names,\n" +
				"each further row an alternative's name and one number per criterion, written\n" +
				"as a decimal (12, -0.5, 2.5e-3; not 1_000, 0x1p3, Inf or NaN). The rest\n" +
				"of the request comes from -f SPEC.json, a score request without \"matrix\" and\n" +
				"\"alternatives\" whose criteria match the header in order, or from the flags:\n" +
				"  --method topsis --directions benefit,cost,b,c --weights 0.4,0.3,0.2,0.1\n" +
				"The output is the ranking JSON (method, alternatives, criteria, weights, scores,\n" +
				"better, ranking, notes), streamed; --detail adds the method's tables (for\n" +
				"example WSM's normalised matrix and contributions), which on a large table are\n" +
				"each as large as the table itself: the method holds them in memory.\n\n" +
				"The method options --normalization, --form, --bounds and --esp replace the\n" +
				"request's keys of the same name, for example\n" +
				"  --method spotis --bounds 0:10,0:5 --esp 7,1\n\n" +
				"\"rank_reversal\": true in the request (or the spec) checks the method for rank\n" +
				"reversal instead: it ranks again without each alternative, with a copy of each\n" +
				"and with a dominated alternative added, and reports the pairs that swap.",
			setup: func(fs *flag.FlagSet) func(context.Context, *env) error {
				file := fs.String("f", "", "read the request from `FILE` (default: standard input); with --matrix, the spec")
				var mo matrixOptions
				fs.StringVar(&mo.matrix, "matrix", "", "read the values from a CSV or TSV `TABLE` (see above; - for standard input, then comma-separated unless --sep says otherwise)")
				fs.StringVar(&mo.sep, "sep", "", "the table's `separator`: \",\", \";\" or tab (default: tab for .tsv/.tab, else \",\")")
				fs.StringVar(&mo.method, "method", "", "with --matrix and no -f: the `method` (wsm, wpm, topsis, vikor, promethee2, copras, edas, mabac, spotis, moora)")
				fs.StringVar(&mo.directions, "directions", "", "with --method: one `direction` per criterion, comma-separated: benefit (b, +) or cost (c, -)")
				fs.StringVar(&mo.weights, "weights", "", "with --method: one `weight` per criterion, comma-separated (default: equal)")
				fs.BoolVar(&mo.detail, "detail", false, "with --matrix: include the method's detail tables in the output")
				var mf methodFlags
				mf.define(fs)
				return func(ctx context.Context, e *env) error {
					if err := mf.check(); err != nil {
						return err
					}
					if mo.matrix != "" {
						mo.spec, mo.adjust = *file, mf.apply
						return scoreMatrix(ctx, e, mo)
					}
					if mo.method != "" || mo.directions != "" || mo.weights != "" || mo.sep != "" || mo.detail {
						return usagef("--method, --directions, --weights, --sep and --detail go with --matrix")
					}
					return scoreJSON(ctx, e, *file, mf.apply)
				}
			},
		},
	}
	cmds["agreement"] = agreementCommand()
	maps.Copy(cmds, decisionCommands())
	return cmds
}

// run executes the command line and returns the exit status. Cancelling
// ctx (main does on SIGINT and SIGTERM) stops the command: run then prints
// "socialseat: interrupted" and returns 130, writing nothing to stdout. A
// progress bar is drawn on stderr only if terminal is true.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, terminal bool) int {
	cmds := commands()
	if len(args) == 0 {
		fmt.Fprintln(stderr, "socialseat: no command given (run 'socialseat --help')")
		return exitUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout, cmds)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "socialseat: unknown command %q (run 'socialseat --help')\n", args[0])
		return exitUsage
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	exec := cmd.setup(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "usage: socialseat %s\n\n%s\n\nflags:\n", cmd.usage, cmd.summary)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fmt.Fprintf(stdout, "\n%s", exitHelp)
			return exitOK
		}
		fmt.Fprintf(stderr, "socialseat: %s: %s\n", args[0], oneLine(err))
		return exitUsage
	}
	var positional []string
	for fs.NArg() > 0 && len(positional) < cmd.positional {
		positional = append(positional, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			fmt.Fprintf(stderr, "socialseat: %s: %s\n", args[0], oneLine(err))
			return exitUsage
		}
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "socialseat: %s: unexpected argument %q\n", args[0], fs.Arg(0))
		return exitUsage
	}
	if len(positional) < cmd.positional {
		fmt.Fprintf(stderr, "socialseat: %s: want %d file arguments, got %d (usage: socialseat %s)\n", args[0], cmd.positional, len(positional), cmd.usage)
		return exitUsage
	}

	e := &env{args: positional, stdin: stdin, stdout: stdout, out: new(bytes.Buffer), progress: newProgress(stderr, terminal)}
	done := make(chan error, 1)
	go func() { done <- exec(ctx, e) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		// The command sees the cancelled context and returns; one blocked
		// on standard input cannot, and is abandoned.
		select {
		case err = <-done:
		case <-time.After(interruptGrace):
			err = ctx.Err()
		}
	}
	e.progress.Clear()
	if err != nil {
		code := exitCode(ctx, err)
		var oe *outputError
		switch {
		case code == exitInterrupted:
			fmt.Fprintln(stderr, "socialseat: interrupted")
		case errors.As(err, &oe):
			fmt.Fprintf(stderr, "socialseat: %s\n", oneLine(oe))
		default:
			for _, line := range lines(err) {
				fmt.Fprintf(stderr, "socialseat: %s: %s\n", args[0], line)
			}
		}
		return code
	}
	if _, err := stdout.Write(e.out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "socialseat: writing output: %s\n", oneLine(err))
		return exitInternal
	}
	return exitOK
}

// exitCode maps a command's error to its exit status.
func exitCode(ctx context.Context, err error) int {
	var ue *usageError
	switch {
	case ctx.Err() != nil:
		return exitInterrupted
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, scoringjson.ErrBadInput):
		return exitBadInput
	}
	return exitInternal
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
	fmt.Fprintln(w)
	fmt.Fprint(w, exitHelp)
}

// withInput opens file (or uses stdin when file is empty or "-") for fn.
func withInput(file string, stdin io.Reader, fn func(io.Reader) error) error {
	return withInputSize(file, stdin, func(r io.Reader, _ int64) error { return fn(r) })
}

// withInputSize is withInput that also gives fn the input's size in
// bytes, 0 when unknown (a pipe, a terminal).
func withInputSize(file string, stdin io.Reader, fn func(io.Reader, int64) error) error {
	if file == "" || file == "-" {
		return fn(stdin, inputSize(stdin))
	}
	f, err := os.Open(file)
	if err != nil {
		return &usageError{err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return usagef("%s is a directory, not a file", file)
	}
	return fn(f, inputSize(f))
}

func writeJSON(out *bytes.Buffer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// lines splits an error's message into its lines, one problem each
// (errors.Join puts one per line), with spacing tidied and blank lines
// dropped.
func lines(err error) []string {
	var out []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oneLine flattens a (possibly joined) error onto one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
