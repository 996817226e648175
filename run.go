package planbridge

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"
	"log/slog"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/singleflight"

	"github.com/planbridge/planbridge/skyplanner"
)

// run is one call of Sync, SyncOrder or Rescan: what it found out and what
// it did. Nothing of it outlives the call, and nothing in it is needed for
// correctness: the caches of customers, products and workstages only save
// lookups.
type run struct {
	s   *Syncer
	org int64
	dry bool
	log *slog.Logger

	customers  resolved[skyplanner.Customer]
	products   resolved[skyplanner.Product]
	workstages resolved[skyplanner.Workstage]

	mu      sync.Mutex
	totals  map[Kind]Totals
	results map[int64]*OrderResult
	handled map[int64]outcome
	emitMu  sync.Mutex // serialises the event callback
	saveMu  sync.Mutex // serialises saves to the store

	placeholders atomic.Int64
	start        Requests
}

// resolved holds the shared records (customers, products, workstages) a run
// has found or created, and makes concurrent orders that need the same one
// wait for a single lookup.
type resolved[T any] struct {
	mu     sync.Mutex
	done   map[string]T
	flight singleflight.Group
}

func (s *Syncer) newRun() *run {
	return &run{
		s: s, dry: s.cfg.dryRun, log: s.cfg.log,
		totals: map[Kind]Totals{}, results: map[int64]*OrderResult{}, handled: map[int64]outcome{},
		start: sentBy(s.mm, s.sp),
	}
}

// emit hands an event to the callback, one at a time.
func (r *run) emit(e Event) {
	if r.s.cfg.events == nil {
		return
	}
	e.DryRun = r.dry && isRecordEvent(e.Type) && e.Type != EventRecordUnchanged
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	r.s.cfg.events(e)
}

func isRecordEvent(t EventType) bool {
	switch t {
	case EventRecordCreated, EventRecordUpdated, EventRecordArchived, EventRecordUnchanged:
		return true
	}
	return false
}

func (r *run) count(k Kind, f func(*Totals)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.totals[k]
	f(&t)
	r.totals[k] = t
}

// orderWork is the work on one order, owned by the worker handling it.
type orderWork struct {
	r   *run
	ref OrderRef
	// writes made (or, in a dry run, planned) for this order, including the
	// shared records this order was the first to need.
	writes []Write
	// spID is the SkyPlanner order's id.
	spID int64
	// created is set when this run created the SkyPlanner order.
	created bool
	// export is set when the order must be exported to scheduling.
	export bool
	// ext is the SkyPlanner order's external ID.
	ext string
	// rowVersion is the Minimax order's version, as read.
	rowVersion string
	// notes say what was left as it was, and why, for the report.
	notes []string
}

// note adds a sentence to the order's reason in the report.
func (o *orderWork) note(s string) { o.notes = append(o.notes, s) }

// wrote records a write and tells the callback and the log.
func (o *orderWork) wrote(w Write) {
	o.writes = append(o.writes, w)
	if w.Kind == KindOrder || w.Kind == KindRow || w.Kind == KindJob {
		o.export = true // a change after an export reaches scheduling only with another
	}
	typ := map[Op]EventType{OpCreate: EventRecordCreated, OpUpdate: EventRecordUpdated, OpArchive: EventRecordArchived}[w.Op]
	o.r.count(w.Kind, func(t *Totals) {
		switch w.Op {
		case OpCreate:
			t.Created++
		case OpUpdate:
			t.Updated++
		case OpArchive:
			t.Archived++
		}
	})
	o.r.log.Debug("planbridge write", "order", o.ref.ID, "op", w.Op, "kind", w.Kind, "external_id", w.ExternalID,
		"id", w.ID, "fields", w.Fields, "dry_run", o.r.dry)
	o.r.emit(Event{Type: typ, Order: o.ref, Kind: w.Kind, ExternalID: w.ExternalID, ID: w.ID, Fields: w.Fields})
}

// unchanged records a record that already matched the plan.
func (o *orderWork) unchanged(k Kind, ext string, id int64) {
	o.r.count(k, func(t *Totals) { t.Unchanged++ })
	o.r.emit(Event{Type: EventRecordUnchanged, Order: o.ref, Kind: k, ExternalID: ext, ID: id})
}

// lock takes the Locker's key for the rest of the work on it.
func (r *run) lock(ctx context.Context, key string) (func(), error) {
	return r.s.cfg.lock.Lock(ctx, key)
}

// resolve finds or creates a shared record once per run, under its lock:
// the first order to need it does the work, the others wait for it.
func resolve[T any](ctx context.Context, o *orderWork, res *resolved[T], k *recordKind[T], src *source[T], want T) (T, error) {
	ext := deref.Of(k.ext(&want))
	res.mu.Lock()
	if v, ok := res.done[ext]; ok {
		res.mu.Unlock()
		return v, nil
	}
	res.mu.Unlock()
	v, err, _ := res.flight.Do(ext, func() (any, error) {
		unlock, err := o.r.lock(ctx, ext)
		if err != nil {
			return nil, err
		}
		defer unlock()
		have, err := findByExt(ctx, k, src, ext)
		if err != nil {
			return nil, err
		}
		got, err := ensure(ctx, o, k, want, have, func(ctx context.Context) (*T, error) { return findByExt(ctx, k, src, ext) })
		if err != nil {
			return nil, err
		}
		res.mu.Lock()
		if res.done == nil {
			res.done = map[string]T{}
		}
		res.done[ext] = got
		res.mu.Unlock()
		return got, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
