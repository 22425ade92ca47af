package report_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement/report"
)

// chromium runs Debian's headless Chromium on a file with the given extra
// flags, isolated from the network and any profile, and returns what it
// wrote to standard output (the DOM, with --dump-dom); it skips the test
// when Chromium is not installed.
func chromium(t *testing.T, page string, flags ...string) []byte {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium is not installed: skipping the browser rendering test (apt-get install chromium to run it)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "chromium failed:\n%s", stderr.String())
	return stdout.Bytes()
}

func writeReport(t *testing.T) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "report.html")
	require.NoError(t, os.WriteFile(page, render(t, recommend(t), report.Options{Subtitle: "Prepared for the board"}), 0o644))
	return page
}

// TestBrowserScreenshot opens the report in a real browser and checks that
// the first A4-sized screen (1240×1754 pixels, A4 at 150 dpi) is a rendered
// page, not a blank or an error page.
func TestBrowserScreenshot(t *testing.T) {
	page := writeReport(t)
	shot := filepath.Join(t.TempDir(), "report.png")
	chromium(t, page, "--hide-scrollbars", "--window-size=1240,1754", "--screenshot="+shot)

	f, err := os.Open(shot)
	require.NoError(t, err, "no screenshot written")
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 1240, 1754), img.Bounds())

	colours := map[uint32]bool{}
	dark, total := 0, 0
	orange := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			colours[r<<16|g<<8|bl] = true
			total++
			if r+g+bl < 3*160 {
				dark++ // text, rules and filled shapes
			}
			// The verdict box's border is Okabe–Ito orange (#E69F00).
			if r > 0xD0 && g > 0x90 && g < 0xB0 && bl < 0x20 {
				orange = true
			}
		}
	}
	t.Logf("screenshot: %d distinct colours, %.1f%% dark pixels", len(colours), 100*float64(dark)/float64(total))
	assert.Greater(t, len(colours), 50, "a rendered page has anti-aliased text in many shades")
	assert.Greater(t, float64(dark)/float64(total), 0.01, "the page is not blank")
	assert.Less(t, float64(dark)/float64(total), 0.5, "the page is not an error or a black screen")
	assert.True(t, orange, "the recommended structure's orange mark is visible")
}

// TestBrowserPrint prints the report to PDF as a reader would and checks
// that it fits on a handful of A4 pages.
func TestBrowserPrint(t *testing.T) {
	page := writeReport(t)
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	chromium(t, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	require.NoError(t, err, "no PDF written")
	pages := len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(data, -1))
	t.Logf("printed on %d A4 pages", pages)
	assert.GreaterOrEqual(t, pages, 4)
	assert.LessOrEqual(t, pages, 12)
	assert.Regexp(t, `/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]`, string(data), "A4 pages (595 × 842 pt)")
}
