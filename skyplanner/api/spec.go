package api

import _ "embed"

//go:embed openapi.yaml
var openAPIDocument []byte

// OpenAPIDocument returns the OpenAPI document this package was generated
// from (YAML), for validating requests and responses (the fakes in
// skyplanner/skyplannertest do). The slice is a copy.
func OpenAPIDocument() []byte { return append([]byte(nil), openAPIDocument...) }
