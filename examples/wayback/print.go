package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// printSchedule prints when the order is planned. Times are shown from
// the order's planned start, so the output does not depend on the clock.
func printSchedule(stdout io.Writer, s planbridge.Schedule) {
	planned := "not yet all planned"
	if s.Planned {
		planned = "every job planned"
	}
	fmt.Fprintf(stdout, "\nMinimax order %d is SkyPlanner order %d: %s, production takes %v from its start.\n",
		s.MinimaxOrderID, s.OrderID, planned, s.Finish.Sub(s.Start))
	tw := tabwriter.NewWriter(stdout, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "row\tjobs\tstarts\tfinishes")
	for i, r := range s.Rows {
		fmt.Fprintf(tw, "%d\t%d of %d\t+%v\t+%v\n", i+1, r.PlannedJobs, r.Jobs, r.Start.Sub(s.Start), r.Finish.Sub(s.Start))
	}
	_ = tw.Flush()
}

// printDeliveries counts the deliveries by event type and what the
// Handler did with them.
func printDeliveries(stdout io.Writer, ds []skyplannertest.Delivery, st webhook.Stats) {
	byType := map[webhook.EventType]int{}
	answers := map[int]int{}
	for _, d := range ds {
		byType[d.Event]++
		answers[d.Status]++
	}
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		fmt.Fprintf(stdout, "  %-26s %d\n", t, byType[t])
	}
	for _, code := range slices.Sorted(maps.Keys(answers)) {
		fmt.Fprintf(stdout, "answered %d: %d\n", code, answers[code])
	}
	fmt.Fprintf(stdout, "The Handler accepted %d, recognised %d replay, and the Tracker handled %d events.\n",
		st.Accepted, st.Replayed, st.Dispatched)
}

func printPoll(stdout io.Writer, rep *planbridge.PollReport) {
	for _, c := range rep.Orders {
		fmt.Fprintf(stdout, "  Minimax order %d: %s (%s)\n", c.MinimaxOrderID, c.Outcome, c.Reason)
	}
	fmt.Fprintf(stdout, "%d Minimax and %d SkyPlanner requests; next poll from the watermark it returned.\n",
		rep.Requests.Minimax, rep.Requests.SkyPlanner)
}

func statusName(s minimax.Status) string {
	switch s {
	case minimax.StatusDraft:
		return "a draft (O)"
	case minimax.StatusConfirmed:
		return "confirmed (P)"
	case minimax.StatusCompleted:
		return "completed (Z)"
	case minimax.StatusInvalidated:
		return "invalidated (R)"
	}
	return fmt.Sprintf("in status %q", string(s))
}
