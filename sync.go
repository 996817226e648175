package planbridge

import (
	"cmp"
	"context"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"maps"
	"slices"
	"time"

	"github.com/planbridge/planbridge/minimax"
)

// Sync brings SkyPlanner up to date with the Minimax orders modified since
// the watermark (the zero Watermark: every order), and returns a report
// whose Next is the watermark for the next run.
//
// It reads Minimax's sync candidates (one request per page), passes over
// those it handled before at the same RowVersion, and reads in full only
// the others, plus the orders an earlier run failed or did not reach.
// Every order then goes through the same reconcile as SyncOrder. An order
// that fails, or that the run does not reach because the budget ran low
// or ctx ended, is in Next.Pending and comes again; the error returned is
// for a run that could not start or list the candidates (Next is then the
// watermark given).
func (s *Syncer) Sync(ctx context.Context, since Watermark) (*Report, error) {
	r, st, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("planbridge: sync: %w", err)
	}
	t := &tracker{base: since.clone(), overlap: s.cfg.overlap, cands: map[int64]candidate{}}
	if err := t.list(ctx, s.mm); err != nil {
		rep := r.report()
		rep.Next = since.clone()
		return rep, fmt.Errorf("planbridge: sync: %w", err)
	}
	items := t.items()
	var save func()
	if s.cfg.store != nil && !r.dry {
		save = func() { r.save(context.WithoutCancel(ctx), st, t.progress(r)) }
	}
	work, release := s.workContext(ctx)
	defer release()
	stopped := r.process(ctx, work, items, save)
	r.exportOrders(work)
	rep := r.report()
	rep.Stopped = stopped
	if r.dry {
		rep.Next = since.clone()
		return rep, nil
	}
	rep.Next = t.next(r)
	if s.cfg.store != nil {
		st.Watermark = rep.Next
		if err := r.saveState(context.WithoutCancel(ctx), st); err != nil {
			return rep, fmt.Errorf("planbridge: sync: saving the state: %w", err)
		}
	}
	return rep, nil
}

// Resume runs Sync from the watermark the Store holds (WithStore) and
// saves the next one there.
func (s *Syncer) Resume(ctx context.Context) (*Report, error) {
	if s.cfg.store == nil {
		return nil, fmt.Errorf("planbridge: Resume needs WithStore")
	}
	st, err := s.cfg.store.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("planbridge: resume: %w", err)
	}
	return s.Sync(ctx, st.Watermark)
}

// candidate is an order the candidate list showed.
type candidate struct {
	modified   time.Time
	rowVersion string
}

// tracker turns the candidates of a run and what became of them into
// watermarks.
type tracker struct {
	base    Watermark
	overlap time.Duration
	cands   map[int64]candidate
	latest  time.Time // the latest modification listed
}

// list reads the candidates modified since the watermark less the overlap.
// An order listed twice (it changed while the list was paged) counts once,
// at its latest version.
func (t *tracker) list(ctx context.Context, mm *minimax.Client) error {
	var from time.Time
	if !t.base.Since.IsZero() {
		from = t.base.Since.Add(-t.overlap)
	}
	t.latest = t.base.Since
	zone := mm.Location()
	for c, err := range mm.OrderSyncCandidates(ctx, from) {
		if err != nil {
			return err
		}
		if c.ID == nil {
			continue
		}
		m := c.RecordDtModified.In(zone)
		if prev, ok := t.cands[*c.ID]; ok && prev.modified.After(m) {
			continue
		}
		t.cands[*c.ID] = candidate{modified: m, rowVersion: deref.Of(c.RowVersion)}
		if m.After(t.latest) {
			t.latest = m
		}
	}
	return nil
}

// items are the orders to handle: the candidates not handled before at
// their version, and the pending orders, oldest change first.
func (t *tracker) items() []item {
	var out []item
	when := map[int64]time.Time{}
	for id, c := range t.cands {
		p, pending := t.base.Pending[id]
		if !pending && c.rowVersion != "" && t.base.Done[id] == c.rowVersion {
			continue
		}
		out = append(out, item{id: id, rowVersion: c.rowVersion, export: p.Export})
		when[id] = c.modified
	}
	for id, p := range t.base.Pending {
		if _, listed := t.cands[id]; !listed {
			out = append(out, item{id: id, rowVersion: p.RowVersion, export: p.Export})
		}
	}
	slices.SortFunc(out, func(a, b item) int {
		if c := when[a.id].Compare(when[b.id]); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}

// progress is the watermark to save in the middle of a run: the start's,
// with the orders finished so far moved to Done or Pending. The orders not
// yet finished are still covered, as Since has not moved.
func (t *tracker) progress(r *run) Watermark {
	w := t.base.clone()
	r.settle(&w, func(int64) bool { return true })
	return w
}

// next is the watermark after the run: Since moves to the latest change
// listed; Done keeps the orders handled within the overlap before it;
// Pending holds what failed or was not reached.
func (t *tracker) next(r *run) Watermark {
	w := Watermark{Since: t.latest, Done: map[int64]string{}, Pending: maps.Clone(t.base.Pending)}
	cut := t.latest.Add(-t.overlap)
	inWindow := func(id int64) bool {
		c, ok := t.cands[id]
		return ok && !c.modified.Before(cut)
	}
	for id, rv := range t.base.Done {
		if c, ok := t.cands[id]; ok && c.rowVersion == rv && inWindow(id) {
			w.Done[id] = rv
		}
	}
	r.settle(&w, inWindow)
	if len(w.Done) == 0 {
		w.Done = nil
	}
	if len(w.Pending) == 0 {
		w.Pending = nil
	}
	return w
}
