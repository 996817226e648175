package corpus

import (
	"context"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// Naive is the baseline the sync engine is measured against: the workflow
// of SkyPlanner's integration guide written straight down, as a first
// integration does. It lists the confirmed received orders, reads each in
// full, and creates its customer, the order, and per row the product and
// the row, the workstages the order's jobs run in, and the jobs: one create
// per record per order, one order at a time, and no lookup, so a customer
// or product shared by ten orders is created ten times, and running it
// twice creates everything twice. The records carry what m maps, so that
// only the workflow differs from the engine's. It returns how many orders
// it created.
func Naive(ctx context.Context, mm *minimax.Client, sp *skyplanner.Client, m *mapping.Mapper) (int, error) {
	org, err := mm.Organisation(ctx)
	if err != nil {
		return 0, fmt.Errorf("corpus: naive: %w", err)
	}
	var ids []int64
	for e, err := range mm.ListOrders(ctx, minimax.OrderFilter{ReceivedIssued: minimax.Received, Status: minimax.StatusConfirmed}) {
		if err != nil {
			return 0, fmt.Errorf("corpus: naive: %w", err)
		}
		ids = append(ids, deref.Of(e.OrderID))
	}
	created := 0
	for _, id := range ids {
		o, err := mm.GetOrder(ctx, id)
		if err != nil {
			return created, fmt.Errorf("corpus: naive: %w", err)
		}
		plan, err := m.MapOrder(org, o)
		if err != nil {
			return created, fmt.Errorf("corpus: naive: order %d: %w", id, err)
		}
		if plan.Action != mapping.ActionUpsert {
			continue
		}
		if err := naiveOrder(ctx, sp, plan); err != nil {
			return created, fmt.Errorf("corpus: naive: order %d: %w", id, err)
		}
		created++
	}
	return created, nil
}

// naiveOrder creates one order's records in the guide's order.
func naiveOrder(ctx context.Context, sp *skyplanner.Client, plan mapping.Plan) error {
	cust, err := sp.CreateCustomer(ctx, plan.Customer)
	if err != nil {
		return err
	}
	order := plan.Order
	order.ProductionPlanningCustomerID = cust.ID
	if order, err = sp.CreateOrder(ctx, order); err != nil {
		return err
	}
	workstages := map[string]int64{}
	for _, rp := range plan.Rows {
		product, err := sp.CreateProduct(ctx, rp.Product)
		if err != nil {
			return err
		}
		row := rp.Row
		row.PhaserOrderID, row.ProductionPlanningProductID = order.ID, product.ID
		var opts []skyplanner.RowOption
		if deref.Of(row.GetDefaultSteps) {
			opts = append(opts, skyplanner.WithDefaultSteps())
		}
		row.GetDefaultSteps, row.UseCustomMaterials = nil, nil
		if row, err = sp.CreateOrderRow(ctx, row, opts...); err != nil {
			return err
		}
		for _, jp := range rp.Jobs {
			wsID, ok := workstages[jp.WorkstageExternalID]
			if !ok {
				ws, err := sp.CreateWorkstage(ctx, planned(plan, jp.WorkstageExternalID))
				if err != nil {
					return err
				}
				wsID = deref.Of(ws.ID)
				workstages[jp.WorkstageExternalID] = wsID
			}
			job := jp.Job
			job.PhaserOrderRowID, job.PhaserWorkstageID = row.ID, &wsID
			if _, err := sp.CreateJob(ctx, job); err != nil {
				return err
			}
		}
	}
	return nil
}

// planned returns the plan's workstage with an external ID.
func planned(plan mapping.Plan, ext string) skyplanner.Workstage {
	for _, ws := range plan.Workstages {
		if deref.Of(ws.ExternalID) == ext {
			return ws
		}
	}
	return skyplanner.Workstage{ExternalID: &ext, Name: &ext}
}
