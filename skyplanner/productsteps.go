package skyplanner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// A product's default steps are the process steps WithDefaultSteps copies to
// a new order row as jobs. SkyPlanner addresses them by product and
// order_number, not by an id of their own.

// ProductSteps returns a product's default steps as SkyPlanner lists them.
// (Reading them is inferred; the vendor documents only the writes.)
func (c *Client) ProductSteps(ctx context.Context, productID int64) ([]ProductStep, error) {
	return c.productSteps(ctx, "skyplanner.ProductSteps", productID)
}

func (c *Client) productSteps(ctx context.Context, op string, productID int64) ([]ProductStep, error) {
	resp, err := c.api.ListProductSteps(ctx, productID)
	return records[ProductStep](c, op, "product-jobs", resp, err)
}

// AddProductStep adds a default step to a product. Give it an OrderNumber:
// that is how later updates and deletes find it.
func (c *Client) AddProductStep(ctx context.Context, productID int64, step ProductStep) (ProductStep, error) {
	const op = "skyplanner.AddProductStep"
	if step.OrderNumber == nil {
		return ProductStep{}, c.fail(op, errNoOrderNumber())
	}
	resp, err := c.api.AddProductStep(ctx, productID, step)
	return created[ProductStep](c, op, "product-job", nil, resp, err)
}

// UpdateProductStep rewrites the product's step that has step's
// OrderNumber, which must be set.
func (c *Client) UpdateProductStep(ctx context.Context, productID int64, step ProductStep) (ProductStep, error) {
	const op = "skyplanner.UpdateProductStep"
	if step.OrderNumber == nil {
		return ProductStep{}, c.fail(op, errNoOrderNumber())
	}
	resp, err := c.api.UpdateProductStep(ctx, productID, step)
	return one[ProductStep](c, op, "product-job", resp, err)
}

// DeleteProductStep deletes the product's step with orderNumber
// PERMANENTLY. Order rows created earlier keep the jobs copied from it.
func (c *Client) DeleteProductStep(ctx context.Context, productID int64, orderNumber int32) error {
	resp, err := c.api.DeleteProductStep(ctx, productID, &api.DeleteProductStepParams{OrderNumber: orderNumber})
	return c.none("skyplanner.DeleteProductStep", resp, err)
}

func errNoOrderNumber() error {
	return &FieldError{Field: "order_number", Err: errors.New("is not set; SkyPlanner finds a product's steps by it")}
}

// SetProductSteps makes a product's default steps match steps, matching
// them by order_number: a step that is missing is added, one that differs
// is updated, and a step the product has beyond the list is deleted
// (permanently). A step "differs" when a field set in steps has another
// value on the product; fields left nil are not compared and are not
// cleared.
//
// Cost: one GET, then one request per step to add, update or delete and
// none for a step that already matches, so repeating a call is cheap.
// Writes go in a fixed order: adds and updates by ascending order_number,
// then deletes by descending order_number, so that a service which
// renumbers the steps after a delete cannot move a step still to be
// written.
//
// It is not atomic. If a request fails, the steps written before it stay
// written and the error says which step failed; calling again with the
// same list finishes the job.
func (c *Client) SetProductSteps(ctx context.Context, productID int64, steps []ProductStep) error {
	const op = "skyplanner.SetProductSteps"
	want, err := byOrderNumber(steps)
	if err != nil {
		return c.fail(op, err)
	}
	current, err := c.productSteps(ctx, op, productID)
	if err != nil {
		return err
	}
	have, err := byOrderNumber(current)
	if err != nil {
		return c.fail(op, fmt.Errorf("the product's current steps: %w", err))
	}

	var added, updated, deleted int
	for _, n := range slices.Sorted(maps.Keys(want)) {
		w := want[n]
		h, exists := have[n]
		switch {
		case !exists:
			if _, err := c.AddProductStep(ctx, productID, w); err != nil {
				return fmt.Errorf("%s: adding step %d: %w", op, n, err)
			}
			added++
		default:
			differs, err := stepDiffers(w, h)
			if err != nil {
				return c.fail(op, fmt.Errorf("step %d: %w", n, err))
			}
			if !differs {
				continue
			}
			if _, err := c.UpdateProductStep(ctx, productID, w); err != nil {
				return fmt.Errorf("%s: updating step %d: %w", op, n, err)
			}
			updated++
		}
	}
	extra := slices.Sorted(maps.Keys(have))
	slices.Reverse(extra)
	for _, n := range extra {
		if _, keep := want[n]; keep {
			continue
		}
		if err := c.DeleteProductStep(ctx, productID, n); err != nil {
			return fmt.Errorf("%s: deleting step %d: %w", op, n, err)
		}
		deleted++
	}
	c.log.DebugContext(ctx, "skyplanner product steps set", "product", productID,
		"added", added, "updated", updated, "deleted", deleted)
	return nil
}

// byOrderNumber indexes steps by their order_number, refusing steps that
// cannot be addressed (none) or would be addressed twice (a repeat).
func byOrderNumber(steps []ProductStep) (map[int32]ProductStep, error) {
	m := make(map[int32]ProductStep, len(steps))
	for i, s := range steps {
		if s.OrderNumber == nil {
			return nil, fmt.Errorf("step %d: %w", i, errNoOrderNumber())
		}
		n := *s.OrderNumber
		if _, dup := m[n]; dup {
			return nil, &FieldError{Field: "order_number", Err: fmt.Errorf("%d is used by more than one step", n)}
		}
		m[n] = s
	}
	return m, nil
}

// stepDiffers compares want with have as JSON, field by field, over the
// fields want sets. The service adds fields of its own (ids, timestamps), so
// comparing whole records would see a change every time.
func stepDiffers(want, have ProductStep) (bool, error) {
	w, err := jsonFields(want)
	if err != nil {
		return false, err
	}
	h, err := jsonFields(have)
	if err != nil {
		return false, err
	}
	for k, v := range w {
		if !reflect.DeepEqual(v, h[k]) {
			return true, nil
		}
	}
	return false, nil
}

func jsonFields(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(b, &m)
	return m, err
}
