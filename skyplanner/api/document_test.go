package api

import (
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func loadDocument(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("openapi.yaml")
	if err != nil {
		t.Fatalf("loading openapi.yaml: %v", err)
	}
	return doc
}

func TestDocumentIsValid(t *testing.T) {
	t.Parallel()
	if err := loadDocument(t).Validate(t.Context()); err != nil {
		t.Fatalf("openapi.yaml does not validate: %v", err)
	}
}

var confidences = []string{"vendor", "third-party", "inferred"}

// TestDocumentSaysWhatIsConfirmed holds the document to its promise: every
// operation, parameter and record property says where it comes from.
func TestDocumentSaysWhatIsConfirmed(t *testing.T) {
	t.Parallel()
	doc := loadDocument(t)
	check := func(where string, ext map[string]any) {
		c, _ := ext["x-confidence"].(string)
		if !slices.Contains(confidences, c) {
			t.Errorf("%s: x-confidence = %q, want one of %v", where, c, confidences)
		}
	}
	check("info", doc.Info.Extensions)
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			check(where, op.Extensions)
			if op.Summary == "" {
				t.Errorf("%s: no summary", where)
			}
			for _, p := range op.Parameters {
				if p.Value.In == "query" {
					check(where+" ?"+p.Value.Name, p.Value.Extensions)
				}
			}
		}
	}
	for name, s := range doc.Components.Schemas {
		check("schema "+name, s.Value.Extensions)
		for prop, ps := range s.Value.Properties {
			if strings.HasSuffix(name, "Envelope") || strings.HasSuffix(name, "List") {
				continue // the envelope's one member is described by its record
			}
			check("schema "+name+"."+prop, ps.Value.Extensions)
		}
	}
	for _, source := range []string{"skyplanner.ai", "Seda1863/test5-19", "inferred"} {
		if !strings.Contains(doc.Info.Description, source) {
			t.Errorf("info.description does not name its source %q", source)
		}
	}
}

// TestDocumentDeleteSemantics checks that the soft-deletable resources take
// include_archived and say their DELETE is soft, and that the others say
// theirs is permanent.
func TestDocumentDeleteSemantics(t *testing.T) {
	t.Parallel()
	doc := loadDocument(t)
	hasIncludeArchived := func(op *openapi3.Operation) bool {
		return slices.ContainsFunc(op.Parameters, func(p *openapi3.ParameterRef) bool {
			return p.Value.Name == "include_archived" && p.Value.In == "query"
		})
	}
	for _, base := range []string{"/phaser-orders", "/phaser-order-rows", "/phaser-jobs"} {
		list := doc.Paths.Find(base).Get
		one := doc.Paths.Find(base + "/{id}")
		if !hasIncludeArchived(list) || !hasIncludeArchived(one.Get) {
			t.Errorf("%s: list and get must take include_archived", base)
		}
		if !strings.HasPrefix(one.Delete.OperationID, "Archive") || !strings.Contains(one.Delete.Description, "soft delete") {
			t.Errorf("%s/{id} DELETE is %s (%q), want an Archive operation described as a soft delete",
				base, one.Delete.OperationID, one.Delete.Description)
		}
	}
	for path, item := range doc.Paths.Map() {
		if item.Delete == nil || strings.HasPrefix(item.Delete.OperationID, "Archive") {
			continue
		}
		if !strings.Contains(item.Delete.Summary, "PERMANENTLY") {
			t.Errorf("DELETE %s does not say it is permanent: %q", path, item.Delete.Summary)
		}
	}
	if doc.Paths.Find("/phaser-order-items") != nil {
		t.Error("the document uses /phaser-order-items; the vendor's endpoint is /phaser-order-rows")
	}
	row := doc.Components.Schemas["OrderRow"].Value
	for _, p := range []string{"get_default_steps", "use_custom_materials"} {
		if row.Properties[p] == nil || !row.Properties[p].Value.WriteOnly {
			t.Errorf("OrderRow.%s: want a write-only request property", p)
		}
	}
}
