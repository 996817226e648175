package minimax

import "time"

// RequestsSent reports how many API requests the client has sent, every
// try of a retried call included; token requests are not counted, as the
// daily budget does not count them either. A sync reads it before and
// after a run to report what the run cost.
func (c *Client) RequestsSent() int64 { return c.sent.Load() }

// Location is the organisation's time zone the client reads Minimax's
// zone-less times in (WithLocation).
func (c *Client) Location() *time.Location { return c.zone }

// MergeBudget adds send times an earlier process counted (its
// BudgetSnapshot) to the daily budget of a client already in use, so that
// a run started by cron does not take the day for fresh; a time already
// counted counts once. WithBudgetHistory does the same when the client is
// built. Without WithDailyBudget it does nothing.
func (c *Client) MergeBudget(times []time.Time) {
	if c.budget != nil {
		c.budget.w.Merge(times)
	}
}
