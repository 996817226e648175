// Command list-orders lists received Minimax orders with filters and lazy
// paging, offline, against the Minimax fake and its demo data:
//
//	go run ./examples/list-orders
//
// It shows the typed filter letters (minimax.StatusConfirmed,
// minimax.Received: the compiler keeps a status out of the direction's
// field), a customer and a date range, and that ListOrders fetches a page
// only when the loop needs it: the fake's request count goes up one page at
// a time, and a loop that breaks early fetches no more pages.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// listOp is the fake's name for the list request, for its request count.
const listOp = "GET /api/orgs/{organisationId}/orders"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, stdout io.Writer) error {
	fake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		return err
	}
	defer fake.Close()
	// With the real service: minimax.WithCountry, WithCredentials and
	// WithOrganisation instead of the fake's options.
	mm, err := minimax.New(fake.ClientOptions()...)
	if err != nil {
		return err
	}

	// A page size of one, so that each order is a page of its own; the
	// default is 100 and the largest 1,000.
	confirmed := minimax.OrderFilter{Status: minimax.StatusConfirmed, ReceivedIssued: minimax.Received, PageSize: 1}
	fmt.Fprintln(stdout, "Confirmed received orders, one per page:")
	n := 0
	for o, err := range mm.ListOrders(ctx, confirmed) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(stdout, "  %-58s  list requests so far: %d\n", describe(o), fake.Count(listOp))
	}
	fmt.Fprintf(stdout, "%d orders in %d requests\n\n", n, fake.Count(listOp))

	// Breaking out of the loop ends the list: the page after is never asked for.
	fake.ResetLog()
	fmt.Fprintln(stdout, "The first two of them, then break:")
	n = 0
	for o, err := range mm.ListOrders(ctx, confirmed) {
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "  %s\n", describe(o))
		if n++; n == 2 {
			break
		}
	}
	fmt.Fprintf(stdout, "%d orders in %d requests: the third page was never fetched\n\n", n, fake.Count(listOp))

	// Every status, one customer, one month. Only the date of DateFrom and
	// DateTo is sent, read in the organisation's zone (minimax.WithLocation).
	const kovina = 399640
	november := minimax.OrderFilter{
		ReceivedIssued: minimax.Received,
		CustomerID:     kovina,
		DateFrom:       time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		DateTo:         time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
	}
	fmt.Fprintf(stdout, "Orders of customer %d dated 1 to 30 November 2026, any status:\n", kovina)
	n = 0
	for o, err := range mm.ListOrders(ctx, november) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(stdout, "  %s\n", describe(o))
	}
	fmt.Fprintf(stdout, "%d in the range (the customer's invalidated order 2026-5 is dated 28 October)\n", n)
	return nil
}

// describe is one line of a list: number, date, status, customer. A list
// row has no order rows and no RowVersion; GetOrder reads the whole order.
func describe(o minimax.OrderSearch) string {
	customer := ""
	if o.Customer != nil {
		customer = deref(o.Customer.Name)
	}
	return fmt.Sprintf("%d-%d  %s  %-11s  %s", deref(o.Year), deref(o.Number),
		o.Date.Time().Format(time.DateOnly), statusNames[minimax.StatusOf(o.Status)], customer)
}

var statusNames = map[minimax.Status]string{
	minimax.StatusDraft:       "draft",
	minimax.StatusConfirmed:   "confirmed",
	minimax.StatusCompleted:   "completed",
	minimax.StatusInvalidated: "invalidated",
}

// deref reads an optional field of the generated records, nil as the zero value.
func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}
