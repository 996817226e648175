package minimax

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// testClock is a settable clock for the client; tests move it, never sleep.
// Its dates lie in the past, so tokens, which expire by the wall clock,
// stay fresh under it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock(t time.Time) *testClock { return &testClock{t: t} }

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// withClock sets the client's clock.
func withClock(now func() time.Time) Option {
	return func(o *config) error { o.now = now; return nil }
}

func TestDailyBudget(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	clk := newTestClock(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	c := f.client(WithDailyBudget(3), withClock(clk.now))
	advance := clk.advance

	for i := range 3 {
		if _, err := c.GetOrder(t.Context(), 7); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
		advance(time.Hour)
	}
	_, err := c.GetOrder(t.Context(), 7)
	var be *BudgetError
	if !errors.As(err, &be) || !errors.Is(err, ErrBudgetExhausted) {
		t.Fatalf("fourth call: %v, want a BudgetError", err)
	}
	if want := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC); !be.RetryAt.Equal(want) || be.Limit != 3 {
		t.Errorf("BudgetError = %+v, want limit 3 and RetryAt %v", be, want)
	}
	if n := f.apiCalls.Load(); n != 3 {
		t.Errorf("API requests = %d, want 3: the refused one is not sent", n)
	}
	if used, limit := c.BudgetUsed(); used != 3 || limit != 3 {
		t.Errorf("BudgetUsed = %d/%d", used, limit)
	}
	advance(21*time.Hour + time.Second) // the first request leaves the window
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Errorf("after the window moved: %v", err)
	}
}

func TestBudgetCountsRetriesAndIsNotRetried(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	calls := 0
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		calls++
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"Message": "busy"})
	})
	c := f.client(WithDailyBudget(2))
	_, err := c.GetOrder(t.Context(), 7)
	if !errors.Is(err, ErrBudgetExhausted) {
		t.Fatalf("error %v, want ErrBudgetExhausted once the retries used the budget up", err)
	}
	if calls != 2 {
		t.Errorf("sent %d tries, want 2 (the budget)", calls)
	}
	if n := f.tokenCalls.Load(); n != 1 {
		t.Errorf("token requests = %d; they do not count against the budget", n)
	}
}

// A client started again with the snapshot of the one before counts the
// requests that one sent: the window stays full, and nothing is sent until
// the oldest of them leaves it.
func TestBudgetHistorySurvivesARestart(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	start := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	clk := newTestClock(start)
	first := f.client(WithDailyBudget(3), withClock(clk.now))
	for range 2 {
		if _, err := first.GetOrder(t.Context(), 7); err != nil {
			t.Fatal(err)
		}
		clk.advance(time.Hour)
	}
	snap := first.BudgetSnapshot()
	if diff := cmp.Diff([]time.Time{start, start.Add(time.Hour)}, snap); diff != "" {
		t.Fatalf("BudgetSnapshot (-want +got):\n%s", diff)
	}

	clk.advance(time.Hour)
	second := f.client(WithDailyBudget(3), WithBudgetHistory(snap), withClock(clk.now))
	if used, limit := second.BudgetUsed(); used != 2 || limit != 3 {
		t.Errorf("BudgetUsed after the restart = %d/%d, want 2/3", used, limit)
	}
	if _, err := second.GetOrder(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	sent := f.apiCalls.Load()
	_, err := second.GetOrder(t.Context(), 7)
	var be *BudgetError
	if !errors.As(err, &be) || !be.RetryAt.Equal(start.Add(24*time.Hour)) {
		t.Fatalf("fourth request in the day: %v, want a BudgetError until %v", err, start.Add(24*time.Hour))
	}
	if n := f.apiCalls.Load() - sent; n != 0 {
		t.Errorf("%d requests sent past the budget", n)
	}
	if got := second.BudgetSnapshot(); len(got) != 3 || !got[2].Equal(start.Add(3*time.Hour)) {
		t.Errorf("BudgetSnapshot after the restart = %v, want the two restored times and the new one", got)
	}
}

func TestBudgetHistoryIsTrimmed(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	history := []time.Time{
		now.Add(-25 * time.Hour), // left the window
		now.Add(-3 * time.Hour), now.Add(-2 * time.Hour), now.Add(-time.Hour),
		now.Add(-30 * time.Minute),
	}
	c := newFake(t).client(WithDailyBudget(2), WithBudgetHistory(history), withClock(func() time.Time { return now }))
	history[4] = now.Add(-48 * time.Hour) // the option keeps its own copy
	want := []time.Time{now.Add(-time.Hour), now.Add(-30 * time.Minute)}
	if diff := cmp.Diff(want, c.BudgetSnapshot()); diff != "" {
		t.Errorf("BudgetSnapshot (-want +got):\n%s", diff)
	}
}

func TestBudgetHistoryNeedsABudget(t *testing.T) {
	t.Parallel()
	_, err := New(WithCountry(Slovenia), WithCredentials(testCreds), WithBudgetHistory(nil))
	if err == nil || !strings.Contains(err.Error(), "WithDailyBudget") {
		t.Errorf("New = %v, want an error asking for WithDailyBudget", err)
	}
	if got := newFake(t).client().BudgetSnapshot(); got != nil {
		t.Errorf("BudgetSnapshot without a budget = %v, want nil", got)
	}
}
