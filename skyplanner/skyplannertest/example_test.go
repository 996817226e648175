package skyplannertest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// planProduct is the code under test in these examples, as an integration
// would write it: put qty of a product (found by its external id) on a new
// order for a new customer, with the product's default steps as jobs,
// export it, and report when production is planned to start and end.
func planProduct(ctx context.Context, c *skyplanner.Client, customer, number, productExtID string, qty float64) (start, end time.Time, err error) {
	product, err := c.FindProductByExternalID(ctx, productExtID)
	if err != nil {
		return start, end, err
	}
	cust, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: &customer})
	if err != nil {
		return start, end, err
	}
	order, err := c.CreateOrder(ctx, skyplanner.Order{ProductionPlanningCustomerID: cust.ID, Number: &number})
	if err != nil {
		return start, end, err
	}
	row, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, ProductionPlanningProductID: product.ID, Amount: &qty},
		skyplanner.WithDefaultSteps())
	if err != nil {
		return start, end, err
	}
	if err := c.ExportOrders(ctx, *order.ID); err != nil {
		return start, end, err
	}
	for job, err := range c.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}) {
		if err != nil {
			return start, end, err
		}
		sj, err := c.ScheduledJob(ctx, *job.ProductionPlanningJobID)
		if err != nil {
			return start, end, err
		}
		if s, ok := sj.Start(); ok && (start.IsZero() || s.Before(start)) {
			start = s
		}
		if e, ok := sj.End(); ok && e.After(end) {
			end = e
		}
	}
	return start, end, nil
}

// Testing your own code against the fake. In a test, one line does it:
//
//	srv := skyplannertest.NewServer(t, skyplannertest.WithDemoData())
//
// An example has no *testing.T, so it starts and closes the fake itself.
// A fixed clock makes the plan repeatable.
func Example() {
	monday := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	srv, err := skyplannertest.Start(skyplannertest.WithDemoData(), skyplannertest.WithClock(func() time.Time { return monday }))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c, err := skyplanner.New(srv.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}

	// The Minimax demo item STOL-HRAST (item 384501 of organisation 3840).
	start, end, err := planProduct(context.Background(), c, "Saop d.o.o.", "2026-1", "minimax:3840:item:384501", 12)
	fmt.Println(start.Format(time.RFC3339), end.Format(time.RFC3339), err)

	// What the code left in SkyPlanner.
	for _, j := range srv.Jobs() {
		fmt.Println(*j.OrderNumber, *j.Name, "in workstage", *j.PhaserWorkstageID)
	}
	fmt.Println(srv.Count("POST /phaser-orders/export"), "export")
	// Output:
	// 2026-11-23T08:00:00+01:00 2026-11-23T13:45:00+01:00 <nil>
	// 1 Rezanje in workstage 101
	// 2 Brušenje in workstage 102
	// 3 Lakiranje in workstage 103
	// 4 Montaža in workstage 104
	// 1 export
}

// Injecting a fault to see how your code copes with SkyPlanner failing:
// here the third request answers 503.
func ExampleServer_FailNth() {
	srv, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	// Without retries the failure comes straight back.
	c, _ := skyplanner.New(append(srv.ClientOptions(), skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{}))...)

	srv.FailNth(3, skyplannertest.Fault{Status: http.StatusServiceUnavailable})
	_, _, err = planProduct(context.Background(), c, "Saop d.o.o.", "2026-1", "minimax:3840:item:384501", 1)
	var apiErr *skyplanner.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Operation, apiErr.StatusCode, apiErr.Message)
	}
	fmt.Println(len(srv.Customers()), "customer,", len(srv.Orders()), "orders")
	// Output:
	// skyplanner.CreateOrder 503 injected fault: Service Unavailable
	// 1 customer, 0 orders
}

// Seeding the fake from a JSON fixture, and the fake refusing what
// SkyPlanner refuses.
func ExampleParseSeed() {
	seed, err := skyplannertest.ParseSeed([]byte(`{
		"customers": [{"id": 17, "name": "Kovina Split d.o.o.", "external_id": "minimax:3840:customer:399640"}],
		"phaser-orders": [{"id": 900, "production_planning_customer_id": 17, "number": "2026-4"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	srv, err := skyplannertest.Start(skyplannertest.WithSeed(seed))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c, _ := skyplanner.New(srv.ClientOptions()...)
	ctx := context.Background()

	cust, err := c.FindCustomerByExternalID(ctx, "minimax:3840:customer:399640")
	fmt.Println(*cust.ID, *cust.Name, err)
	order, err := c.GetOrder(ctx, 900)
	fmt.Println(*order.Number, *order.Status, err)

	// The client refuses "/" in an order number itself; sent anyway (here
	// through the generated client), the fake refuses it as SkyPlanner does.
	resp, err := c.API().CreateOrderWithResponse(ctx, skyplanner.Order{ProductionPlanningCustomerID: cust.ID, Number: new("2026/5")})
	fmt.Println(resp.StatusCode(), strings.TrimSpace(string(resp.Body)), err)
	// Output:
	// 17 Kovina Split d.o.o. <nil>
	// 2026-4 new <nil>
	// 400 {"message":"number: \"2026/5\" contains \"/\", which SkyPlanner does not accept in an order number"} <nil>
}

// The same record enveloped, as by default, and bare.
func ExampleWithBareResponses() {
	for _, opts := range [][]skyplannertest.Option{nil, {skyplannertest.WithBareResponses()}} {
		srv, err := skyplannertest.Start(append(opts, skyplannertest.WithDemoData())...)
		if err != nil {
			fmt.Println(err)
			return
		}
		req, _ := http.NewRequest("GET", srv.BaseURL()+"/workstations/61", nil)
		req.Header.Set("Authorization-Token", srv.Token())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Print(string(body))
		srv.Close()
	}
	// Output:
	// {"workstation":{"external_id":"formatna-pila","id":61,"name":"Formatna pila","scheduling_factor":1}}
	// {"external_id":"formatna-pila","id":61,"name":"Formatna pila","scheduling_factor":1}
}
