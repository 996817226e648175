package planbridge_test

import (
	"sync"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// clock is a settable clock for the Minimax fake.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

const readOrder = "GET /api/orgs/{organisationId}/orders/{orderId}"

// Minimax stamps modifications on a wall clock without a zone and to the
// second: an order changed in the same second as the watermark, or one
// whose change committed with an earlier stamp after the last run read the
// candidates, is still synced, and an order handled before is not read
// again.
func TestWatermarkSameSecondAndLateCommit(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	clk := &clock{now: t0}
	e := newEnv(t, envConfig{mm: []minimaxtest.Option{minimaxtest.WithDemoData(), minimaxtest.WithClock(clk.Now)}})
	rep := e.sync(t, planbridge.Watermark{})
	if !rep.Next.Since.Equal(t0) {
		t.Fatalf("Since = %v, want %v", rep.Next.Since, t0)
	}

	// Same second as the watermark.
	e.editOrder(t, 7870, func(o *minimax.Order) { (*o.OrderRows)[0].Quantity = new(13.0) })
	e.mm.ResetLog()
	rep = e.sync(t, rep.Next)
	if res := only(t, rep, 7870); res.Outcome != planbridge.OutcomeUpdated {
		t.Errorf("7870: %s, want updated", res.Outcome)
	}
	if n := e.mm.Count(readOrder); n != 1 {
		t.Errorf("%d orders read, want only the changed one", n)
	}

	// A change stamped 40 s before the watermark, committed after the run.
	clk.Set(t0.Add(-40 * time.Second))
	e.editOrder(t, 7871, func(o *minimax.Order) { (*o.OrderRows)[0].Quantity = new(81.0) })
	clk.Set(t0.Add(time.Minute))
	rep = e.sync(t, rep.Next)
	if res := only(t, rep, 7871); res.Outcome != planbridge.OutcomeUpdated {
		t.Errorf("7871: %s, want updated", res.Outcome)
	}

	e.mm.ResetLog()
	rep = e.sync(t, rep.Next)
	if len(rep.Orders) != 0 || e.mm.Count(readOrder) != 0 {
		t.Errorf("an unchanged run handled %d orders and read %d", len(rep.Orders), e.mm.Count(readOrder))
	}
}

// Rescan reads every status, but reads in full only the orders whose list
// entry does not already decide them.
func TestRescanReadsOnlyWhatItMust(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envConfig{})
	e.sync(t, planbridge.Watermark{})
	if err := e.mmc.InvalidateOrder(t.Context(), 7870); err != nil {
		t.Fatal(err)
	}
	e.mm.ResetLog()
	rep, err := e.syncr.Rescan(t.Context(), planbridge.RescanFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]planbridge.Outcome{}
	for _, o := range rep.Orders {
		got[o.Order.ID] = o.Outcome
	}
	want := map[int64]planbridge.Outcome{7870: planbridge.OutcomeArchived, 7871: planbridge.OutcomeUnchanged,
		7872: planbridge.OutcomeUnchanged, 7873: planbridge.OutcomeSkipped, 7874: planbridge.OutcomeSkipped}
	for id, o := range want {
		if got[id] != o {
			t.Errorf("order %d: %s, want %s", id, got[id], o)
		}
	}
	if n := e.mm.Count(readOrder); n != 2 {
		t.Errorf("%d full reads, want 2 (the confirmed orders; the draft and the invalidated ones are decided by their entries)", n)
	}
}
