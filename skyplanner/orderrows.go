package skyplanner

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"time"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// RowOption asks SkyPlanner to do more when it creates an order row.
type RowOption func(*rowConfig)

type rowConfig struct {
	defaultSteps, customMaterials bool
}

// WithDefaultSteps has SkyPlanner copy the product's default process steps
// to the new row as its jobs (get_default_steps), so the integration need
// not create the jobs one by one. The row must name its product.
func WithDefaultSteps() RowOption {
	return func(r *rowConfig) { r.defaultSteps = true }
}

// WithCustomMaterials keeps the product's materials off the new row
// (use_custom_materials), for a special order whose materials the
// integration supplies itself.
func WithCustomMaterials() RowOption {
	return func(r *rowConfig) { r.customMaterials = true }
}

// OrderRowFilter narrows ListOrderRows. Zero fields do not filter; the
// filters combine. All of them are documented by the vendor.
type OrderRowFilter struct {
	// OrderID keeps the rows of this order (phaser_order_id).
	OrderID int64
	// ExternalID keeps rows with this integrator's key.
	ExternalID string
	// Status keeps rows in this status.
	Status OrderRowStatus
	// Worknumber keeps rows with this work number.
	Worknumber string
	// DeliveryDate compares each row's delivery date with this time, using
	// DeliveryDateCondition (the service's default is >=).
	DeliveryDate          time.Time
	DeliveryDateCondition Condition
	// ModifiedSince keeps rows modified at or after this time.
	ModifiedSince time.Time
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// CreateOrderRow creates a row in an existing order (PhaserOrderID). Pass
// WithDefaultSteps to get the product's process steps as jobs (the row must
// then name its product: without ProductionPlanningProductID it fails with
// a *FieldError and sends nothing), and WithCustomMaterials to leave its
// materials off.
func (c *Client) CreateOrderRow(ctx context.Context, row OrderRow, opts ...RowOption) (OrderRow, error) {
	var rc rowConfig
	for _, o := range opts {
		if o != nil {
			o(&rc)
		}
	}
	if rc.defaultSteps {
		// SkyPlanner copies the steps of the row's product, and refuses the
		// row when it names none; say so before anything is sent.
		if id := row.ProductionPlanningProductID; id == nil || *id <= 0 {
			return OrderRow{}, c.fail("skyplanner.CreateOrderRow", &FieldError{Field: "production_planning_product_id",
				Err: errors.New("is not set; WithDefaultSteps copies the steps of the row's product")})
		}
		row.GetDefaultSteps = new(true)
	}
	if rc.customMaterials {
		row.UseCustomMaterials = new(true)
	}
	resp, err := c.api.CreateOrderRow(ctx, row)
	return created[OrderRow](c, "skyplanner.CreateOrderRow", "phaser-order-row", row.ExternalID, resp, err)
}

// GetOrderRow reads an order row by its SkyPlanner id. An archived row reads
// as not found unless IncludeArchived is given.
func (c *Client) GetOrderRow(ctx context.Context, id int64, opts ...ReadOption) (OrderRow, error) {
	p := &api.GetOrderRowParams{IncludeArchived: readOptions(opts).param()}
	resp, err := c.api.GetOrderRow(ctx, id, p)
	return one[OrderRow](c, "skyplanner.GetOrderRow", "phaser-order-row", resp, err)
}

// UpdateOrderRow writes row to the record with id. As with orders, a change
// after an export needs another ExportOrders to reach scheduling.
func (c *Client) UpdateOrderRow(ctx context.Context, id int64, row OrderRow) (OrderRow, error) {
	const op = "skyplanner.UpdateOrderRow"
	if err := checkSameID(id, row.ID); err != nil {
		return OrderRow{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateOrderRow(ctx, id, row)
	return one[OrderRow](c, op, "phaser-order-row", resp, err)
}

// ArchiveOrderRow is SkyPlanner's DELETE on order rows, a soft delete: the
// row's is_archive becomes true and it stays readable with IncludeArchived.
func (c *Client) ArchiveOrderRow(ctx context.Context, id int64) error {
	resp, err := c.api.ArchiveOrderRow(ctx, id)
	return c.none("skyplanner.ArchiveOrderRow", resp, err)
}

// ListOrderRows yields the rows that pass f, from a single request made when
// the sequence is ranged over. Archived rows are left out unless
// IncludeArchived is given.
func (c *Client) ListOrderRows(ctx context.Context, f OrderRowFilter, opts ...ReadOption) iter.Seq2[OrderRow, error] {
	return c.listOrderRows(ctx, "skyplanner.ListOrderRows", f, opts)
}

// FindOrderRowByExternalID returns the one row with the integrator's key
// externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError. Archived rows count only with IncludeArchived.
func (c *Client) FindOrderRowByExternalID(ctx context.Context, externalID string, opts ...ReadOption) (OrderRow, error) {
	const op = "skyplanner.FindOrderRowByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return OrderRow{}, c.fail(op, err)
	}
	seq := c.listOrderRows(ctx, op, OrderRowFilter{ExternalID: externalID}, opts)
	return find(op, externalID, seq, func(v OrderRow) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listOrderRows(ctx context.Context, op string, f OrderRowFilter, opts []ReadOption) iter.Seq2[OrderRow, error] {
	p, err := f.params()
	if err != nil {
		return pager.Failed[OrderRow](c.fail(op, err))
	}
	p.IncludeArchived = readOptions(opts).param()
	return list[OrderRow](ctx, c, op, "phaser-order-rows", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListOrderRows(ctx, p)
	})
}

func (f OrderRowFilter) params() (*api.ListOrderRowsParams, error) {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return nil, err
	}
	p := &api.ListOrderRowsParams{
		PhaserOrderID: idParam(f.OrderID),
		ExternalID:    stringParam(f.ExternalID),
		Worknumber:    stringParam(f.Worknumber),
		Limit:         limit,
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, &FieldError{Field: "status", Err: fmt.Errorf("is %q; want new, started or completed", f.Status)}
		}
		p.Status = new(f.Status)
	}
	if f.DeliveryDateCondition != "" {
		if !f.DeliveryDateCondition.Valid() {
			return nil, &FieldError{Field: "delivery_date_condition", Err: fmt.Errorf("is %q; want one of > < >= <= = !=", f.DeliveryDateCondition)}
		}
		if f.DeliveryDate.IsZero() {
			return nil, &FieldError{Field: "delivery_date_condition", Err: errors.New("is set without a DeliveryDate to compare with")}
		}
		p.DeliveryDateCondition = new(f.DeliveryDateCondition)
	}
	if !f.DeliveryDate.IsZero() {
		p.DeliveryDate = new(api.NewDateTime(f.DeliveryDate))
	}
	p.Modified, p.ModifiedCondition = sinceParams(f.ModifiedSince)
	return p, nil
}
