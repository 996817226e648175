package planbridge_test

import (
	"context"
	"fmt"
	"log"
	"net/http/httptest"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// syncedDemo is the demo with its confirmed orders synced and exported,
// and a Tracker over its clients with opts.
func syncedDemo(opts ...planbridge.TrackerOption) (demo, *planbridge.Tracker) {
	d := syncDemo()
	tracker, err := planbridge.NewTracker(d.mm, d.sp, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return d, tracker
}

// syncDemo is the demo with its confirmed orders synced and exported.
func syncDemo() demo {
	d := startDemo()
	rep, err := d.syncer(planbridge.WithExport()).Sync(context.Background(), planbridge.Watermark{})
	if err != nil || rep.Err() != nil {
		log.Fatal(err, rep.Err())
	}
	return d
}

// When production of order 2026-2 is planned, per row, counted from the
// order's planned start.
func ExampleTracker_Schedule() {
	d, tracker := syncedDemo()
	defer d.close()

	s, err := tracker.Schedule(context.Background(), 7871)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("every job planned: %v; takes %v\n", s.Planned, s.Finish.Sub(s.Start))
	for i, row := range s.Rows {
		fmt.Printf("row %d: %d jobs, +%v to +%v\n", i+1, row.Jobs, row.Start.Sub(s.Start), row.Finish.Sub(s.Start))
	}
	// Output:
	// every job planned: true; takes 12h5m0s
	// row 1: 4 jobs, +0s to +8h15m0s
	// row 2: 4 jobs, +1h5m0s to +12h5m0s
	// row 3: 3 jobs, +3h20m0s to +6h45m0s
}

// Finished orders completed in Minimax from SkyPlanner's webhooks: a
// Handler verifies each delivery and answers at once, and the Tracker
// registered on it completes the Minimax order when the last job of its
// production is done.
func ExampleTracker_Register() {
	d := syncDemo() // the demo orders synced by a Syncer, and exported
	defer d.close()
	ctx := context.Background()

	// d.mm and d.sp are the *minimax.Client and *skyplanner.Client.
	tracker, err := planbridge.NewTracker(d.mm, d.sp, planbridge.WithCompletion())
	if err != nil {
		log.Fatal(err)
	}
	secret := []byte("the secret configured for the webhook in SkyPlanner")
	h, err := webhook.NewHandler(webhook.WithSecret(secret))
	if err != nil {
		log.Fatal(err)
	}
	tracker.Register(h)
	srv := httptest.NewServer(h) // in a service: mux.Handle("POST /skyplanner/webhook", h)
	defer srv.Close()

	// The fake SkyPlanner delivers signed events to the handler, and its
	// shop floor completes every job of order 2026-2.
	if err := d.spFake.SetWebhook(srv.URL, secret, webhook.SchemeHexBody); err != nil {
		log.Fatal(err)
	}
	s, err := tracker.Schedule(ctx, 7871)
	if err != nil {
		log.Fatal(err)
	}
	if err := d.spFake.CompleteOrder(s.OrderID); err != nil {
		log.Fatal(err)
	}
	// Close waits for the events in hand to be handled.
	if err := h.Close(ctx); err != nil {
		log.Fatal(err)
	}
	o, err := d.mm.GetOrder(ctx, 7871)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Minimax order 7871:", *o.Status)
	// Output:
	// Minimax order 7871: Z
}

// Polling, for those who cannot receive webhooks: each poll starts from
// the watermark the last one returned.
func ExampleTracker_Poll() {
	d, tracker := syncedDemo(planbridge.WithCompletion())
	defer d.close()
	ctx := context.Background()

	first, err := tracker.Poll(ctx, time.Time{}) // the zero watermark: every row and job
	if err != nil {
		log.Fatal(err)
	}
	s, err := tracker.Schedule(ctx, 7872)
	if err != nil {
		log.Fatal(err)
	}
	if err := d.spFake.CompleteOrder(s.OrderID); err != nil { // the shop floor
		log.Fatal(err)
	}
	next, err := tracker.Poll(ctx, first.Next)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range next.Orders {
		fmt.Printf("Minimax order %d: %s\n", c.MinimaxOrderID, c.Outcome)
	}
	// Output:
	// Minimax order 7872: completed
}
