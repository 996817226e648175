package minimax

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/internal/wire"
	"github.com/planbridge/planbridge/minimax/api"
)

// OrderFilter selects orders for ListOrders. Zero fields do not filter.
type OrderFilter struct {
	// Status is StatusDraft, StatusConfirmed, StatusCompleted or
	// StatusInvalidated.
	Status Status
	// ReceivedIssued is Received or Issued.
	ReceivedIssued Direction
	CustomerID     int64
	// DateFrom and DateTo bound the order date; only the date, in the
	// organisation's zone, is sent.
	DateFrom, DateTo time.Time
	Year, Number     int32
	Reference        string
	// PageSize is the rows fetched per request: 1..1000, 100 when zero.
	PageSize int
}

func (f OrderFilter) params(zone *time.Location) (*api.GetOrdersParams, error) {
	p := &api.GetOrdersParams{}
	if f.Status != "" {
		switch f.Status {
		case StatusDraft, StatusConfirmed, StatusCompleted, StatusInvalidated:
			p.Status = new(api.GetOrdersParamsStatus(f.Status))
		default:
			return nil, &FieldError{Field: "OrderFilter.Status", Err: fmt.Errorf("unknown status %q (want O, P, Z or R)", f.Status)}
		}
	}
	if f.ReceivedIssued != "" {
		if f.ReceivedIssued != Received && f.ReceivedIssued != Issued {
			return nil, &FieldError{Field: "OrderFilter.ReceivedIssued", Err: fmt.Errorf("unknown direction %q (want P or I)", f.ReceivedIssued)}
		}
		p.ReceivedIssued = new(api.GetOrdersParamsReceivedIssued(f.ReceivedIssued))
	}
	if f.CustomerID != 0 {
		p.CustomerID = &f.CustomerID
	}
	if !f.DateFrom.IsZero() {
		p.DateFrom = &openapi_types.Date{Time: f.DateFrom.In(zone)}
	}
	if !f.DateTo.IsZero() {
		p.DateTo = &openapi_types.Date{Time: f.DateTo.In(zone)}
	}
	if f.Year != 0 {
		p.Year = &f.Year
	}
	if f.Number != 0 {
		p.Number = &f.Number
	}
	if f.Reference != "" {
		p.Reference = &f.Reference
	}
	return p, nil
}

// ListOrders yields the orders matching f, as lists give them (no rows, no
// RowVersion: GetOrder reads one whole). Pages are fetched as the sequence
// is consumed.
func (c *Client) ListOrders(ctx context.Context, f OrderFilter) iter.Seq2[OrderSearch, error] {
	const op = "minimax.ListOrders"
	params, err := f.params(c.zone)
	if err != nil {
		return pager.Failed[OrderSearch](err)
	}
	size, err := pageSize(f.PageSize)
	if err != nil {
		return pager.Failed[OrderSearch](err)
	}
	return pages(ctx, op, size, c.maxPages, orderSearchID, func(ctx context.Context, n, size int32) (page[OrderSearch], error) {
		org, err := c.Organisation(ctx)
		if err != nil {
			return page[OrderSearch]{}, err
		}
		p := *params // each page its own copy
		p.CurrentPage, p.PageSize = &n, &size
		resp, err := c.api.GetOrders(ctx, org, &p)
		return readPage[OrderSearch](op, resp, err)
	})
}

// GetOrder reads one order with its rows and RowVersion.
func (c *Client) GetOrder(ctx context.Context, id int64) (Order, error) {
	const op = "minimax.GetOrder"
	org, err := c.Organisation(ctx)
	if err != nil {
		return Order{}, err
	}
	resp, err := c.api.GetOrder(ctx, org, id)
	return record(op, orderID, resp, err)
}

// CreateOrder adds an order and returns its new ID, taken from the Location
// the service answers with (it sends no body). Creates are not retried on
// server errors: Minimax has no idempotency keys, and a repeated create
// would add a second order.
//
// What the service sets itself is not sent: Status, Year, Number, the
// confirmation, completion and invalidation dates, the names and URLs of
// references, and the row IDs and row versions. An order read with GetOrder
// can so be created again once its OrderID is cleared. o is not changed.
func (c *Client) CreateOrder(ctx context.Context, o Order) (int64, error) {
	const op = "minimax.CreateOrder"
	if o.OrderID != nil {
		return 0, &FieldError{Field: "Order.OrderID", Err: errors.New("set on a new order; use UpdateOrder to change an existing one")}
	}
	org, err := c.Organisation(ctx)
	if err != nil {
		return 0, err
	}
	resp, err := c.api.AddOrderWithResponse(ctx, org, writeOrder(o, true))
	if resp, err = wire.Check(op, resp, err); err != nil {
		return 0, err
	}
	return idFromLocation(op, resp.HTTPResponse.Header.Get("Location"))
}

// UpdateOrder writes o back. It must carry its OrderID and the RowVersion it
// was read with; if someone changed the order since, the error matches
// ErrConflict: read it again and decide again.
//
// What the service sets itself is not sent (see CreateOrder), and neither
// is a null: the vendor's document allows none, so a null date leaves the
// service's date as it is. o is not changed.
func (c *Client) UpdateOrder(ctx context.Context, o Order) error {
	const op = "minimax.UpdateOrder"
	if o.OrderID == nil || *o.OrderID <= 0 {
		return &FieldError{Field: "Order.OrderID", Err: errors.New("missing")}
	}
	if o.RowVersion == nil || *o.RowVersion == "" {
		return &FieldError{Field: "Order.RowVersion", Err: errors.New("missing; update the order as read by GetOrder")}
	}
	org, err := c.Organisation(ctx)
	if err != nil {
		return err
	}
	resp, err := c.api.UpdateOrderWithResponse(ctx, org, *o.OrderID, writeOrder(o, false))
	_, err = wire.Check(op, resp, err)
	return err
}

// DeleteOrder deletes an order.
func (c *Client) DeleteOrder(ctx context.Context, id int64) error {
	const op = "minimax.DeleteOrder"
	org, err := c.Organisation(ctx)
	if err != nil {
		return err
	}
	resp, err := c.api.DeleteOrderWithResponse(ctx, org, id)
	_, err = wire.Check(op, resp, err)
	return err
}

// OrderSyncCandidates yields the orders modified at or after since: their
// ID, modification time and RowVersion. Minimax reads times on its
// organisation's wall clock, so since is converted to that zone (see
// WithLocation) first.
func (c *Client) OrderSyncCandidates(ctx context.Context, since time.Time) iter.Seq2[SyncCandidate, error] {
	const op = "minimax.OrderSyncCandidates"
	from := api.NewDateTime(since.In(c.zone))
	return pages(ctx, op, bigPageSize, c.maxPages, syncCandidateID, func(ctx context.Context, n, size int32) (page[SyncCandidate], error) {
		org, err := c.Organisation(ctx)
		if err != nil {
			return page[SyncCandidate]{}, err
		}
		resp, err := c.api.GetOrdersSyncCandidates(ctx, org,
			&api.GetOrdersSyncCandidatesParams{RecordDtModifiedFrom: &from, CurrentPage: &n, PageSize: &size})
		return readPage[SyncCandidate](op, resp, err)
	})
}
