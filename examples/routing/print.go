package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/planbridge/planbridge/skyplanner"
)

// printRows prints the rows of an order, each with its product and its
// jobs in order, with their workstages.
func printRows(ctx context.Context, w io.Writer, sp *skyplanner.Client, orderID int64) error {
	stages := map[int64]string{}
	for ws, err := range sp.ListWorkstages(ctx, skyplanner.WorkstageFilter{}) {
		if err != nil {
			return err
		}
		stages[*ws.ID] = deref(ws.Name)
	}
	for row, err := range sp.ListOrderRows(ctx, skyplanner.OrderRowFilter{OrderID: orderID}) {
		if err != nil {
			return err
		}
		product, err := sp.GetProduct(ctx, deref(row.ProductionPlanningProductID))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  row %d: %g x %s\n", deref(row.RowIndex), deref(row.Amount), deref(product.Code))
		n := 0
		for job, err := range sp.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}) {
			if err != nil {
				return err
			}
			n++
			stations := ""
			if job.Workstations != nil && len(*job.Workstations) > 0 {
				stations = fmt.Sprintf(" on workstations %v", []int64(*job.Workstations))
			}
			fmt.Fprintf(w, "    job %d  %-20s workstage %-10s %6s%s\n", deref(job.OrderNumber), deref(job.Name),
				stages[deref(job.PhaserWorkstageID)], time.Duration(deref(job.Duration))*time.Second, stations)
		}
		if n == 0 {
			fmt.Fprintln(w, "    no jobs")
		}
	}
	return nil
}

// deref reads an optional field of the records, nil as the zero value. Ids
// need none: the client refuses a record without its id.
func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}
