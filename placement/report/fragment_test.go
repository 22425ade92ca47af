package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/socialseat/socialseat/placement/report"
)

func fragment(t testing.TB, o report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.HTMLFragment(&buf, recommend(t), o))
	return buf.Bytes()
}

// TestHTMLFragmentShape checks that the fragment is one article element
// with its own style sheet first, and nothing of a document around it.
func TestHTMLFragmentShape(t *testing.T) {
	t.Parallel()
	out := fragment(t, report.Options{Subtitle: "Prepared for the board"})
	s := string(out)
	assert.True(t, strings.HasPrefix(s, `<article class="`+report.FragmentClass+`">`), "starts with the article: %.80q", s)
	assert.True(t, strings.HasSuffix(s, "</article>\n"), "ends with the article")
	for _, doc := range []string{"<!DOCTYPE", "<html", "<head>", "<body", "</body>", "</html>", "<title", "<meta", "@page"} {
		assert.False(t, strings.Contains(s, doc), "the fragment contains %q", doc)
	}

	nodes, err := html.ParseFragment(bytes.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	require.NoError(t, err)
	var elems []*html.Node
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			elems = append(elems, n)
		} else if n.Type == html.TextNode {
			assert.Empty(t, strings.TrimSpace(n.Data), "text outside the article")
		}
	}
	require.Len(t, elems, 1, "one top-level element")
	art := elems[0]
	assert.Equal(t, "article", art.Data)
	first := art.FirstChild
	for first != nil && first.Type != html.ElementNode {
		first = first.NextSibling
	}
	require.NotNil(t, first)
	assert.Equal(t, "style", first.Data, "the style sheet comes first")

	// Every element ID is prefixed, and none repeats.
	seen := map[string]bool{}
	walk(art, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				assert.True(t, strings.HasPrefix(a.Val, report.FragmentClass+"-"), "id %q is not prefixed", a.Val)
				assert.False(t, seen[a.Val], "id %q repeats", a.Val)
				seen[a.Val] = true
			}
		}
	})
	assert.Contains(t, seen, report.FragmentClass+"-summary")
	assert.Contains(t, seen, report.FragmentClass+"-fig-ranking")
}

// TestHTMLFragmentStyleScoped reads every rule of the fragment's style
// sheet: each selector must start with the article's class, so that the
// report cannot restyle the page it is placed in.
func TestHTMLFragmentStyleScoped(t *testing.T) {
	t.Parallel()
	s := string(fragment(t, report.Options{}))
	i, j := strings.Index(s, "<style>"), strings.Index(s, "</style>")
	require.True(t, i >= 0 && j > i)
	sels := selectors(t, s[i+len("<style>"):j])
	require.Greater(t, len(sels), 30, "the whole style sheet was read")
	for _, sel := range sels {
		assert.True(t, sel == "."+report.FragmentClass || strings.HasPrefix(sel, "."+report.FragmentClass+" "),
			"selector %q is not scoped to the report", sel)
	}
	// The document, by contrast, styles the page.
	doc := string(render(t, recommend(t), report.Options{}))
	i, j = strings.Index(doc, "<style>"), strings.Index(doc, "</style>")
	assert.Contains(t, selectors(t, doc[i+len("<style>"):j]), "body")
}

// selectors returns the selectors of every style rule in css, descending
// into @media blocks and skipping other at-rules' preludes.
func selectors(t testing.TB, css string) []string {
	t.Helper()
	var out []string
	var scan func(s string) string
	scan = func(s string) string {
		for {
			s = strings.TrimLeft(s, " \t\n")
			if s == "" || s[0] == '}' {
				return s
			}
			open := strings.IndexByte(s, '{')
			require.GreaterOrEqual(t, open, 0, "unterminated rule %q", s)
			prelude := strings.TrimSpace(s[:open])
			rest := s[open+1:]
			if strings.HasPrefix(prelude, "@") {
				rest = scan(rest) // nested rules (or declarations of @page)
			} else {
				for _, sel := range strings.Split(prelude, ",") {
					out = append(out, strings.TrimSpace(sel))
				}
				end := strings.IndexByte(rest, '}')
				require.GreaterOrEqual(t, end, 0)
				rest = rest[end:]
			}
			require.True(t, strings.HasPrefix(rest, "}"), "unbalanced braces near %.40q", rest)
			s = rest[1:]
		}
	}
	rest := scan(css)
	assert.Empty(t, strings.TrimSpace(rest), "text after the last rule")
	return out
}

// TestHTMLFragmentSameText holds the fragment to the document: the reader
// sees the same words in both.
func TestHTMLFragmentSameText(t *testing.T) {
	t.Parallel()
	o := report.Options{Subtitle: "Prepared for <the board>", Coefficients: true}
	docText := elementText(t, render(t, recommend(t), o), "body")
	fragText := elementText(t, fragment(t, o), "article")
	require.NotEmpty(t, docText)
	assert.Equal(t, docText, fragText)
	assert.Contains(t, fragText, "Prepared for <the board>")
}

// elementText returns the text of the first element named tag, without the
// contents of style elements, with runs of white space folded.
func elementText(t testing.TB, page []byte, tag string) string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	var el *html.Node
	walk(root, func(n *html.Node) {
		if el == nil && n.Type == html.ElementNode && n.Data == tag {
			el = n
		}
	})
	require.NotNil(t, el, "no <%s>", tag)
	var b strings.Builder
	var add func(n *html.Node)
	add = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "style" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			add(c)
		}
	}
	add(el)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestHTMLFragmentErrors(t *testing.T) {
	t.Parallel()
	assert.ErrorIs(t, report.HTMLFragment(&bytes.Buffer{}, nil, report.Options{}), report.ErrEmpty)
	assert.ErrorIs(t, report.HTMLFragment(&bytes.Buffer{}, recommend(t), report.Options{Top: -1}), report.ErrOptions)
	boom := assert.AnError
	assert.ErrorIs(t, report.HTMLFragment(failWriter{boom}, recommend(t), report.Options{}), boom)
}

// TestBrowserFragmentInHostPage places the fragment in a host page with
// styles of its own and asks a real browser for the computed styles: the
// host's headings and tables keep theirs, the report's get the report's.
func TestBrowserFragmentInHostPage(t *testing.T) {
	var page bytes.Buffer
	page.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>body { font-family: serif; } h2 { color: rgb(200, 0, 0); }</style></head><body>
<h2 id="host-h2">The host's heading</h2>
<table id="host-table"><tr><td>host cell</td></tr></table>
`)
	page.Write(fragment(t, report.Options{}))
	page.WriteString(`<pre id="out"></pre>
<script>
const cs = el => getComputedStyle(el);
const r = document.querySelector('.` + report.FragmentClass + `');
document.getElementById('out').textContent = JSON.stringify({
  hostH2Border: cs(document.getElementById('host-h2')).borderBottomStyle,
  hostTable: cs(document.getElementById('host-table')).borderCollapse,
  hostFont: cs(document.body).fontFamily,
  reportH2Border: cs(r.querySelector('h2')).borderBottomStyle,
  reportH2Color: cs(r.querySelector('h2')).color,
  reportTable: cs(r.querySelector('table')).borderCollapse,
  reportFont: cs(r).fontFamily,
});
</script></body></html>
`)
	file := filepath.Join(t.TempDir(), "host.html")
	require.NoError(t, os.WriteFile(file, page.Bytes(), 0o644))
	dom := chromium(t, file, "--dump-dom")
	m := regexp.MustCompile(`<pre id="out">(.*?)</pre>`).FindSubmatch(dom)
	require.NotNil(t, m, "the page's script did not run")
	var got map[string]string
	require.NoError(t, json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got))
	t.Logf("computed styles: %v", got)
	assert.Equal(t, "none", got["hostH2Border"], "the report's h2 rule reached the host's heading")
	assert.Equal(t, "separate", got["hostTable"], "the report's table rule reached the host's table")
	assert.Equal(t, "serif", got["hostFont"], "the report changed the host page's font")
	assert.Equal(t, "solid", got["reportH2Border"])
	assert.Equal(t, "rgb(200, 0, 0)", got["reportH2Color"], "the host's styles still reach into the report, as documented")
	assert.Equal(t, "collapse", got["reportTable"])
	assert.Contains(t, got["reportFont"], "Liberation Sans")
}
