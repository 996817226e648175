package minimax

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/internal/wire"
	"github.com/planbridge/planbridge/minimax/api"
)

// OrderAction is an action Minimax runs on an order.
type OrderAction string

// The order actions. Reading their effect on Status by name: confirm O→P,
// complete P→Z, invalidate →R, and the cancel… actions undo them.
const (
	ActionConfirm             OrderAction = "confirm"
	ActionCancelConfirmation  OrderAction = "cancelConfirmation"
	ActionComplete            OrderAction = "complete"
	ActionCancelCompletion    OrderAction = "cancelCompletion"
	ActionInvalidate          OrderAction = "invalidate"
	ActionCancelInvalidation  OrderAction = "cancelInvalidation"
	ActionCreateIssuedInvoice OrderAction = "createissuedinvoice"
	ActionGeneratePDF         OrderAction = "generatepdf"
)

func (a OrderAction) valid() bool {
	switch a {
	case ActionConfirm, ActionCancelConfirmation, ActionComplete, ActionCancelCompletion,
		ActionInvalidate, ActionCancelInvalidation, ActionCreateIssuedInvoice, ActionGeneratePDF:
		return true
	}
	return false
}

// RunOrderAction runs an action on an order and returns the service's raw
// answer (its shape is undocumented). Actions need the order's current
// RowVersion, so it reads the order first: two requests. A conflict
// (ErrConflict) means someone changed the order between the two.
func (c *Client) RunOrderAction(ctx context.Context, id int64, action OrderAction) ([]byte, error) {
	if !action.valid() {
		return nil, actionError(action)
	}
	o, err := c.GetOrder(ctx, id)
	if err != nil {
		return nil, err
	}
	return c.RunOrderActionAt(ctx, id, deref.Of(o.RowVersion), action)
}

// RunOrderActionAt runs an action on the order as of rowVersion, which the
// caller read with GetOrder: one request. Use it when the decision to act
// depends on what was read (the order's status, say), so that the action
// fails with ErrConflict instead of acting on an order changed since.
func (c *Client) RunOrderActionAt(ctx context.Context, id int64, rowVersion string, action OrderAction) ([]byte, error) {
	op := "minimax.RunOrderAction(" + string(action) + ")"
	if !action.valid() {
		return nil, actionError(action)
	}
	if rowVersion == "" {
		return nil, &FieldError{Field: "RowVersion", Err: fmt.Errorf("order %d: is empty; read the order with GetOrder first", id)}
	}
	org, err := c.Organisation(ctx)
	if err != nil {
		return nil, err
	}
	// An action may create a record (createissuedinvoice) and carries no
	// idempotency key, so it is not repeated once it may have arrived.
	resp, err := c.api.PutCustomActionOrderWithResponse(transport.NoReplay(ctx), org, id, string(action),
		&api.PutCustomActionOrderParams{RowVersion: rowVersion})
	if resp, err = wire.Check(op, resp, err); err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func actionError(a OrderAction) error {
	return &FieldError{Field: "action", Err: fmt.Errorf("unknown order action %q", a)}
}

// ConfirmOrder confirms a draft order (status O → P).
func (c *Client) ConfirmOrder(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionConfirm)
}

// CancelOrderConfirmation returns a confirmed order to draft.
func (c *Client) CancelOrderConfirmation(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionCancelConfirmation)
}

// CompleteOrder completes a confirmed order (P → Z).
func (c *Client) CompleteOrder(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionComplete)
}

// CancelOrderCompletion reopens a completed order.
func (c *Client) CancelOrderCompletion(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionCancelCompletion)
}

// InvalidateOrder invalidates an order (→ R).
func (c *Client) InvalidateOrder(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionInvalidate)
}

// CancelOrderInvalidation revives an invalidated order.
func (c *Client) CancelOrderInvalidation(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionCancelInvalidation)
}

// CreateIssuedInvoiceFromOrder copies an order into a new issued invoice.
func (c *Client) CreateIssuedInvoiceFromOrder(ctx context.Context, id int64) error {
	return c.act(ctx, id, ActionCreateIssuedInvoice)
}

func (c *Client) act(ctx context.Context, id int64, a OrderAction) error {
	_, err := c.RunOrderAction(ctx, id, a)
	return err
}

// Attachment is a generated document.
type Attachment struct {
	FileName string
	MimeType string
	Data     []byte
}

// OrderPDF has Minimax print the order and returns the PDF.
func (c *Client) OrderPDF(ctx context.Context, id int64) (Attachment, error) {
	body, err := c.RunOrderAction(ctx, id, ActionGeneratePDF)
	if err != nil {
		return Attachment{}, err
	}
	return parseAttachment("minimax.OrderPDF", body)
}

// parseAttachment reads the {"Data": {"AttachmentData": base64, ...}} answer
// the vendor's samples read from the invoice PDF action; the order action
// is expected to answer alike.
func parseAttachment(op string, body []byte) (Attachment, error) {
	var v struct {
		Data struct {
			AttachmentData     string `json:"AttachmentData"`
			AttachmentFileName string `json:"AttachmentFileName"`
			AttachmentMimeType string `json:"AttachmentMimeType"`
		} `json:"Data"`
	}
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); err != nil {
		return Attachment{}, fmt.Errorf("%s: the answer is not the expected attachment: %w", op, err)
	}
	if v.Data.AttachmentData == "" {
		return Attachment{}, fmt.Errorf("%s: %w", op, errors.New("the answer holds no Data.AttachmentData"))
	}
	data, err := base64.StdEncoding.DecodeString(v.Data.AttachmentData)
	if err != nil {
		return Attachment{}, fmt.Errorf("%s: Data.AttachmentData: %w", op, err)
	}
	return Attachment{FileName: v.Data.AttachmentFileName, MimeType: v.Data.AttachmentMimeType, Data: data}, nil
}
