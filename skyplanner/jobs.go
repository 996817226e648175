package skyplanner

import (
	"context"
	"iter"
	"net/http"
	"time"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// JobFilter narrows ListJobs. Zero fields do not filter. The row and
// external id filters are inferred and may be ignored by the service.
type JobFilter struct {
	// OrderRowID keeps the jobs of this order row (phaser_order_row_id).
	OrderRowID int64
	// ExternalID keeps jobs with this integrator's key.
	ExternalID string
	// ModifiedSince keeps jobs modified at or after this time.
	ModifiedSince time.Time
	// Limit caps the number returned; 0 leaves it to the service. A limit of
	// 1 has been seen to return an arbitrary job, so do not use it to pick
	// one; use GetJob or FindJobByExternalID.
	Limit int
}

// CreateJob creates a job (a process step) on an order row. Every job needs
// a workstage (PhaserWorkstageID). To copy a product's standard steps
// instead, create the row WithDefaultSteps.
func (c *Client) CreateJob(ctx context.Context, job Job) (Job, error) {
	resp, err := c.api.CreateJob(ctx, job)
	return created[Job](c, "skyplanner.CreateJob", "phaser-job", job.ExternalID, resp, err)
}

// GetJob reads a job by its SkyPlanner id. An archived job reads as not
// found unless IncludeArchived is given. The job's production-planning id,
// which timelogs need, is set only once its order has been exported.
func (c *Client) GetJob(ctx context.Context, id int64, opts ...ReadOption) (Job, error) {
	p := &api.GetJobParams{IncludeArchived: readOptions(opts).param()}
	resp, err := c.api.GetJob(ctx, id, p)
	return one[Job](c, "skyplanner.GetJob", "phaser-job", resp, err)
}

// UpdateJob writes job to the record with id. A change after an export
// needs another ExportOrders to reach scheduling.
func (c *Client) UpdateJob(ctx context.Context, id int64, job Job) (Job, error) {
	const op = "skyplanner.UpdateJob"
	if err := checkSameID(id, job.ID); err != nil {
		return Job{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateJob(ctx, id, job)
	return one[Job](c, op, "phaser-job", resp, err)
}

// ArchiveJob is SkyPlanner's DELETE on jobs, a soft delete: the job's
// is_archive becomes true and it stays readable with IncludeArchived.
func (c *Client) ArchiveJob(ctx context.Context, id int64) error {
	resp, err := c.api.ArchiveJob(ctx, id)
	return c.none("skyplanner.ArchiveJob", resp, err)
}

// ListJobs yields the jobs that pass f, from a single request made when the
// sequence is ranged over. Archived jobs are left out unless
// IncludeArchived is given.
func (c *Client) ListJobs(ctx context.Context, f JobFilter, opts ...ReadOption) iter.Seq2[Job, error] {
	return c.listJobs(ctx, "skyplanner.ListJobs", f, opts)
}

// FindJobByExternalID returns the one job with the integrator's key
// externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError. Archived jobs count only with IncludeArchived.
func (c *Client) FindJobByExternalID(ctx context.Context, externalID string, opts ...ReadOption) (Job, error) {
	const op = "skyplanner.FindJobByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Job{}, c.fail(op, err)
	}
	seq := c.listJobs(ctx, op, JobFilter{ExternalID: externalID}, opts)
	return find(op, externalID, seq, func(v Job) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listJobs(ctx context.Context, op string, f JobFilter, opts []ReadOption) iter.Seq2[Job, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Job](c.fail(op, err))
	}
	p := &api.ListJobsParams{
		IncludeArchived:  readOptions(opts).param(),
		PhaserOrderRowID: idParam(f.OrderRowID),
		ExternalID:       stringParam(f.ExternalID),
		Limit:            limit,
	}
	p.Modified, p.ModifiedCondition = sinceParams(f.ModifiedSince)
	return list[Job](ctx, c, op, "phaser-jobs", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListJobs(ctx, p)
	})
}
