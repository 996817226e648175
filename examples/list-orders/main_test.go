package main

import (
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
)

func TestRun(t *testing.T) {
	outputtest.Run(t, run,
		"2026-1 2026-11-02 confirmed Saop d.o.o. list requests so far: 1",
		"2026-2 2026-11-05 confirmed Hotel Adria d.d. list requests so far: 2",
		"2026-3 2026-11-12 confirmed Pohištvo Novak d.o.o. list requests so far: 3",
		"3 orders in 3 requests",
		"2 orders in 2 requests: the third page was never fetched",
		"2026-4 2026-11-20 draft Kovina Split d.o.o.",
		"1 in the range (the customer's invalidated order 2026-5 is dated 28 October)",
	)
}
