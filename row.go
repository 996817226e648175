package planbridge

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"
	"strings"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/skyplanner"
)

// rows reconciles the order's rows: one read of the order's rows (archived
// ones too), then per planned row a create or an update of what differs,
// and the archive of every row the sync made that Minimax no longer has.
// Rows without the sync's external IDs (a planner's own) are not touched.
func (o *orderWork) rows(ctx context.Context, order skyplanner.Order, plan mapping.Plan,
	products []skyplanner.Product, workstages map[string]skyplanner.Workstage) error {
	rec := o.r.s.rec
	var existing []skyplanner.OrderRow
	if !o.created {
		var err error
		if existing, err = rec.rowsOfOrder.match(ctx, idKey(order.ID)); err != nil {
			return err
		}
	}
	planned := make(map[string]bool, len(plan.Rows))
	for i, rp := range plan.Rows {
		ext := deref.Of(rp.Row.ExternalID)
		planned[ext] = true
		if err := o.row(ctx, order.ID, rp, withExt(&rec.rows, existing, ext), products[i], workstages); err != nil {
			return err
		}
	}
	ours := mapping.RowExternalIDPrefix(o.r.org)
	for i := range existing {
		row := &existing[i]
		ext := deref.Of(row.ExternalID)
		if planned[ext] || !strings.HasPrefix(ext, ours) || deref.Of(row.IsArchive) {
			continue
		}
		if err := retire(ctx, o, &rec.rows, row); err != nil {
			return err
		}
	}
	return nil
}

// row reconciles one planned row and, when the row is routed, its jobs. A
// row that asks for the product's default steps asks only when it is
// created: SkyPlanner copies them then, and asking again would copy them
// twice. Those jobs are SkyPlanner's, so they are never read or changed.
func (o *orderWork) row(ctx context.Context, orderID *int64, rp mapping.RowPlan, matches []skyplanner.OrderRow,
	product skyplanner.Product, workstages map[string]skyplanner.Workstage) error {
	rec := o.r.s.rec
	ext := deref.Of(rp.Row.ExternalID)
	have, err := pick(&rec.rows, matches)
	if err != nil {
		return err
	}
	leave, have := archivedByPlanner(o, &rec.rows, have)
	if leave {
		return nil
	}
	want := rp.Row
	want.PhaserOrderID, want.ProductionPlanningProductID = orderID, product.ID
	find := func(ctx context.Context) ([]skyplanner.OrderRow, error) {
		all, err := rec.rowsOfOrder.match(ctx, idKey(orderID))
		return withExt(&rec.rows, all, ext), err
	}
	row, err := ensure(ctx, o, &rec.rows, want, have, refindLive(&rec.rows, find))
	if err != nil {
		return err
	}
	if row.ProductionPlanningOrderRowID == nil {
		o.export = true // not yet in production scheduling
	}
	if deref.Of(rp.Row.GetDefaultSteps) {
		return nil
	}
	return o.jobs(ctx, row, have == nil, rp, workstages)
}
