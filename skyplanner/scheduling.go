package skyplanner

import (
	"context"
	"errors"
	"iter"
	"net/http"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// SkyPlanner keeps two layers. Orders, order rows and jobs are written to
// the input ("phaser") layer; production scheduling works on copies that an
// export makes. A scheduled job therefore has its own id (a Job's
// ProductionPlanningJobID), and a change to an order after its export
// reaches scheduling only with another export.

// ExportOrders copies the orders with the given SkyPlanner ids, with their
// rows and jobs, into production scheduling, as the export in SkyPlanner's
// UI does. Export again after changing an exported order.
func (c *Client) ExportOrders(ctx context.Context, ids ...int64) error {
	const op = "skyplanner.ExportOrders"
	if len(ids) == 0 {
		return c.fail(op, &FieldError{Field: "ids", Err: errors.New("is empty; name at least one order")})
	}
	resp, err := c.api.ExportOrders(ctx, api.ExportRequest{Ids: ids})
	return c.none(op, resp, err)
}

// ScheduledJob reads a job of production scheduling by its
// production-planning id, with its parts, so that Start and End can say
// when it is planned.
func (c *Client) ScheduledJob(ctx context.Context, id int64) (ScheduledJob, error) {
	resp, err := c.api.GetScheduledJob(ctx, id, &api.GetScheduledJobParams{JobParts: new(true)})
	return one[ScheduledJob](c, "skyplanner.ScheduledJob", "job", resp, err)
}

// ListScheduledJobs yields the jobs of production scheduling with their
// parts, from a single request made when the sequence is ranged over.
func (c *Client) ListScheduledJobs(ctx context.Context) iter.Seq2[ScheduledJob, error] {
	p := &api.ListScheduledJobsParams{JobParts: new(true)}
	return list[ScheduledJob](ctx, c, "skyplanner.ListScheduledJobs", "jobs", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListScheduledJobs(ctx, p)
	})
}
