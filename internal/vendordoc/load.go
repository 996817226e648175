package vendordoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/internal/wiretime"
)

// File is the vendor's document, relative to the module root.
const File = "minimax/api/swagger-rs-2026-09-21.json"

const module = "github.com/planbridge/planbridge"

// The vendor's names of the schemas its help pages say more about.
const (
	orderSchema     = "SAOP.API.Models.Order.Order"
	referenceSchema = "SAOP.API.Common.mMApiFkField"
)

// helpReadOnly are the Order properties the Order help page calls
// read-only; the document marks none of them.
var helpReadOnly = []string{"Year", "Number", "DateConfirmed", "DateCompleted", "DateCanceled", "Status"}

// Doc checks requests and answers against the vendor's document. It is safe
// for concurrent use.
type Doc struct {
	requests, answers *fakeserver.Router
	opts              openapi3filter.Options
}

// Load returns the vendor's document for a service under prefix ("/SI/API";
// the document's own server is the RS deployment, and SI and HR run the same
// code).
//
// The document stays as published but for what the vendor documents
// elsewhere:
//   - a date-time is what the service writes (2020-03-25T10:32:42.14, no
//     zone), not RFC 3339 only: every form api.ParseDateTime accepts;
//   - a create answers 201 Created with a Location header and an empty body
//     (the help pages and the vendor's samples), beside the document's 200;
//   - an update, delete or action may answer with an empty body;
//   - in answers, a date or a reference the record does not have is null, as
//     in the Order help page's example;
//   - Order's Year, Number, DateConfirmed, DateCompleted, DateCanceled and
//     Status are read-only (the Order help page), so a request sending them
//     is refused as one sending a reference's Name is.
//
// One rule is stricter than the document: an object may carry only the
// properties its schema declares, because a record in the wrong shape
// (Name where a list row has Title) otherwise passes unnoticed.
func Load(prefix string) (*Doc, error) {
	docs, err := converted()
	if err != nil {
		return nil, err
	}
	return &Doc{
		requests: fakeserver.NewDocumentRouter(docs.requests, prefix),
		answers:  fakeserver.NewDocumentRouter(docs.answers, prefix),
		opts: openapi3filter.Options{
			AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
			IncludeResponseStatus: true,
			MultiError:            true,
			SchemaValidationOptions: []openapi3.SchemaValidationOption{
				openapi3.WithStringFormatValidator("date-time", openapi3.NewCallbackValidator(func(v string) error {
					_, err := wiretime.Parse(v)
					return err
				})),
			},
		},
	}, nil
}

// vendorDocs are the document as requests and as answers are held to it:
// only answers may carry the nulls of the vendor's example.
type vendorDocs struct{ requests, answers *openapi3.T }

// converted loads and converts the document once per test binary; the
// result is only read after.
var converted = sync.OnceValues(func() (vendorDocs, error) {
	path, err := moduleFile(File)
	if err != nil {
		return vendorDocs{}, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return vendorDocs{}, fmt.Errorf("vendordoc: %w", err)
	}
	var docs vendorDocs
	for _, d := range []**openapi3.T{&docs.requests, &docs.answers} {
		if *d, err = convert(src); err != nil {
			return vendorDocs{}, err
		}
		if err := describe(*d); err != nil {
			return vendorDocs{}, err
		}
	}
	if err := allowNulls(docs.answers); err != nil {
		return vendorDocs{}, err
	}
	return docs, nil
})

// convert decodes the Swagger 2.0 document and converts it to OpenAPI 3,
// resolving its references.
//
// What kin-openapi makes of the document's defects (v0.152.0):
//   - each bogus "discriminator" (a copy of the property's description)
//     becomes a Discriminator whose propertyName is that text. Schema
//     validation only consults a discriminator to choose among oneOf or anyOf
//     schemas, which a Swagger 2.0 document has none of, so they change no
//     check and are left as they are.
//   - the document does not pass (*openapi3.T).Validate, for two reasons that
//     are names, not schemas: schema names with "[" and "]"
//     (SearchResult[...]) are outside the characters OpenAPI 3 allows, and
//     operationIds repeat (Order_Get names three operations). With those two
//     renamed in a copy the document validates, discriminators and all.
//     Request and answer validation needs neither, so Validate is not run.
func convert(src []byte) (*openapi3.T, error) {
	var v2 openapi2.T
	if err := json.Unmarshal(src, &v2); err != nil {
		return nil, fmt.Errorf("vendordoc: decoding %s: %w", File, err)
	}
	v3, err := openapi2conv.ToV3(&v2)
	if err != nil {
		return nil, fmt.Errorf("vendordoc: converting %s: %w", File, err)
	}
	return v3, nil
}

// describe adds what the help pages say to doc, and closes its objects.
func describe(doc *openapi3.T) error {
	order := doc.Components.Schemas[orderSchema]
	if order == nil || order.Value == nil {
		return fmt.Errorf("vendordoc: no schema %s", orderSchema)
	}
	for _, name := range helpReadOnly {
		p := order.Value.Properties[name]
		if p == nil || p.Value == nil {
			return fmt.Errorf("vendordoc: %s has no property %s", orderSchema, name)
		}
		p.Value.ReadOnly = true
	}
	eachSchema(doc, func(s *openapi3.Schema) {
		if len(s.Properties) > 0 && s.AdditionalProperties.Has == nil && s.AdditionalProperties.Schema == nil {
			closed := false
			s.AdditionalProperties.Has = &closed
		}
	})
	for path, item := range doc.Paths.Map() {
		last := path[strings.LastIndex(path, "/")+1:]
		if item.Post == nil || strings.HasPrefix(last, "{") {
			continue // not a create: it acts on the record the path names
		}
		location := &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
			Required: true, Schema: openapi3.NewStringSchema().NewRef()}}}
		created := openapi3.NewResponse().WithDescription("Created; Location is the new record's URL.")
		created.Headers = openapi3.Headers{"Location": location}
		item.Post.Responses.Set("201", &openapi3.ResponseRef{Value: created})
	}
	return nil
}

// allowNulls lets dates and references be null, as the Order help page's
// example answer has them ("DateCompleted": null, "Analytic": null).
func allowNulls(doc *openapi3.T) error {
	ref := doc.Components.Schemas[referenceSchema]
	if ref == nil || ref.Value == nil {
		return fmt.Errorf("vendordoc: no schema %s", referenceSchema)
	}
	// Every reference property resolves to this one schema.
	ref.Value.Nullable = true
	eachSchema(doc, func(s *openapi3.Schema) {
		if s.Type.Is(openapi3.TypeString) && s.Format == "date-time" {
			s.Nullable = true
		}
	})
	return nil
}

// eachSchema calls fn once for every schema of doc: the components, the
// operations' parameters, bodies and answers, and all nested in them.
func eachSchema(doc *openapi3.T, fn func(*openapi3.Schema)) {
	seen := map[*openapi3.Schema]bool{}
	var visit func(*openapi3.SchemaRef)
	visit = func(r *openapi3.SchemaRef) {
		if r == nil || r.Value == nil || seen[r.Value] {
			return
		}
		s := r.Value
		seen[s] = true
		fn(s)
		for _, p := range s.Properties {
			visit(p)
		}
		visit(s.Items)
		visit(s.AdditionalProperties.Schema)
		for _, sub := range s.AllOf {
			visit(sub)
		}
	}
	for _, s := range doc.Components.Schemas {
		visit(s)
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Value != nil {
					visit(p.Value.Schema)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					visit(mt.Schema)
				}
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value != nil {
					for _, mt := range resp.Value.Content {
						visit(mt.Schema)
					}
				}
			}
		}
	}
}

// moduleFile finds rel in the module's source tree, from the directory the
// test runs in (its package's) upwards.
func moduleFile(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("vendordoc: %w", err)
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(mod, []byte("module "+module+"\n")) {
			return filepath.Join(dir, filepath.FromSlash(rel)), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("vendordoc: not inside module " + module)
		}
		dir = parent
	}
}
