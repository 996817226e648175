package skyplanner

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// ProductFilter narrows ListProducts. Zero fields do not filter; all are
// inferred and may be ignored by the service.
type ProductFilter struct {
	// ExternalID keeps products with this integrator's key.
	ExternalID string
	// Type keeps only products or only materials.
	Type ProductType
	// ModifiedSince keeps products modified at or after this time.
	ModifiedSince time.Time
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// CreateProduct creates a product or a material (Type). SkyPlanner creates
// the product's one stock record (Saldo) with it. Set IsActive, or the
// product does not show as active.
func (c *Client) CreateProduct(ctx context.Context, product Product) (Product, error) {
	resp, err := c.api.CreateProduct(ctx, product)
	return created[Product](c, "skyplanner.CreateProduct", "product", product.ExternalID, resp, err)
}

// GetProduct reads a product by its SkyPlanner id.
func (c *Client) GetProduct(ctx context.Context, id int64) (Product, error) {
	resp, err := c.api.GetProduct(ctx, id)
	return one[Product](c, "skyplanner.GetProduct", "product", resp, err)
}

// UpdateProduct writes product to the record with id. Its default steps are
// not part of the record; change them with SetProductSteps.
func (c *Client) UpdateProduct(ctx context.Context, id int64, product Product) (Product, error) {
	const op = "skyplanner.UpdateProduct"
	if err := checkSameID(id, product.ID); err != nil {
		return Product{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateProduct(ctx, id, product)
	return one[Product](c, op, "product", resp, err)
}

// ListProducts yields the products and materials that pass f, from a single
// request made when the sequence is ranged over.
func (c *Client) ListProducts(ctx context.Context, f ProductFilter) iter.Seq2[Product, error] {
	return c.listProducts(ctx, "skyplanner.ListProducts", f)
}

// FindProductByExternalID returns the one product with the integrator's key
// externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError.
func (c *Client) FindProductByExternalID(ctx context.Context, externalID string) (Product, error) {
	const op = "skyplanner.FindProductByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Product{}, c.fail(op, err)
	}
	seq := c.listProducts(ctx, op, ProductFilter{ExternalID: externalID})
	return find(op, externalID, seq, func(v Product) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listProducts(ctx context.Context, op string, f ProductFilter) iter.Seq2[Product, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Product](c.fail(op, err))
	}
	p := &api.ListProductsParams{ExternalID: stringParam(f.ExternalID), Limit: limit}
	if f.Type != "" {
		if !f.Type.Valid() {
			return pager.Failed[Product](c.fail(op, &FieldError{Field: "type", Err: fmt.Errorf("is %q; want product or material", f.Type)}))
		}
		p.Type = new(f.Type)
	}
	p.Modified, p.ModifiedCondition = sinceParams(f.ModifiedSince)
	return list[Product](ctx, c, op, "products", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListProducts(ctx, p)
	})
}
