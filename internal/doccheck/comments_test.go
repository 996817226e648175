package doccheck_test

import (
	"go/ast"
	"go/doc"
	"go/token"
	"testing"
)

// TestExportedIdentifiersHaveDocs fails naming every exported type,
// function, method, constant and variable of a public package that has no
// doc comment. Generated files are left out: their comments are the
// generator's. Struct fields are not checked.
func TestExportedIdentifiersHaveDocs(t *testing.T) {
	t.Parallel()
	for _, p := range publicPackages(t) {
		d := p.doc(t, func(f *ast.File) bool { return !p.generated[f] })
		var missing []string
		values := func(vs []*doc.Value) {
			for _, v := range vs {
				missing = append(missing, undocumentedValues(p, v)...)
			}
		}
		funcs := func(fs []*doc.Func, recv string) {
			for _, f := range fs {
				if f.Doc == "" && f.Decl != nil && token.IsExported(f.Name) {
					missing = append(missing, p.where(f.Decl.Pos())+": "+recv+f.Name)
				}
			}
		}
		values(d.Consts)
		values(d.Vars)
		funcs(d.Funcs, "")
		for _, ty := range d.Types {
			if ty.Doc == "" {
				missing = append(missing, p.where(ty.Decl.Pos())+": type "+ty.Name)
			}
			values(ty.Consts)
			values(ty.Vars)
			funcs(ty.Funcs, "")
			funcs(ty.Methods, ty.Name+".")
		}
		for _, m := range missing {
			t.Errorf("%s has no doc comment", m)
		}
	}
}

// undocumentedValues names the exported constants or variables of one
// declaration that go doc shows with no comment: a declaration's own doc
// covers every name in it; without one, each name needs its own comment.
func undocumentedValues(p *pkg, v *doc.Value) []string {
	if v.Doc != "" {
		return nil
	}
	var out []string
	for _, spec := range v.Decl.Specs {
		vs := spec.(*ast.ValueSpec)
		if vs.Doc != nil || vs.Comment != nil {
			continue
		}
		for _, n := range vs.Names {
			if token.IsExported(n.Name) {
				out = append(out, p.where(n.Pos())+": "+n.Name)
			}
		}
	}
	return out
}
