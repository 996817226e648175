// Package window counts events in a sliding time window: at most Limit of
// them within any Span. The Minimax client's daily request budget and the
// API fakes' rate limit both use it.
//
// golang.org/x/time/rate does not fit, as it is a token bucket: it refills
// continuously, so after a burst of its whole capacity it admits another
// request every Span/Limit. Given a limit of 1,000 a day it let 1,999
// requests through within one 24-hour span (checked when this package was
// written). A sliding window frees a slot only when the oldest counted
// event leaves it, which is what a provider's rolling daily quota counts.
// It also keeps the send times themselves, which a caller can store and
// load again after a restart; a bucket's state is a level, not a history.
package window

import (
	"errors"
	"slices"
	"sync"
	"time"
)

// Counter admits at most a limit of events within any span of time. It is
// safe for concurrent use. Its memory is bounded by the limit: events that
// left the window are dropped on every call.
type Counter struct {
	limit int
	span  time.Duration
	now   func() time.Time

	mu    sync.Mutex
	times []time.Time // inside the window, oldest first, at most limit
}

// New returns a counter admitting limit events within any span. now is its
// clock; nil means time.Now.
func New(limit int, span time.Duration, now func() time.Time) (*Counter, error) {
	switch {
	case limit < 1:
		return nil, errors.New("window: limit below 1 would admit nothing")
	case span <= 0:
		return nil, errors.New("window: span is not positive")
	}
	if now == nil {
		now = time.Now
	}
	return &Counter{limit: limit, span: span, now: now}, nil
}

// Limit returns how many events the window admits.
func (c *Counter) Limit() int { return c.limit }

// Take counts an event now, if the window has room. When it has none, the
// event is not counted and retryAt is when the oldest counted event leaves
// the window and a slot frees up.
func (c *Counter) Take() (ok bool, retryAt time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	c.trim(now)
	if len(c.times) >= c.limit {
		return false, c.times[0].Add(c.span)
	}
	c.times = append(c.times, now)
	return true, time.Time{}
}

// Used returns how many events the window counts now.
func (c *Counter) Used() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trim(c.now())
	return len(c.times)
}

// Times returns the times of the events the window counts now, oldest
// first, without monotonic clock readings, so that they can be stored and
// given to Restore later, in this process or another.
func (c *Counter) Times() []time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trim(c.now())
	out := make([]time.Time, len(c.times))
	for i, t := range c.times {
		out[i] = t.Round(0)
	}
	return out
}

// Restore replaces the counted events with times, as Times returned them
// (they need not be sorted). Times that already left the window are
// dropped; when more than the limit remain, the newest are kept, as they
// hold the window shut longest. A time after now (a clock that stepped
// back, or another machine's) counts as now: it cannot be taken to have
// left the window any sooner.
func (c *Counter) Restore(times []time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load(times)
}

// Merge adds times, as Times returned them in this process or another, to
// the events counted, as Restore would take them, leaving out a time the
// counter holds already: a process that saved its own times and loads them
// again must not count them twice.
func (c *Counter) Merge(times []time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	all := slices.Clone(c.times)
	for _, t := range times {
		if !slices.ContainsFunc(c.times, t.Equal) {
			all = append(all, t)
		}
	}
	c.load(all)
}

// load sets the counted events to times, as Restore describes. Call with
// c.mu held.
func (c *Counter) load(times []time.Time) {
	now := c.now()
	cut := now.Add(-c.span)
	var kept []time.Time
	for _, t := range times {
		t = t.Round(0)
		if t.After(now) {
			t = now.Round(0)
		}
		if t.After(cut) {
			kept = append(kept, t)
		}
	}
	slices.SortFunc(kept, time.Time.Compare)
	c.times = slices.Clone(kept[max(len(kept)-c.limit, 0):]) // a fresh array, of at most limit
}

// trim drops the events that have left the window at now: an event exactly
// span old has left it.
func (c *Counter) trim(now time.Time) {
	cut := now.Add(-c.span)
	n := 0
	for n < len(c.times) && !c.times[n].After(cut) {
		n++
	}
	if n > 0 {
		c.times = slices.Delete(c.times, 0, n)
	}
}
