package planbridge

import (
	"context"
	"maps"
	"slices"
)

// settle moves the orders this run finished into w: done ones (written,
// unchanged, archived or skipped, and exported when they had to be) into
// Done when inDone says their change is recent enough to be listed again,
// failed and deferred ones into Pending.
func (r *run) settle(w *Watermark, inDone func(id int64) bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if w.Done == nil {
		w.Done = map[int64]string{}
	}
	if w.Pending == nil {
		w.Pending = map[int64]Pending{}
	}
	for _, id := range slices.Sorted(maps.Keys(r.results)) {
		res, h := r.results[id], r.handled[id]
		owesExport := r.s.cfg.export && h.work != nil && h.work.export
		switch {
		case res.Outcome == OutcomeFailed || res.Outcome == OutcomeDeferred || owesExport:
			delete(w.Done, id)
			w.Pending[id] = Pending{RowVersion: h.rowVersion, Export: owesExport}
		default:
			delete(w.Pending, id)
			if h.rowVersion != "" && inDone(id) {
				w.Done[id] = h.rowVersion
			}
		}
	}
}

// save stores the progress of a run, after each order: a crash loses at
// most the order in hand. A failed save is logged, not fatal: the state
// saved last is still correct, only older.
func (r *run) save(ctx context.Context, st State, w Watermark) {
	st.Watermark = w
	if err := r.saveState(ctx, st); err != nil {
		r.log.Warn("planbridge: saving progress failed", "error", err)
	}
}

// saveState stores st with the budget spent so far.
func (r *run) saveState(ctx context.Context, st State) error {
	r.saveMu.Lock()
	defer r.saveMu.Unlock()
	st.Budget = r.s.mm.BudgetSnapshot()
	return r.s.cfg.store.Save(ctx, st)
}

// report builds the report of what the run did.
func (r *run) report() *Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{Totals: map[Kind]Totals{}, DryRun: r.dry}
	for _, res := range r.results {
		rep.Orders = append(rep.Orders, *res)
	}
	rep.sort()
	maps.Copy(rep.Totals, r.totals)
	rep.Requests = sentBy(r.s.mm, r.s.sp).since(r.start)
	return rep
}
