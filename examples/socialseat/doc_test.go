package main

import (
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The package documentation lists exactly the commands of 'socialseat
// -h', each with the synopsis its --help prints (wrapped lines joined).
func TestPackageDocListsEveryCommand(t *testing.T) {
	t.Parallel()
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	doc := f.Doc.Text()
	start := strings.Index(doc, "Commands:\n")
	require.GreaterOrEqual(t, start, 0, "no Commands: section")
	section := doc[start+len("Commands:\n"):]
	if end := strings.Index(section, "\n\n"+"Every command"); end >= 0 {
		section = section[:end]
	}
	// A command's entry starts with a tab and its name; its further lines
	// are indented deeper.
	entries := map[string]string{}
	var name string
	head := regexp.MustCompile(`^\t([a-z]+)\b`)
	for _, line := range strings.Split(section, "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			name = m[1]
		}
		if name != "" {
			entries[name] += " " + line
		}
	}
	cmds := commands()
	var want, got []string
	for n := range cmds {
		want = append(want, n)
	}
	for n := range entries {
		got = append(got, n)
	}
	sort.Strings(want)
	sort.Strings(got)
	require.Equal(t, want, got, "the commands documented")
	for _, n := range want {
		synopsis := strings.Join(strings.Fields(strings.SplitN(cmds[n].usage, "\n", 2)[0]), " ")
		entry := strings.Join(strings.Fields(entries[n]), " ")
		assert.True(t, strings.HasPrefix(entry, synopsis), "%s: the doc says\n\t%s\nbut --help says\n\t%s", n, entry, synopsis)
	}
	assert.True(t, slices.Contains(want, "agreement"))
}
