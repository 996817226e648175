package planbridge_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every Go snippet in the README is copied from a compiled Example, so it
// cannot rot: its lines, trimmed, must stand in that order in the body of
// an Example function of the module. A line "// ..." in the README stands
// for lines left out.
func TestREADMESnippetsComeFromExamples(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	bodies := exampleBodies(t)
	for i, snippet := range goSnippets(string(readme)) {
		if !fromAnExample(snippet, bodies) {
			t.Errorf("README Go snippet %d is not copied from an Example function:\n%s", i+1, strings.Join(snippet, "\n"))
		}
	}
}

// goSnippets returns the ```go blocks of a Markdown text, each as trimmed,
// non-blank lines.
func goSnippets(md string) [][]string {
	var out [][]string
	var cur []string
	in := false
	for line := range strings.Lines(md) {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && trimmed == "```go":
			in, cur = true, nil
		case in && trimmed == "```":
			in = false
			out = append(out, cur)
		case in && trimmed != "":
			cur = append(cur, trimmed)
		}
	}
	return out
}

// exampleBodies returns the lines of every Example function's body in the
// module's test files, trimmed, blank ones left out.
func exampleBodies(t *testing.T) [][]string {
	var out [][]string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Example") || fn.Body == nil {
				continue
			}
			body := string(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
			var lines []string
			for line := range strings.Lines(body) {
				if s := strings.TrimSpace(line); s != "" {
					lines = append(lines, s)
				}
			}
			out = append(out, lines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fromAnExample reports whether snippet's lines stand in order in one of
// the bodies, "// ..." skipping any number of lines.
func fromAnExample(snippet []string, bodies [][]string) bool {
	for _, body := range bodies {
		if inOrder(snippet, body) {
			return true
		}
	}
	return false
}

func inOrder(snippet, body []string) bool {
	j := 0
	skipping := true // a snippet may start anywhere in the body
	for _, want := range snippet {
		if want == "// ..." {
			skipping = true
			continue
		}
		for j < len(body) && body[j] != want {
			if !skipping {
				return false
			}
			j++
		}
		if j == len(body) {
			return false
		}
		j++
		skipping = false
	}
	return true
}
