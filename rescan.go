package planbridge

import (
	"context"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"time"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
)

// SyncOrder reconciles one Minimax order with SkyPlanner, whatever its
// status: a confirmed order is created or updated, an invalidated one
// archived, one the mapping skips is left alone. The report holds one
// order. With a Store, a failure is added to the stored watermark's
// Pending, so the next Sync tries again.
func (s *Syncer) SyncOrder(ctx context.Context, id int64) (*Report, error) {
	if id <= 0 {
		return nil, fmt.Errorf("planbridge: SyncOrder: order id %d is not positive", id)
	}
	return s.runItems(ctx, "sync order", func(context.Context) ([]item, error) { return []item{{id: id}}, nil })
}

// RescanFilter narrows a Rescan. Zero fields do not filter. It has no
// status: the engine reads every status, so an order invalidated or
// completed since its last sync is seen too.
type RescanFilter struct {
	// DateFrom and DateTo bound the order date.
	DateFrom, DateTo time.Time
	// CustomerID keeps the orders of one Minimax customer.
	CustomerID int64
	// Year keeps the orders of one business year.
	Year int32
}

// Rescan reconciles every order that matches f: the first run against an
// existing Minimax, or a repair. It lists the orders (one request per page
// of 300) of the direction the mapping syncs; an entry whose status alone
// decides (a draft when drafts are skipped, a completed order, an
// invalidated one to archive) costs no further Minimax request, and every
// other order one read.
func (s *Syncer) Rescan(ctx context.Context, f RescanFilter) (*Report, error) {
	return s.runItems(ctx, "rescan", func(ctx context.Context) ([]item, error) {
		filter := minimax.OrderFilter{
			ReceivedIssued: minimax.Direction(s.mapper.ReceivedIssued()),
			CustomerID:     f.CustomerID, DateFrom: f.DateFrom, DateTo: f.DateTo, Year: f.Year, PageSize: rescanPageSize,
		}
		var items []item
		org, err := s.mm.Organisation(ctx)
		if err != nil {
			return nil, err
		}
		for e, err := range s.mm.ListOrders(ctx, filter) {
			if err != nil {
				return nil, err
			}
			it, err := s.fromEntry(org, e)
			if err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		return items, nil
	})
}

// rescanPageSize is the largest page Minimax is known to honour.
const rescanPageSize = 300

// fromEntry makes an item of a list entry, deciding it at once where the
// status is enough.
func (s *Syncer) fromEntry(org int64, e minimax.OrderSearch) (item, error) {
	it := item{id: deref.Of(e.OrderID), number: entryNumber(e)}
	action, _, err := s.mapper.Decide(deref.Of(e.ReceivedIssued), deref.Of(e.Status))
	if err != nil || action == mapping.ActionUpsert {
		return it, nil // the full read says what is wrong, or what to write
	}
	plan, err := s.mapper.MapOrder(org, minimax.Order{OrderID: e.OrderID, ReceivedIssued: e.ReceivedIssued, Status: e.Status})
	if err != nil {
		return it, nil
	}
	it.plan = &plan
	return it, nil
}

func entryNumber(e minimax.OrderSearch) string {
	return minimaxNumber(minimax.Order{Year: e.Year, Number: e.Number})
}

// runItems runs a SyncOrder or Rescan: it handles the items listed, exports
// and, with a Store, adds failures to the stored watermark's Pending.
func (s *Syncer) runItems(ctx context.Context, what string, list func(context.Context) ([]item, error)) (*Report, error) {
	r, st, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("planbridge: %s: %w", what, err)
	}
	items, err := list(ctx)
	if err != nil {
		return r.report(), fmt.Errorf("planbridge: %s: %w", what, err)
	}
	work, release := s.workContext(ctx)
	defer release()
	stopped := r.process(ctx, work, items, nil)
	r.exportOrders(work)
	rep := r.report()
	rep.Stopped = stopped
	if s.cfg.store != nil && !r.dry {
		// Only failures are noted: a success says nothing about when the
		// order last changed, which is what Done is for.
		r.settle(&st.Watermark, func(int64) bool { return false })
		if err := r.saveState(context.WithoutCancel(ctx), st); err != nil {
			return rep, fmt.Errorf("planbridge: %s: saving the state: %w", what, err)
		}
	}
	return rep, nil
}
