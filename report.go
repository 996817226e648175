package planbridge

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Outcome is what a run did with one Minimax order.
type Outcome string

// The outcomes.
const (
	// OutcomeCreated: the SkyPlanner order was created in this run.
	OutcomeCreated Outcome = "created"
	// OutcomeUpdated: the order existed and something of it was written.
	OutcomeUpdated Outcome = "updated"
	// OutcomeUnchanged: SkyPlanner already matched the plan; nothing was written.
	OutcomeUnchanged Outcome = "unchanged"
	// OutcomeArchived: the order was invalidated in Minimax and archived.
	OutcomeArchived Outcome = "archived"
	// OutcomeSkipped: the order is not synced (issued, a draft, completed,
	// archived by a planner, ...); Reason says why.
	OutcomeSkipped Outcome = "skipped"
	// OutcomeFailed: Err says why; the order comes again in the next run.
	OutcomeFailed Outcome = "failed"
	// OutcomeDeferred: the run stopped before the order (the budget ran
	// low, or the context ended); it comes again in the next run.
	OutcomeDeferred Outcome = "deferred"
)

// OrderRef names a Minimax order.
type OrderRef struct {
	// ID is the Minimax OrderId.
	ID int64
	// Number is Minimax's own name for the order, "<Year>-<Number>", once
	// the order has been read.
	Number string
}

// String names the order by its Minimax number and ID ("order 2026-1
// (Minimax 7870)"), or by its ID alone when it has no number.
func (o OrderRef) String() string {
	if o.Number == "" {
		return "order " + strconv.FormatInt(o.ID, 10)
	}
	return fmt.Sprintf("order %s (Minimax %d)", o.Number, o.ID)
}

// OrderResult is what happened to one Minimax order in a run.
type OrderResult struct {
	Order   OrderRef
	Outcome Outcome
	// Reason says in words why an order was skipped, deferred or archived.
	Reason string
	// SkyPlannerID is the id of the SkyPlanner order, when there is one.
	SkyPlannerID int64
	// Writes are the writes made, or in a dry run the writes that would be.
	Writes []Write
	// Err is an *OrderError for a failed order.
	Err error
}

// OrderError is the failure of one order. It unwraps to the cause: a
// *mapping.FieldError (errors.As) for bad data, naming the field; an API
// error; a *LookupError.
type OrderError struct {
	Order OrderRef
	Err   error
}

// Error names the order, then the cause.
func (e *OrderError) Error() string { return e.Order.String() + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *OrderError) Unwrap() error { return e.Err }

// Totals counts the records of one kind a run touched.
type Totals struct {
	Created, Updated, Archived, Unchanged int
}

// Requests counts the requests each service received in a run, every try
// included. A client shared with other work counts that work too.
type Requests struct {
	Minimax, SkyPlanner int64
}

// Report is the result of a run.
type Report struct {
	// Orders has one result per order the run considered, by Minimax ID.
	Orders []OrderResult
	// Totals counts the records written or checked, per kind.
	Totals map[Kind]Totals
	// Requests counts what each service received during the run.
	Requests Requests
	// Next is the watermark to give the next Sync (and what WithStore saved).
	Next Watermark
	// Stopped says why the run ended before every order was done: an
	// error matching minimax.ErrBudgetExhausted when the daily budget ran
	// low (WithBudgetReserve), or the context's error. The orders not done
	// are OutcomeDeferred and come again.
	Stopped error
	// DryRun is set when no write was sent: Writes are what would be.
	DryRun bool
}

// Failed returns the results of the orders that failed.
func (r *Report) Failed() []OrderResult {
	var out []OrderResult
	for _, o := range r.Orders {
		if o.Outcome == OutcomeFailed {
			out = append(out, o)
		}
	}
	return out
}

// Err joins the errors of the failed orders; nil when none failed.
func (r *Report) Err() error {
	var errs []error
	for _, o := range r.Failed() {
		errs = append(errs, o.Err)
	}
	return errors.Join(errs...)
}

// Count returns how many orders had outcome o.
func (r *Report) Count(o Outcome) int {
	n := 0
	for _, res := range r.Orders {
		if res.Outcome == o {
			n++
		}
	}
	return n
}

func (r *Report) sort() {
	slices.SortFunc(r.Orders, func(a, b OrderResult) int { return cmp.Compare(a.Order.ID, b.Order.ID) })
}
