package webhook

import (
	"sync"
	"time"
)

// seen remembers the MACs of accepted deliveries until their signed time
// is out of the tolerance; after that a replay is refused as stale anyway,
// so nothing older needs keeping. At most max are kept: the oldest go
// first, which means a replay of a forgotten delivery is dispatched again
// (handlers are idempotent, see the package documentation).
type seen struct {
	mu     sync.Mutex
	max    int
	expiry map[string]time.Time
	order  []string // keys in the order they were added, oldest first
}

func newSeen(max int) *seen {
	return &seen{max: max, expiry: make(map[string]time.Time)}
}

// add records key until expires and reports whether it was new.
func (s *seen) add(key string, expires, now time.Time) bool {
	if s.max == 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.evict(now)
	if exp, ok := s.expiry[key]; ok && !now.After(exp) {
		return false
	}
	s.remove(key)
	s.order = append(s.order, key)
	s.expiry[key] = expires
	for len(s.order) > s.max {
		s.drop()
	}
	return true
}

// forget removes key, so that a delivery refused after add (its queue was
// full) is accepted when SkyPlanner sends it again.
func (s *seen) forget(key string) {
	if s.max == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.remove(key)
}

// remove takes key out of both the map and the order, keeping each key in
// the map exactly once in the order. It looks from the newest end, where a
// key just added stands.
func (s *seen) remove(key string) {
	if _, ok := s.expiry[key]; !ok {
		return
	}
	delete(s.expiry, key)
	for i := len(s.order) - 1; i >= 0; i-- {
		if s.order[i] == key {
			s.order = append(s.order[:i], s.order[i+1:]...)
			return
		}
	}
}

// evict drops expired keys from the front. Keys are added in arrival
// order, not expiry order, so an expired key behind a live one waits; the
// count bound still holds, and add ignores what has expired.
func (s *seen) evict(now time.Time) {
	for len(s.order) > 0 {
		if !now.After(s.expiry[s.order[0]]) {
			return
		}
		s.drop()
	}
}

func (s *seen) drop() {
	key := s.order[0]
	s.order[0] = ""
	s.order = s.order[1:]
	delete(s.expiry, key)
}
