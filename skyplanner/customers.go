package skyplanner

import (
	"context"
	"iter"
	"net/http"
	"time"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// CustomerFilter narrows ListCustomers. Zero fields do not filter. The
// vendor documents no customer filters; these follow the other resources
// and may be ignored by the service.
type CustomerFilter struct {
	// ExternalID keeps customers with this integrator's key.
	ExternalID string
	// ModifiedSince keeps customers modified at or after this time.
	ModifiedSince time.Time
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// CreateCustomer creates a customer. Every order needs one, so this comes
// first in an integration; the result carries the id orders refer to.
func (c *Client) CreateCustomer(ctx context.Context, customer Customer) (Customer, error) {
	resp, err := c.api.CreateCustomer(ctx, customer)
	return created[Customer](c, "skyplanner.CreateCustomer", "customer", customer.ExternalID, resp, err)
}

// GetCustomer reads a customer by its SkyPlanner id.
func (c *Client) GetCustomer(ctx context.Context, id int64) (Customer, error) {
	resp, err := c.api.GetCustomer(ctx, id)
	return one[Customer](c, "skyplanner.GetCustomer", "customer", resp, err)
}

// UpdateCustomer writes customer to the record with id. Whether SkyPlanner
// merges or replaces is undocumented, so send the whole record as read.
func (c *Client) UpdateCustomer(ctx context.Context, id int64, customer Customer) (Customer, error) {
	const op = "skyplanner.UpdateCustomer"
	if err := checkSameID(id, customer.ID); err != nil {
		return Customer{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateCustomer(ctx, id, customer)
	return one[Customer](c, op, "customer", resp, err)
}

// DeleteCustomer deletes a customer PERMANENTLY. Unlike orders, order rows
// and jobs, customers are not archived: there is no undo and no way to read
// the record again.
func (c *Client) DeleteCustomer(ctx context.Context, id int64) error {
	resp, err := c.api.DeleteCustomer(ctx, id)
	return c.none("skyplanner.DeleteCustomer", resp, err)
}

// ListCustomers yields the customers that pass f, from a single request
// made when the sequence is ranged over.
func (c *Client) ListCustomers(ctx context.Context, f CustomerFilter) iter.Seq2[Customer, error] {
	return c.listCustomers(ctx, "skyplanner.ListCustomers", f)
}

// FindCustomerByExternalID returns the one customer with the integrator's
// key externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError.
func (c *Client) FindCustomerByExternalID(ctx context.Context, externalID string) (Customer, error) {
	const op = "skyplanner.FindCustomerByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Customer{}, c.fail(op, err)
	}
	seq := c.listCustomers(ctx, op, CustomerFilter{ExternalID: externalID})
	return find(op, externalID, seq, func(v Customer) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listCustomers(ctx context.Context, op string, f CustomerFilter) iter.Seq2[Customer, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Customer](c.fail(op, err))
	}
	p := &api.ListCustomersParams{ExternalID: stringParam(f.ExternalID), Limit: limit}
	p.Modified, p.ModifiedCondition = sinceParams(f.ModifiedSince)
	return list[Customer](ctx, c, op, "customers", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListCustomers(ctx, p)
	})
}
