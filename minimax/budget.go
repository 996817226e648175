package minimax

import (
	"errors"
	"net/http"
	"time"

	"github.com/planbridge/planbridge/internal/window"
)

// budgetWindow is the span Minimax counts requests over.
const budgetWindow = 24 * time.Hour

// budget counts requests in a rolling 24-hour window and refuses the one
// that would pass the limit.
type budget struct{ w *window.Counter }

// newBudget builds the budget of WithDailyBudget, loaded with the send
// times of WithBudgetHistory. It is nil when neither was given.
func newBudget(cfg config) (*budget, error) {
	switch {
	case cfg.budget == 0 && cfg.budgetHistory == nil:
		return nil, nil
	case cfg.budget == 0:
		return nil, errors.New("minimax: WithBudgetHistory without WithDailyBudget: there is no budget to load it into")
	}
	w, err := window.New(cfg.budget, budgetWindow, cfg.now)
	if err != nil {
		return nil, err
	}
	w.Restore(cfg.budgetHistory)
	return &budget{w: w}, nil
}

func (b *budget) take() error {
	if ok, retryAt := b.w.Take(); !ok {
		return &BudgetError{Limit: b.w.Limit(), RetryAt: retryAt}
	}
	return nil
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

// WithBudgetHistory loads the daily budget (WithDailyBudget, which it
// needs) with the send times of requests an earlier client made: the
// BudgetSnapshot of a process that has since stopped. The sync's state
// store keeps them, so that a restart does not start a fresh 24 hours and
// overrun the organisation's quota. Times outside the rolling window are
// dropped, and no more than the budget is kept.
func WithBudgetHistory(times []time.Time) Option {
	return func(o *config) error {
		o.budgetHistory = append(make([]time.Time, 0, len(times)), times...)
		return nil
	}
}

// BudgetSnapshot returns the send times the daily budget counts now, oldest
// first: every try inside the rolling 24-hour window, retries included. The
// sync's state store saves them and gives them to WithBudgetHistory when
// the process starts again. It is nil without WithDailyBudget.
func (c *Client) BudgetSnapshot() []time.Time {
	if c.budget == nil {
		return nil
	}
	return c.budget.w.Times()
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
