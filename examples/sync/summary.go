package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/planbridge/planbridge"
)

// kindNames are the summary's row labels, in the order SkyPlanner's guide
// creates the records.
var kindNames = map[planbridge.Kind]string{
	planbridge.KindCustomer: "customers", planbridge.KindOrder: "orders", planbridge.KindProduct: "products",
	planbridge.KindRow: "rows", planbridge.KindWorkstage: "workstages", planbridge.KindJob: "jobs",
}

// outcomes are the order outcomes in the order the summary names them.
var outcomes = []planbridge.Outcome{
	planbridge.OutcomeCreated, planbridge.OutcomeUpdated, planbridge.OutcomeUnchanged, planbridge.OutcomeArchived,
	planbridge.OutcomeSkipped, planbridge.OutcomeFailed, planbridge.OutcomeDeferred,
}

// passFacts are what a summary says beyond the report.
type passFacts struct {
	title string
	took  time.Duration
	// budgetUsed and budgetLimit are the client's Minimax budget after the
	// pass, over the rolling 24 hours.
	budgetUsed, budgetLimit int
}

// printSummary prints the table of records per kind and what the pass
// cost.
func printSummary(w io.Writer, rep *planbridge.Report, f passFacts) {
	fmt.Fprintf(w, "\n%s: %s in %s\n", f.title, outcomeCounts(rep), f.took.Round(time.Millisecond))
	if rep.DryRun {
		fmt.Fprintln(w, "(a dry run: the writes counted below were not sent)")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintf(tw, "\tcreated\tupdated\tarchived\tunchanged\n")
	for _, k := range planbridge.Kinds() {
		t := rep.Totals[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\n", kindNames[k], t.Created, t.Updated, t.Archived, t.Unchanged)
	}
	_ = tw.Flush()
	if rows, jobs := rep.Totals[planbridge.KindRow], rep.Totals[planbridge.KindJob]; rows.Created > 0 && jobs == (planbridge.Totals{}) {
		// The example maps with mapping.DefaultOptions, which has no routing.
		fmt.Fprintln(w, "(no jobs: each new row asks SkyPlanner for its product's default steps, and SkyPlanner makes those jobs itself)")
	}

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "requests\tMinimax %d, SkyPlanner %d\n", rep.Requests.Minimax, rep.Requests.SkyPlanner)
	if n := exports(rep); n > 0 {
		fmt.Fprintf(tw, "exported\t%d %s to production scheduling\n", n, plural(n, "order", "orders"))
	}
	if f.budgetLimit > 0 {
		fmt.Fprintf(tw, "budget\t%d of %d Minimax requests used in the last 24 hours\n", f.budgetUsed, f.budgetLimit)
	}
	if since := rep.Next.Since; !since.IsZero() {
		fmt.Fprintf(tw, "watermark\t%s, the latest change seen in Minimax: the next run reads from there\n", since.Format("2006-01-02 15:04:05 MST"))
	}
	_ = tw.Flush()
}

// outcomeCounts says how many orders had each outcome, naming only those
// that occurred: "5 orders: 3 created, 2 skipped".
func outcomeCounts(rep *planbridge.Report) string {
	if len(rep.Orders) == 0 {
		return "no order to sync"
	}
	var parts []string
	for _, o := range outcomes {
		if n := rep.Count(o); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, o))
		}
	}
	return fmt.Sprintf("%d %s (%s)", len(rep.Orders), plural(len(rep.Orders), "order", "orders"), strings.Join(parts, ", "))
}

// exports counts the orders the pass exported to production scheduling.
func exports(rep *planbridge.Report) int {
	n := 0
	for _, o := range rep.Orders {
		for _, wr := range o.Writes {
			if wr.Op == planbridge.OpExport {
				n++
			}
		}
	}
	return n
}

// writes counts the writes of a pass, exports included.
func writes(rep *planbridge.Report) int {
	n := 0
	for _, o := range rep.Orders {
		n += len(o.Writes)
	}
	return n
}

// printFailures lists the failed orders with their errors, which name the
// order and, for bad data, the field.
func printFailures(w io.Writer, rep *planbridge.Report) {
	failed := rep.Failed()
	if len(failed) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%d %s failed; the next run tries again:\n", len(failed), plural(len(failed), "order", "orders"))
	for _, o := range failed {
		fmt.Fprintf(w, "  %v\n", o.Err)
	}
}

// printPlan lists, per order, the writes a dry run would make.
func printPlan(w io.Writer, rep *planbridge.Report) {
	fmt.Fprintln(w, "\nThe plan (a dry run: nothing was sent; add -apply to send it):")
	planned := false
	for _, o := range rep.Orders {
		if len(o.Writes) == 0 {
			continue
		}
		planned = true
		fmt.Fprintf(w, "  %s, %s:\n", o.Order, o.Outcome)
		for _, wr := range o.Writes {
			fmt.Fprintf(w, "    %s\n", wr)
		}
	}
	if !planned {
		fmt.Fprintln(w, "  nothing to write: SkyPlanner already matches Minimax")
	}
}

// printWatermark prints where the next run resumes, and whether it was
// kept.
func printWatermark(w io.Writer, next planbridge.Watermark, kept string) {
	b, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		fmt.Fprintf(w, "The watermark cannot be printed: %v\n", err)
		return
	}
	fmt.Fprintf(w, "\nThe watermark to resume from (%s):\n%s\n", kept, b)
}
