package doccheck_test

import (
	"go/ast"
	"go/doc"
	"slices"
	"strings"
	"testing"
)

// TestClientsShareOneShape holds the two clients to one shape for the same
// idea: the shared options under the same names, lookups by a key other
// than the id named Find...By..., and the same name for the error of a
// create the service accepted without naming the record. Differences the
// services force are written in each package's "Compared with the other
// client".
func TestClientsShareOneShape(t *testing.T) {
	t.Parallel()
	clients := map[string]*doc.Package{}
	for _, p := range publicPackages(t) {
		if p.importPath == modulePath+"/minimax" || p.importPath == modulePath+"/skyplanner" {
			clients[lastElem(p.importPath)] = p.doc(t, func(*ast.File) bool { return true })
		}
	}
	if len(clients) != 2 {
		t.Fatalf("found %d client packages, want minimax and skyplanner", len(clients))
	}
	shared := []string{"WithBaseURL", "WithHTTPClient", "WithUserAgent", "WithLogger", "WithRetryPolicy",
		"WithMaxResponseBytes", "WithRequestEditor", "DefaultRetryPolicy", "New"}
	sharedTypes := []string{"APIError", "FieldError", "FieldMessage", "AnswerError", "ResponseTooLargeError",
		"RetryPolicy", "CreateUnconfirmedError", "Client", "Option"}
	for name, d := range clients {
		funcs, types := map[string]bool{}, map[string]bool{}
		for _, f := range d.Funcs {
			funcs[f.Name] = true
		}
		for _, ty := range d.Types {
			types[ty.Name] = true
			for _, f := range ty.Funcs {
				funcs[f.Name] = true
			}
			if ty.Name != "Client" {
				continue
			}
			for _, m := range ty.Methods {
				if strings.Contains(m.Name, "By") && !strings.HasPrefix(m.Name, "Find") {
					t.Errorf("%s.Client.%s looks a record up by a key: name it Find...By..., as the other client does", name, m.Name)
				}
			}
		}
		for _, f := range shared {
			if !funcs[f] {
				t.Errorf("%s has no %s, which the other client has", name, f)
			}
		}
		for _, ty := range sharedTypes {
			if !types[ty] {
				t.Errorf("%s has no type %s, which the other client has", name, ty)
			}
		}
		if !strings.Contains(d.Doc, "Compared with the other client") ||
			!slices.ContainsFunc(strings.Split(d.Doc, "\n"), func(l string) bool { return strings.Contains(l, "CreateOrder") }) {
			t.Errorf("%s: the package doc does not say how it differs from the other client", name)
		}
	}
}

func lastElem(importPath string) string { return importPath[strings.LastIndex(importPath, "/")+1:] }

// TestFakesShareOneShape: the two fakes start, stop and point a client at
// themselves the same way.
func TestFakesShareOneShape(t *testing.T) {
	t.Parallel()
	want := []string{"BaseURL", "URL", "ClientOptions", "Handler", "Close", "Load", "Now", "Order", "Requests", "Count"}
	found := 0
	for _, p := range publicPackages(t) {
		if !strings.HasSuffix(p.importPath, "/minimaxtest") && !strings.HasSuffix(p.importPath, "/skyplannertest") {
			continue
		}
		found++
		methods := p.serverMethods(t)
		for _, m := range want {
			if !methods[m] {
				t.Errorf("%s: Server has no %s, which the other fake has", p.importPath, m)
			}
		}
	}
	if found != 2 {
		t.Fatalf("found %d fakes, want 2", found)
	}
}
