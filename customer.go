package planbridge

import (
	"context"

	"github.com/planbridge/planbridge/skyplanner"
)

// customer finds or creates the order's customer, first step of the
// vendor's workflow, and brings the fields the plan sets up to date. A
// customer shared by several orders is resolved once per run, from the
// first of them: its printed name and address come from that order.
func (o *orderWork) customer(ctx context.Context, want skyplanner.Customer) (skyplanner.Customer, error) {
	rec := o.r.s.rec
	return resolve(ctx, o, &o.r.customers, &rec.customers, rec.customerByExt, want)
}
