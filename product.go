package planbridge

import (
	"context"

	"github.com/planbridge/planbridge/skyplanner"
)

// product finds or creates the product an order row makes, once per run
// however many rows and orders make it. SkyPlanner creates its stock
// record (saldo) with it. A planner may switch it off: is_active is set
// only when the product is created.
func (o *orderWork) product(ctx context.Context, want skyplanner.Product) (skyplanner.Product, error) {
	rec := o.r.s.rec
	return resolve(ctx, o, &o.r.products, &rec.products, rec.productByExt, want)
}
