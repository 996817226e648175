package planbridge

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"
	"strings"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/skyplanner"
)

// jobs reconciles the jobs of a routed row by external ID: one read of the
// row's jobs, a create or an update per routing step, and the archive of
// the sync's jobs the routing no longer has. Jobs without the sync's
// external IDs (copied from default steps, or added by a planner) are not
// touched.
func (o *orderWork) jobs(ctx context.Context, row skyplanner.OrderRow, newRow bool, rp mapping.RowPlan,
	workstages map[string]skyplanner.Workstage) error {
	rec := o.r.s.rec
	var existing []skyplanner.Job
	if !newRow && row.ID != nil {
		var err error
		if existing, err = rec.jobsOfRow.match(ctx, idKey(row.ID)); err != nil {
			return err
		}
	}
	planned := make(map[string]bool, len(rp.Jobs))
	for _, jp := range rp.Jobs {
		ext := deref.Of(jp.Job.ExternalID)
		planned[ext] = true
		have, err := pick(&rec.jobs, withExt(&rec.jobs, existing, ext))
		if err != nil {
			return err
		}
		leave, have := archivedByPlanner(o, &rec.jobs, have)
		if leave {
			continue
		}
		want := jp.Job
		want.PhaserOrderRowID, want.PhaserWorkstageID = row.ID, workstages[jp.WorkstageExternalID].ID
		find := func(ctx context.Context) ([]skyplanner.Job, error) {
			all, err := rec.jobsOfRow.match(ctx, idKey(row.ID))
			return withExt(&rec.jobs, all, ext), err
		}
		job, err := ensure(ctx, o, &rec.jobs, want, have, refindLive(&rec.jobs, find))
		if err != nil {
			return err
		}
		if job.ProductionPlanningJobID == nil {
			o.export = true
		}
	}
	ours := deref.Of(rp.Row.ExternalID) + mapping.JobExternalIDSeparator
	for i := range existing {
		job := &existing[i]
		ext := deref.Of(job.ExternalID)
		switch {
		case planned[ext] || !strings.HasPrefix(ext, ours):
		case deref.Of(job.IsArchive):
			if job.ProductionPlanningJobID != nil {
				o.export = true // archived since its export: scheduling still has it
			}
		default:
			if err := retire(ctx, o, &rec.jobs, job); err != nil {
				return err
			}
		}
	}
	return nil
}
