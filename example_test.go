package planbridge_test

import (
	"context"
	"fmt"
	"log"

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
