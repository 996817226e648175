// Command mmspec writes the normalised OpenAPI 3 document of the Minimax API
// from the vendor's Swagger 2.0 document. `go generate` in minimax/api runs
// it; see package mmspec for what it changes and why.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/planbridge/planbridge/internal/mmspec"
)

func main() {
	in := flag.String("in", "", "the vendor's Swagger 2.0 JSON")
	out := flag.String("out", "", "where to write the OpenAPI 3 JSON")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: mmspec -in swagger.json -out openapi.json")
		os.Exit(2)
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	doc, err := mmspec.Build(context.Background(), src)
	if err != nil {
		return err
	}
	return os.WriteFile(out, doc, 0o644)
}
