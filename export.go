package planbridge

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
)

// exportBatch is how many orders one export request names.
const exportBatch = 100

// exportOrders exports, in one request per batch, the orders whose rows
// SkyPlanner shows outside production scheduling, that the run changed,
// or that an earlier run failed to export. An order whose export fails
// fails, and its export is owed to the next run (Pending.Export).
func (r *run) exportOrders(ctx context.Context) {
	if !r.s.cfg.export {
		return
	}
	var todo []*orderWork
	r.mu.Lock()
	for id, h := range r.handled {
		res := r.results[id]
		if h.work != nil && h.work.export && (res.Outcome == OutcomeCreated || res.Outcome == OutcomeUpdated || res.Outcome == OutcomeUnchanged) {
			todo = append(todo, h.work)
		}
	}
	r.mu.Unlock()
	slices.SortFunc(todo, func(a, b *orderWork) int { return cmp.Compare(a.ref.ID, b.ref.ID) })
	for batch := range slices.Chunk(todo, exportBatch) {
		var err error
		if !r.dry {
			ids := make([]int64, len(batch))
			for i, o := range batch {
				ids[i] = o.spID
			}
			err = r.s.sp.ExportOrders(ctx, ids...)
		}
		for _, o := range batch {
			r.exported(o, err)
		}
	}
}

// exported records the export of one order, or its failure. Either way an
// export not made is owed to the next run (Pending.Export).
func (r *run) exported(o *orderWork, err error) {
	r.mu.Lock()
	res := r.results[o.ref.ID]
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		res.Outcome, res.Reason = OutcomeDeferred, "the run was cancelled before its export to production scheduling"
		err = nil
	case err != nil:
		res.Outcome = OutcomeFailed
		res.Err = &OrderError{Order: o.ref, Err: fmt.Errorf("exporting to production scheduling: %w", err)}
	default:
		o.export = false
		res.Writes = append(res.Writes, Write{Op: OpExport, Kind: KindOrder, ExternalID: o.ext, ID: realID(o.spID)})
	}
	r.mu.Unlock()
	switch res.Outcome {
	case OutcomeFailed:
		r.emit(Event{Type: EventOrderFailed, Order: o.ref, Outcome: OutcomeFailed, Err: res.Err})
	case OutcomeDeferred:
		r.emit(Event{Type: EventOrderSkipped, Order: o.ref, Outcome: OutcomeDeferred, Reason: res.Reason})
	default:
		r.emit(Event{Type: EventOrderExported, Order: o.ref, Kind: KindOrder, ExternalID: o.ext, ID: realID(o.spID)})
	}
}
