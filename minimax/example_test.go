package minimax_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// demo starts the Minimax fake with its demo data (a Croatian furniture
// maker, organisation 3840) and returns a client of it. The fake runs on
// loopback; with the real service, build the client as ExampleNew does.
func demo(opts ...minimax.Option) (*minimax.Client, *minimaxtest.Server) {
	srv, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	c, err := minimax.New(append(srv.ClientOptions(), opts...)...)
	if err != nil {
		log.Fatal(err)
	}
	return c, srv
}

// A client for a Croatian organisation. Nothing is sent until the first
// call, so New only checks the configuration.
func ExampleNew() {
	c, err := minimax.New(
		minimax.WithCountry(minimax.Croatia),
		minimax.WithCredentials(minimax.Credentials{
			ClientID:     "acme-integration", // from Minimax support
			ClientSecret: "client-secret",
			Username:     "sync-user", // the "external application" credentials of the profile page
			Password:     "app-password",
		}),
		minimax.WithOrganisation(3840),
		minimax.WithDailyBudget(800), // leave room for the web UI in Minimax's ~1,000 a day
	)
	if err != nil {
		fmt.Println("configuration:", err)
		return
	}
	fmt.Println(c != nil)

	// Half-set credentials are refused, naming what is missing.
	_, err = minimax.New(minimax.WithCountry(minimax.Croatia),
		minimax.WithCredentials(minimax.Credentials{ClientID: "acme-integration", Username: "sync-user"}))
	fmt.Println(err)
	// Output:
	// true
	// minimax: credentials lack ClientSecret, Password
}

// Confirmed received orders, two to a page. The sequence fetches a page
// only when the loop reaches it, and stopping early fetches no more.
func ExampleClient_ListOrders() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	confirmed := minimax.OrderFilter{Status: minimax.StatusConfirmed, ReceivedIssued: minimax.Received, PageSize: 2}
	for o, err := range c.ListOrders(ctx, confirmed) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d-%d %s\n", *o.Year, *o.Number, *o.Customer.Name)
	}
	const list = "GET /api/orgs/{organisationId}/orders"
	fmt.Println("pages read:", srv.Count(list))

	for o, err := range c.ListOrders(ctx, confirmed) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("first: %d-%d\n", *o.Year, *o.Number)
		break
	}
	fmt.Println("pages read:", srv.Count(list))
	// Output:
	// 2026-1 Saop d.o.o.
	// 2026-2 Hotel Adria d.d.
	// 2026-3 Pohištvo Novak d.o.o.
	// pages read: 2
	// first: 2026-1
	// pages read: 3
}

// GetOrder reads one order whole: its rows, and the RowVersion a write
// must send back.
func ExampleClient_GetOrder() {
	c, srv := demo()
	defer srv.Close()

	o, err := c.GetOrder(context.Background(), 7870)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d-%d for %s, %s, due %s\n", *o.Year, *o.Number, *o.CustomerName,
		minimax.StatusOf(o.Status), o.DueDate.Time().Format("2006-01-02"))
	for _, r := range *o.OrderRows {
		fmt.Printf("  %-10s %4g %s\n", *r.ItemCode, *r.Quantity, *r.UnitOfMeasurement)
	}
	fmt.Println("has a RowVersion:", o.RowVersion != nil)
	// Output:
	// 2026-1 for Saop d.o.o., P, due 2026-12-01
	//   STOL-HRAST   12 kom
	//   STOL-BLAG     2 kom
	//   MONTAZA       4 h
	// has a RowVersion: true
}

// Actions change an order's status. Each reads the order first for its
// current RowVersion, so it costs two requests.
func ExampleClient_ConfirmOrder() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	if err := c.ConfirmOrder(ctx, 7873); err != nil { // the demo's draft, 2026-4
		log.Fatal(err)
	}
	o, err := c.GetOrder(ctx, 7873)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("status:", minimax.StatusOf(o.Status) == minimax.StatusConfirmed)

	// An action the status does not allow is refused by the service.
	err = c.ConfirmOrder(ctx, 7873)
	fmt.Println("confirmed twice is a validation error:", errors.Is(err, minimax.ErrValidation))
	// Output:
	// status: true
	// confirmed twice is a validation error: true
}

// UpdateOrder sends the RowVersion the order was read with. When someone
// changed the order in between, the error matches ErrConflict: read it
// again and decide again, never resend the stale record.
func ExampleClient_UpdateOrder() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	stale, err := c.GetOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	// Someone else edits the order after it was read.
	other, _ := c.GetOrder(ctx, 7870)
	other.Notes = new("Call before delivery")
	if err := c.UpdateOrder(ctx, other); err != nil {
		log.Fatal(err)
	}

	stale.Reference = new("PO-2026-118/B")
	err = c.UpdateOrder(ctx, stale)
	fmt.Println("stale write:", errors.Is(err, minimax.ErrConflict))

	for range 3 { // re-read, apply the change again, write
		fresh, err := c.GetOrder(ctx, 7870)
		if err != nil {
			log.Fatal(err)
		}
		fresh.Reference = new("PO-2026-118/B")
		if err = c.UpdateOrder(ctx, fresh); !errors.Is(err, minimax.ErrConflict) {
			fmt.Println("retried write:", err)
			break
		}
	}
	o, _ := c.GetOrder(ctx, 7870)
	fmt.Println(*o.Reference, "/", *o.Notes)
	// Output:
	// stale write: true
	// retried write: <nil>
	// PO-2026-118/B / Call before delivery
}

// Code lists differ between organisations, so records are found by code.
// The answer is cached: the second lookup sends nothing.
func ExampleClient_FindCustomerByCode() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	for range 2 {
		cust, err := c.FindCustomerByCode(ctx, "HOTEL-ADRIA")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(*cust.CustomerID, *cust.Name, *cust.City)
	}
	fmt.Println("requests:", c.RequestsSent())

	_, err := c.FindCustomerByCode(ctx, "NO-SUCH-CODE")
	fmt.Println("unknown code:", errors.Is(err, minimax.ErrNotFound))
	// Output:
	// 399655 Hotel Adria d.d. Zadar
	// 399655 Hotel Adria d.d. Zadar
	// requests: 1
	// unknown code: true
}

// The generated client reaches every operation of the vendor's document
// that this package does not wrap, here the customer list. It is already
// authenticated, retried and counted against the budget; its answers are
// not checked, so look at the status yourself.
func ExampleClient_API() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	org, err := c.Organisation(ctx)
	if err != nil {
		log.Fatal(err)
	}
	resp, err := c.API().GetCustomersWithResponse(ctx, org, &api.GetCustomersParams{SearchString: new("d.o.o.")})
	if err != nil {
		log.Fatal(err)
	}
	if resp.JSON200 == nil {
		log.Fatalf("customers: %s", resp.Status())
	}
	for _, cust := range *resp.JSON200.Rows {
		fmt.Println(*cust.Code, *cust.Name)
	}
	// Output:
	// SAOP Saop d.o.o.
	// KOVINA Kovina Split d.o.o.
	// LESNINA-LJ Pohištvo Novak d.o.o.
}

// A budget below Minimax's daily quota: past it a call fails at once,
// sending nothing, with an error that says when the next request may go.
func ExampleWithDailyBudget() {
	c, srv := demo(minimax.WithDailyBudget(2))
	defer srv.Close()
	ctx := context.Background()

	for _, id := range []int64{7870, 7871, 7872} {
		_, err := c.GetOrder(ctx, id)
		var be *minimax.BudgetError
		switch {
		case errors.As(err, &be):
			fmt.Printf("order %d: budget of %d used up\n", id, be.Limit)
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Printf("order %d read\n", id)
		}
	}
	used, limit := c.BudgetUsed()
	fmt.Printf("budget: %d of %d\n", used, limit)
	// Output:
	// order 7870 read
	// order 7871 read
	// order 7872: budget of 2 used up
	// budget: 2 of 2
}

// A wrong password is asked about once. Minimax locks the API application
// after repeated wrong passwords, so the client latches the refusal: later
// calls fail at once without another token request.
func ExampleAuthError() {
	srv, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	creds := srv.Credentials()
	creds.Password = "wrong"
	c, err := minimax.New(minimax.WithBaseURL(srv.BaseURL()), minimax.WithTokenURL(srv.TokenURL()),
		minimax.WithCredentials(creds), minimax.WithOrganisation(srv.Organisation()))
	if err != nil {
		log.Fatal(err)
	}

	for range 3 {
		_, err = c.GetOrder(context.Background(), 7870)
		var ae *minimax.AuthError
		fmt.Println(errors.Is(err, minimax.ErrCredentialsRefused), errors.As(err, &ae) && ae.Latched)
	}
	fmt.Println("token requests:", srv.TokenRequests())
	// Output:
	// true true
	// true true
	// true true
	// token requests: 1
}
