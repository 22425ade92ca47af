package chart

import (
	"image/color"
)

// okabeIto is the colour-blind-safe qualitative palette of Okabe & Ito
// (2008), "Color Universal Design (CUD): how to make figures and
// presentations that are friendly to colorblind people",
// https://jfly.uni-koeln.de/color/ — in the order used for data series
// (black is kept for text and reference marks). The colours stay apart
// under protanopia, deuteranopia and tritanopia.
var okabeIto = [...]color.NRGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
	{0x00, 0x00, 0x00, 0xFF}, // black
}

// Named colours of the palette used for single-series charts and marks.
var (
	colBlue       = okabeIto[0]
	colOrange     = okabeIto[1]
	colVermillion = okabeIto[5]
	colText       = color.NRGBA{0x1A, 0x1A, 0x1A, 0xFF}
	colGrid       = color.NRGBA{0xD9, 0xD9, 0xD9, 0xFF}
	colMuted      = color.NRGBA{0x70, 0x70, 0x70, 0xFF}
	colWhite      = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

// seriesColor returns the colour of data series i: the eight Okabe–Ito
// colours, then the same colours lightened halfway to white, then again
// from the start. Series beyond the eighth are also told apart by their
// dash pattern or glyph (see seriesDashes and seriesGlyph), so colour is
// never the only cue.
func seriesColor(i int) color.NRGBA {
	n := len(okabeIto)
	c := okabeIto[i%n]
	if (i/n)%2 == 1 {
		c = mix(c, colWhite, 0.5)
	}
	return c
}

// mix returns a + t·(b − a) per channel, for t in [0, 1].
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	lerp := func(x, y uint8) uint8 { return uint8(float64(x) + t*(float64(y)-float64(x)) + 0.5) }
	return color.NRGBA{lerp(a.R, b.R), lerp(a.G, b.G), lerp(a.B, b.B), 0xFF}
}

// ramp returns the colour of share v in [0, 1] on a single-hue sequential
// scale from white to a dark Okabe–Ito blue. A lightness ramp in one hue is
// read the same way by every type of colour vision and survives greyscale
// printing.
func ramp(v float64) color.NRGBA {
	v = clamp01(v)
	dark := color.NRGBA{0x00, 0x4A, 0x80, 0xFF} // Okabe–Ito blue, darkened
	if v <= 0.6 {
		return mix(colWhite, colBlue, v/0.6)
	}
	return mix(colBlue, dark, (v-0.6)/0.4)
}

// rampText returns a text colour that contrasts with ramp(v).
func rampText(v float64) color.NRGBA {
	if v >= 0.45 {
		return colWhite
	}
	return colText
}

func clamp01(v float64) float64 {
	switch {
	case v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}
