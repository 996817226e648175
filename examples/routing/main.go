// Command routing shows the two ways an order row gets its jobs, offline,
// against the fakes and their demo data:
//
//	go run ./examples/routing
//
// A row created with skyplanner.WithDefaultSteps() and naming its product
// gets the product's default steps, copied by SkyPlanner as its jobs. A row
// without it gets the jobs the integration creates itself: an explicit
// routing. The example builds one row of each with the SkyPlanner client,
// then lets the planbridge.Syncer make the same choice per item from
// mapping.Options.Routing, and prints every row's jobs with their
// workstages.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"

	"github.com/planbridge/planbridge/mapping"
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
	fmt.Fprintln(stdout, "With the SkyPlanner client:")
	if err := withClient(ctx, stdout); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nWith the Syncer, Minimax order 2026-1 and a routing for STOL-BLAG and MONTAZA:")
	return withSyncer(ctx, stdout)
}

// withClient makes an order with an oak chair row on its default steps and
// a dining table row on a routing of its own.
func withClient(ctx context.Context, stdout io.Writer) error {
	fake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		return err
	}
	defer fake.Close()
	sp, err := skyplanner.New(fake.ClientOptions()...)
	if err != nil {
		return err
	}

	customer, err := sp.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o.")})
	if err != nil {
		return err
	}
	order, err := sp.CreateOrder(ctx, skyplanner.Order{Number: new("2026-1"), ProductionPlanningCustomerID: customer.ID})
	if err != nil {
		return err
	}
	// The demo products stand for Minimax items; their external ids say which.
	chair, err := sp.FindProductByExternalID(ctx, mapping.ItemExternalID(skyplannertest.DemoOrganisation, 384501))
	if err != nil {
		return err
	}
	table, err := sp.FindProductByExternalID(ctx, mapping.ItemExternalID(skyplannertest.DemoOrganisation, 384510))
	if err != nil {
		return err
	}

	// SkyPlanner copies the chair's default steps to the row as its jobs.
	_, err = sp.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, ProductionPlanningProductID: chair.ID,
		Amount: new(12.0), RowIndex: new(int32(1))}, skyplanner.WithDefaultSteps())
	if err != nil {
		return err
	}

	// The table is cut on the CNC only and oiled at assembly, not lacquered:
	// the row gets no default steps, and its jobs are created one by one.
	tableRow, err := sp.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, ProductionPlanningProductID: table.ID,
		Amount: new(2.0), RowIndex: new(int32(2))})
	if err != nil {
		return err
	}
	routing := []struct {
		workstage, name string
		seconds         float64
		workstations    []int64
	}{
		{"rezanje", "CNC rezanje ploče", 7200, []int64{62}},
		{"brušenje", "Brušenje", 3600, nil},
		{"montaža", "Montaža i uljenje", 5400, nil},
	}
	for i, step := range routing {
		ws, err := sp.FindWorkstageByExternalID(ctx, step.workstage)
		if err != nil {
			return err
		}
		job := skyplanner.Job{PhaserOrderRowID: tableRow.ID, PhaserWorkstageID: ws.ID, Name: new(step.name),
			OrderNumber: new(int32(i + 1)), Duration: new(step.seconds)}
		if step.workstations != nil {
			job.Workstations = new(skyplanner.Workstations(step.workstations))
		}
		if _, err := sp.CreateJob(ctx, job); err != nil {
			return err
		}
	}
	return printRows(ctx, stdout, sp, *order.ID)
}
