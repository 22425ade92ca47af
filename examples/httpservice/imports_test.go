package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsArePublic checks that the example compiles when copied out of
// the module: a package outside github.com/socialseat/socialseat may not
// import an internal/ package of it, so neither may this one.
func TestImportsArePublic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}{{"\n"}}{{join .TestImports "\n"}}`, ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := strings.Fields(string(out))
	if len(imports) == 0 {
		t.Fatal("go list reported no imports; the check would pass vacuously")
	}
	for _, path := range imports {
		if strings.Contains("/"+path+"/", "/internal/") {
			t.Errorf("the HTTP example imports %s; it must use only public packages", path)
		}
	}
}
