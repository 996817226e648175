package planbridge

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/skyplanner"
)

// Schedule is when the production of one synced order is planned, read
// from SkyPlanner's production scheduling (the layer an export fills).
type Schedule struct {
	// MinimaxOrderID is the Minimax order; ExternalID is its SkyPlanner
	// key and OrderID the SkyPlanner order's id.
	MinimaxOrderID int64
	ExternalID     string
	OrderID        int64
	// Start is the earliest planned start and Finish the latest planned
	// end of any job part of the order; both are zero when nothing is
	// planned.
	Start, Finish time.Time
	// Planned says every job of every row is planned, and there is at
	// least one. Until then Finish says only when the planned part ends.
	Planned bool
	// Rows are the order's live rows, in SkyPlanner's row order.
	Rows []RowSchedule
}

// RowSchedule is when the production of one order row is planned.
type RowSchedule struct {
	// RowID is the SkyPlanner row; ExternalID its key (a row a planner
	// added has none the sync made).
	RowID      int64
	ExternalID string
	// Start and Finish span the row's planned job parts; zero when none is.
	Start, Finish time.Time
	// Jobs counts the row's live jobs and PlannedJobs those whose parts
	// are all planned.
	Jobs, PlannedJobs int
	// Planned says every job is planned, and there is at least one.
	Planned bool
}

// Schedule reads when production of the Minimax order minimaxOrderID is
// planned: the minimum and maximum over the planned parts of its scheduled
// jobs, per row and for the order (the parts come in no order), and
// whether every job is planned. An order without a live SkyPlanner order
// is an error matching ErrNotSynced.
//
// It costs 3 + R SkyPlanner requests for an order with R live rows: the
// order by its external ID, its rows, the jobs of each row, and one list
// of the scheduled jobs with their parts, which is skipped when no job has
// been exported yet. Scheduled jobs are never read one by one.
func (t *Tracker) Schedule(ctx context.Context, minimaxOrderID int64) (Schedule, error) {
	out, err := t.Schedules(ctx, minimaxOrderID)
	if err != nil {
		return Schedule{}, err
	}
	return out[0], nil
}

// Schedules is Schedule for several orders, in the order given, sharing
// the one list of scheduled jobs: 1 + 2N + R requests for N orders with R
// rows in all. The first order that cannot be read fails the call.
func (t *Tracker) Schedules(ctx context.Context, minimaxOrderIDs ...int64) ([]Schedule, error) {
	org, err := t.mm.Organisation(ctx)
	if err != nil {
		return nil, err
	}
	plans := make([]orderJobs, len(minimaxOrderIDs))
	exported := false
	for i, id := range minimaxOrderIDs {
		if plans[i], err = t.orderJobs(ctx, mapping.OrderExternalID(org, id)); err != nil {
			return nil, err
		}
		plans[i].minimaxID = id
		exported = exported || plans[i].exported()
	}
	scheduled := map[int64]skyplanner.ScheduledJob{}
	if exported {
		for sj, err := range t.sp.ListScheduledJobs(ctx) {
			if err != nil {
				return nil, err
			}
			scheduled[deref.Of(sj.ID)] = sj
		}
	}
	out := make([]Schedule, len(plans))
	for i, p := range plans {
		out[i] = p.schedule(scheduled)
	}
	return out, nil
}

// orderJobs is a synced order with its live rows and their live jobs.
type orderJobs struct {
	minimaxID int64
	ext       string
	order     skyplanner.Order
	rows      []skyplanner.OrderRow
	jobs      [][]skyplanner.Job // by row
}

// exported says whether some job is in production scheduling.
func (p orderJobs) exported() bool {
	for _, jobs := range p.jobs {
		for _, j := range jobs {
			if deref.Of(j.ProductionPlanningJobID) != 0 {
				return true
			}
		}
	}
	return false
}

func (t *Tracker) orderJobs(ctx context.Context, ext string) (orderJobs, error) {
	order, err := t.liveOrder(ctx, ext)
	if err != nil {
		return orderJobs{}, err
	}
	p := orderJobs{ext: ext, order: order}
	if p.rows, err = t.liveRows(ctx, deref.Of(order.ID)); err != nil {
		return orderJobs{}, err
	}
	p.jobs = make([][]skyplanner.Job, len(p.rows))
	for i, row := range p.rows {
		if p.jobs[i], err = t.liveJobs(ctx, deref.Of(row.ID)); err != nil {
			return orderJobs{}, err
		}
	}
	return p, nil
}

// schedule spans the order's jobs over the scheduled jobs, by id.
func (p orderJobs) schedule(scheduled map[int64]skyplanner.ScheduledJob) Schedule {
	s := Schedule{MinimaxOrderID: p.minimaxID, ExternalID: p.ext, OrderID: deref.Of(p.order.ID), Planned: len(p.rows) > 0}
	for i, row := range p.rows {
		rs := RowSchedule{RowID: deref.Of(row.ID), ExternalID: deref.Of(row.ExternalID), Jobs: len(p.jobs[i])}
		for _, j := range p.jobs[i] {
			sj, ok := scheduled[deref.Of(j.ProductionPlanningJobID)]
			if !ok {
				continue
			}
			sp, planned := spanOf(sj)
			if planned {
				rs.PlannedJobs++
			}
			rs.Start, rs.Finish = widen(rs.Start, rs.Finish, sp)
		}
		rs.Planned = rs.Jobs > 0 && rs.PlannedJobs == rs.Jobs
		s.Planned = s.Planned && rs.Planned
		s.Start, s.Finish = widen(s.Start, s.Finish, span{rs.Start, rs.Finish})
		s.Rows = append(s.Rows, rs)
	}
	return s
}

// span is a planned interval; zero times mean none.
type span struct{ start, end time.Time }

// spanOf spans the planned parts of a scheduled job and says whether all
// of its parts are planned. A part counts as planned when it has both
// times and is not marked unplanned. A job read without parts falls back
// on its own start and end.
func spanOf(sj skyplanner.ScheduledJob) (span, bool) {
	parts := deref.Of(sj.JobParts)
	if len(parts) == 0 {
		s := span{deref.Of(sj.StartTime).Time(), deref.Of(sj.EndTime).Time()}
		if s.start.IsZero() || s.end.IsZero() {
			return span{}, false
		}
		return s, true
	}
	var out span
	all := true
	for _, p := range parts {
		start, end := deref.Of(p.PlannedStartTime).Time(), deref.Of(p.PlannedEndTime).Time()
		if (p.IsPlanned != nil && !*p.IsPlanned) || start.IsZero() || end.IsZero() {
			all = false
			continue
		}
		out.start, out.end = widen(out.start, out.end, span{start, end})
	}
	return out, all
}

// widen returns the span from start to end grown to cover s.
func widen(start, end time.Time, s span) (time.Time, time.Time) {
	if !s.start.IsZero() && (start.IsZero() || s.start.Before(start)) {
		start = s.start
	}
	if !s.end.IsZero() && (end.IsZero() || s.end.After(end)) {
		end = s.end
	}
	return start, end
}

// liveOrder finds the live SkyPlanner order with external ID ext.
func (t *Tracker) liveOrder(ctx context.Context, ext string) (skyplanner.Order, error) {
	found, err := findByExt(ctx, &t.rec.orders, t.rec.orderByExt, ext)
	if err != nil {
		return skyplanner.Order{}, err
	}
	if found == nil {
		return skyplanner.Order{}, fmt.Errorf("%w: none has external ID %q", ErrNotSynced, ext)
	}
	if deref.Of(found.IsArchive) {
		return skyplanner.Order{}, fmt.Errorf("%w: order %d (%q) is archived", ErrNotSynced, deref.Of(found.ID), ext)
	}
	return *found, nil
}

// liveRows reads an order's rows that are not archived, in row order.
func (t *Tracker) liveRows(ctx context.Context, orderID int64) ([]skyplanner.OrderRow, error) {
	rows, err := t.rec.rowsOfOrder.match(ctx, idKey(&orderID))
	if err != nil {
		return nil, err
	}
	return live(&t.rec.rows, sortedRows(rows)), nil
}

// liveJobs reads a row's jobs that are not archived.
func (t *Tracker) liveJobs(ctx context.Context, rowID int64) ([]skyplanner.Job, error) {
	jobs, err := t.rec.jobsOfRow.match(ctx, idKey(&rowID))
	if err != nil {
		return nil, err
	}
	return live(&t.rec.jobs, jobs), nil
}

func live[T any](k *recordKind[T], recs []T) []T {
	out := recs[:0:0]
	for i := range recs {
		if !k.archived(&recs[i]) {
			out = append(out, recs[i])
		}
	}
	return out
}

// sortedRows orders rows as SkyPlanner shows them: by row index, then id.
func sortedRows(rows []skyplanner.OrderRow) []skyplanner.OrderRow {
	slices.SortStableFunc(rows, func(a, b skyplanner.OrderRow) int {
		return cmp.Or(cmp.Compare(deref.Of(a.RowIndex), deref.Of(b.RowIndex)), cmp.Compare(deref.Of(a.ID), deref.Of(b.ID)))
	})
	return rows
}
