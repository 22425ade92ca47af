package main

import (
	"context"
	"flag"
	"io"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/scoring"
	"github.com/socialseat/socialseat/scoring/scoringjson"
)

// methodFlags are the score command's method options. Each one given
// replaces the request's key of the same name, whether the request comes
// from -f or from --method; the request then says whether the method takes
// it, so --form with topsis is bad input naming "form".
type methodFlags struct {
	normalization, form, bounds, esp string
}

func (f *methodFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.normalization, "normalization", "", "wsm, wpm, topsis: the `normalisation` (vector, minmax, max, sum; none for data already on one scale, wsm and topsis)")
	fs.StringVar(&f.form, "form", "", "moora: the `form` (ratio_system, reference_point, full_multiplicative or multimoora)")
	fs.StringVar(&f.bounds, "bounds", "", "spotis: `min:max` bounds per criterion, comma-separated (default: the data's range)")
	fs.StringVar(&f.esp, "esp", "", "spotis: the expected solution `point`, one value per criterion, comma-separated (default: the ideal)")
}

// check parses the options that are names, so that a bad value is bad
// usage named by its flag, found before any input is read.
func (f *methodFlags) check() error {
	if f.normalization != "" {
		if _, err := scoring.ParseNormalization(f.normalization); err != nil {
			return usagef("--normalization: %v", err)
		}
	}
	if f.form != "" {
		if _, err := scoring.ParseMOORAForm(f.form); err != nil {
			return usagef("--form: %v", err)
		}
	}
	return nil
}

// apply writes the options given into req.
func (f *methodFlags) apply(req *scoringjson.ScoreRequest) error {
	if f.normalization != "" {
		req.Normalization = &f.normalization
	}
	if f.form != "" {
		req.Form = &f.form
	}
	if f.bounds != "" {
		var bounds [][2]float64
		for _, part := range strings.Split(f.bounds, ",") {
			lo, hi, ok := strings.Cut(part, ":")
			a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
			b, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
			if !ok || err1 != nil || err2 != nil {
				return usagef("--bounds: %q is not min:max (for example 0:10)", part)
			}
			bounds = append(bounds, [2]float64{a, b})
		}
		req.Bounds = bounds
	}
	if f.esp != "" {
		esp, err := floatList("esp", f.esp)
		if err != nil {
			return err
		}
		req.ESP = esp
	}
	return nil
}

// weightFlags are the weights command's method options, each replacing
// the request's key of the same name.
type weightFlags struct {
	priority, normalization string
	raw                     bool
	fs                      *flag.FlagSet
}

func (f *weightFlags) define(fs *flag.FlagSet) {
	f.fs = fs
	fs.StringVar(&f.priority, "priority", "", "ahp: the priority `method` (eigenvector, geometric_mean or additive_normalization)")
	fs.StringVar(&f.normalization, "normalization", "", "entropy: the `normalisation` applied first (vector, max, minmax, sum or none; default: the raw values)")
	fs.BoolVar(&f.raw, "raw", false, "stddev: the standard deviations of the raw values (default: min–max normalised first)")
}

// check parses the options that are names, so that a bad value is bad
// usage named by its flag, found before any input is read.
func (f *weightFlags) check() error {
	if f.priority != "" {
		if _, err := scoring.ParsePriorityMethod(f.priority); err != nil {
			return usagef("--priority: %v", err)
		}
	}
	if f.normalization != "" {
		if _, err := scoring.ParseNormalization(f.normalization); err != nil {
			return usagef("--normalization: %v", err)
		}
	}
	return nil
}

// checkSamples checks a --samples flag: 0 to scoring.MaxSMAASamples.
func checkSamples(n int) error {
	if n < 0 {
		return usagef("--samples %d: want 0 or more", n)
	}
	if n > scoring.MaxSMAASamples {
		return usagef("--samples %d: want 0 to %d", n, scoring.MaxSMAASamples)
	}
	return nil
}

func (f *weightFlags) apply(req *scoringjson.WeightsRequest) {
	if f.priority != "" {
		req.Priority = &f.priority
	}
	if f.normalization != "" {
		req.Normalization = &f.normalization
	}
	f.fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "raw" {
			req.Raw = &f.raw
		}
	})
}

// floatList parses comma-separated numbers for the flag named flagName.
func floatList(flagName, s string) ([]float64, error) {
	parts := strings.Split(s, ",")
	out := make([]float64, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, usagef("--%s: %q is not a number", flagName, p)
		}
		out[i] = v
	}
	return out, nil
}

// agreementCommand compares rankings (the agreement request of the JSON
// contract).
func agreementCommand() command {
	return command{
		summary: "how far rankings agree: Spearman, weighted Spearman, Kendall, Goodman–Kruskal, WS (JSON in, JSON out)",
		usage: "agreement [-f FILE] [--coefficients C,C,...]\n\n" +
			"The request gives two or more rankings of the same alternatives, or score\n" +
			"requests whose rankings are compared:\n" +
			"  {\"rankings\": [[1,2,3,4,5], [1,3,2,4,5]], \"names\": [\"topsis\", \"vikor\"]}\n" +
			"  {\"requests\": [{\"method\": \"topsis\", ...}, {\"method\": \"spotis\", ...}]}\n" +
			"The output holds one matrix per coefficient; entry [i][j] compares ranking j\n" +
			"with ranking i as the reference (only ws is asymmetric).",
		setup: func(fs *flag.FlagSet) func(ctx context.Context, e *env) error {
			file := fs.String("f", "", "read the request from `FILE` (default: standard input)")
			coefs := fs.String("coefficients", "", "the `coefficients` to compute, comma-separated: spearman, weighted_spearman, kendall, goodman_kruskal, ws (default: the request's, or all)")
			return func(ctx context.Context, e *env) error {
				return withInput(*file, e.stdin, func(r io.Reader) error {
					req, err := scoringjson.DecodeAgreement(r)
					if err != nil {
						return err
					}
					if *coefs != "" {
						req.Coefficients = nil
						for _, c := range strings.Split(*coefs, ",") {
							k, err := scoring.ParseRankAgreement(strings.TrimSpace(c))
							if err != nil {
								return usagef("--coefficients: %v", err)
							}
							req.Coefficients = append(req.Coefficients, k)
						}
					}
					res, err := req.CompareContext(ctx)
					if err != nil {
						return err
					}
					return writeJSON(e.out, res)
				})
			}
		},
	}
}
