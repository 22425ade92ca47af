package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/socialseat/socialseat/internal/atomicfile"
)

// Defaults used when an [Options] field is zero.
const (
	// DefaultWidth is 16 cm, the text width of an A4 page with 2.5 cm
	// margins.
	DefaultWidth = 16 * vg.Centimeter
	// DefaultFontSize is the size of labels; titles are a third larger.
	DefaultFontSize = 9 * vg.Length(1)
	// DefaultDPI is the PNG resolution: twice the CSS pixel density, so a
	// 16 cm chart is 907 pixels wide and stays sharp on high-density
	// screens.
	DefaultDPI = 144
	// DefaultMaxLabelLines is the number of lines a category label may
	// wrap to before the chart switches to letter codes and a key.
	DefaultMaxLabelLines = 3
)

// Limits on [Options]. A chart larger than MaxSize in either direction, or
// a PNG of more than MaxPixels, is refused with [ErrOptions] rather than
// allocated.
const (
	// MaxSize is the largest width or height, 200 inches (the PDF limit).
	MaxSize = 200 * vg.Inch
	// MaxPixels is the most pixels a PNG may have (32 Mi, 128 MiB of RGBA).
	MaxPixels = 1 << 25
	// MaxDPI is the highest PNG resolution.
	MaxDPI = 1200
)

// Options controls how a chart looks. The zero value gives the documented
// defaults; every field is optional. Options are passed by value and never
// retained.
type Options struct {
	// Title replaces the chart's default title.
	Title string
	// HideTitle drops the title, for example when the chart sits under a
	// heading of its own.
	HideTitle bool
	// Width is the chart's width; zero means DefaultWidth.
	Width vg.Length
	// Height is the chart's height; zero fits the height to the content
	// (the number of alternatives or criteria, the label lines and the
	// legend).
	Height vg.Length
	// FontSize is the size of the labels; zero means DefaultFontSize.
	FontSize vg.Length
	// LabelWidth is the widest a line of a category label (an alternative
	// or criterion name) may be before it wraps; zero means a third of the
	// width, and more than half the width is cut to half.
	LabelWidth vg.Length
	// MaxLabelLines is how many lines a category label may wrap to; zero
	// means DefaultMaxLabelLines. If any label needs more, every label of
	// that axis is replaced by a letter code (A, B, …) and the full names
	// are listed in a key under the chart.
	MaxLabelLines int
	// Limit is the most alternatives a chart shows; zero means all.
	// Ranking and Contributions keep the best Limit, Acceptability the
	// Limit most acceptable (and that many rank columns), Sensitivity the
	// best Limit at the base weight. Weights ignores it.
	Limit int
	// DPI is the resolution of PNG output; zero means DefaultDPI. It does
	// not affect SVG output.
	DPI int
	// EmbedFonts embeds the Liberation Sans font in SVG output (about
	// 0.5 MB per font face), so the SVG renders with the exact metrics it
	// was laid out with on any machine. Without it the SVG names Liberation
	// Sans with the metric-compatible fallbacks Arial, Helvetica and
	// sans-serif.
	EmbedFonts bool
}

// resolve checks o and fills in the defaults.
func (o Options) resolve() (Options, error) {
	bad := func(field string, v any) error {
		return &DataError{Path: "options." + field, Row: -1, Col: -1, Err: ErrOptions, Detail: fmt.Sprint(v)}
	}
	switch {
	case o.Width < 0 || o.Width > MaxSize || isNaN(o.Width):
		return o, bad("Width", o.Width)
	case o.Height < 0 || o.Height > MaxSize || isNaN(o.Height):
		return o, bad("Height", o.Height)
	case o.FontSize < 0 || o.FontSize > 72 || isNaN(o.FontSize):
		return o, bad("FontSize", o.FontSize)
	case o.LabelWidth < 0 || isNaN(o.LabelWidth):
		return o, bad("LabelWidth", o.LabelWidth)
	case o.MaxLabelLines < 0:
		return o, bad("MaxLabelLines", o.MaxLabelLines)
	case o.Limit < 0:
		return o, bad("Limit", o.Limit)
	case o.DPI < 0 || o.DPI > MaxDPI:
		return o, bad("DPI", o.DPI)
	}
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.FontSize == 0 {
		o.FontSize = DefaultFontSize
	}
	switch {
	case o.LabelWidth == 0:
		o.LabelWidth = o.Width / 3
	case o.LabelWidth > o.Width/2:
		o.LabelWidth = o.Width / 2
	}
	if o.MaxLabelLines == 0 {
		o.MaxLabelLines = DefaultMaxLabelLines
	}
	if o.DPI == 0 {
		o.DPI = DefaultDPI
	}
	if o.Width < 20*o.FontSize {
		return o, bad("Width", fmt.Sprintf("%v is too narrow for %v text", o.Width, o.FontSize))
	}
	return o, nil
}

func isNaN(l vg.Length) bool { return math.IsNaN(float64(l)) }

// Chart is a figure ready to render: a gonum/plot plot plus a legend and,
// where names were abbreviated, a key, laid out on a canvas of a fixed size.
// Build one with [Ranking], [Contributions], [Acceptability],
// [Sensitivity] or [Weights], then write it with [Chart.WriteSVG],
// [Chart.WritePNG] or [Chart.Save].
//
// Rendering does not change the chart, so a chart can be written any number
// of times and gives the same bytes each time. A chart is not safe for
// concurrent use; build one per goroutine.
type Chart struct {
	title  string
	plot   *plot.Plot
	st     styles
	opts   Options
	width  vg.Length
	height vg.Length

	legend  []legendEntry
	key     []keyEntry
	bottomH vg.Length // height of the legend and key block
	placed  []placedEntry
}

// Plot returns the underlying gonum/plot plot, for callers who want to
// restyle it before rendering. Changes made to it show in the chart's
// output; the legend and key drawn under the plot are not part of it.
func (c *Chart) Plot() *plot.Plot { return c.plot }

// Title returns the chart's title (empty if hidden). Long titles contain
// line breaks where they wrap.
func (c *Chart) Title() string { return c.title }

// Size returns the chart's width and height.
func (c *Chart) Size() (width, height vg.Length) { return c.width, c.height }

// PixelSize returns the size in pixels of the chart's PNG output: its size
// in inches times Options.DPI, rounded.
func (c *Chart) PixelSize() (width, height int) {
	dpi := vg.Length(c.opts.DPI)
	return int(c.width/vg.Inch*dpi + 0.5), int(c.height/vg.Inch*dpi + 0.5)
}

// WriteSVG writes the chart as an SVG document. The output is
// deterministic: the same chart gives the same bytes. Text is escaped for
// XML; font families are "Liberation Sans" with the metric-compatible
// fallbacks Arial, Helvetica and sans-serif, and the font itself is
// embedded if Options.EmbedFonts is set.
func (c *Chart) WriteSVG(w io.Writer) error {
	cv := vgsvg.NewWith(vgsvg.UseWH(c.width, c.height), vgsvg.EmbedFonts(c.opts.EmbedFonts))
	c.draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return fmt.Errorf("chart: svg: %w", err)
	}
	// vgsvg names only the font's own family; add fallbacks with the same
	// metrics so the layout holds where Liberation is not installed. The
	// pattern only occurs in style attributes (text content has its quotes
	// escaped).
	out := bytes.ReplaceAll(buf.Bytes(),
		[]byte(`style="font-family:Liberation Sans;`),
		[]byte(`style="font-family:'Liberation Sans',Arial,Helvetica,sans-serif;`))
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("chart: svg: %w", err)
	}
	return nil
}

// WritePNG writes the chart as a PNG image of [Chart.PixelSize] pixels on a
// white background. The output is deterministic.
func (c *Chart) WritePNG(w io.Writer) error {
	pw, ph := c.PixelSize()
	if int64(pw)*int64(ph) > MaxPixels {
		return &DataError{Path: "options.DPI", Row: -1, Col: -1, Err: ErrOptions,
			Detail: fmt.Sprintf("%d×%d pixels exceed the limit of %d", pw, ph, MaxPixels)}
	}
	cv := vgimg.NewWith(vgimg.UseWH(c.width, c.height), vgimg.UseDPI(c.opts.DPI),
		vgimg.UseBackgroundColor(color.White))
	c.draw(draw.New(cv))
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(w); err != nil {
		return fmt.Errorf("chart: png: %w", err)
	}
	return nil
}

// Save writes the chart to a file whose format is chosen by its extension:
// ".svg" or ".png" (in any case). Other extensions give [ErrFormat] and
// create no file. The file (mode 0644) is written to a temporary file in
// the same directory and renamed into place, so a failed save leaves no
// partial file.
func (c *Chart) Save(path string) error {
	var write func(io.Writer) error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".svg":
		write = c.WriteSVG
	case ".png":
		write = c.WritePNG
	default:
		return fmt.Errorf("%w: %q (want .svg or .png)", ErrFormat, ext)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes(), 0o644)
}

// Layout constants.
const (
	margin     = 8 * vg.Length(1)
	swatchW    = 14 * vg.Length(1)
	swatchGap  = 4 * vg.Length(1)
	columnGap  = 14 * vg.Length(1)
	blockGap   = 10 * vg.Length(1)
	keyCodeGap = 6 * vg.Length(1)
)

// draw renders the chart on dc.
func (c *Chart) draw(dc draw.Canvas) {
	dc.SetColor(colWhite)
	dc.Fill(dc.Rectangle.Path())
	inner := draw.Crop(dc, margin, -margin, margin, -margin)
	area := inner
	if c.bottomH > 0 {
		area = draw.Crop(inner, 0, 0, c.bottomH+blockGap, 0)
	}
	c.plot.Draw(area)
	if c.bottomH == 0 {
		return
	}
	top := inner.Min.Y + c.bottomH
	for _, p := range c.placed {
		x, y := inner.Min.X+p.x, top-p.y
		if p.entry != nil {
			h := c.st.fontSize
			r := vg.Rectangle{
				Min: vg.Point{X: x, Y: y - h*0.9},
				Max: vg.Point{X: x + swatchW, Y: y - h*0.1},
			}
			sub := draw.Canvas{Canvas: inner.Canvas, Rectangle: r}
			p.entry.thumb(&sub)
			inner.FillText(c.st.label(colText, draw.XLeft, draw.YTop), vg.Point{X: x + swatchW + swatchGap, Y: y}, p.text)
			continue
		}
		inner.FillText(c.st.label(colText, draw.XLeft, draw.YTop), vg.Point{X: x, Y: y}, p.text)
	}
}

// styles holds the fonts of one chart. Each chart has its own font cache
// so that no package-level state of gonum/plot is used or changed.
type styles struct {
	handler  text.Plain
	fontSize vg.Length
}

func newStyles(size vg.Length) styles {
	return styles{
		handler:  text.Plain{Fonts: font.NewCache(liberation.Collection())},
		fontSize: size,
	}
}

func (s styles) font(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

// label returns the style of ordinary label text.
func (s styles) label(col color.Color, xa text.XAlignment, ya text.YAlignment) text.Style {
	return text.Style{Color: col, Font: s.font(s.fontSize, false), XAlign: xa, YAlign: ya, Handler: s.handler}
}

// width measures s in the label font.
func (s styles) width(str string) vg.Length {
	return s.label(colText, draw.XLeft, draw.YTop).Width(str)
}

// newPlot returns a plot styled for this package: sans-serif fonts from
// the chart's own cache, no background (the chart paints one), muted axes.
func newPlot(st styles, title string) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	p.TextHandler = st.handler
	p.Title.Text = title
	p.Title.TextStyle = text.Style{
		Color: colText, Font: st.font(st.fontSize*4/3, true),
		XAlign: draw.XCenter, YAlign: draw.YTop, Handler: st.handler,
	}
	p.Title.Padding = st.fontSize
	p.Legend.TextStyle = st.label(colText, draw.XLeft, draw.YBottom)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = text.Style{
			Color: colText, Font: st.font(st.fontSize, false),
			XAlign: draw.XCenter, YAlign: draw.YBottom, Handler: st.handler,
		}
		a.Tick.Label.Font = st.font(st.fontSize, false)
		a.Tick.Label.Color = colText
		a.Tick.Label.Handler = st.handler
		a.LineStyle = draw.LineStyle{Color: colMuted, Width: 0.5}
		a.Tick.LineStyle = draw.LineStyle{Color: colMuted, Width: 0.5}
		a.Tick.Length = 3
	}
	return p
}

// frame collects what a chart constructor builds before the layout is
// fixed by finish.
type frame struct {
	opts   Options
	st     styles
	title  string
	plot   *plot.Plot
	legend []legendEntry
	key    []keyEntry
	// rows and rowH give the natural height of the data area for
	// categorical charts; plotH is used instead when rows is zero.
	rows  int
	rowH  vg.Length
	plotH vg.Length
}

func newFrame(opts Options, defaultTitle string) (*frame, error) {
	o, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	f := &frame{opts: o, st: newStyles(o.FontSize)}
	if !o.HideTitle {
		t := defaultTitle
		if o.Title != "" {
			t = o.Title
		}
		titleStyle := text.Style{Font: f.st.font(o.FontSize*4/3, true), Handler: f.st.handler}
		f.title = strings.Join(wrap(t, o.Width-2*margin, titleStyle.Width), "\n")
	}
	f.plot = newPlot(f.st, f.title)
	return f, nil
}

// categories turns names into axis labels: wrapped to LabelWidth, or, if
// any name needs more than MaxLabelLines lines, letter codes with the full
// names added to the key. It returns the labels and the most lines any
// label has.
func (f *frame) categories(names []string) (labels []string, lines int) {
	labels = make([]string, len(names))
	wrapped := make([][]string, len(names))
	for i, n := range names {
		wrapped[i] = wrap(n, f.opts.LabelWidth, f.st.width)
		lines = max(lines, len(wrapped[i]))
	}
	if lines <= f.opts.MaxLabelLines {
		for i, w := range wrapped {
			labels[i] = strings.Join(w, "\n")
		}
		return labels, lines
	}
	for i, n := range names {
		labels[i] = code(i)
		f.key = append(f.key, keyEntry{code: labels[i], text: n})
	}
	return labels, 1
}

// categoryAxisY puts labels on the Y axis at 0 … n−1, the first label at
// the top.
func (f *frame) categoryAxisY(labels []string) {
	n := len(labels)
	ticks := make([]plot.Tick, n)
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: l}
	}
	p := f.plot
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	p.Y.Width = 0
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
}

// rowHeight returns the height of a category row whose label has the
// given number of lines, at least minH.
func (f *frame) rowHeight(lines int, minH vg.Length) vg.Length {
	return max(minH, vg.Length(lines)*f.st.fontSize+f.st.fontSize*1.4)
}

// finish lays out the legend and key and fixes the chart's size.
func (f *frame) finish() (*Chart, error) {
	c := &Chart{
		title: f.title,
		plot:  f.plot,
		st:    f.st,
		opts:  f.opts,
		width: f.opts.Width,
	}
	c.legend = f.legend
	c.key = f.key
	contentW := c.width - 2*margin
	c.placed, c.bottomH = layoutBottom(f.st, f.legend, f.key, contentW)

	titleH := titleHeight(f)
	xAxisH := 3.2*f.st.fontSize + 12
	dataH := f.plotH
	if f.rows > 0 {
		dataH = vg.Length(f.rows) * f.rowH
	}
	bottom := vg.Length(0)
	if c.bottomH > 0 {
		bottom = c.bottomH + blockGap
	}
	minH := titleH + xAxisH + bottom + 2*margin + 4*f.st.fontSize
	if f.opts.Height > 0 {
		c.height = f.opts.Height
	} else {
		c.height = max(dataH+titleH+xAxisH+bottom+2*margin, minH)
	}
	if c.height > MaxSize {
		return nil, &DataError{Path: "options.Height", Row: -1, Col: -1, Err: ErrOptions,
			Detail: fmt.Sprintf("the chart would be %.0f pt high; the limit is %.0f pt", float64(c.height), float64(MaxSize))}
	}
	if c.height < minH {
		return nil, &DataError{Path: "options.Height", Row: -1, Col: -1, Err: ErrOptions,
			Detail: fmt.Sprintf("%.0f pt leaves no room for the plot; need at least %.0f pt", float64(c.height), float64(minH))}
	}
	return c, nil
}

// legendEntry is one item of the legend under the plot: a thumbnail that
// draws the series' mark in a small rectangle, and its label.
type legendEntry struct {
	label string
	thumb func(c *draw.Canvas)
}

// keyEntry pairs a letter code used on an axis with the full name.
type keyEntry struct {
	code, text string
}

// placedEntry is a piece of text (with its legend entry, if any) at an
// offset from the top-left corner of the bottom block.
type placedEntry struct {
	x, y  vg.Length
	text  string
	entry *legendEntry
}

// layoutBottom places the legend in as many equal columns as fit the
// width, row by row, and the key under it, one name per line with a
// hanging indent. It returns the placements and the block's height.
func layoutBottom(st styles, legend []legendEntry, key []keyEntry, width vg.Length) ([]placedEntry, vg.Length) {
	var placed []placedEntry
	y := vg.Length(0)
	lineH := st.fontSize * 1.0
	if len(legend) > 0 {
		textMax := min(width-swatchW-swatchGap, max(width/2-swatchW-swatchGap-columnGap, 10*st.fontSize))
		texts := make([]string, len(legend))
		colW := vg.Length(0)
		for i, e := range legend {
			lines := wrap(e.label, textMax, st.width)
			texts[i] = strings.Join(lines, "\n")
			for _, l := range lines {
				colW = max(colW, swatchW+swatchGap+st.width(l))
			}
		}
		cols := max(1, min(len(legend), int((width+columnGap)/(colW+columnGap))))
		colStep := (width + columnGap) / vg.Length(cols)
		for r := 0; r*cols < len(legend); r++ {
			rowLines := 1
			for k := r * cols; k < min(len(legend), (r+1)*cols); k++ {
				placed = append(placed, placedEntry{
					x: vg.Length(k-r*cols) * colStep, y: y,
					text: texts[k], entry: &legend[k],
				})
				rowLines = max(rowLines, strings.Count(texts[k], "\n")+1)
			}
			y += vg.Length(rowLines)*lineH + st.fontSize*0.5
		}
	}
	if len(key) > 0 {
		if y > 0 {
			y += st.fontSize * 0.5
		}
		codeW := vg.Length(0)
		for _, k := range key {
			codeW = max(codeW, st.width(k.code))
		}
		for _, k := range key {
			lines := wrap(k.text, width-codeW-keyCodeGap, st.width)
			placed = append(placed,
				placedEntry{x: 0, y: y, text: k.code},
				placedEntry{x: codeW + keyCodeGap, y: y, text: strings.Join(lines, "\n")})
			y += vg.Length(len(lines))*lineH + st.fontSize*0.3
		}
	}
	return placed, y
}
