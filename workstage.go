package planbridge

import (
	"context"

	"github.com/planbridge/planbridge/skyplanner"
)

// workstage finds or creates a workstage a routed job runs in, once per
// run. Only its name and external ID are the sync's; its workstations are
// the planners'.
func (o *orderWork) workstage(ctx context.Context, want skyplanner.Workstage) (skyplanner.Workstage, error) {
	rec := o.r.s.rec
	return resolve(ctx, o, &o.r.workstages, &rec.workstages, rec.workstageByExt, want)
}
