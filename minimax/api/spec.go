package api

import _ "embed"

//go:embed openapi.json
var openAPIDocument []byte

// OpenAPIDocument returns the normalised OpenAPI 3 document this package was
// generated from, for validating requests and responses (the fakes in
// minimax/minimaxtest do). The slice is a copy.
func OpenAPIDocument() []byte { return append([]byte(nil), openAPIDocument...) }
