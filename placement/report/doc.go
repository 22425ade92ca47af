// Package report renders a placement recommendation for the people who
// decide: a board and department heads. It writes one self-contained HTML
// file (inline CSS and SVG charts, no scripts, no network, laid out for A4
// paper), the same report as an HTML fragment to embed in a page of one's
// own ([HTMLFragment]: one element, its style sheet scoped to it), or a
// Markdown document, and the charts as SVG or PNG files for tools that
// want to place them in their own pages.
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
//	// Inside a page of your own (a client portal, a consulting tool):
//	err = report.HTMLFragment(w, rec, report.Options{})
//
//	// Markdown with its charts next to it:
//	paths, err := report.WriteCharts("charts", rec, report.Options{PNG: true})
//	err = report.Markdown(w, rec, report.Options{ChartPath: "charts"})
//
// # Contents
//
// Both formats have the same sections, in this order:
//
//  1. Summary: the recommended structure, the nearest alternative with a
//     different operating model (the structures just behind the first are
//     often its twins, differing only in home, role or sourcing), where
//     today's structure ranks, the robustness statement and the method.
//     Structures, touchpoints, criteria and departments are named as a
//     client reads them; their IDs and the model's machine name stay in
//     the recommendation's JSON.
//  2. The organisation: the profile as used (with defaults filled in) and
//     the active touchpoints.
//  3. Maturity stage: the stage of the maturity model (linked to its
//     source), its description and the operating models it can carry,
//     the profile facts that place it there, what is worth confirming
//     and what the next stage needs.
//  4. Against peers: the organisation's staff, budget and set-up next to
//     published figures for its size and maturity (you / peers / source,
//     each source linked), with "below peers" or "above peers" marked.
//  5. The ranking: the top structures ([Options].Top, default 10) with
//     their scores, two charts (the scores; what makes up each score, for
//     additive methods) and the reasons for the explained structures.
//  6. The weights and where they came from: a table, a chart, and each
//     profile fact that moved a weight.
//  7. Who does what: the RACI map of the recommended structure.
//  8. The roadmap, step by step with the reason for each and the
//     governance practices a step puts in place.
//  9. Governance checklist: the practices the profile says are missing,
//     each with the published figure that makes it matter, its source and
//     the roadmap step that closes it; and those it does not state, as
//     questions to ask. Left out when nothing is missing or unknown.
//  10. How robust the answer is: the cross-check against a second method
//     in plain words and, when the recommendation has one
//     (placement.Options.SMAA), the SMAA-2 analysis: how often the
//     recommended structure comes first when the weights vary, which
//     other structures can come first, and a heat map of the leading
//     structures' shares of each rank; and, when it has one
//     (placement.Options.Sensitivity), how far each weight can move
//     before another structure comes first, with a chart of the scores
//     along the most sensitive weight; then, for home, operating model,
//     central role and sourcing, the recommended value, its share of SMAA
//     first ranks (when SMAA ran), the runner-up and whether it is a clear
//     or a close call.
//  11. Assumptions and sources: which model scored the recommendation
//     ("Scored with the socialseat default model, version 9."), its
//     working assumptions, the kinds of evidence behind its coefficients
//     and the works behind what the report says, each once and in full
//     (see works.yaml): those the coefficients and active touchpoints
//     cite (a regulator's rule only for a regulated profile of its
//     sector) and those the stage, peer figures, governance practices,
//     reasons and roadmap cite; optionally ([Options].Coefficients) every
//     coefficient, by its ID, for a recalibration.
//
// Links to cited works are the only references outside the document; a
// maturity model's or benchmark's address that is not a plain http or
// https URL is shown without a link.
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
