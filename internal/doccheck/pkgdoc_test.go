package doccheck_test

import (
	"go/ast"
	"strings"
	"testing"
)

// TestPackageDocs fails for a public package without a doc of its own, or
// whose doc go doc shows with a generator's header in it (oapi-codegen
// writes "Package api provides primitives to interact with the openapi HTTP
// API" over its output unless the header is detached).
func TestPackageDocs(t *testing.T) {
	t.Parallel()
	for _, p := range publicPackages(t) {
		d := p.doc(t, func(*ast.File) bool { return true })
		switch {
		case strings.TrimSpace(d.Doc) == "":
			t.Errorf("%s: no package doc", p.importPath)
		case strings.Contains(d.Doc, "Code generated") || strings.Contains(d.Doc, "provides primitives"):
			t.Errorf("%s: the package doc holds a generator's header:\n%s", p.importPath, d.Doc)
		}
	}
}
