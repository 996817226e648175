package main

import (
	"context"
	"fmt"
	"io"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// withSyncer syncs Minimax order 2026-1: oak chairs, a dining table and
// hours of assembly at the customer's. Items the routing table names get
// its steps as jobs; the others get their product's default steps.
func withSyncer(ctx context.Context, stdout io.Writer) error {
	mmFake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		return err
	}
	defer mmFake.Close()
	spFake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		return err
	}
	defer spFake.Close()
	mm, err := minimax.New(mmFake.ClientOptions()...)
	if err != nil {
		return err
	}
	sp, err := skyplanner.New(spFake.ClientOptions()...)
	if err != nil {
		return err
	}

	// Routing is plain data, keyed by the Minimax item code, so it can live
	// in a configuration file; mapping.WithRoutingFunc routes by anything
	// else. A workstage is found by its external ID, or created; the sync
	// owns its name, so give the name the planners use.
	opts := mapping.DefaultOptions()
	opts.Routing = map[string][]mapping.Step{
		"STOL-BLAG": {
			{WorkstageExternalID: "rezanje", WorkstageName: "Rezanje", Name: "CNC rezanje ploče", DurationSeconds: 7200, Workstations: []int64{62}},
			{WorkstageExternalID: "brušenje", WorkstageName: "Brušenje", DurationSeconds: 3600},
			{WorkstageExternalID: "montaža", WorkstageName: "Montaža", Name: "Montaža i uljenje", DurationSeconds: 5400},
		},
		"MONTAZA": {}, // a service: no jobs at all
	}
	mapper, err := mapping.NewMapper(opts)
	if err != nil {
		return err
	}
	syncer, err := planbridge.NewSyncer(mm, sp, mapper)
	if err != nil {
		return err
	}
	const orderID = 7870 // 2026-1
	report, err := syncer.SyncOrder(ctx, orderID)
	if err != nil {
		return err
	}
	if err := report.Err(); err != nil {
		return err
	}
	t := report.Totals
	fmt.Fprintf(stdout, "  %s: %d rows and %d routed jobs created; workstages created %d, updated %d\n", report.Orders[0].Order,
		t[planbridge.KindRow].Created, t[planbridge.KindJob].Created, t[planbridge.KindWorkstage].Created, t[planbridge.KindWorkstage].Updated)

	order, err := sp.FindOrderByExternalID(ctx, mapping.OrderExternalID(mmFake.Organisation(), orderID))
	if err != nil {
		return err
	}
	return printRows(ctx, stdout, sp, *order.ID)
}
