package webhook

import (
	"maps"
	"sync"
	"sync/atomic"
)

// Reason is why a delivery was not accepted; Stats counts each.
type Reason string

// The reasons a delivery is refused, with the status it is answered.
const (
	ReasonMethod    Reason = "method"     // 405: not a POST
	ReasonTooLarge  Reason = "too_large"  // 413: body over WithMaxBodyBytes
	ReasonBody      Reason = "body"       // 400: the body could not be read
	ReasonSignature Reason = "signature"  // 401: signature missing, unreadable or wrong
	ReasonTimestamp Reason = "timestamp"  // 401: no signed time, or an unreadable one
	ReasonStale     Reason = "stale"      // 401: signed time outside the tolerance
	ReasonMalformed Reason = "malformed"  // 400: not an event body
	ReasonQueueFull Reason = "queue_full" // 503: no room in the queue
	ReasonClosed    Reason = "closed"     // 503: the Handler is closed
)

// Stats counts what a Handler has done since it was made.
type Stats struct {
	// Received counts every request served.
	Received uint64
	// Accepted counts deliveries queued (answered 202).
	Accepted uint64
	// Replayed counts deliveries recognised as replays (answered 200, not
	// queued).
	Replayed uint64
	// Rejected counts refused requests by reason; reasons with none are
	// left out.
	Rejected map[Reason]uint64
	// Dispatched counts events handed to the funcs.
	Dispatched uint64
	// Failed counts funcs that returned an error or panicked.
	Failed uint64
	// Dropped counts queued events never dispatched because Close's
	// context ended first.
	Dropped uint64
}

type counters struct {
	received, accepted, replayed, dispatched, failed, dropped atomic.Uint64

	mu       sync.Mutex
	rejected map[Reason]uint64
}

func (c *counters) reject(r Reason) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rejected == nil {
		c.rejected = make(map[Reason]uint64)
	}
	c.rejected[r]++
}

func (c *counters) snapshot() Stats {
	c.mu.Lock()
	rejected := maps.Clone(c.rejected)
	c.mu.Unlock()
	return Stats{
		Received:   c.received.Load(),
		Accepted:   c.accepted.Load(),
		Replayed:   c.replayed.Load(),
		Rejected:   rejected,
		Dispatched: c.dispatched.Load(),
		Failed:     c.failed.Load(),
		Dropped:    c.dropped.Load(),
	}
}
