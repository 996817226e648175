package skyplanner_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/planbridge/planbridge/skyplanner"
)

// A job as the API sends it: the workstation list is one string on the wire
// and a slice in Go, and a field the SDK does not model is kept.
func ExampleJob() {
	var job skyplanner.Job
	_ = json.Unmarshal([]byte(`{"id":21,"phaser_workstage_id":4,"workstations":"61,62","color":"#ff0000",
		"start_eligibility_date":"2026-03-02 06:00:00"}`), &job)

	fmt.Println(*job.ID, []int64(*job.Workstations), job.StartEligibilityDate)
	out, _ := json.Marshal(job)
	fmt.Println(string(out))
	// Output:
	// 21 [61 62] 2026-03-02 06:00:00
	// {"color":"#ff0000","id":21,"phaser_workstage_id":4,"start_eligibility_date":"2026-03-02 06:00:00","workstations":"61,62"}
}

// A client for one tenant. The site name is the subdomain of
// skyplanner.app; anything that is not a plain host label is refused, so
// the token can only go to a SkyPlanner host.
func ExampleNew() {
	c, err := skyplanner.New(
		skyplanner.WithSite("acme"),
		skyplanner.WithToken("token-from-skyplanner-support"),
	)
	fmt.Println(c != nil, err)

	_, err = skyplanner.New(
		skyplanner.WithSite("acme.example.com"),
		skyplanner.WithToken("token-from-skyplanner-support"),
	)
	fmt.Println(err)
	// Output:
	// true <nil>
	// skyplanner: WithSite: site "acme.example.com": want letters, digits and hyphens only (the subdomain of skyplanner.app)
}

// An archived (soft-deleted) order is not found by a plain read; with
// IncludeArchived it is, and Archived reports its state.
func ExampleIncludeArchived() {
	// A stand-in for the tenant that answers for order 7 only when asked
	// for archived records.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/api/v3/phaser-orders/7" || r.URL.Query().Get("include_archived") != "true" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"message":"Record not found"}`)
			return
		}
		fmt.Fprint(w, `{"phaser-order":{"id":7,"number":"2026-17","is_archive":true}}`)
	}))
	defer srv.Close()

	c, err := skyplanner.New(skyplanner.WithBaseURL(srv.URL+"/api/v3"), skyplanner.WithToken("example-token"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	_, err = c.GetOrder(ctx, 7)
	fmt.Println("plain read is not found:", errors.Is(err, skyplanner.ErrNotFound))

	order, err := c.GetOrder(ctx, 7, skyplanner.IncludeArchived())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*order.Number, "archived:", order.Archived())
	// Output:
	// plain read is not found: true
	// 2026-17 archived: true
}

// An order row created WithDefaultSteps gets its product's default process
// steps as jobs, made by SkyPlanner from the product.
func ExampleClient_CreateOrderRow() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var row skyplanner.OrderRow
		if err := json.NewDecoder(r.Body).Decode(&row); err != nil || r.Method != http.MethodPost {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		fmt.Println("server got get_default_steps:", *row.GetDefaultSteps)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"phaser-order-row":{"id":11,"phaser_order_id":7,"production_planning_product_id":22220}}`)
	}))
	defer srv.Close()

	c, err := skyplanner.New(skyplanner.WithBaseURL(srv.URL), skyplanner.WithToken("example-token"))
	if err != nil {
		fmt.Println(err)
		return
	}
	orderID, productID, amount := int64(7), int64(22220), 12.0
	row, err := c.CreateOrderRow(context.Background(), skyplanner.OrderRow{
		PhaserOrderID:               &orderID,
		ProductionPlanningProductID: &productID,
		Amount:                      &amount,
	}, skyplanner.WithDefaultSteps())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("created row", *row.ID)
	// Output:
	// server got get_default_steps: true
	// created row 11
}
