package planbridge

import (
	"context"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner"
)

// workstage finds or creates a workstage a routed job runs in, once per
// run. Only its name and external ID are the sync's; its workstations are
// the planners'. A routing step that gives no workstage name leaves the
// mapping to name the workstage by its external ID: that name is for a new
// workstage only, and never renames one a planner named.
func (o *orderWork) workstage(ctx context.Context, want skyplanner.Workstage) (skyplanner.Workstage, error) {
	rec := o.r.s.rec
	k := rec.workstages
	if deref.Of(want.Name) == deref.Of(want.ExternalID) {
		k.createOnly = append(k.createOnly[:len(k.createOnly):len(k.createOnly)], "name")
	}
	return resolve(ctx, o, &o.r.workstages, &k, rec.workstageByExt, want)
}
