package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// refusal creates an order Minimax refuses, and updates one in a way the
// client refuses before sending.
func refusal(ctx context.Context, w io.Writer, fake *minimaxtest.Server) error {
	mm, err := minimax.New(fake.ClientOptions()...)
	if err != nil {
		return err
	}

	// No date, and a customer the organisation does not have.
	_, err = mm.CreateOrder(ctx, minimax.Order{
		ReceivedIssued: new(string(minimax.Received)),
		Customer:       &minimax.FkField{ID: new(int64(999))},
		Currency:       &minimax.FkField{ID: new(int64(7))},
	})
	var apiErr *minimax.APIError
	if !errors.As(err, &apiErr) {
		return fmt.Errorf("want an *APIError, got %v", err)
	}
	fmt.Fprintf(w, "  CreateOrder: errors.Is(err, minimax.ErrValidation) = %t, status %d, %q\n",
		errors.Is(err, minimax.ErrValidation), apiErr.StatusCode, apiErr.Message)
	for _, f := range apiErr.Fields {
		fmt.Fprintf(w, "    %s: %s\n", f.Field, f.Message)
	}

	// An update needs the RowVersion the order was read with.
	err = mm.UpdateOrder(ctx, minimax.Order{OrderID: new(int64(7870))})
	var fieldErr *minimax.FieldError
	if !errors.As(err, &fieldErr) {
		return fmt.Errorf("want a *FieldError, got %v", err)
	}
	fmt.Fprintf(w, "  UpdateOrder without a RowVersion, refused before sending: field %s, errors.Is(err, minimax.ErrValidation) = %t\n    %v\n",
		fieldErr.Field, errors.Is(err, minimax.ErrValidation), err)
	return nil
}
