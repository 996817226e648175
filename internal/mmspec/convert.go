package mmspec

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
)

// servers are the three deployments. The document is the RS one; SI and HR
// run the same code base.
var servers = openapi3.Servers{
	{URL: "https://moj.minimax.si/SI/API", Description: "Slovenia"},
	{URL: "https://moj.minimax.hr/HR/API", Description: "Croatia"},
	{URL: "https://moj.minimax.rs/RS/API", Description: "Serbia"},
}

// Build turns the vendor's Swagger 2.0 JSON into the normalised OpenAPI 3
// document, as indented JSON. The same input always gives the same bytes.
func Build(ctx context.Context, swagger []byte) ([]byte, error) {
	var doc object
	if err := json.Unmarshal(swagger, &doc); err != nil {
		return nil, errorf("decoding the Swagger document: %w", err)
	}
	if v, _ := doc["swagger"].(string); v != "2.0" {
		return nil, errorf("want a Swagger 2.0 document, got swagger=%q", v)
	}
	if err := Normalize(doc); err != nil {
		return nil, err
	}
	v3, err := convert(doc)
	if err != nil {
		return nil, err
	}
	v3.Servers = servers
	if err := v3.Validate(ctx); err != nil {
		return nil, errorf("the converted document is not valid OpenAPI 3: %w", err)
	}
	out, err := json.MarshalIndent(v3, "", "  ")
	if err != nil {
		return nil, errorf("encoding the OpenAPI 3 document: %w", err)
	}
	return append(out, '\n'), nil
}

// convert runs kin-openapi's Swagger 2.0 to OpenAPI 3 conversion on the
// normalised document.
func convert(doc object) (*openapi3.T, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("mmspec: %w", err)
	}
	var v2 openapi2.T
	if err := json.Unmarshal(raw, &v2); err != nil {
		return nil, errorf("decoding the normalised document as Swagger 2.0: %w", err)
	}
	v3, err := openapi2conv.ToV3(&v2)
	if err != nil {
		return nil, errorf("converting to OpenAPI 3: %w", err)
	}
	return v3, nil
}
