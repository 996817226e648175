package main

import (
	"slices"
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
)

func TestRun(t *testing.T) {
	defaultSteps := []string{
		"row 1: 12 x STOL-HRAST",
		"job 1 Rezanje workstage Rezanje 1h0m0s",
		"job 2 Brušenje workstage Brušenje 45m0s",
		"job 3 Lakiranje workstage Lakiranje 1h0m0s",
		"job 4 Montaža workstage Montaža 30m0s",
	}
	routed := []string{
		"row 2: 2 x STOL-BLAG",
		"job 1 CNC rezanje ploče workstage Rezanje 2h0m0s on workstations [62]",
		"job 2 Brušenje workstage Brušenje 1h0m0s",
		"job 3 Montaža i uljenje workstage Montaža 1h30m0s",
	}
	outputtest.Run(t, run, slices.Concat(
		[]string{"With the SkyPlanner client:"}, defaultSteps, routed,
		[]string{"order 2026-1 (Minimax 7870): 3 rows and 3 routed jobs created; workstages created 0, updated 0"}, defaultSteps, routed,
		[]string{"row 3: 4 x MONTAZA", "no jobs"},
	)...)
}
