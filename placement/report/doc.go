// Package report renders a placement recommendation for the people who
// decide: a board and department heads. It writes one self-contained HTML
// file (inline CSS and SVG charts, no scripts, no network, laid out for A4
// paper) or a Markdown document, and the charts as SVG or PNG files for
// tools that want to place them in their own pages.
//
// # Quick start
//
//	rec, err := placement.Recommend(context.Background(), profile, placement.Options{})
//	if err != nil { … }
//	f, err := os.Create("report.html")
//	if err != nil { … }
//	defer f.Close()
//	err = report.HTML(f, rec, report.Options{Subtitle: "Prepared for the board, 24 November 2025"})
//
//	// Markdown with its charts next to it:
//	paths, err := report.WriteCharts("charts", rec, report.Options{PNG: true})
//	err = report.Markdown(w, rec, report.Options{ChartPath: "charts"})
//
// # Contents
//
// Both formats have the same sections, in this order:
//
//  1. Summary: the recommended structure, the runner-up, where today's
//     structure ranks, the robustness statement, the model and method.
//  2. The organisation: the profile as used (with defaults filled in) and
//     the active touchpoints.
//  3. The ranking: the top structures ([Options].Top, default 10) with
//     their scores, two charts (the scores; what makes up each score, for
//     additive methods) and the reasons for the explained structures.
//  4. The weights and where they came from: a table, a chart, and each
//     profile fact that moved a weight.
//  5. Who does what: the RACI map of the recommended structure.
//  6. The roadmap, step by step with the reason for each.
//  7. How robust the answer is: the cross-check against a second method
//     in plain words and, when the recommendation has one
//     (placement.Options.SMAA), the SMAA-2 analysis: how often the
//     recommended structure comes first when the weights vary, which
//     other structures can come first, and a heat map of the leading
//     structures' shares of each rank; and, when it has one
//     (placement.Options.Sensitivity), how far each weight can move
//     before another structure comes first, with a chart of the scores
//     along the most sensitive weight.
//  8. Assumptions and sources: the model, its working assumptions, the
//     kinds of evidence behind its coefficients and every work they cite;
//     optionally ([Options].Coefficients) every coefficient.
//
// The charts come from package [github.com/socialseat/socialseat/scoring/chart];
// [Figures] returns them for callers who render them elsewhere.
//
// # Printing
//
// The HTML prints on A4 with 15–18 mm margins and page numbers; headings
// stay with what follows, and no chart, table row or list item is split
// across pages; table headers repeat on every page; the assumptions and
// sources start a new page. With Chromium:
//
//	chromium --headless --no-pdf-header-footer --print-to-pdf=report.pdf report.html
//
// # Conventions
//
// Every piece of text that comes from the recommendation or the options
// (an organisation called "<Acme & Sons>", a custom department, a
// touchpoint name) is escaped for the output format: by html/template in
// HTML, and by entity and backslash escapes in Markdown. The
// recommendation is never modified. Output is deterministic: the report
// never reads the clock or iterates over a map in output order, so the
// same recommendation and options give the same bytes. Errors wrap
// [ErrEmpty] or [ErrOptions], or come from the charts, the writer or the
// file system.
package report
