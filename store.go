package planbridge

import (
	"context"
	"slices"
	"sync"
	"time"
)

// State is all a sync keeps between runs; every other fact lives in the two
// services, correlated by external IDs.
type State struct {
	// Watermark is where the next Sync resumes.
	Watermark Watermark `json:"watermark"`
	// Budget holds the send times of the Minimax requests counted by the
	// client's daily budget (minimax.WithDailyBudget) in the rolling 24
	// hours, so that a process started by cron knows what earlier runs
	// spent. Times older than a day are dropped.
	Budget []time.Time `json:"budget,omitempty"`
}

// Store keeps the State between runs. Load of a store that holds nothing
// returns the zero State. Implementations must be safe for concurrent use;
// several replicas sharing one store each save whole states, the last
// writer winning, which costs at most a repeated (idempotent) read.
type Store interface {
	Load(ctx context.Context) (State, error)
	Save(ctx context.Context, s State) error
}

// MemoryStore keeps the State in memory: for tests, and for a long-running
// process that syncs on a timer and needs nothing to survive a restart.
type MemoryStore struct {
	mu    sync.Mutex
	state State
}

// Load implements Store.
func (m *MemoryStore) Load(context.Context) (State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.state.clone(), nil
}

// Save implements Store.
func (m *MemoryStore) Save(_ context.Context, s State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.state = s.clone()
	return nil
}

func (s State) clone() State {
	return State{Watermark: s.Watermark.clone(), Budget: slices.Clone(s.Budget)}
}
