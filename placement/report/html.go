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

// figView is a chart rendered for inline use in HTML.
type figView struct {
	Name, Caption string
	SVG           template.HTML
}

// writeHTML renders the view with its charts inlined as SVG.
func writeHTML(w io.Writer, v *view, figs []Figure) error {
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
	if err := t.Execute(&out, struct{ V *view }{v}); err != nil {
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
