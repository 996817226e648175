package mmspec

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The vendor's document and the committed result, as go generate uses them.
const (
	vendorDoc    = "../../minimax/api/swagger-rs-2026-09-21.json"
	committedDoc = "../../minimax/api/openapi.json"
)

func readVendorDoc(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(vendorDoc)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func countDiscriminators(doc object) int {
	n := 0
	eachSchema(doc, func(s object) {
		if _, ok := s["discriminator"]; ok {
			n++
		}
	})
	return n
}

func TestNormalizeVendorDocument(t *testing.T) {
	t.Parallel()
	var doc object
	if err := json.Unmarshal(readVendorDoc(t), &doc); err != nil {
		t.Fatal(err)
	}
	if n := countDiscriminators(doc); n != 1021 {
		t.Errorf("vendor document has %d discriminators, want the 1,021 the issue counted", n)
	}
	ids := map[string]int{}
	for _, op := range operations(doc) {
		ids[op.Op["operationId"].(string)]++
	}
	if len(ids) != 131 {
		t.Errorf("vendor document has %d distinct operationIds, want 131", len(ids))
	}

	if err := Normalize(doc); err != nil {
		t.Fatal(err)
	}
	if n := countDiscriminators(doc); n != 0 {
		t.Errorf("%d discriminators left after normalising", n)
	}
	names := map[string]bool{}
	ops := operations(doc)
	for _, op := range ops {
		names[op.Op["operationId"].(string)] = true
	}
	if len(ops) != 178 || len(names) != 178 {
		t.Errorf("got %d operations with %d distinct names, want 178 and 178", len(ops), len(names))
	}
	for _, want := range []string{"GetOrders", "GetOrder", "AddOrder", "UpdateOrder", "DeleteOrder",
		"GetCustomActionOrder", "PutCustomActionOrder", "GetOrdersSyncCandidates",
		"GetCustomers", "GetCustomerByCode", "GetItems", "GetItemByCode", "GetCountryByCode",
		"GetCurrencyByCode", "GetReportTemplates", "GetUserOrganisations"} {
		if !names[want] {
			t.Errorf("no operation named %s", want)
		}
	}
	defs := doc["definitions"].(object)
	for _, want := range []string{"Order", "OrderRow", "OrderSearch", "FkField", "SearchResultOrderSearch", "SyncCandidate"} {
		if _, ok := defs[want]; !ok {
			t.Errorf("no schema named %s", want)
		}
	}
	for name := range defs {
		if strings.ContainsAny(name, ".[]") {
			t.Errorf("schema %q keeps a .NET name", name)
		}
	}
}

func TestBuildIsReproducible(t *testing.T) {
	t.Parallel()
	src := readVendorDoc(t)
	first, err := Build(t.Context(), src)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Build(t.Context(), src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("two builds of the same document differ")
	}
	committed, err := os.ReadFile(committedDoc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, committed) {
		t.Errorf("%s is out of date: run go generate ./...", committedDoc)
	}
	for _, media := range []string{"application/xml", "text/xml", "text/json", "x-www-form-urlencoded"} {
		if bytes.Contains(first, []byte(media)) {
			t.Errorf("the built document still mentions %s", media)
		}
	}
}

func TestBuildRejectsOtherInput(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"not JSON":    `{"swagger":`,
		"OpenAPI 3":   `{"openapi":"3.0.3"}`,
		"bad schemas": `{"swagger":"2.0","paths":{},"definitions":{"A.Item.Item":{},"B.Item.Item":{}}}`,
	} {
		if _, err := Build(t.Context(), []byte(src)); err == nil {
			t.Errorf("%s: Build succeeded, want an error", name)
		}
	}
}
