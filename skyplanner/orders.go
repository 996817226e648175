package skyplanner

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"strings"
	"time"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// OrderFilter narrows ListOrders. Zero fields do not filter. Only
// ModifiedSince is a filter the vendor documents for orders; the others are
// inferred and may be ignored by the service.
type OrderFilter struct {
	// ExternalID keeps orders with this integrator's key.
	ExternalID string
	// ExternalOrderNumber keeps orders with this ERP order number.
	ExternalOrderNumber string
	// Number keeps the order with this SkyPlanner order number.
	Number string
	// Status keeps orders in this status.
	Status string
	// ModifiedSince keeps orders modified at or after this time.
	ModifiedSince time.Time
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// CreateOrder creates an order for an existing customer
// (ProductionPlanningCustomerID). An order number with "/" in it is refused
// with a *FieldError before anything is sent, since SkyPlanner rejects it.
func (c *Client) CreateOrder(ctx context.Context, order Order) (Order, error) {
	const op = "skyplanner.CreateOrder"
	if err := checkOrder(order); err != nil {
		return Order{}, c.fail(op, err)
	}
	resp, err := c.api.CreateOrder(ctx, order)
	return created[Order](c, op, "phaser-order", order.ExternalID, resp, err)
}

// GetOrder reads an order by its SkyPlanner id. An archived order reads as
// not found unless IncludeArchived is given.
func (c *Client) GetOrder(ctx context.Context, id int64, opts ...ReadOption) (Order, error) {
	p := &api.GetOrderParams{IncludeArchived: readOptions(opts).param()}
	resp, err := c.api.GetOrder(ctx, id, p)
	return one[Order](c, "skyplanner.GetOrder", "phaser-order", resp, err)
}

// UpdateOrder writes order to the record with id. A change made after the
// order was exported reaches production scheduling only with another
// ExportOrders.
func (c *Client) UpdateOrder(ctx context.Context, id int64, order Order) (Order, error) {
	const op = "skyplanner.UpdateOrder"
	if err := checkSameID(id, order.ID); err != nil {
		return Order{}, c.fail(op, err)
	}
	if err := checkOrder(order); err != nil {
		return Order{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateOrder(ctx, id, order)
	return one[Order](c, op, "phaser-order", resp, err)
}

// ArchiveOrder is SkyPlanner's DELETE on orders, a soft delete: the order's
// is_archive becomes true and it drops out of reads, but GetOrder and
// ListOrders with IncludeArchived() still return it.
func (c *Client) ArchiveOrder(ctx context.Context, id int64) error {
	resp, err := c.api.ArchiveOrder(ctx, id)
	return c.none("skyplanner.ArchiveOrder", resp, err)
}

// ListOrders yields the orders that pass f, from a single request made when
// the sequence is ranged over. Archived orders are left out unless
// IncludeArchived is given.
func (c *Client) ListOrders(ctx context.Context, f OrderFilter, opts ...ReadOption) iter.Seq2[Order, error] {
	return c.listOrders(ctx, "skyplanner.ListOrders", f, opts)
}

// FindOrderByExternalID returns the one order with the integrator's key
// externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError. Archived orders count only with IncludeArchived.
func (c *Client) FindOrderByExternalID(ctx context.Context, externalID string, opts ...ReadOption) (Order, error) {
	const op = "skyplanner.FindOrderByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Order{}, c.fail(op, err)
	}
	seq := c.listOrders(ctx, op, OrderFilter{ExternalID: externalID}, opts)
	return find(op, externalID, seq, func(v Order) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listOrders(ctx context.Context, op string, f OrderFilter, opts []ReadOption) iter.Seq2[Order, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Order](c.fail(op, err))
	}
	p := &api.ListOrdersParams{
		IncludeArchived:     readOptions(opts).param(),
		ExternalID:          stringParam(f.ExternalID),
		ExternalOrderNumber: stringParam(f.ExternalOrderNumber),
		Number:              stringParam(f.Number),
		Status:              stringParam(f.Status),
		Limit:               limit,
	}
	p.Modified, p.ModifiedCondition = sinceParams(f.ModifiedSince)
	return list[Order](ctx, c, op, "phaser-orders", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListOrders(ctx, p)
	})
}

// checkOrder refuses what SkyPlanner is known to reject, so the caller gets
// a precise error instead of the service's unexplained one.
func checkOrder(o Order) error {
	if o.Number != nil && strings.Contains(*o.Number, "/") {
		return &FieldError{Field: "number", Err: fmt.Errorf(`is %q; SkyPlanner rejects "/" in an order number`, *o.Number)}
	}
	return nil
}
