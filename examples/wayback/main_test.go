package main

import (
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
)

func TestRun(t *testing.T) {
	outputtest.Run(t, run,
		"Synced 3 confirmed Minimax orders into SkyPlanner and exported them to scheduling.",
		"row jobs starts finishes",
		"1 4 of 4 +0s +5h45m0s",
		"2 4 of 4 +1h15m0s +10h45m0s",
		"3 1 of 1 +10h45m0s +14h45m0s",
		"The shop floor completes the order's jobs; SkyPlanner sends a signed webhook for each step:",
		"JOB_COMPLETED 10",
		"JOB_STARTED 9",
		"PHASER_ORDER_ROW_UPDATED 6",
		"answered 200: 1",
		"answered 202: 24",
		"The Handler accepted 24, recognised 1 replay, and the Tracker handled 24 events.",
		"Minimax order 2026-1 is now completed (Z).",
		`Minimax ran "complete" on order 7870: P -> Z`,
		"A poll, the way for those who cannot receive webhooks, comes to the same:",
		"Minimax order 7870: already_completed (the Minimax order is completed already)",
	)
}
