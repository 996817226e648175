package planbridge_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// A first sync of the demo Minimax into the demo SkyPlanner, then a second
// one from the watermark the first returned, which has nothing to do.
func ExampleSyncer_Sync() {
	ctx := context.Background()
	// The fakes stand in for the two services; with real ones, build the
	// clients with minimax.WithCountry, WithCredentials, WithOrganisation and
	// skyplanner.WithSite, WithToken instead.
	mmFake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	defer mmFake.Close()
	spFake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	defer spFake.Close()

	mm, err := minimax.New(mmFake.ClientOptions()...)
	if err != nil {
		log.Fatal(err)
	}
	sp, err := skyplanner.New(spFake.ClientOptions()...)
	if err != nil {
		log.Fatal(err)
	}
	mapper, err := mapping.NewMapper(mapping.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	syncer, err := planbridge.NewSyncer(mm, sp, mapper, planbridge.WithExport())
	if err != nil {
		log.Fatal(err)
	}

	report, err := syncer.Sync(ctx, planbridge.Watermark{}) // the zero watermark: every order
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range report.Orders {
		fmt.Printf("%s: %s\n", o.Order, o.Outcome)
	}
	fmt.Printf("rows created: %d\n", report.Totals[planbridge.KindRow].Created)

	// Keep report.Next (or let WithStore keep it) for the next run.
	again, err := syncer.Sync(ctx, report.Next)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("second run: %d orders, %d SkyPlanner requests\n", len(again.Orders), again.Requests.SkyPlanner)
	// Output:
	// order 2026-1 (Minimax 7870): created
	// order 2026-2 (Minimax 7871): created
	// order 2026-3 (Minimax 7872): created
	// order 2026-4 (Minimax 7873): skipped
	// order 2026-5 (Minimax 7874): skipped
	// rows created: 8
	// second run: 0 orders, 0 SkyPlanner requests
}

// demo is both fakes with their demo data, and clients of them.
// ExampleSyncer_Sync shows the same steps in full.
type demo struct {
	mm     *minimax.Client
	sp     *skyplanner.Client
	spFake *skyplannertest.Server
	mapper *mapping.Mapper
	close  func()
}

func startDemo() demo {
	mmFake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	spFake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	d := demo{spFake: spFake, close: func() { mmFake.Close(); spFake.Close() }}
	if d.mm, err = minimax.New(mmFake.ClientOptions()...); err != nil {
		log.Fatal(err)
	}
	if d.sp, err = skyplanner.New(spFake.ClientOptions()...); err != nil {
		log.Fatal(err)
	}
	if d.mapper, err = mapping.NewMapper(mapping.DefaultOptions()); err != nil {
		log.Fatal(err)
	}
	return d
}

// syncer is a Syncer over the demo's clients with opts.
func (d demo) syncer(opts ...planbridge.Option) *planbridge.Syncer {
	s, err := planbridge.NewSyncer(d.mm, d.sp, d.mapper, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return s
}

// One order, whatever its status: created first; once invalidated in
// Minimax, archived in SkyPlanner.
func ExampleSyncer_SyncOrder() {
	d := startDemo()
	defer d.close()
	syncer := d.syncer()
	ctx := context.Background()

	report, err := syncer.SyncOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	o := report.Orders[0]
	fmt.Printf("%s: %s with %d writes\n", o.Order, o.Outcome, len(o.Writes))

	again, err := syncer.SyncOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("again: %s with %d writes\n", again.Orders[0].Outcome, len(again.Orders[0].Writes))

	if err := d.mm.InvalidateOrder(ctx, 7870); err != nil {
		log.Fatal(err)
	}
	invalidated, err := syncer.SyncOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range invalidated.Orders[0].Writes {
		fmt.Println("invalidated:", w.Op, w.Kind, w.ExternalID)
	}
	// Output:
	// order 2026-1 (Minimax 7870): created with 6 writes
	// again: unchanged with 0 writes
	// invalidated: archive order minimax:3840:order:7870
}

// A dry run reads both services and reports the writes a run would make,
// sending none: here after the customer changed an order already synced.
func ExampleWithDryRun() {
	d := startDemo()
	defer d.close()
	ctx := context.Background()
	if _, err := d.syncer().SyncOrder(ctx, 7870); err != nil {
		log.Fatal(err)
	}

	// In Minimax, the customer's reference changes and the chairs go from 12 to 16.
	o, err := d.mm.GetOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	o.Reference = new("PO-2026-118 rev. 2")
	(*o.OrderRows)[0].Quantity = new(16.0)
	if err := d.mm.UpdateOrder(ctx, o); err != nil {
		log.Fatal(err)
	}

	report, err := d.syncer(planbridge.WithDryRun()).SyncOrder(ctx, 7870)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range report.Orders[0].Writes {
		fmt.Println(w.Op, w.Kind, w.Fields)
	}
	fmt.Println("dry run:", report.DryRun)
	fmt.Println("SkyPlanner still has:", *d.spFake.Orders()[0].Description)
	// Output:
	// update order [description]
	// update row [amount ordered_amount]
	// dry run: true
	// SkyPlanner still has: PO-2026-118
}

// Events report a run as it goes, one order after another: the hook for a
// progress display or metrics. The callback is never called concurrently.
func ExampleWithEvents() {
	progress := func(e planbridge.Event) {
		switch e.Type {
		case planbridge.EventOrderDone, planbridge.EventOrderSkipped, planbridge.EventOrderFailed:
			fmt.Printf("%-9s %s\n", e.Outcome, e.Order.Number)
		}
	}
	d := startDemo()
	defer d.close()

	if _, err := d.syncer(planbridge.WithEvents(progress), planbridge.WithWorkers(1)).Sync(context.Background(), planbridge.Watermark{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// created   2026-1
	// created   2026-2
	// created   2026-3
	// skipped   2026-4
	// skipped   2026-5
}

// With a Store, Resume starts where the last run stopped and saves where
// this one ends: here a file, as a process started by cron would keep it.
func ExampleSyncer_Resume() {
	dir, err := os.MkdirTemp("", "planbridge-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	store, err := planbridge.NewFileStore(filepath.Join(dir, "state.json"))
	if err != nil {
		log.Fatal(err)
	}
	d := startDemo()
	defer d.close()
	ctx := context.Background()

	for run := 1; run <= 2; run++ {
		// A new Syncer each time, as each run of a cron job would build one.
		report, err := d.syncer(planbridge.WithStore(store)).Resume(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("run %d: %d created, %d skipped, %d orders in all\n", run,
			report.Count(planbridge.OutcomeCreated), report.Count(planbridge.OutcomeSkipped), len(report.Orders))
	}
	// Output:
	// run 1: 3 created, 2 skipped, 5 orders in all
	// run 2: 0 created, 0 skipped, 0 orders in all
}

// Rescan reconciles every order that matches a filter, whatever the
// watermark says: the first run against an existing Minimax, or a repair.
func ExampleSyncer_Rescan() {
	d := startDemo()
	defer d.close()

	report, err := d.syncer().Rescan(context.Background(), planbridge.RescanFilter{Year: 2026})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range report.Orders {
		if o.Reason != "" {
			fmt.Printf("%s: %s (%s)\n", o.Order, o.Outcome, o.Reason)
		} else {
			fmt.Printf("%s: %s\n", o.Order, o.Outcome)
		}
	}
	// Output:
	// order 2026-1 (Minimax 7870): created
	// order 2026-2 (Minimax 7871): created
	// order 2026-3 (Minimax 7872): created
	// order 2026-4 (Minimax 7873): skipped (draft order (status O); drafts are not synced)
	// order 2026-5 (Minimax 7874): skipped (invalidated order (status R); SkyPlanner has no order for it)
}
