package minimax

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"
)

func TestDailyBudget(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c := f.client(WithDailyBudget(3))
	var mu sync.Mutex
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	c.budget.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }

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
