package planbridge

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/skyplanner"
)

// upsert reconciles an order the plan says to create or update, in the
// vendor's workflow order: customer, order, products, workstages, rows and
// their jobs. It holds the order's lock throughout, so that two Syncers
// (or replicas) never reconcile one order at the same time.
func (o *orderWork) upsert(ctx context.Context, plan mapping.Plan) (Outcome, error) {
	rec := o.r.s.rec
	ext := deref.Of(plan.Order.ExternalID)
	unlock, err := o.r.lock(ctx, ext)
	if err != nil {
		return "", err
	}
	defer unlock()

	cust, err := o.customer(ctx, plan.Customer)
	if err != nil {
		return "", err
	}
	have, err := findByExt(ctx, &rec.orders, rec.orderByExt, ext)
	if err != nil {
		return "", err
	}
	leave, have := archivedByPlanner(o, &rec.orders, have)
	if leave {
		o.spID = deref.Of(have.ID)
		return OutcomeSkipped, nil
	}
	want := plan.Order
	want.ProductionPlanningCustomerID = cust.ID
	order, err := ensure(ctx, o, &rec.orders, want, have, refindLive(&rec.orders, func(ctx context.Context) ([]skyplanner.Order, error) { return rec.orderByExt.match(ctx, ext) }))
	if err != nil {
		return "", err
	}
	o.spID, o.created = deref.Of(order.ID), have == nil

	products := make([]skyplanner.Product, len(plan.Rows))
	for i, rp := range plan.Rows {
		if products[i], err = o.product(ctx, rp.Product); err != nil {
			return "", err
		}
	}
	workstages := make(map[string]skyplanner.Workstage, len(plan.Workstages))
	for _, ws := range plan.Workstages {
		if workstages[deref.Of(ws.ExternalID)], err = o.workstage(ctx, ws); err != nil {
			return "", err
		}
	}
	if err := o.rows(ctx, order, plan, products, workstages); err != nil {
		return "", err
	}
	switch {
	case o.created:
		return OutcomeCreated, nil
	case len(o.writes) > 0:
		return OutcomeUpdated, nil
	}
	return OutcomeUnchanged, nil
}

// archive archives the SkyPlanner order of an order invalidated in
// Minimax. Its rows and jobs stay as they are: archiving the order takes
// them out of planning, and a planner can still read them.
func (o *orderWork) archive(ctx context.Context, plan mapping.Plan) (Outcome, error) {
	rec := o.r.s.rec
	ext := deref.Of(plan.Order.ExternalID)
	unlock, err := o.r.lock(ctx, ext)
	if err != nil {
		return "", err
	}
	defer unlock()
	have, err := findByExt(ctx, &rec.orders, rec.orderByExt, ext)
	switch {
	case err != nil:
		return "", err
	case have == nil:
		o.note(plan.Reason + "; SkyPlanner has no order for it")
		return OutcomeSkipped, nil
	}
	o.spID = deref.Of(have.ID)
	if deref.Of(have.IsArchive) {
		o.unchanged(KindOrder, ext, o.spID)
		o.note(plan.Reason + "; already archived in SkyPlanner")
		return OutcomeUnchanged, nil
	}
	if err := retire(ctx, o, &rec.orders, have); err != nil {
		return "", err
	}
	o.note(plan.Reason)
	return OutcomeArchived, nil
}
