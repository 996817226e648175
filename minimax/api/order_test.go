package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestSeedOrderRoundTrip decodes the example order of the vendor's Order help
// page (testdata/order-seed.json, copied from the Croatian page) and checks
// that encoding it again keeps every value: dates in the service's zone-less
// form, numbers, strings, and null dates as null. Other nulls (an unset
// reference such as "Analytic": null) may be left out.
func TestSeedOrderRoundTrip(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/order-seed.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields() // every field of the example is modelled
	var order Order
	if err := dec.Decode(&order); err != nil {
		t.Fatalf("decoding the seed order: %v", err)
	}
	if got := order.DateConfirmed.String(); got != "2020-03-25T10:32:42.14" {
		t.Errorf("DateConfirmed = %q", got)
	}
	if !order.DateCompleted.IsNull() {
		t.Error("DateCompleted: null was not kept")
	}
	rows := *order.OrderRows
	if len(rows) != 1 || *rows[0].Quantity != 5 || *rows[0].Price != 100 || *rows[0].RowVersion != "AAAAAKszvAU=" {
		t.Errorf("order row decoded as %+v", rows)
	}

	out, err := json.Marshal(order)
	if err != nil {
		t.Fatal(err)
	}
	var before, after any
	if err := json.Unmarshal(src, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &after); err != nil {
		t.Fatal(err)
	}
	dateFields := map[string]bool{"Date": true, "DueDate": true, "DateConfirmed": true, "DateCompleted": true,
		"DateCanceled": true, "RecordDtModified": true}
	for _, problem := range compareKept("", before, after, dateFields) {
		t.Error(problem)
	}
}

// compareKept lists what of want is missing or different in got. A null in
// want may be absent in got unless its key is a date field.
func compareKept(path string, want, got any, dateFields map[string]bool) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want an object", path, got)}
		}
		var problems []string
		for k, wv := range w {
			gv, present := g[k]
			if wv == nil && !present && !dateFields[k] {
				continue
			}
			if !present {
				problems = append(problems, fmt.Sprintf("%s.%s: missing after re-encoding", path, k))
				continue
			}
			problems = append(problems, compareKept(path+"."+k, wv, gv, dateFields)...)
		}
		return problems
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %v, want %d elements", path, got, len(w))}
		}
		var problems []string
		for i := range w {
			problems = append(problems, compareKept(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], dateFields)...)
		}
		return problems
	default:
		if want != got {
			return []string{fmt.Sprintf("%s: got %v, want %v", path, got, want)}
		}
		return nil
	}
}
