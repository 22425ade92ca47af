package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/socialseat/socialseat/scoring"
)

// chromiumPath returns the Chromium binary, or skips the test when there
// is none (CI installs Debian's chromium).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium is not installed: skipping the browser test (apt-get install chromium to run it)")
	return ""
}

// screenshotFile is the README's picture of the facilitator page, written
// by TestBrowserWorkshop when run with -update.
const screenshotFile = "screenshot.png"

// TestBrowserWorkshop drives headless Chromium through a workshop: create
// the engagement, fill the profile, read the recommendation, add two
// stakeholders who answer in their own pages, see the group ranking and the
// outlier on the facilitator's page, walk a weight, compare two versions
// and export the decision and the report. It asserts on the rendered pages
// and saves a screenshot of the facilitator's page for the README.
func TestBrowserWorkshop(t *testing.T) {
	bin := chromiumPath(t)
	h := newHarness(t, "", false)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	// waitFor polls a JavaScript condition across page loads (a form
	// submission navigates, which ends a chromedp.Poll).
	waitFor := func(js string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %s; page:\n%s", js, eval("document.body.innerText"))
	}
	text := func(sel string) string {
		t.Helper()
		return eval(fmt.Sprintf("(document.querySelector(%q) || {innerText: ''}).innerText", sel))
	}

	// Create the engagement.
	do("create", chromedp.Navigate(h.srv.URL+"/"), chromedp.WaitVisible("#name"),
		chromedp.SendKeys("#name", "Nordbank workshop"), chromedp.Click("#create"))
	waitFor(`!!document.querySelector("#profile-link")`)
	base := eval("location.pathname")

	// The profile: a wrong value first, shown beside its field and kept.
	do("profile", chromedp.WaitVisible("#profile-link"), chromedp.Click("#profile-link"), chromedp.WaitVisible("#f-employees"),
		chromedp.SendKeys("#f-name", "Nordbank"), chromedp.SendKeys("#f-employees", "eight thousand"),
		chromedp.SendKeys("#f-countries", "3"), chromedp.Click("#save-profile"))
	waitFor(`!!document.querySelector('[data-field="employees"]')`)
	if got := eval(`document.querySelector("#f-countries").value`); got != "3" {
		t.Errorf("typed countries not kept: %q", got)
	}
	eval(`document.querySelector("#f-employees").value = ""; ""`)
	eval(`document.querySelector("#f-regulation").value = "5"; document.querySelector("#f-sign_off_layers").value = "3"; ""`)
	do("profile again", chromedp.WaitVisible("#f-employees"), chromedp.SendKeys("#f-employees", "8000"), chromedp.Click("#save-profile"))
	waitFor(`!!document.querySelector("#winner")`)
	for _, sel := range []string{"#winner", "#shortlist", "#raci", "#roadmap", "#stage", "#benchmarks"} {
		if strings.TrimSpace(text(sel)) == "" {
			t.Errorf("recommendation page: %s is empty", sel)
		}
	}
	if n := eval(`String(document.querySelectorAll("figure img").length)`); n == "0" {
		t.Error("no charts on the recommendation page")
	}

	// Two stakeholders, one link each.
	links := map[string]string{}
	for _, name := range []string{"Alice", "Bob"} {
		do("add "+name, chromedp.Navigate(h.srv.URL+base), chromedp.WaitVisible("#sname"),
			chromedp.SendKeys("#sname", name), chromedp.Click("#add-stakeholder"))
		waitFor(`!!document.querySelector(".stakeholder-link")`)
		links[name] = eval(`document.querySelector(".stakeholder-link").href`)
	}

	// Each answers in their own page until their weights appear, then
	// says they are done: Alice from the view of a compliance officer,
	// Bob from a community manager's, each answer the scale's choice
	// nearest to the ratio of their hidden weights.
	views := map[string][]float64{
		//        agility cons cov exp cost risk auth scal infl change
		"Alice": {2, 6, 3, 3, 2, 9, 1, 3, 4, 2},
		"Bob":   {9, 2, 5, 4, 3, 1, 7, 3, 2, 2},
	}
	for _, name := range []string{"Alice", "Bob"} {
		do(name+" opens the link", chromedp.Navigate(links[name]))
		for k := 1; k <= 45; k++ {
			waitFor(`!!document.querySelector("#question") || !!document.querySelector("#finish")`)
			if eval(`document.querySelector("#finish") ? "yes" : ""`) == "yes" {
				break
			}
			row, col := atoi(eval(`document.querySelector("input[name=row]").value`)), atoi(eval(`document.querySelector("input[name=col]").value`))
			answer := scaleChoiceFor(views[name][row] / views[name][col])
			radio := fmt.Sprintf(`input[name="answer"][value="%s"]`, answer)
			do(name+" answers", chromedp.WaitVisible(radio), chromedp.Click(radio), chromedp.Click("#send-answer"))
			waitFor(fmt.Sprintf(`document.body.innerText.includes("%d of 45 answered")`, k))
		}
		if c := text("#consistency"); !strings.Contains(c, "Consistency ratio") {
			t.Errorf("%s does not see their consistency: %q", name, c)
		}
		do(name+" finishes", chromedp.WaitVisible("#finish"), chromedp.Click("#finish"))
		waitFor(`!!document.querySelector("#done")`)
	}

	// The facilitator sees both, the consensus, the outlier and the
	// ranking under the group's weights.
	do("facilitator", chromedp.Navigate(h.srv.URL+base), chromedp.WaitVisible("#outlier"))
	if c := text("#consensus"); !strings.Contains(c, "Kendall's W") {
		t.Errorf("consensus: %q", c)
	}
	if title := text("#ranking-title"); !strings.Contains(title, "group's weights") {
		t.Errorf("ranking title: %q", title)
	}
	rows := text("#stakeholders tbody")
	if !strings.Contains(rows, "Alice ✓") || !strings.Contains(rows, "Bob ✓") {
		t.Errorf("stakeholder rows: %q", rows)
	}
	// The poll re-renders the rows (the marker goes): each finished
	// stakeholder's CR is a number there, as on the server's page.
	eval(`document.querySelector("#stakeholders tbody tr").dataset.marker = "1"; ""`)
	waitFor(`!document.querySelector("#stakeholders tbody tr[data-marker]")`)
	if crs := eval(`Array.from(document.querySelectorAll("#stakeholders tbody tr")).map(function (tr) { return tr.children[2].textContent; }).join("|")`); !regexp.MustCompile(`^\d\.\d\d( ⚠)?\|\d\.\d\d( ⚠)?$`).MatchString(crs) {
		t.Errorf("the live view's CR cells: %q, want two numbers", crs)
	}
	groupTop := text("#ranking tbody tr")
	// Walking weights: everything on cost; the server re-ranks.
	eval(`document.querySelectorAll("#walk input[type=range]").forEach(function (s) { s.value = s.id === "w-cost" ? 100 : 0; }); ` +
		`document.querySelector("#w-cost").dispatchEvent(new Event("input", {bubbles: true})); ""`)
	waitFor(`document.querySelector("#ranking-title").innerText.includes("sliders")`)
	waitFor(fmt.Sprintf(`document.querySelector("#ranking tbody tr").innerText !== %q`, groupTop))
	do("reload", chromedp.Navigate(h.srv.URL+base), chromedp.WaitVisible("#outlier"))
	// The stakeholder table, a column per criterion, is wider than the
	// window: it scrolls in its own box and the page itself does not.
	if got := eval(`String(document.documentElement.scrollWidth - document.documentElement.clientWidth)`); got != "0" {
		t.Errorf("the facilitator page is %s px wider than the window", got)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(shot, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("the screenshot is not a PNG (%d bytes)", len(shot))
	}
	// The README's copy is rewritten only when asked (go test -run
	// TestBrowserWorkshop -update), so that running the tests leaves the
	// work tree as it was.
	if *update {
		if err := os.WriteFile(screenshotFile, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// History: three versions (the profile, each finish), a diff, exports.
	do("history", chromedp.Navigate(h.srv.URL+base+"versions"), chromedp.WaitVisible("#versions"))
	eval(`document.querySelector('input[name=a][value="1"]').checked = true; document.querySelector('input[name=b][value="3"]').checked = true; ""`)
	do("compare", chromedp.Click("#compare"))
	waitFor(`!!document.querySelector("#diff")`)
	if d := text("#diff"); !strings.Contains(d, "Alice") && !strings.Contains(strings.ToLower(d), "stakeholder") {
		t.Errorf("diff does not mention the stakeholders: %q", d)
	}
	fetch := func(path string) string {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.text())`, path), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if js := fetch(base + "versions/3/decision.json"); !strings.Contains(js, `"schema_version"`) || !strings.Contains(js, `"Bob"`) {
		t.Errorf("decision export: %.200s", js)
	}
	if page := fetch(base + "versions/3/report.html"); !strings.Contains(page, "Nordbank") || !strings.Contains(page, "<svg") {
		t.Errorf("report export: %.200s", page)
	}
}

// scaleChoiceFor returns the answer on the page's scale (9, 7, 5, 3, 1 and
// their reciprocals) nearest to a ratio, on a log scale.
func scaleChoiceFor(ratio float64) string {
	best, bestDist := "1", math.Inf(1)
	for _, c := range scale() {
		v, _ := scoring.ParseJudgement(c.Value)
		if d := math.Abs(math.Log(float64(v)) - math.Log(ratio)); d < bestDist {
			best, bestDist = c.Value, d
		}
	}
	return best
}
