// Package chart draws the results of package scoring as charts a client
// can read: a ranking, what makes up each score, how sure the ranking is,
// how it responds to a weight, and where the weights came from. It is
// built on gonum.org/v1/plot and writes SVG and PNG.
//
// The package is kept apart from scoring so that programs which need no
// charts do not pull in gonum/plot and its fonts: scoring never imports
// it, and within this module only placement/report and examples/ do.
//
// # Quick start
//
//	res, err := scoring.WeightedSum{}.Rank(p, weights)
//	if err != nil { … }
//	c, err := chart.Ranking(res, chart.Options{})
//	if err != nil { … }
//	err = c.Save("ranking.svg") // or c.WriteSVG(w), c.WritePNG(w), c.Save("ranking.png")
//
// # Charts
//
//   - [Ranking]: horizontal bars of a [scoring.Result]'s scores, best at the
//     top, scores printed, the winner in orange.
//   - [Contributions]: each score as a bar stacked from its criteria's
//     contributions (additive methods only), one colour per criterion.
//   - [Acceptability]: SMAA-2 rank acceptability ([scoring.SMAAResult]) as
//     a heat map of alternatives by ranks, each cell labelled with its
//     percentage, most acceptable alternative first.
//   - [Sensitivity]: one criterion's sweep from a one-at-a-time weight
//     sensitivity analysis ([scoring.SensitivityResult]), one line per
//     alternative, with the base weight, the rank reversals and the point
//     where the best alternative changes marked.
//   - [GAIA]: a GAIA plane ([scoring.GAIAResult]): alternatives as
//     points, criteria as axes and the decision stick, with δ in the
//     title.
//   - [Weights]: criterion weights as bars with, when they came from a
//     group, each stakeholder's weight and the lowest-to-highest range
//     ([WeightsData]; [GroupWeights] builds it from a
//     [scoring.GroupResult]).
//
// [Options].Limit keeps the best few alternatives of a large problem (a
// recommendation ranks over a hundred structures).
//
// Every constructor returns a [*Chart]. [Chart.WriteSVG] and
// [Chart.WritePNG] stream it; [Chart.Save] writes a file by extension;
// [Chart.Plot] exposes the gonum/plot plot for restyling.
//
// # Readability
//
// Category labels (alternative and criterion names) wrap at word
// boundaries to [Options].LabelWidth. If a name would need more than
// [Options].MaxLabelLines lines, every label on that axis becomes a letter
// code (A, B, …) and a key under the chart lists the full names. Legends
// sit under the plot, never over the data, in as many columns as fit.
//
// Data series use the colour-blind-safe qualitative palette of Okabe & Ito
// (2008), "Color Universal Design (CUD): how to make figures and
// presentations that are friendly to colorblind people",
// https://jfly.uni-koeln.de/color/. Colour is never the only cue: from the
// ninth series on, lines change dash pattern and stakeholder points change
// shape; stacked segments are separated by white gaps; the heat map uses a
// single-hue lightness scale that also reads in greyscale and prints every
// value as text.
//
// Text is set in Liberation Sans (SIL Open Font License), which ships with
// gonum/plot, at [DefaultFontSize] unless [Options].FontSize says
// otherwise. SVG output names the metric-compatible fallbacks Arial and
// Helvetica, or embeds the font with [Options].EmbedFonts.
//
// # Conventions
//
// Inputs are never modified or retained. Every constructor validates its
// data and returns an error wrapping one of [ErrEmpty], [ErrLength],
// [ErrValue] or [ErrOptions], as a [*DataError] that names the field and
// position; no input makes the package panic. Output is deterministic: the
// same input and options give the same SVG and PNG bytes on every run and
// machine (gonum/plot's SVG writer emits elements in drawing order and
// formats numbers with fixed precision; PNG encoding is deterministic).
//
// The package keeps no state and never changes gonum/plot's package-level
// defaults (such as plot.DefaultFont): each chart sets every font and
// style it uses and has its own font cache, so charts built in different
// goroutines are independent.
package chart
