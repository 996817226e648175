package doccheck_test

import (
	"go/ast"
	"testing"
)

// TestNothingHiddenBehindInternalTypes fails for an exported alias of a
// type from an internal package, and for an exported struct that embeds
// one: go doc shows neither the fields nor the methods of such a type (an
// alias prints as "type RetryPolicy = transport.RetryPolicy", and methods
// promoted from another package's type are not listed), and users cannot
// look the type up themselves.
func TestNothingHiddenBehindInternalTypes(t *testing.T) {
	t.Parallel()
	for _, p := range publicPackages(t) {
		for _, f := range p.files {
			internal := internalImports(f)
			if len(internal) == 0 {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				ts, ok := n.(*ast.TypeSpec)
				if !ok || !ts.Name.IsExported() {
					return true
				}
				if ts.Assign.IsValid() {
					if from := fromPackage(ts.Type, internal); from != "" {
						t.Errorf("%s: type %s is an alias of %s's type, which go doc cannot show; define it in a public package",
							p.where(ts.Pos()), ts.Name.Name, from)
					}
					return true
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					return true
				}
				for _, field := range st.Fields.List {
					if len(field.Names) > 0 {
						continue
					}
					if from := fromPackage(field.Type, internal); from != "" {
						t.Errorf("%s: type %s embeds a type of %s; go doc does not list the methods it promotes",
							p.where(field.Pos()), ts.Name.Name, from)
					}
				}
				return true
			})
		}
	}
}

// fromPackage returns the internal package a type expression names a type
// of (pkg.T, *pkg.T, pkg.T[X]), or "".
func fromPackage(e ast.Expr, internal map[string]string) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.IndexListExpr:
			e = x.X
			continue
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				return internal[id.Name]
			}
		}
		return ""
	}
}

// TestFakeControlsShowInGoDoc: `go doc ./skyplanner/skyplannertest
// Server.Count` must print the method, so the fakes' fault injection and
// request log are methods of each Server, not promoted from a core type.
func TestFakeControlsShowInGoDoc(t *testing.T) {
	t.Parallel()
	want := []string{"ClearFaults", "Count", "Counts", "FailMatching", "FailNth", "InFlight", "Requests", "ResetLog", "SetLatency", "SetRateLimit"}
	fakes := map[string]bool{modulePath + "/minimax/minimaxtest": false, modulePath + "/skyplanner/skyplannertest": false}
	for _, p := range publicPackages(t) {
		if _, ok := fakes[p.importPath]; !ok {
			continue
		}
		fakes[p.importPath] = true
		methods := p.serverMethods(t)
		for _, name := range want {
			if !methods[name] {
				t.Errorf("%s: go doc shows no Server.%s", p.importPath, name)
			}
		}
	}
	for path, seen := range fakes {
		if !seen {
			t.Errorf("%s not found", path)
		}
	}
}
