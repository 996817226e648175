package planbridge_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// receiver is a webhook.Handler with a Tracker registered, served on
// loopback, and the fake SkyPlanner delivering to it.
type receiver struct {
	h       *webhook.Handler
	handled chan webhook.EventType // one per event, after the Tracker saw it

	mu     sync.Mutex
	failed []error // what the Tracker returned
}

var webhookSecret = []byte("wayback-secret")

func newReceiver(t *testing.T, w *wayBack, opts ...webhook.Option) *receiver {
	t.Helper()
	r := &receiver{handled: make(chan webhook.EventType, 1024)}
	opts = append([]webhook.Option{webhook.WithSecret(webhookSecret), webhook.WithErrorFunc(func(_ webhook.Event, err error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.failed = append(r.failed, err)
	})}, opts...)
	h, err := webhook.NewHandler(opts...)
	if err != nil {
		t.Fatal(err)
	}
	w.tracker.Register(h)
	// With one worker, OnAny runs after the Tracker for the same event.
	h.OnAny(func(_ context.Context, ev webhook.Event) error { r.handled <- ev.Type; return nil })
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.Close(); _ = h.Close(context.Background()) })
	if err := w.sp.SetWebhook(srv.URL, webhookSecret, webhook.SchemeHexBody); err != nil {
		t.Fatal(err)
	}
	r.h = h
	return r
}

// settle waits until every delivery the fake made since from was handled,
// and returns how many there were.
func (r *receiver) settle(t *testing.T, w *wayBack, from int) int {
	t.Helper()
	n := 0
	for _, d := range w.sp.Deliveries()[from:] {
		if d.Status != 202 {
			t.Fatalf("delivery of %s answered %d %s", d.Event, d.Status, d.Err)
		}
		n++
	}
	for range n {
		select {
		case <-r.handled:
		case <-t.Context().Done():
			t.Fatal("events not handled")
		}
	}
	return n
}

func (r *receiver) errors() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]error(nil), r.failed...)
}

func completeActions(mm *minimaxtest.Server) int {
	n := 0
	for _, a := range mm.Actions() {
		if a.Name == "complete" {
			n++
		}
	}
	return n
}

// The loop on the fakes: the shop floor completes an order's jobs one by
// one, each event arrives signed, and the Minimax order is completed when,
// and only when, the last job is; a repeated delivery changes nothing.
func TestWayBackEndToEnd(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	// Replay detection off: the repeated delivery must reach the Tracker.
	r := newReceiver(t, w, webhook.WithReplayWindow(0))
	o := w.order(t, 7870)
	var jobs []int64
	for _, row := range w.rows(*o.ID) {
		for _, j := range jobsOf(w.env, *row.ID) {
			jobs = append(jobs, *j.ID)
		}
	}
	for _, id := range jobs[:len(jobs)-1] {
		if err := w.sp.CompleteJob(id); err != nil {
			t.Fatal(err)
		}
	}
	seen := r.settle(t, w, 0)
	if st, n := w.minimaxStatus(t, 7870), completeActions(w.mm); st != "P" || n != 0 {
		t.Fatalf("with a job open: Minimax status %s after %d actions; want P, none", st, n)
	}

	if err := w.sp.CompleteJob(jobs[len(jobs)-1]); err != nil {
		t.Fatal(err)
	}
	seen += r.settle(t, w, seen)
	if st, n := w.minimaxStatus(t, 7870), completeActions(w.mm); st != "Z" || n != 1 {
		t.Fatalf("all jobs done: Minimax status %s after %d actions; want Z after 1", st, n)
	}

	last := -1
	for i, d := range w.sp.Deliveries() {
		if d.Event == webhook.JobCompleted {
			last = i
		}
	}
	if err := w.sp.Redeliver(last); err != nil {
		t.Fatal(err)
	}
	r.settle(t, w, seen)
	if n := completeActions(w.mm); n != 1 {
		t.Errorf("a repeated delivery: %d actions, want 1", n)
	}
	if errs := r.errors(); len(errs) != 0 {
		t.Errorf("the Tracker failed: %v", errs)
	}
	for _, d := range w.sp.Deliveries() {
		if d.Header.Get(webhook.HeaderSignature) == "" {
			t.Errorf("delivery of %s unsigned", d.Event)
		}
	}
}

// The complete action acts, but its answer is lost on the way back: the
// Tracker reports the failure, and the redelivered event finds the order
// completed and sends nothing.
func TestWayBackCrashBetweenReadAndComplete(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	r := newReceiver(t, w, webhook.WithReplayWindow(0))
	o := w.order(t, 7870)
	w.mm.FailMatching(minimaxtest.Match{Method: "PUT", Operation: "/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}"},
		minimaxtest.Fault{AfterHandler: true, Drop: true}, 1)
	if err := w.sp.CompleteOrder(*o.ID); err != nil {
		t.Fatal(err)
	}
	seen := r.settle(t, w, 0)
	if errs := r.errors(); len(errs) != 1 {
		t.Fatalf("%d failures reported, want the 1 lost answer: %v", len(errs), errs)
	}
	if st, n := w.minimaxStatus(t, 7870), completeActions(w.mm); st != "Z" || n != 1 {
		t.Fatalf("Minimax status %s after %d actions; want Z after 1", st, n)
	}
	for i, d := range w.sp.Deliveries() {
		if d.Event == webhook.JobCompleted {
			if err := w.sp.Redeliver(i); err != nil {
				t.Fatal(err)
			}
		}
	}
	r.settle(t, w, seen)
	if n, errs := completeActions(w.mm), r.errors(); n != 1 || len(errs) != 1 {
		t.Errorf("after redelivering every JOB_COMPLETED: %d actions, %d failures; want 1 and 1", n, len(errs))
	}
	// SkyPlanner's rows were derived completed by the shop floor.
	for _, row := range w.rows(*o.ID) {
		if deref.Of(row.Status) != skyplanner.OrderRowStatusCompleted {
			t.Errorf("row %d is %v", *row.ID, deref.Of(row.Status))
		}
	}
}
