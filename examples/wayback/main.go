// Command wayback runs the way back from SkyPlanner to Minimax, offline,
// on the fakes and their demo data:
//
//	go run ./examples/wayback
//
// It syncs the confirmed Minimax orders into SkyPlanner and exports them to
// production scheduling, and prints when order 2026-1 is planned
// (planbridge.Tracker.Schedule). Then it plays the shop floor: the fake
// SkyPlanner completes the order's jobs, and delivers each event as a
// signed webhook to a webhook.Handler served on loopback, on which a
// Tracker made WithCompletion is registered. When the last job is done the
// Tracker completes the Minimax order. A repeated delivery and a poll, the
// way for those who cannot receive webhooks, change nothing more.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		log.Fatal(err)
	}
}
