package skyplanner

import (
	"context"
	"iter"
	"net/http"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// SaldoFilter narrows ListSaldos. Zero fields do not filter; the product
// filter is inferred and may be ignored by the service.
type SaldoFilter struct {
	// ProductID keeps the stock record of this product.
	ProductID int64
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// GetSaldo reads a stock record by its SkyPlanner id. There is no create:
// SkyPlanner makes exactly one with each product.
func (c *Client) GetSaldo(ctx context.Context, id int64) (Saldo, error) {
	resp, err := c.api.GetSaldo(ctx, id)
	return one[Saldo](c, "skyplanner.GetSaldo", "saldo", resp, err)
}

// ListSaldos yields the stock records that pass f, from a single request
// made when the sequence is ranged over.
func (c *Client) ListSaldos(ctx context.Context, f SaldoFilter) iter.Seq2[Saldo, error] {
	const op = "skyplanner.ListSaldos"
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Saldo](c.fail(op, err))
	}
	p := &api.ListSaldosParams{ProductionPlanningProductID: idParam(f.ProductID), Limit: limit}
	return list[Saldo](ctx, c, op, "saldos", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListSaldos(ctx, p)
	})
}
