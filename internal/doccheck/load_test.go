package doccheck_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const modulePath = "github.com/planbridge/planbridge"

// pkg is one public package of the module, parsed.
type pkg struct {
	importPath string
	fset       *token.FileSet
	files      []*ast.File // non-test files, generated ones included
	generated  map[*ast.File]bool
}

// publicPackages parses every importable, non-internal package of the
// module: no internal/, testdata, tools (its own module) or command.
func publicPackages(t *testing.T) []*pkg {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	var pkgs []*pkg
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if rel != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" ||
			name == "internal" || rel == "tools" || rel == "examples") {
			return filepath.SkipDir
		}
		pk, err := parsePackage(p, path.Join(modulePath, rel))
		if err != nil {
			return err
		}
		if pk != nil {
			pkgs = append(pkgs, pk)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 5 {
		t.Fatalf("found %d public packages; the walk is broken", len(pkgs))
	}
	return pkgs
}

// parsePackage parses dir's non-test files; nil for a directory without
// any, or for a command (package main).
func parsePackage(dir, importPath string) (*pkg, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	pk := &pkg{importPath: path.Clean(importPath), fset: token.NewFileSet(), generated: map[*ast.File]bool{}}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(pk.fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if f.Name.Name == "main" {
			return nil, nil
		}
		pk.files = append(pk.files, f)
		pk.generated[f] = ast.IsGenerated(f)
	}
	if len(pk.files) == 0 {
		return nil, nil
	}
	return pk, nil
}

// doc returns the package as go doc shows it, from the files keep selects.
func (p *pkg) doc(t *testing.T, keep func(*ast.File) bool) *doc.Package {
	t.Helper()
	var files []*ast.File
	for _, f := range p.files {
		if keep(f) {
			files = append(files, f)
		}
	}
	d, err := doc.NewFromFiles(p.fset, files, p.importPath)
	if err != nil {
		t.Fatalf("%s: %v", p.importPath, err)
	}
	return d
}

// where names a position as a path relative to the module root.
func (p *pkg) where(pos token.Pos) string {
	position := p.fset.Position(pos)
	rel := strings.TrimPrefix(p.importPath, modulePath)
	return strings.TrimPrefix(path.Join(rel, filepath.Base(position.Filename)), "/") + ":" + strconv.Itoa(position.Line)
}

// internalImports maps the names under which f imports internal packages
// to their paths.
func internalImports(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if !slices.Contains(strings.Split(p, "/"), "internal") {
			continue
		}
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		out[name] = p
	}
	return out
}

// serverMethods returns the methods go doc lists for a package's Server.
func (p *pkg) serverMethods(t *testing.T) map[string]bool {
	t.Helper()
	methods := map[string]bool{}
	for _, ty := range p.doc(t, func(*ast.File) bool { return true }).Types {
		if ty.Name == "Server" {
			for _, m := range ty.Methods {
				methods[m.Name] = true
			}
		}
	}
	return methods
}
