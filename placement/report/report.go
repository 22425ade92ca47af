package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialseat/socialseat/internal/atomicfile"
	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring/chart"
	"github.com/socialseat/socialseat/touchpoint"
)

// Sentinel errors. Errors from this package wrap one of them, or come from
// the writer, the file system or package chart.
var (
	// ErrEmpty reports a nil recommendation or one without a ranking.
	ErrEmpty = errors.New("report: empty recommendation")
	// ErrOptions reports an invalid [Options] field.
	ErrOptions = errors.New("report: invalid option")
)

// DefaultTop is the number of structures shown in the ranking table and
// charts when Options.Top is zero.
const DefaultTop = 10

// Options adjust a report. The zero value gives the documented defaults;
// options are passed by value and never retained.
type Options struct {
	// Title replaces the default title, "Where should social media sit at
	// <organisation>?" ("… sit in the organisation?" for a profile
	// without a name).
	Title string
	// Subtitle is printed under the title, for example "Prepared for the
	// board by …, 24 November 2025". Empty means none. The report never
	// reads the clock, so a date appears only if given here.
	Subtitle string
	// Top is the number of structures in the ranking table and charts;
	// zero means DefaultTop. It is capped at the number ranked.
	Top int
	// Catalog supplies the touchpoints' names and sources; nil means the
	// default catalogue. Touchpoints it does not know are named from
	// their ID ("social-listening" as "Social listening").
	Catalog *touchpoint.Catalog
	// Model supplies the assumptions and sources section: the evidence
	// behind the coefficients and the works they cite. Nil means the
	// default model when the recommendation names it (the usual case);
	// otherwise the section says that the model was not supplied.
	Model *placement.Model
	// Coefficients appends a table of every model coefficient with its
	// value, evidence, rationale and source (about 170 rows, four to six
	// printed pages).
	Coefficients bool
	// ChartPath is where Markdown looks for the chart images that
	// [WriteCharts] writes, as a relative URL path such as "charts"; empty
	// means the Markdown has no images. HTML always inlines its charts.
	ChartPath string
	// PNG makes [WriteCharts] write a PNG next to every SVG.
	PNG bool
	// Chart is passed to every chart (width, font size, resolution).
	// Its Title and HideTitle are ignored: the report captions the charts
	// itself. A zero LabelWidth means 42% of the width, so that long
	// structure names wrap to at most three lines.
	Chart chart.Options
}

// resolve checks o and fills in the defaults.
func (o Options) resolve(rec *placement.Recommendation) (Options, error) {
	if rec == nil || len(rec.Ranking) == 0 {
		return o, fmt.Errorf("%w: nothing ranked", ErrEmpty)
	}
	if rec.Result == nil || len(rec.Result.Alternatives) != len(rec.Ranking) {
		return o, fmt.Errorf("%w: the recommendation carries no scoring result for its ranking", ErrEmpty)
	}
	if o.Top < 0 {
		return o, fmt.Errorf("%w: Top %d is negative", ErrOptions, o.Top)
	}
	if o.Top == 0 {
		o.Top = DefaultTop
	}
	o.Top = min(o.Top, len(rec.Ranking))
	if o.Catalog == nil {
		o.Catalog = touchpoint.DefaultCatalog()
	}
	if o.Model == nil {
		def := placement.DefaultModel()
		if rec.Model.Hash == def.Hash() {
			o.Model = &def
		}
	}
	o.Chart.Title, o.Chart.HideTitle = "", true
	if o.Chart.LabelWidth == 0 {
		// Structure names run to over 100 characters; a wider label column
		// keeps them to three lines rather than letter codes.
		w := o.Chart.Width
		if w == 0 {
			w = chart.DefaultWidth
		}
		o.Chart.LabelWidth = w * 0.42
	}
	return o, nil
}

// HTML writes rec as one self-contained HTML5 document: inline CSS and
// SVG charts, no scripts, no external resources, laid out for screens and
// for A4 paper (page margins, page numbers, no table row or chart split
// across pages). The sections are the summary, the organisation's
// profile, the ranking with its reasons and charts, the criterion weights
// and where they came from, the RACI map of the top structure, the
// roadmap, the robustness statement, and the model's assumptions and
// sources.
//
// All text from the recommendation and the options is escaped. Output is
// deterministic. rec is not modified. Errors wrap [ErrEmpty] or
// [ErrOptions], or come from the charts or the writer.
func HTML(w io.Writer, rec *placement.Recommendation, opts Options) error {
	return renderHTML(w, rec, opts, false)
}

// HTMLFragment writes rec as an HTML fragment to place inside a page of
// one's own, such as a consulting tool's client view: the same sections,
// charts and text as [HTML], in one <article class="socialseat-report">
// element (see [FragmentClass]) that begins with its own <style> element.
// Every rule of that style sheet is scoped under the article's class, so
// the report does not restyle the host page, and the page-level rules of
// the document (body margins, A4 page boxes) are left out; the host's
// styles can still reach into the report. Element IDs are prefixed with
// "socialseat-report-" ("socialseat-report-summary", …), so that they do
// not collide with the host's; two reports on one page share IDs.
//
// Output is deterministic. rec is not modified. Errors wrap [ErrEmpty] or
// [ErrOptions], or come from the charts or the writer.
func HTMLFragment(w io.Writer, rec *placement.Recommendation, opts Options) error {
	return renderHTML(w, rec, opts, true)
}

// renderHTML writes rec as a document or as a fragment.
func renderHTML(w io.Writer, rec *placement.Recommendation, opts Options, fragment bool) error {
	o, err := opts.resolve(rec)
	if err != nil {
		return err
	}
	v, err := newView(rec, o)
	if err != nil {
		return err
	}
	figs, err := figures(rec, o)
	if err != nil {
		return err
	}
	return writeHTML(w, v, figs, fragment)
}

// Markdown writes rec as a Markdown document (CommonMark with GitHub
// tables) with the same sections as [HTML]. Charts appear as image links
// to Options.ChartPath/<name>.svg when ChartPath is set; write the files
// with [WriteCharts]. Text from the recommendation is escaped, so that
// characters such as <, &, *, _ and | show literally.
//
// Output is deterministic. rec is not modified. Errors wrap [ErrEmpty] or
// [ErrOptions], or come from the writer.
func Markdown(w io.Writer, rec *placement.Recommendation, opts Options) error {
	o, err := opts.resolve(rec)
	if err != nil {
		return err
	}
	v, err := newView(rec, o)
	if err != nil {
		return err
	}
	return writeMarkdown(w, v, o)
}

// Figure is one chart of a report.
type Figure struct {
	// Name is the file name without extension that [WriteCharts] uses,
	// such as "ranking".
	Name string
	// Caption says what the chart shows, in a sentence.
	Caption string
	// Chart is the chart, ready to render.
	Chart *chart.Chart
}

// Figures returns the report's charts in report order: "ranking" (the top
// structures' scores), "contributions" (what makes up each of those scores;
// only for an additive method whose contributions are all non-negative, as
// the default's are), "weights" (the criterion weights), "acceptability"
// (only when the recommendation carries an SMAA-2 analysis,
// placement.Options.SMAA: a heat map of how often each of the leading
// structures takes each rank; Options.Chart.Limit rows, or if that is zero
// min(Top, 8)) and "sensitivity" (only with a sensitivity analysis,
// placement.Options.Sensitivity, in which some weight can change the
// recommendation: the scores along the most sensitive weight of the
// leading structures, Options.Chart.Limit or min(Top, 6) of them, and of
// the structure that takes over).
// Errors are as for [HTML].
func Figures(rec *placement.Recommendation, opts Options) ([]Figure, error) {
	o, err := opts.resolve(rec)
	if err != nil {
		return nil, err
	}
	return figures(rec, o)
}

// WriteCharts writes the report's charts ([Figures]) into dir as
// <name>.svg, and also as <name>.png if Options.PNG is set, creating dir
// if needed. It returns the paths written, in order. Existing files of
// those names are replaced; nothing else in dir is touched.
//
// The charts are written all or none: every chart is rendered and written
// to a temporary file in dir first, and only when all of them are whole
// are they renamed into place, after a check that no destination is a
// directory. On an error no chart file has been created or replaced, no
// temporary file is left, and the paths returned are nil. The one
// exception is a rename failing once others have succeeded (dir changed
// by someone else meanwhile): the error then says which charts were
// already replaced, and the paths returned are theirs.
func WriteCharts(dir string, rec *placement.Recommendation, opts Options) ([]string, error) {
	figs, err := Figures(rec, opts)
	if err != nil {
		return nil, err
	}
	exts := []string{".svg"}
	if opts.PNG {
		exts = append(exts, ".png")
	}
	// Render everything first: a chart that cannot be drawn touches no
	// file.
	type chartFile struct {
		path string
		data []byte
	}
	var files []chartFile
	for _, f := range figs {
		for _, ext := range exts {
			var buf bytes.Buffer
			write := f.Chart.WriteSVG
			if ext == ".png" {
				write = f.Chart.WritePNG
			}
			p := filepath.Join(dir, f.Name+ext)
			if err := write(&buf); err != nil {
				return nil, fmt.Errorf("report: %s: %w", p, err)
			}
			files = append(files, chartFile{p, buf.Bytes()})
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	pending := make([]*atomicfile.Pending, 0, len(files))
	discard := func() {
		for _, p := range pending {
			p.Discard()
		}
	}
	for _, f := range files {
		if st, err := os.Stat(f.path); err == nil && st.IsDir() {
			discard()
			return nil, fmt.Errorf("report: %s: is a directory, not a file", f.path)
		}
		p, err := atomicfile.Prepare(f.path, 0o644, func(w io.Writer) error {
			_, err := w.Write(f.data)
			return err
		})
		if err != nil {
			discard()
			return nil, fmt.Errorf("report: %s: %w", f.path, err)
		}
		pending = append(pending, p)
	}
	paths := make([]string, 0, len(files))
	for i, p := range pending {
		if err := p.Commit(); err != nil {
			pending = pending[i+1:]
			discard()
			if i == 0 {
				return nil, fmt.Errorf("report: %s: %w", files[i].path, err)
			}
			return paths, fmt.Errorf("report: %s: %w (the charts before it were already replaced: %s)", files[i].path, err, strings.Join(paths, ", "))
		}
		paths = append(paths, files[i].path)
	}
	return paths, nil
}
