package report

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
)

//go:embed report.html.tmpl
var htmlSource string

// FragmentClass is the class of the element that [HTMLFragment] writes
// around the report; every rule of the fragment's style sheet starts with
// it, so a host page's own styles and the report's do not meet.
const FragmentClass = "socialseat-report"

// fragmentIDPrefix prefixes the fragment's element IDs ("summary",
// "fig-ranking", …), which are common words a host page may use too.
const fragmentIDPrefix = FragmentClass + "-"

// figView is a chart rendered for inline use in HTML.
type figView struct {
	Name, Caption, ID string
	SVG               template.HTML
}

// htmlData is what the template renders: the view, and how its style
// sheet and element IDs are scoped. A document styles the page itself
// (Root is :root, Top is html, S is empty); a fragment scopes every rule
// under FragmentClass and prefixes its IDs.
type htmlData struct {
	V            *view
	Root, Top, S template.CSS
	P            string
	Fragment     bool
}

// writeHTML renders the view with its charts inlined as SVG, as a whole
// document or, when fragment is true, as an embeddable fragment.
func writeHTML(w io.Writer, v *view, figs []Figure, fragment bool) error {
	d := htmlData{V: v, Root: ":root", Top: "html", Fragment: fragment}
	if fragment {
		d.Root, d.Top, d.S, d.P = "."+FragmentClass, "."+FragmentClass, "."+FragmentClass+" ", fragmentIDPrefix
	}
	inline := map[string]*figView{}
	for _, f := range figs {
		var buf bytes.Buffer
		if err := f.Chart.WriteSVG(&buf); err != nil {
			return fmt.Errorf("report: %s chart: %w", f.Name, err)
		}
		svg, err := inlineSVG(buf.Bytes())
		if err != nil {
			return fmt.Errorf("report: %s chart: %w", f.Name, err)
		}
		inline[f.Name] = &figView{
			Name:    f.Name,
			Caption: f.Caption,
			ID:      d.P + "fig-" + f.Name,
			// The SVG comes from package chart, which escapes all text it
			// draws; it has no scripts, links or external references.
			SVG: template.HTML(svg),
		}
	}
	t, err := template.New("report").Funcs(template.FuncMap{
		"fig": func(name string) *figView { return inline[name] },
	}).Parse(htmlSource)
	if err != nil {
		return fmt.Errorf("report: template: %w", err)
	}
	var out bytes.Buffer
	name := "report"
	if fragment {
		name = "fragment"
	}
	if err := t.ExecuteTemplate(&out, name, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(out.Bytes())
	return err
}

// inlineSVG returns an SVG document without its XML declaration and
// leading comments, ready to sit inside HTML.
func inlineSVG(doc []byte) ([]byte, error) {
	i := bytes.Index(doc, []byte("<svg"))
	if i < 0 {
		return nil, errors.New("the chart has no <svg> element")
	}
	return bytes.TrimSpace(doc[i:]), nil
}
