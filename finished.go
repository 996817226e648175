package planbridge

import (
	"context"
	"fmt"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner"
)

// completed is the status SkyPlanner gives a finished order row; the way
// back reads jobs the same way.
const completed = string(skyplanner.OrderRowStatusCompleted)

// finished says whether the production of a SkyPlanner order is done: it
// has a live row, and every live row is completed, by its own status or,
// where SkyPlanner has not moved the row's status, by every one of its
// live jobs being completed. A row with no jobs counts only by its status.
// Jobs are read only for rows whose status does not settle it, and the
// reading stops at the first row that is not done. The reason says why.
func (t *Tracker) finished(ctx context.Context, orderID int64) (bool, string, error) {
	rows, err := t.liveRows(ctx, orderID)
	if err != nil {
		return false, "", err
	}
	if len(rows) == 0 {
		return false, "the order has no live rows", nil
	}
	for _, row := range rows {
		if deref.Of(row.Status) == skyplanner.OrderRowStatusCompleted {
			continue
		}
		jobs, err := t.liveJobs(ctx, deref.Of(row.ID))
		if err != nil {
			return false, "", err
		}
		if len(jobs) == 0 {
			return false, fmt.Sprintf("row %d is %s and has no jobs", deref.Of(row.ID), statusText(string(deref.Of(row.Status)))), nil
		}
		for _, j := range jobs {
			if deref.Of(j.Status) != completed {
				return false, fmt.Sprintf("job %d of row %d is %s", deref.Of(j.ID), deref.Of(row.ID), statusText(deref.Of(j.Status))), nil
			}
		}
	}
	return true, fmt.Sprintf("all %d rows are completed", len(rows)), nil
}

func statusText(s string) string {
	if s == "" {
		return "without a status"
	}
	return s
}
