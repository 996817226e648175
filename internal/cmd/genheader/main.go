// Command genheader detaches the header oapi-codegen writes over its output
// from the package clause, so that the package doc `go doc` shows is the
// one in generate.go, not the generator's "Package api provides primitives
// to interact with the openapi HTTP API." oapi-codegen has no option for
// this (the header is in its imports template, which only a copy of the
// whole template could replace). `go generate` runs it right after the
// generator, on the file it wrote:
//
//	genheader api.gen.go
//
// It keeps the "Code generated ... DO NOT EDIT." line (and any build
// constraint), drops the generator's package comment and leaves a blank line
// before the package clause. It fails on a header it does not recognise, so
// that a new generator version that changes it is noticed, and it changes
// nothing in a file already done, so a second run leaves the tree as it is.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genheader file.gen.go")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genheader:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := detach(src)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if bytes.Equal(out, src) {
		return nil
	}
	return os.WriteFile(path, out, 0o644)
}

var (
	generated     = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)
	constraint    = regexp.MustCompile(`^//(go:build |\s*\+build )`)
	packageDoc    = regexp.MustCompile(`^// Package \w+ `)
	packageClause = regexp.MustCompile(`^package \w+`)
)

// detach rewrites the lines above the package clause: the generated-code
// notice and build constraints stay, each followed by a blank line; the
// generator's package comment goes.
func detach(src []byte) ([]byte, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var header [][]byte
	notice := false
	for i, line := range lines {
		text := string(bytes.TrimRight(line, "\r\n"))
		switch {
		case packageClause.MatchString(text):
			if !notice {
				return nil, errors.New(`no "// Code generated ... DO NOT EDIT." line above the package clause`)
			}
			var out bytes.Buffer
			for _, h := range header {
				out.Write(h)
				out.WriteString("\n\n")
			}
			for _, rest := range lines[i:] {
				out.Write(rest)
			}
			return out.Bytes(), nil
		case generated.MatchString(text):
			notice = true
			header = append(header, []byte(text))
		case constraint.MatchString(text):
			header = append(header, []byte(text))
		case text == "" || text == "//" || packageDoc.MatchString(text):
			// the generator's package comment, or the blank lines around it
		default:
			return nil, fmt.Errorf("line %d above the package clause is not the generator's header: %q", i+1, text)
		}
	}
	return nil, errors.New("no package clause")
}
