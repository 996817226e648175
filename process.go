package planbridge

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"strconv"
	"strings"
	"sync"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
)

// item is an order a run is to handle.
type item struct {
	id int64
	// rowVersion is the version the candidate list showed ("" unknown).
	rowVersion string
	// export is an export an earlier run owes the order.
	export bool
	// plan is set when a list entry already decided the order (skip, or
	// archive): it then needs no read.
	plan *mapping.Plan
	// number is the order's Minimax number, when a list entry gave it.
	number string
}

// outcome is what the run keeps of a handled order beyond its result.
type outcome struct {
	rowVersion string
	work       *orderWork
}

// process handles the items with the Syncer's workers, in order, and
// reports why it stopped early: the context's error, or the budget. Orders
// it did not start are deferred. No order starts once ctx ends; those in
// hand go on with work, which ends the grace period later.
func (r *run) process(ctx, work context.Context, items []item, done func()) error {
	var (
		wg      sync.WaitGroup
		stopMu  sync.Mutex
		stopped error
	)
	// A worker's slot is taken before the checks, so that an order never
	// starts after ctx ended while it waited for a free worker.
	slots := make(chan struct{}, r.s.cfg.workers)
	stop := func(err error) {
		stopMu.Lock()
		defer stopMu.Unlock()
		if stopped == nil {
			stopped = err
		}
	}
	reason := func() error {
		stopMu.Lock()
		defer stopMu.Unlock()
		return stopped
	}
	for i, it := range items {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if err := cmp.Or(reason(), r.cancelled(ctx), r.budgetLow()); err != nil {
			stop(err)
			for _, rest := range items[i:] {
				o := &orderWork{r: r, ref: OrderRef{ID: rest.id, Number: rest.number}, rowVersion: rest.rowVersion, export: rest.export}
				r.finish(r.deferred(rest, err), o)
			}
			break
		}
		wg.Go(func() {
			defer func() { <-slots }()
			res, o, why := r.handle(work, it)
			if why != nil {
				stop(why)
			}
			r.finish(res, o)
			if done != nil {
				done()
			}
		})
	}
	wg.Wait()
	return reason()
}

// cancelled says, once ctx has ended, that the run was cancelled.
func (r *run) cancelled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("the run was cancelled: %w", err)
	}
	return nil
}

// handle reads, maps and reconciles one order. A deferred order comes with
// the reason the whole run should stop.
func (r *run) handle(ctx context.Context, it item) (OrderResult, *orderWork, error) {
	o := &orderWork{r: r, ref: OrderRef{ID: it.id, Number: it.number}, export: it.export, rowVersion: it.rowVersion}
	r.emit(Event{Type: EventOrderStarted, Order: o.ref})
	plan := it.plan
	if plan == nil {
		mo, err := r.s.mm.GetOrder(ctx, it.id)
		if err != nil {
			res, why := r.readFailed(it, o, err)
			return res, o, why
		}
		o.ref.Number, o.rowVersion = minimaxNumber(mo), deref.Of(mo.RowVersion)
		p, err := r.s.mapper.MapOrder(r.org, mo)
		if err != nil {
			return r.failed(o, err), o, nil
		}
		plan = &p
	}
	o.ext = deref.Of(plan.Order.ExternalID)
	var out Outcome
	var err error
	switch plan.Action {
	case mapping.ActionUpsert:
		out, err = o.upsert(ctx, *plan)
	case mapping.ActionArchive:
		out, err = o.archive(ctx, *plan)
	default:
		out = OutcomeSkipped
		o.note(plan.Reason)
	}
	if err != nil {
		if ctx.Err() != nil {
			why := fmt.Errorf("the run was cancelled: %w", ctx.Err())
			return r.deferred(it, why), o, why
		}
		return r.failed(o, err), o, nil
	}
	if out == OutcomeArchived || out == OutcomeSkipped {
		o.export = false
	}
	return OrderResult{Order: o.ref, Outcome: out, Reason: strings.Join(o.notes, "; "), SkyPlannerID: realID(o.spID), Writes: o.writes}, o, nil
}

// readFailed classifies a failed read of the Minimax order; the budget and
// a cancelled run stop the run.
func (r *run) readFailed(it item, o *orderWork, err error) (OrderResult, error) {
	switch {
	case errors.Is(err, minimax.ErrBudgetExhausted):
		return r.deferred(it, err), err
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		why := fmt.Errorf("the run was cancelled: %w", err)
		return r.deferred(it, why), why
	case errors.Is(err, minimax.ErrNotFound):
		// Deleted in Minimax: nothing left to sync, and nothing to wait for.
		o.note("no longer in Minimax (deleted); SkyPlanner is left as it is")
		return OrderResult{Order: o.ref, Outcome: OutcomeSkipped, Reason: strings.Join(o.notes, "; ")}, nil
	}
	return r.failed(o, err), nil
}

func (r *run) failed(o *orderWork, err error) OrderResult {
	err = &OrderError{Order: o.ref, Err: err}
	r.log.Warn("planbridge: order failed", "order", o.ref.ID, "number", o.ref.Number, "error", err)
	return OrderResult{Order: o.ref, Outcome: OutcomeFailed, Err: err, SkyPlannerID: realID(o.spID), Writes: o.writes}
}

// deferred is an order the run stopped before, or could not finish for a
// reason that is not the order's own.
func (r *run) deferred(it item, why error) OrderResult {
	return OrderResult{Order: OrderRef{ID: it.id, Number: it.number}, Outcome: OutcomeDeferred, Reason: why.Error()}
}

// finish records a result and tells the callback.
func (r *run) finish(res OrderResult, o *orderWork) {
	r.mu.Lock()
	r.results[res.Order.ID] = &res
	if o != nil {
		r.handled[res.Order.ID] = outcome{rowVersion: o.rowVersion, work: o}
	}
	r.mu.Unlock()
	typ := EventOrderDone
	switch res.Outcome {
	case OutcomeFailed:
		typ = EventOrderFailed
	case OutcomeSkipped, OutcomeDeferred:
		typ = EventOrderSkipped
	}
	r.log.Debug("planbridge order", "order", res.Order.ID, "number", res.Order.Number, "outcome", res.Outcome,
		"reason", res.Reason, "writes", len(res.Writes), "skyplanner_id", res.SkyPlannerID)
	r.emit(Event{Type: typ, Order: res.Order, Outcome: res.Outcome, Reason: res.Reason, Err: res.Err})
}

// budgetLow says whether the Minimax daily budget is too low to read
// another order.
func (r *run) budgetLow() error {
	used, limit := r.s.mm.BudgetUsed()
	if limit == 0 || limit-used > r.s.cfg.budgetReserve {
		return nil
	}
	return fmt.Errorf("planbridge: %d of the Minimax daily budget of %d requests left (reserve %d): %w",
		limit-used, limit, r.s.cfg.budgetReserve, minimax.ErrBudgetExhausted)
}

// minimaxNumber is Minimax's own name for an order, "<Year>-<Number>".
func minimaxNumber(o minimax.Order) string {
	if o.Year == nil || o.Number == nil {
		return ""
	}
	return strconv.Itoa(int(*o.Year)) + "-" + strconv.Itoa(int(*o.Number))
}
