package minimax

import (
	"net/http"
	"sync"
	"time"
)

// budgetWindow is the span Minimax counts requests over.
const budgetWindow = 24 * time.Hour

// budget counts requests in a rolling 24-hour window and refuses the one
// that would pass the limit.
type budget struct {
	limit int
	now   func() time.Time

	mu   sync.Mutex
	sent []time.Time // send times inside the window, oldest first
}

func (b *budget) take() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	cut := 0
	for cut < len(b.sent) && !b.sent[cut].After(now.Add(-budgetWindow)) {
		cut++
	}
	b.sent = b.sent[cut:]
	if len(b.sent) >= b.limit {
		return &BudgetError{Limit: b.limit, RetryAt: b.sent[0].Add(budgetWindow)}
	}
	b.sent = append(b.sent, now)
	return nil
}

// used reports how many requests the window holds now.
func (b *budget) used() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, t := range b.sent {
		if t.After(b.now().Add(-budgetWindow)) {
			n++
		}
	}
	return n
}

// transport counts every try under the retry layer.
func (b *budget) transport(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if err := b.take(); err != nil {
			if req.Body != nil {
				_ = req.Body.Close()
			}
			return nil, err
		}
		return next.RoundTrip(req)
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
