package planbridge

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// Tracker is the way back from SkyPlanner to Minimax for the orders a
// Syncer made: when their production is planned to start and finish
// (Schedule), and, with WithCompletion, completing in Minimax each order
// whose production SkyPlanner shows as done, from a webhook event
// (HandleEvent) or by polling (Poll). Without WithCompletion it only reads
// and reports what it would complete. It is safe for concurrent use.
type Tracker struct {
	mm  *minimax.Client
	sp  *skyplanner.Client
	cfg trackerConfig
	rec *records

	mu sync.Mutex
	// settled remembers, per SkyPlanner order, the latest change of its
	// rows and jobs when a poll last checked it with an outcome only a new
	// change can alter, so that a poll whose overlap lists those changes
	// again does not spend requests on them. It is only a saving: a
	// Tracker without it comes to the same outcomes.
	settled map[int64]time.Time
}

// TrackerOption configures a Tracker.
type TrackerOption func(*trackerConfig) error

type trackerConfig struct {
	complete  bool
	log       *slog.Logger
	lock      Locker
	overlap   time.Duration
	pollLimit int
}

// DefaultPollOverlap is how far before its watermark a poll looks again.
// SkyPlanner's modified times carry a zone, so this only covers changes
// committed after a poll passed their second and small clock steps.
const DefaultPollOverlap = 2 * time.Minute

// WithCompletion lets the Tracker complete Minimax orders (the complete
// action). Without it the Tracker never writes: HandleEvent and Poll report
// an order whose production is done as CompletionFinished.
func WithCompletion() TrackerOption {
	return func(c *trackerConfig) error { c.complete = true; return nil }
}

// WithTrackerLogger logs each order checked at debug level and each
// completion at info level. Silent without it.
func WithTrackerLogger(l *slog.Logger) TrackerOption {
	return func(c *trackerConfig) error {
		if l == nil {
			return errors.New("planbridge: WithTrackerLogger: nil logger")
		}
		c.log = l
		return nil
	}
}

// WithTrackerLock sets the Locker that serialises the checks of one order
// (default: a LocalLocker of the Tracker's own). Give it the Syncer's
// Locker to keep a check and a sync of the same order apart, and a
// distributed one when replicas receive the same webhooks.
func WithTrackerLock(l Locker) TrackerOption {
	return func(c *trackerConfig) error {
		if l == nil {
			return errors.New("planbridge: WithTrackerLock: nil locker")
		}
		c.lock = l
		return nil
	}
}

// WithPollOverlap sets how far before its watermark Poll reads again
// (0 to a day; default DefaultPollOverlap).
func WithPollOverlap(d time.Duration) TrackerOption {
	return func(c *trackerConfig) error {
		if d < 0 || d > 24*time.Hour {
			return fmt.Errorf("planbridge: WithPollOverlap: %v is outside 0..24h", d)
		}
		c.overlap = d
		return nil
	}
}

// WithPollLimit sets the limit Poll sends with its lists of changed rows
// and jobs, and the length of Tracker lookups that read a whole kind
// (1 to 1,000,000; default DefaultScanLimit). SkyPlanner's lists have no
// paging, so a poll that gets this many fails rather than miss a change:
// poll more often or raise it.
func WithPollLimit(n int) TrackerOption {
	return func(c *trackerConfig) error {
		if n < 1 || n > 1_000_000 {
			return fmt.Errorf("planbridge: WithPollLimit: %d is outside 1..1000000", n)
		}
		c.pollLimit = n
		return nil
	}
}

// NewTracker returns a Tracker that reads production progress with sp and
// reads, and with WithCompletion completes, orders with mm.
func NewTracker(mm *minimax.Client, sp *skyplanner.Client, opts ...TrackerOption) (*Tracker, error) {
	switch {
	case mm == nil:
		return nil, errors.New("planbridge: NewTracker: nil Minimax client")
	case sp == nil:
		return nil, errors.New("planbridge: NewTracker: nil SkyPlanner client")
	}
	cfg := trackerConfig{log: slog.New(slog.DiscardHandler), overlap: DefaultPollOverlap, pollLimit: DefaultScanLimit}
	for _, opt := range opts {
		if opt == nil {
			return nil, errors.New("planbridge: NewTracker: nil option")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.lock == nil {
		cfg.lock = NewLocalLocker()
	}
	lookups := defaults()
	lookups.log, lookups.scanLimit = cfg.log, cfg.pollLimit
	return &Tracker{mm: mm, sp: sp, cfg: cfg, rec: newRecords(sp, lookups), settled: map[int64]time.Time{}}, nil
}

// ErrNotSynced is matched by the error of a Schedule asked for an order
// that has no live SkyPlanner order made by the sync.
var ErrNotSynced = errors.New("planbridge: the order has no live SkyPlanner order")
