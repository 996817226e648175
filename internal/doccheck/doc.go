// Package doccheck holds tests of the module's public documentation, as
// `go doc` shows it: every exported identifier of every public package has
// a doc comment, every package has a package doc of its own (not a
// generator's header), and no exported type hides its fields or methods
// behind a type from an internal package, which `go doc` cannot show.
//
// The tests read the source with go/parser and go/doc, so they run with
// `go test ./...` and need nothing else.
package doccheck
