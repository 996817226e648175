package planbridge

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner"
)

// PollReport is what one Poll did.
type PollReport struct {
	// Orders are the checks made, one per SkyPlanner order with changed
	// rows or jobs, by order id. An order is left out when this Tracker
	// already checked it after those changes and nothing but a new change
	// in SkyPlanner could alter the outcome (see CompletionOutcome).
	Orders []Completion
	// Next is the watermark to give the next Poll. It never passes a change
	// whose order failed or was not reached, so those are checked again.
	Next time.Time
	// Stopped is why the poll stopped before checking every order (the
	// context's error), or nil.
	Stopped error
	// Requests counts what the clients sent while the poll ran (requests
	// of other calls made through the same clients at the same time too).
	Requests Requests
}

// Failed returns the checks that failed.
func (r *PollReport) Failed() []Completion {
	var out []Completion
	for _, c := range r.Orders {
		if c.Err != nil {
			out = append(out, c)
		}
	}
	return out
}

// Err joins the errors of the failed checks, or is nil.
func (r *PollReport) Err() error {
	var errs []error
	for _, c := range r.Failed() {
		errs = append(errs, fmt.Errorf("SkyPlanner order %d: %w", c.OrderID, c.Err))
	}
	return errors.Join(errs...)
}

// ErrPollLimit is matched by the error of a poll whose list of changes came
// back as long as its limit (WithPollLimit): SkyPlanner's lists have no
// paging, so changes may be missing and nothing is checked.
var ErrPollLimit = errors.New("planbridge: a poll read as many changes as its limit")

// Poll checks the orders whose rows or jobs SkyPlanner shows as modified
// since the watermark since (less the overlap, WithPollOverlap), for those
// who cannot receive webhooks: each such order is checked with CheckOrder.
// The zero watermark reads every row and job. Keep Report.Next and pass it
// to the next Poll; one failing order does not stop the others.
//
// It costs two SkyPlanner requests for the changes (rows and jobs, archived
// ones included, since removing the last unfinished row can finish an
// order), one per changed job whose row did not change, and then what
// CheckOrder costs per order; Minimax is read only for orders whose
// production is done.
func (t *Tracker) Poll(ctx context.Context, since time.Time) (*PollReport, error) {
	start := sentBy(t.mm, t.sp)
	from := since
	if !from.IsZero() {
		from = from.Add(-t.cfg.overlap)
	}
	changes, err := t.changes(ctx, from)
	if err != nil {
		return nil, err
	}
	t.forgetBefore(from)
	rep := &PollReport{Next: since}
	for _, at := range changes {
		rep.Next = later(rep.Next, at)
	}
	var held []time.Time // the changes of orders failed or not reached
	for _, id := range slices.Sorted(maps.Keys(changes)) {
		at := changes[id]
		if t.isSettled(id, at) {
			continue
		}
		if err := ctx.Err(); err != nil {
			rep.Stopped = err
			held = append(held, at)
			continue
		}
		c, err := t.CheckOrder(ctx, id)
		c.Err = err
		switch {
		case err != nil:
			held = append(held, at)
		case c.Outcome.settles():
			t.settle(id, at)
		}
		rep.Orders = append(rep.Orders, c)
	}
	for _, at := range held {
		if !at.IsZero() && at.Before(rep.Next) {
			rep.Next = at
		}
	}
	rep.Requests = sentBy(t.mm, t.sp).since(start)
	return rep, nil
}

// changes reads the rows and jobs modified at or after from and returns,
// per order, when its rows or jobs last changed. A server that ignores the
// modified filter answers with older records too; those are dropped here.
func (t *Tracker) changes(ctx context.Context, from time.Time) (map[int64]time.Time, error) {
	limit := t.cfg.pollLimit
	rows, err := collect(t.sp.ListOrderRows(ctx, skyplanner.OrderRowFilter{ModifiedSince: from, Limit: limit}, skyplanner.IncludeArchived()))
	if err != nil {
		return nil, err
	}
	jobs, err := collect(t.sp.ListJobs(ctx, skyplanner.JobFilter{ModifiedSince: from, Limit: limit}, skyplanner.IncludeArchived()))
	if err != nil {
		return nil, err
	}
	if len(rows) >= limit || len(jobs) >= limit {
		return nil, fmt.Errorf("%w (%d): poll more often or raise WithPollLimit", ErrPollLimit, limit)
	}
	changed := map[int64]time.Time{}
	add := func(orderID int64, at time.Time) { changed[orderID] = later(changed[orderID], at) }
	orderOf := map[int64]int64{} // row id → order id
	for _, r := range rows {
		orderOf[deref.Of(r.ID)] = deref.Of(r.PhaserOrderID)
		if at, ok := changedSince(r.Modified, from); ok && deref.Of(r.PhaserOrderID) > 0 {
			add(*r.PhaserOrderID, at)
		}
	}
	for _, j := range jobs {
		at, ok := changedSince(j.Modified, from)
		rowID := deref.Of(j.PhaserOrderRowID)
		if !ok || rowID <= 0 {
			continue
		}
		orderID, known := orderOf[rowID]
		if !known {
			row, err := t.sp.GetOrderRow(ctx, rowID, skyplanner.IncludeArchived())
			if err != nil {
				return nil, err
			}
			orderID = deref.Of(row.PhaserOrderID)
			orderOf[rowID] = orderID
		}
		if orderID > 0 {
			add(orderID, at)
		}
	}
	return changed, nil
}

// changedSince reads a record's modified time; a record without one counts
// as changed (at the zero time, so it never moves the watermark).
func changedSince(modified *skyplanner.DateTime, from time.Time) (time.Time, bool) {
	at := deref.Of(modified).Time()
	if at.IsZero() {
		return at, true
	}
	return at, !at.Before(from)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// isSettled says whether a poll settled the order after its change at.
func (t *Tracker) isSettled(id int64, at time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	s, ok := t.settled[id]
	return ok && !at.IsZero() && !at.After(s)
}

func (t *Tracker) settle(id int64, at time.Time) {
	if at.IsZero() {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.settled[id] = later(t.settled[id], at)
}

// forgetBefore drops what polls settled before from: a poll from there on
// never lists those changes again.
func (t *Tracker) forgetBefore(from time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	maps.DeleteFunc(t.settled, func(_ int64, at time.Time) bool { return at.Before(from) })
}
