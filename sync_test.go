package planbridge_test

import (
	"testing"

	"github.com/planbridge/planbridge"
)

func TestSyncDemoTwice(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envConfig{})
	rep, err := e.syncr.Sync(t.Context(), planbridge.Watermark{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range rep.Orders {
		t.Logf("%v %s %s %v", o.Order, o.Outcome, o.Reason, o.Err)
		for _, w := range o.Writes {
			t.Logf("   %v", w)
		}
	}
	t.Logf("totals %+v requests %+v next %+v", rep.Totals, rep.Requests, rep.Next)
	if got := rep.Count(planbridge.OutcomeCreated); got != 3 {
		t.Errorf("created %d orders, want 3", got)
	}
	again, err := e.syncr.Sync(t.Context(), rep.Next)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second: %d orders, totals %+v requests %+v", len(again.Orders), again.Totals, again.Requests)
	if len(again.Orders) != 0 || again.Requests.SkyPlanner != 0 || again.Requests.Minimax != 1 {
		t.Errorf("second run: %d orders, requests %+v; want none and 1 Minimax request", len(again.Orders), again.Requests)
	}
}
