package planbridge_test

import (
	"errors"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
)

func outcomes(rep *planbridge.PollReport) map[int64]planbridge.CompletionOutcome {
	out := map[int64]planbridge.CompletionOutcome{}
	for _, c := range rep.Orders {
		out[c.MinimaxOrderID] = c.Outcome
	}
	return out
}

func TestPollCompletesWhatFinishedSinceTheWatermark(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	first, err := w.tracker.Poll(t.Context(), time.Time{})
	if err != nil || first.Err() != nil {
		t.Fatal(err, first.Err())
	}
	if got := outcomes(first); len(got) != 3 || got[7870] != planbridge.CompletionNotFinished {
		t.Fatalf("first poll: %v; want the 3 synced orders, not finished", got)
	}
	if first.Requests.Minimax != 0 || first.Next.IsZero() {
		t.Errorf("first poll: %d Minimax requests, next %v; want none and a watermark", first.Requests.Minimax, first.Next)
	}

	o := w.order(t, 7870)
	w.finishJobs(t, *o.ID, 0)
	second, err := w.tracker.Poll(t.Context(), first.Next)
	if err != nil || second.Err() != nil {
		t.Fatal(err, second.Err())
	}
	if got := outcomes(second); got[7870] != planbridge.CompletionCompleted {
		t.Fatalf("second poll: %v; want 7870 completed", got)
	}
	if st := w.minimaxStatus(t, 7870); st != "Z" {
		t.Errorf("Minimax status %s, want Z", st)
	}

	// Within the overlap the same changes are listed again: settled
	// orders cost nothing more in Minimax.
	third, err := w.tracker.Poll(t.Context(), second.Next)
	if err != nil || third.Err() != nil {
		t.Fatal(err, third.Err())
	}
	if _, again := outcomes(third)[7870]; again || third.Requests.Minimax != 0 {
		t.Errorf("third poll: %v, %d Minimax requests; want 7870 settled and none", outcomes(third), third.Requests.Minimax)
	}
	if third.Requests.SkyPlanner < 2 {
		t.Errorf("third poll: %d SkyPlanner requests; it must still list rows and jobs", third.Requests.SkyPlanner)
	}
	if n := w.mm.Count(completeOp); n != 1 {
		t.Errorf("%d actions over three polls, want 1", n)
	}

	// A fresh Tracker (a restart) knows nothing settled, reads Minimax
	// once and writes nothing.
	fresh, err := planbridge.NewTracker(w.mmc, w.spc, planbridge.WithCompletion())
	if err != nil {
		t.Fatal(err)
	}
	again, err := fresh.Poll(t.Context(), second.Next)
	if err != nil || outcomes(again)[7870] != planbridge.CompletionAlreadyCompleted || w.mm.Count(completeOp) != 1 {
		t.Errorf("after a restart: %v, %v, %d actions", outcomes(again), err, w.mm.Count(completeOp))
	}
}

// An order whose check fails holds the watermark back, so the next poll
// checks it again.
func TestPollHoldsTheWatermarkForFailedOrders(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	first, err := w.tracker.Poll(t.Context(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	o := w.order(t, 7870)
	w.finishJobs(t, *o.ID, 0)
	// A later change of another order, which alone would carry the
	// watermark past 7870's.
	other := w.rows(*w.order(t, 7871).ID)[0]
	if _, err := w.spc.UpdateOrderRow(t.Context(), *other.ID, skyplanner.OrderRow{ID: other.ID, Status: new(skyplanner.OrderRowStatusStarted)}); err != nil {
		t.Fatal(err)
	}
	w.mm.FailMatching(minimaxtest.Match{Method: "GET", Operation: "/api/orgs/{organisationId}/orders/{orderId}"}, minimaxtest.Fault{Status: 400}, -1)
	failed, err := w.tracker.Poll(t.Context(), first.Next)
	if err != nil {
		t.Fatal(err)
	}
	if len(failed.Failed()) != 1 || failed.Err() == nil {
		t.Fatalf("with Minimax refusing reads: %+v; want one failed order", failed.Orders)
	}
	// The next poll must list at least the order's latest change again.
	var latest time.Time
	for _, r := range w.rows(*o.ID) {
		for _, j := range jobsOf(w.env, *r.ID) {
			if at := j.Modified.Time(); at.After(latest) {
				latest = at
			}
		}
	}
	if failed.Next.After(latest) {
		t.Errorf("next %v passes the failed order's latest change at %v", failed.Next, latest)
	}
	w.mm.ClearFaults()
	rep, err := w.tracker.Poll(t.Context(), failed.Next)
	if err != nil || outcomes(rep)[7870] != planbridge.CompletionCompleted {
		t.Errorf("after the fault: %v, %v; want 7870 completed", outcomes(rep), err)
	}
}

func TestPollRefusesACutShortList(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithPollLimit(3))
	if _, err := w.tracker.Poll(t.Context(), time.Time{}); !errors.Is(err, planbridge.ErrPollLimit) {
		t.Errorf("a list as long as the limit: %v, want ErrPollLimit", err)
	}
}
