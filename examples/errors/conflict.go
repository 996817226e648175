package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// maxAttempts bounds the conflict loop: an order that changes under every
// attempt is being edited by someone, and the change should wait.
const maxAttempts = 3

// updateOrder applies change to o, an order read with GetOrder, and writes
// it. When someone changed the order since o was read (ErrConflict), it
// reads the order again and applies change to that: the decision is made
// again on what Minimax holds now, and the stale order is never resent.
func updateOrder(ctx context.Context, mm *minimax.Client, o minimax.Order, change func(*minimax.Order)) (attempts int, err error) {
	for attempts = 1; ; attempts++ {
		change(&o)
		err = mm.UpdateOrder(ctx, o)
		if !errors.Is(err, minimax.ErrConflict) || attempts == maxAttempts {
			return attempts, err
		}
		if o, err = mm.GetOrder(ctx, *o.OrderID); err != nil {
			return attempts, err
		}
	}
}

// addNote is a change a user decides on an order: a line added to its notes.
func addNote(note string) func(*minimax.Order) {
	return func(o *minimax.Order) {
		notes := deref(o.Notes)
		if notes != "" {
			notes += "\n"
		}
		o.Notes = new(notes + note)
	}
}

// conflict has two users read the same order and update it.
func conflict(ctx context.Context, w io.Writer, fake *minimaxtest.Server) error {
	mm, err := minimax.New(fake.ClientOptions()...)
	if err != nil {
		return err
	}
	const id = 7870 // 2026-1
	ana, err := mm.GetOrder(ctx, id)
	if err != nil {
		return err
	}
	ivo, err := mm.GetOrder(ctx, id)
	if err != nil {
		return err
	}

	if _, err := updateOrder(ctx, mm, ana, addNote("Ana: deliver to the back entrance")); err != nil {
		return err
	}
	fmt.Fprintln(w, "  Ana and Ivo read order 2026-1; Ana updates it first")

	// Ivo's read is stale now: sent as it is, it is refused.
	stale := ivo
	addNote("Ivo: call before delivery")(&stale)
	err = mm.UpdateOrder(ctx, stale)
	fmt.Fprintf(w, "  Ivo's update as read: errors.Is(err, minimax.ErrConflict) = %t\n    %v\n", errors.Is(err, minimax.ErrConflict), err)
	if !errors.Is(err, minimax.ErrConflict) {
		return fmt.Errorf("want a conflict, got %v", err)
	}

	attempts, err := updateOrder(ctx, mm, ivo, addNote("Ivo: call before delivery"))
	if err != nil {
		return err
	}
	now, err := mm.GetOrder(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  Ivo's update through updateOrder: written on attempt %d; the notes now:\n", attempts)
	fmt.Fprintf(w, "    %q\n", deref(now.Notes))
	return nil
}

// deref reads an optional field of the generated records, nil as the zero value.
func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}
