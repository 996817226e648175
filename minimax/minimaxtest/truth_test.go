package minimaxtest_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// TestListRowsHaveTheVendorsShapes reads the lists whose rows the vendor
// shapes differently from the records (ItemSearch has Title, not Name) the
// way a client does, through the generated types.
func TestListRowsHaveTheVendorsShapes(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	raw := newClient(t, srv).API()
	ctx, org := t.Context(), srv.Organisation()

	items, err := raw.GetItemsWithResponse(ctx, org, &api.GetItemsParams{SearchString: new("STOL-HRAST")})
	if err != nil || items.JSON200 == nil || len(*items.JSON200.Rows) != 1 {
		t.Fatalf("items: %v %s", err, items.Body)
	}
	if row := (*items.JSON200.Rows)[0]; row.Title == nil || *row.Title != "Hrastov stol" || *row.Code != "STOL-HRAST" {
		t.Errorf("item row = %s, want Title Hrastov stol", items.Body)
	}
	customers, err := raw.GetCustomersWithResponse(ctx, org, &api.GetCustomersParams{SearchString: new("SAOP")})
	if err != nil || customers.JSON200 == nil || len(*customers.JSON200.Rows) != 1 {
		t.Fatalf("customers: %v %s", err, customers.Body)
	}
	if row := (*customers.JSON200.Rows)[0]; row.Name == nil || *row.Name != "Saop d.o.o." || *row.CustomerID != 399631 {
		t.Errorf("customer row = %s", customers.Body)
	}
}

// TestDemoOrdersCarryTheirStatusDates: an order confirmed, completed or
// invalidated has the date of it, as Minimax's orders do.
func TestDemoOrdersCarryTheirStatusDates(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv)
	seen := map[minimax.Status]bool{}
	for _, seed := range minimaxtest.DemoData().Orders {
		o, err := c.GetOrder(t.Context(), *seed.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		status := minimax.StatusOf(o.Status)
		seen[status] = true
		want := map[string]bool{
			"DateConfirmed": status == minimax.StatusConfirmed || status == minimax.StatusCompleted,
			"DateCompleted": status == minimax.StatusCompleted,
			"DateCanceled":  status == minimax.StatusInvalidated,
		}
		got := map[string]bool{"DateConfirmed": o.DateConfirmed.Valid(), "DateCompleted": o.DateCompleted.Valid(), "DateCanceled": o.DateCanceled.Valid()}
		for k := range want {
			if want[k] != got[k] {
				t.Errorf("order %d in status %s: %s set %v, want %v", *o.OrderID, status, k, got[k], want[k])
			}
		}
	}
	if !seen[minimax.StatusConfirmed] || !seen[minimax.StatusInvalidated] || !seen[minimax.StatusDraft] {
		t.Errorf("the demo orders' statuses are %v; want draft, confirmed and invalidated ones", seen)
	}
}

// TestCreateNumbersRowsItself: the service gives new rows their IDs and
// row versions; an OrderRowId sent on a create is ignored.
func TestCreateNumbersRowsItself(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv)
	body := `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Customer":{"ID":399631},"Currency":{"ID":7},
		"OrderRows":[{"OrderRowId":53530,"RowVersion":"AAAAAKszvAU=","Item":{"ID":384501},"Quantity":1},
			{"OrderRowId":53530,"Item":{"ID":384502},"Quantity":2}]}`
	resp, err := c.API().AddOrderWithBodyWithResponse(t.Context(), srv.Organisation(), "application/json", strings.NewReader(body))
	if err != nil || resp.StatusCode() != http.StatusCreated {
		t.Fatalf("create: %v %d %s", err, resp.StatusCode(), resp.Body)
	}
	loc := resp.HTTPResponse.Header.Get("Location")
	var id int64
	if err := json.Unmarshal([]byte(loc[strings.LastIndex(loc, "=")+1:]), &id); err != nil {
		t.Fatalf("Location %q: %v", loc, err)
	}
	o, err := c.GetOrder(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	rows := *o.OrderRows
	if len(rows) != 2 {
		t.Fatalf("rows = %d, want 2", len(rows))
	}
	ids := map[int64]bool{}
	for i, r := range rows {
		var rowID int64
		if r.OrderRowID != nil {
			rowID = *r.OrderRowID
		}
		if rowID == 0 || rowID == 53530 || ids[rowID] {
			t.Errorf("row %d has ID %d; want a new one of the fake's own", i, rowID)
		}
		ids[rowID] = true
		switch {
		case r.RowVersion == nil:
			t.Errorf("row %d has no RowVersion", i)
		case *r.RowVersion == "AAAAAKszvAU=" || *r.RowVersion == "":
			t.Errorf("row %d has RowVersion %q; want one of the fake's own", i, *r.RowVersion)
		}
	}
}

// TestUnsetDatesAndReferencesAreNull: the fake writes a date or reference
// an order does not have as null, as the vendor's example does
// ("DateCompleted": null, "Analytic": null, a row's "Warehouse": null).
func TestUnsetDatesAndReferencesAreNull(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	raw := newClient(t, srv).API()
	resp, err := raw.GetOrderWithResponse(t.Context(), srv.Organisation(), 7873) // a draft: no status dates
	if err != nil || resp.StatusCode() != http.StatusOK {
		t.Fatalf("%v %d", err, resp.StatusCode())
	}
	var order map[string]json.RawMessage
	if err := json.Unmarshal(resp.Body, &order); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal(order["OrderRows"], &rows); err != nil || len(rows) == 0 {
		t.Fatalf("rows: %v %s", err, order["OrderRows"])
	}
	for _, k := range datesAndReferences(reflect.TypeFor[api.Order]()) {
		if v, ok := order[k]; !ok {
			t.Errorf("order: %s left out, want it present", k)
		} else if k == "DateCompleted" || k == "DateCanceled" || k == "DateConfirmed" || k == "Analytic" || k == "RecipientCountry" {
			if string(v) != "null" {
				t.Errorf("order: %s = %s, want null", k, v)
			}
		}
	}
	for _, k := range datesAndReferences(reflect.TypeFor[api.OrderRow]()) {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("row: %s left out, want it present", k)
		}
	}
	if string(rows[0]["Warehouse"]) != "null" {
		t.Errorf("row: Warehouse = %s, want null", rows[0]["Warehouse"])
	}
}

// datesAndReferences are the JSON names of t's date and reference fields.
func datesAndReferences(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if f.Type == reflect.TypeFor[api.DateTime]() || f.Type == reflect.TypeFor[*api.FkField]() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			names = append(names, name)
		}
	}
	return names
}
