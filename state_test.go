package planbridge_test

import (
	"encoding/json"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"slices"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/skyplanner"
)

// snapshot is SkyPlanner's state as the fake holds it, with every
// generated id replaced by the external ID of the record it names, so that
// two runs can be compared: a clean one, and one interrupted and re-run.
// It fails the test when an external ID is used twice, which would be a
// duplicate the sync made.
func snapshot(t testing.TB, e *env) string {
	t.Helper()
	ext := map[string]map[int64]string{"customer": {}, "order": {}, "row": {}, "product": {}, "workstage": {}}
	for _, c := range e.sp.Customers() {
		ext["customer"][*c.ID] = deref.Of(c.ExternalID)
	}
	for _, o := range e.sp.Orders() {
		ext["order"][*o.ID] = deref.Of(o.ExternalID)
	}
	for _, r := range e.sp.OrderRows() {
		ext["row"][*r.ID] = deref.Of(r.ExternalID)
	}
	for _, p := range e.sp.Products() {
		ext["product"][*p.ID] = deref.Of(p.ExternalID)
	}
	for ws, err := range e.spc.ListWorkstages(t.Context(), skyplanner.WorkstageFilter{Limit: 10000}) {
		if err != nil {
			t.Fatal(err)
		}
		ext["workstage"][*ws.ID] = deref.Of(ws.ExternalID)
	}
	var lines []string
	seen := map[string]bool{}
	add := func(kind, key string, v any, refs map[string]string) {
		if key != "" {
			id := kind + " " + key
			if seen[id] {
				t.Errorf("duplicate %s", id)
			}
			seen[id] = true
		}
		m := fields(t, v)
		delete(m, "id")
		delete(m, "modified")
		for _, k := range []string{"production_planning_job_id", "production_planning_order_row_id"} {
			if _, ok := m[k]; ok {
				m[k] = "set" // the export's ids, which differ between runs
			}
		}
		for k, v := range refs {
			m[k] = v
		}
		b, _ := json.Marshal(m)
		lines = append(lines, kind+" "+string(b))
	}
	idRef := func(kind string, id *int64) string {
		if id == nil {
			return ""
		}
		if s := ext[kind][*id]; s != "" {
			return s
		}
		return fmt.Sprintf("%s#%d", kind, *id) // a seeded record without an external ID
	}
	for _, c := range e.sp.Customers() {
		add("customer", deref.Of(c.ExternalID), c, nil)
	}
	for _, o := range e.sp.Orders() {
		add("order", deref.Of(o.ExternalID)+archivedMark(o.IsArchive), o, map[string]string{
			"production_planning_customer_id": idRef("customer", o.ProductionPlanningCustomerID)})
	}
	for _, p := range e.sp.Products() {
		add("product", deref.Of(p.ExternalID), p, nil)
	}
	for _, r := range e.sp.OrderRows() {
		add("row", deref.Of(r.ExternalID)+archivedMark(r.IsArchive), r, map[string]string{
			"phaser_order_id": idRef("order", r.PhaserOrderID), "production_planning_product_id": idRef("product", r.ProductionPlanningProductID)})
	}
	for _, j := range e.sp.Jobs() {
		key := deref.Of(j.ExternalID)
		if key == "" {
			key = fmt.Sprintf("%s step %d", idRef("row", j.PhaserOrderRowID), deref.Of(j.OrderNumber))
		}
		add("job", key+archivedMark(j.IsArchive), j, map[string]string{
			"phaser_order_row_id": idRef("row", j.PhaserOrderRowID), "phaser_workstage_id": idRef("workstage", j.PhaserWorkstageID)})
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// archivedMark keeps an archived record apart from a live one with the
// same external ID (a recreated order).
func archivedMark(a *bool) string {
	if a != nil && *a {
		return " (archived)"
	}
	return ""
}

func fields(t testing.TB, v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
