package planbridge

import (
	"context"
	"errors"
	"fmt"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// CompletionOutcome is what checking one order came to.
type CompletionOutcome string

// The outcomes of a check. Only CompletionCompleted wrote to Minimax.
const (
	// CompletionCompleted: production is done and the Minimax order was
	// completed by this check.
	CompletionCompleted CompletionOutcome = "completed"
	// CompletionFinished: production is done and the Minimax order is
	// confirmed, but the Tracker has no WithCompletion, so it was left.
	CompletionFinished CompletionOutcome = "finished"
	// CompletionAlreadyCompleted: the Minimax order is completed already;
	// nothing was written.
	CompletionAlreadyCompleted CompletionOutcome = "already_completed"
	// CompletionNotFinished: some row or job is not completed yet.
	CompletionNotFinished CompletionOutcome = "not_finished"
	// CompletionNotSynced: the SkyPlanner order was not made by the sync
	// for this Minimax organisation (its external ID says so), is
	// archived, or its Minimax order is gone. It is never completed.
	CompletionNotSynced CompletionOutcome = "not_synced"
	// CompletionInvalidated: the Minimax order is invalidated; it is never
	// completed.
	CompletionInvalidated CompletionOutcome = "invalidated"
	// CompletionNotConfirmed: the Minimax order is a draft; only a
	// confirmed order can be completed, and confirming is a person's call.
	CompletionNotConfirmed CompletionOutcome = "not_confirmed"
	// CompletionIgnored: an event that cannot finish an order (a job
	// started, a row created, an event type not known).
	CompletionIgnored CompletionOutcome = "ignored"
)

// settles says whether a check with this outcome would come to the same
// outcome until the order's rows or jobs change again, so that a poll need
// not check it again for changes it has seen. Unfinished production is
// read from SkyPlanner alone; a completed, invalidated or foreign order
// stays so (a person who reopens a completed order in Minimax is not
// overruled). Drafts and finished orders left by a Tracker without
// WithCompletion wait on Minimax or on the Tracker, so they are checked
// again.
func (o CompletionOutcome) settles() bool {
	switch o {
	case CompletionCompleted, CompletionAlreadyCompleted, CompletionNotSynced, CompletionInvalidated, CompletionNotFinished:
		return true
	}
	return false
}

// Completion is the result of checking one SkyPlanner order.
type Completion struct {
	// Outcome is what the check came to, and Reason why, in words.
	Outcome CompletionOutcome
	Reason  string
	// OrderID is the SkyPlanner order, ExternalID its key and
	// MinimaxOrderID the Minimax order it names (0 when it names none).
	OrderID        int64
	ExternalID     string
	MinimaxOrderID int64
	// Event is the event type that led to the check, for HandleEvent.
	Event webhook.EventType
	// Err is why the check failed, in a PollReport; the check then decided
	// nothing and the order is checked again by the next poll.
	Err error
}

// CheckOrder checks one SkyPlanner order: when it was made by the sync,
// its production is done (see the package documentation) and its Minimax
// order is confirmed, it completes that order with the complete action
// (only with WithCompletion; otherwise the outcome is
// CompletionFinished). Checking again changes nothing: a completed order
// is left alone, as are invalidated orders and drafts.
//
// It costs one SkyPlanner request for the order, one for its rows and one
// per row whose own status is not completed (its jobs), then, only for an
// order whose production is done, one Minimax read and, to complete it,
// one action. The action is sent as of the RowVersion just read, so an
// order changed in between is read again, once, instead of acted on.
func (t *Tracker) CheckOrder(ctx context.Context, orderID int64) (Completion, error) {
	c, err := t.check(ctx, orderID)
	t.logCompletion(c, err)
	return c, err
}

func (t *Tracker) check(ctx context.Context, orderID int64) (Completion, error) {
	c := Completion{OrderID: orderID}
	order, err := t.sp.GetOrder(ctx, orderID)
	if errors.Is(err, skyplanner.ErrNotFound) {
		c.Outcome, c.Reason = CompletionNotSynced, "the SkyPlanner order is archived or gone"
		return c, nil
	}
	if err != nil {
		return c, err
	}
	c.ExternalID = deref.Of(order.ExternalID)
	org, err := t.mm.Organisation(ctx)
	if err != nil {
		return c, err
	}
	orderOrg, mmID, ok := mapping.ParseOrderExternalID(c.ExternalID)
	switch {
	case !ok:
		c.Outcome, c.Reason = CompletionNotSynced, fmt.Sprintf("external ID %q is not one the sync makes", c.ExternalID)
		return c, nil
	case orderOrg != org:
		c.Outcome, c.Reason = CompletionNotSynced, fmt.Sprintf("external ID %q is of organisation %d, not %d", c.ExternalID, orderOrg, org)
		return c, nil
	}
	c.MinimaxOrderID = mmID

	// The order's key is the one a Syncer holds while it reconciles the
	// order, so a check never reads rows a sync is halfway through.
	unlock, err := t.cfg.lock.Lock(ctx, c.ExternalID)
	if err != nil {
		return c, err
	}
	defer unlock()
	done, reason, err := t.finished(ctx, orderID)
	if err != nil {
		return c, err
	}
	if !done {
		c.Outcome, c.Reason = CompletionNotFinished, reason
		return c, nil
	}
	err = t.completeInMinimax(ctx, &c)
	return c, err
}

// completeInMinimax completes c's Minimax order if it is confirmed. A
// conflict (the order changed between the read and the action) is read
// again once: another Tracker may just have completed it.
func (t *Tracker) completeInMinimax(ctx context.Context, c *Completion) error {
	for attempt := 1; ; attempt++ {
		o, err := t.mm.GetOrder(ctx, c.MinimaxOrderID)
		if errors.Is(err, minimax.ErrNotFound) {
			c.Outcome, c.Reason = CompletionNotSynced, fmt.Sprintf("Minimax order %d is gone", c.MinimaxOrderID)
			return nil
		}
		if err != nil {
			return err
		}
		switch st := minimax.StatusOf(o.Status); st {
		case minimax.StatusCompleted:
			c.Outcome, c.Reason = CompletionAlreadyCompleted, "the Minimax order is completed already"
			return nil
		case minimax.StatusInvalidated:
			c.Outcome, c.Reason = CompletionInvalidated, "the Minimax order is invalidated"
			return nil
		case minimax.StatusDraft:
			c.Outcome, c.Reason = CompletionNotConfirmed, "the Minimax order is a draft"
			return nil
		case minimax.StatusConfirmed:
		default:
			return &mapping.FieldError{Path: "Status", Err: fmt.Errorf("%w: Minimax order %d has status %q", mapping.ErrUnknownStatus, c.MinimaxOrderID, st)}
		}
		if !t.cfg.complete {
			c.Outcome, c.Reason = CompletionFinished, "production is done; completion is off (WithCompletion)"
			return nil
		}
		_, err = t.mm.RunOrderActionAt(ctx, c.MinimaxOrderID, deref.Of(o.RowVersion), minimax.ActionComplete)
		if errors.Is(err, minimax.ErrConflict) && attempt == 1 {
			continue
		}
		if err != nil {
			return err
		}
		c.Outcome, c.Reason = CompletionCompleted, "production is done; the Minimax order is completed"
		return nil
	}
}

func (t *Tracker) logCompletion(c Completion, err error) {
	switch {
	case err != nil:
		t.cfg.log.Warn("planbridge: checking an order failed", "order", c.OrderID, "minimax_order", c.MinimaxOrderID, "error", err)
	case c.Outcome == CompletionCompleted:
		t.cfg.log.Info("planbridge: completed a finished order in Minimax", "order", c.OrderID, "minimax_order", c.MinimaxOrderID)
	default:
		t.cfg.log.Debug("planbridge: checked an order", "order", c.OrderID, "outcome", c.Outcome, "reason", c.Reason)
	}
}
