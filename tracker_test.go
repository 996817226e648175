package planbridge_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
)

func TestCheckOrderCompletesFinishedOrderOnce(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	o := w.order(t, 7870)
	jobs := jobsOf(w.env, *w.rows(*o.ID)[0].ID)
	w.finishJobs(t, *o.ID, *jobs[1].ID)

	c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionNotFinished {
		t.Fatalf("one job open: %+v, %v; want not finished", c, err)
	}
	if n := w.mm.Count("GET /api/orgs/{organisationId}/orders/{orderId}"); n != 0 {
		t.Errorf("an unfinished order cost %d Minimax reads, want 0", n)
	}

	w.setJobStatus(t, jobs[1], "completed")
	c, err = w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionCompleted || c.MinimaxOrderID != 7870 {
		t.Fatalf("all jobs done: %+v, %v; want completed", c, err)
	}
	if st := w.minimaxStatus(t, 7870); st != "Z" {
		t.Errorf("Minimax order status %s, want Z", st)
	}
	c, err = w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionAlreadyCompleted {
		t.Errorf("checked again: %+v, %v; want already completed", c, err)
	}
	if n := w.mm.Count(completeOp); n != 1 {
		t.Errorf("%d Minimax actions, want 1", n)
	}
}

func TestTrackerWithoutCompletionOnlyReads(t *testing.T) {
	t.Parallel()
	w, o := newFinished(t)
	c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionFinished {
		t.Fatalf("%+v, %v; want finished", c, err)
	}
	if n, st := w.mm.Count(completeOp), w.minimaxStatus(t, 7870); n != 0 || st != "P" {
		t.Errorf("without WithCompletion: %d actions, status %s; want none, P", n, st)
	}
}

// Only a confirmed order is completed: an invalidated one never, a draft
// (its confirmation cancelled) not until someone confirms it again.
func TestTrackerLeavesInvalidatedAndDraftOrders(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	for _, tt := range []struct {
		name  string
		act   func(id int64) error
		order int64
		want  planbridge.CompletionOutcome
	}{
		{"invalidated", func(id int64) error { return w.mmc.InvalidateOrder(t.Context(), id) }, 7870, planbridge.CompletionInvalidated},
		{"draft", func(id int64) error { return w.mmc.CancelOrderConfirmation(t.Context(), id) }, 7871, planbridge.CompletionNotConfirmed},
	} {
		if err := tt.act(tt.order); err != nil {
			t.Fatal(err)
		}
		o := w.order(t, tt.order)
		w.finishJobs(t, *o.ID, 0)
		w.mm.ResetLog()
		c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
		if err != nil || c.Outcome != tt.want {
			t.Errorf("%s: %+v, %v; want %s", tt.name, c, err, tt.want)
		}
		if n := w.mm.Count(completeOp); n != 0 {
			t.Errorf("%s: %d actions, want none", tt.name, n)
		}
	}
}

// An order the sync did not make, by its external ID, is never completed,
// and costs no Minimax request.
func TestTrackerNeverCompletesOrdersTheSyncDidNotMake(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	synced := w.order(t, 7870)
	for _, ext := range []string{"erp:7870", "minimax:9999:order:7870", mapping.RowExternalID(org, 7870), ""} {
		order := skyplanner.Order{ProductionPlanningCustomerID: synced.ProductionPlanningCustomerID, Number: new("HAND-" + fmt.Sprint(len(ext)))}
		if ext != "" {
			order.ExternalID = &ext
		}
		made, err := w.spc.CreateOrder(t.Context(), order)
		if err != nil {
			t.Fatal(err)
		}
		row, err := w.spc.CreateOrderRow(t.Context(), skyplanner.OrderRow{PhaserOrderID: made.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.spc.UpdateOrderRow(t.Context(), *row.ID, skyplanner.OrderRow{ID: row.ID, Status: new(skyplanner.OrderRowStatusCompleted)}); err != nil {
			t.Fatal(err)
		}
		w.mm.ResetLog()
		c, err := w.tracker.CheckOrder(t.Context(), *made.ID)
		if err != nil || c.Outcome != planbridge.CompletionNotSynced {
			t.Errorf("external ID %q: %+v, %v; want not synced", ext, c, err)
		}
		if n := len(w.mm.Requests()); n != 0 {
			t.Errorf("external ID %q: %d Minimax requests, want 0", ext, n)
		}
	}
	if st := w.minimaxStatus(t, 7870); st != "P" {
		t.Errorf("Minimax order 7870 is %s, want P", st)
	}
}

// A row SkyPlanner shows as completed settles it without reading its jobs.
func TestTrackerTrustsCompletedRows(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	o := w.order(t, 7870)
	rows := w.rows(*o.ID)
	for _, r := range rows {
		if _, err := w.spc.UpdateOrderRow(t.Context(), *r.ID, skyplanner.OrderRow{ID: r.ID, Status: new(skyplanner.OrderRowStatusCompleted)}); err != nil {
			t.Fatal(err)
		}
	}
	w.sp.ResetLog()
	c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionCompleted {
		t.Fatalf("%+v, %v; want completed", c, err)
	}
	want := map[string]int{"GET /phaser-orders/{id}": 1, "GET /phaser-order-rows": 1}
	if diff := cmp.Diff(want, w.sp.Counts()); diff != "" {
		t.Errorf("SkyPlanner requests (-want +got):\n%s", diff)
	}
}

// The complete action reaches Minimax but its answer is lost: the check
// fails, and the next one finds the order completed and sends nothing.
func TestTrackerCrashBetweenReadAndComplete(t *testing.T) {
	t.Parallel()
	w, o := newFinished(t, planbridge.WithCompletion())
	w.mm.FailMatching(minimaxtest.Match{Method: "PUT", Operation: "/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}"},
		minimaxtest.Fault{AfterHandler: true, Drop: true}, 1)
	if c, err := w.tracker.CheckOrder(t.Context(), *o.ID); err == nil {
		t.Fatalf("the lost answer was not reported: %+v", c)
	}
	if st := w.minimaxStatus(t, 7870); st != "Z" {
		t.Fatalf("the action did not act: status %s", st)
	}
	c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
	if err != nil || c.Outcome != planbridge.CompletionAlreadyCompleted {
		t.Errorf("after the crash: %+v, %v; want already completed", c, err)
	}
	if n := w.mm.Count(completeOp); n != 1 {
		t.Errorf("%d actions sent, want 1 (the one whose answer was lost)", n)
	}
}

// Many checks of one order at once (duplicate deliveries, replicas with a
// shared lock) complete it once.
func TestTrackerConcurrentChecksCompleteOnce(t *testing.T) {
	t.Parallel()
	w, o := newFinished(t, planbridge.WithCompletion())
	var wg sync.WaitGroup
	outcomes := make([]planbridge.CompletionOutcome, 8)
	for i := range outcomes {
		wg.Go(func() {
			c, err := w.tracker.CheckOrder(t.Context(), *o.ID)
			if err != nil {
				t.Error(err)
			}
			outcomes[i] = c.Outcome
		})
	}
	wg.Wait()
	n := 0
	for _, oc := range outcomes {
		switch oc {
		case planbridge.CompletionCompleted:
			n++
		case planbridge.CompletionAlreadyCompleted:
		default:
			t.Errorf("outcome %s", oc)
		}
	}
	if n != 1 || w.mm.Count(completeOp) != 1 {
		t.Errorf("%d checks completed the order with %d actions, want 1 and 1", n, w.mm.Count(completeOp))
	}
}

func TestTrackerOptions(t *testing.T) {
	t.Parallel()
	w := newWayBack(t)
	for name, opt := range map[string]planbridge.TrackerOption{
		"WithPollOverlap":   planbridge.WithPollOverlap(-time.Second),
		"WithPollLimit":     planbridge.WithPollLimit(0),
		"WithTrackerLogger": planbridge.WithTrackerLogger(nil),
		"WithTrackerLock":   planbridge.WithTrackerLock(nil),
		"NewTracker":        nil,
	} {
		if _, err := planbridge.NewTracker(w.mmc, w.spc, opt); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want an error naming it", name, err)
		}
	}
	if _, err := planbridge.NewTracker(nil, w.spc); err == nil {
		t.Error("nil Minimax client accepted")
	}
}
