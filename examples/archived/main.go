// Command archived shows SkyPlanner's two kinds of delete, offline, against
// the SkyPlanner fake and its demo data:
//
//	go run ./examples/archived
//
// Orders, order rows and jobs are archived, not deleted (ArchiveOrder,
// ArchiveOrderRow, ArchiveJob): an archived record drops out of every
// normal read, where a get answers not found (skyplanner.ErrNotFound), and
// comes back with skyplanner.IncludeArchived(). Customers have no archive:
// DeleteCustomer is permanent, and no option reads the customer again.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log"
	"os"
	"os/signal"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, stdout io.Writer) error {
	fake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		return err
	}
	defer fake.Close()
	// With the real service: skyplanner.WithSite and WithToken instead.
	sp, err := skyplanner.New(fake.ClientOptions()...)
	if err != nil {
		return err
	}

	// An order with one row, whose jobs SkyPlanner makes from the product's
	// default steps.
	customer, err := sp.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o.")})
	if err != nil {
		return err
	}
	order, err := sp.CreateOrder(ctx, skyplanner.Order{Number: new("2026-1"), ProductionPlanningCustomerID: customer.ID})
	if err != nil {
		return err
	}
	chair, err := sp.FindProductByExternalID(ctx, "minimax:3840:item:384501") // the demo's oak chair
	if err != nil {
		return err
	}
	row, err := sp.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, ProductionPlanningProductID: chair.ID, Amount: new(12.0)},
		skyplanner.WithDefaultSteps())
	if err != nil {
		return err
	}
	var jobs []skyplanner.Job
	for job, err := range sp.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}) {
		if err != nil {
			return err
		}
		jobs = append(jobs, job)
	}
	fmt.Fprintf(stdout, "Order %s (id %d) has row %d with %d jobs.\n", *order.Number, *order.ID, *row.ID, len(jobs))

	job := jobs[0]
	fmt.Fprintf(stdout, "\nArchiveJob %d (%s):\n", *job.ID, deref(job.Name))
	if err := sp.ArchiveJob(ctx, *job.ID); err != nil {
		return err
	}
	err = readBoth(stdout, "GetJob", func(opts ...skyplanner.ReadOption) (skyplanner.Job, error) {
		return sp.GetJob(ctx, *job.ID, opts...)
	})
	if err != nil {
		return err
	}
	err = countBoth(stdout, "ListJobs of the row", func(opts ...skyplanner.ReadOption) iter.Seq2[skyplanner.Job, error] {
		return sp.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}, opts...)
	})
	if err != nil {
		return err
	}

	fmt.Fprintf(stdout, "\nArchiveOrderRow %d:\n", *row.ID)
	if err := sp.ArchiveOrderRow(ctx, *row.ID); err != nil {
		return err
	}
	err = readBoth(stdout, "GetOrderRow", func(opts ...skyplanner.ReadOption) (skyplanner.OrderRow, error) {
		return sp.GetOrderRow(ctx, *row.ID, opts...)
	})
	if err != nil {
		return err
	}

	fmt.Fprintf(stdout, "\nArchiveOrder %d:\n", *order.ID)
	if err := sp.ArchiveOrder(ctx, *order.ID); err != nil {
		return err
	}
	err = readBoth(stdout, "GetOrder", func(opts ...skyplanner.ReadOption) (skyplanner.Order, error) {
		return sp.GetOrder(ctx, *order.ID, opts...)
	})
	if err != nil {
		return err
	}
	err = countBoth(stdout, "ListOrders", func(opts ...skyplanner.ReadOption) iter.Seq2[skyplanner.Order, error] {
		return sp.ListOrders(ctx, skyplanner.OrderFilter{}, opts...)
	})
	if err != nil {
		return err
	}

	// A customer created twice by mistake; deleting the copy cannot be undone.
	duplicate, err := sp.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o.")})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nDeleteCustomer %d (a duplicate of customer %d):\n", *duplicate.ID, *customer.ID)
	if err := sp.DeleteCustomer(ctx, *duplicate.ID); err != nil {
		return err
	}
	_, err = sp.GetCustomer(ctx, *duplicate.ID)
	if !errors.Is(err, skyplanner.ErrNotFound) {
		return fmt.Errorf("a deleted customer read as %v, want not found", err)
	}
	fmt.Fprintf(stdout, "  GetCustomer: not found, for good: customers are deleted, not archived,\n")
	fmt.Fprintf(stdout, "  so GetCustomer and ListCustomers take no IncludeArchived\n")
	n := 0
	for c, err := range sp.ListCustomers(ctx, skyplanner.CustomerFilter{}) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(stdout, "  ListCustomers: %d %s\n", *c.ID, deref(c.Name))
	}
	fmt.Fprintf(stdout, "  %d customer left\n", n)
	return nil
}

// readBoth reads a record plainly and with IncludeArchived, and prints
// what each read found. An archived record must be missing from the first.
func readBoth[T interface{ Archived() bool }](w io.Writer, call string, get func(...skyplanner.ReadOption) (T, error)) error {
	_, err := get()
	if !errors.Is(err, skyplanner.ErrNotFound) {
		return fmt.Errorf("%s of an archived record: got %v, want not found", call, err)
	}
	fmt.Fprintf(w, "  %-45s not found (errors.Is(err, skyplanner.ErrNotFound))\n", call+":")
	record, err := get(skyplanner.IncludeArchived())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %-45s found, Archived() = %t\n", call+" with IncludeArchived():", record.Archived())
	return nil
}

// countBoth counts what a list yields plainly and with IncludeArchived.
func countBoth[T any](w io.Writer, call string, list func(...skyplanner.ReadOption) iter.Seq2[T, error]) error {
	for _, opts := range [][]skyplanner.ReadOption{nil, {skyplanner.IncludeArchived()}} {
		n := 0
		for _, err := range list(opts...) {
			if err != nil {
				return err
			}
			n++
		}
		label := call + ":"
		if opts != nil {
			label = call + " with IncludeArchived():"
		}
		fmt.Fprintf(w, "  %-45s %d\n", label, n)
	}
	return nil
}

// deref reads an optional field of the records, nil as the zero value. Ids
// need none: the client refuses a record without its id.
func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}
