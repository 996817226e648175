package planbridge

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Option configures a Syncer.
type Option func(*config) error

// ArchivedPolicy says what happens to an order a planner archived in
// SkyPlanner while Minimax still has it confirmed.
type ArchivedPolicy int

const (
	// ArchivedLeave leaves the order archived and reports it as skipped,
	// with the reason; a planner's archive is never silently undone. The
	// default.
	ArchivedLeave ArchivedPolicy = iota
	// ArchivedRecreate creates a new SkyPlanner order for it (SkyPlanner
	// has no way to revive an archived one); the archived order stays as it
	// is. Lookups then prefer the live record over archived ones with the
	// same external ID.
	ArchivedRecreate
)

type config struct {
	workers       int
	dryRun        bool
	export        bool
	events        func(Event)
	log           *slog.Logger
	lock          Locker
	store         Store
	archived      ArchivedPolicy
	overlap       time.Duration
	lookupLimit   int
	scanLimit     int
	budgetReserve int
	grace         time.Duration
}

// Defaults.
const (
	// DefaultWorkers is how many orders a run reconciles at once.
	DefaultWorkers = 4
	// DefaultOverlap covers Minimax's wall clock: an hour for the autumn
	// clock change, which repeats an hour of zone-less times, and a margin
	// for changes that commit after a reader passed their second.
	DefaultOverlap = 70 * time.Minute
	// DefaultLookupLimit is the limit sent with every filtered lookup; an
	// answer that long is taken as cut short.
	DefaultLookupLimit = 500
	// DefaultScanLimit is the limit of a scan of every record of a kind,
	// made when SkyPlanner ignores or cuts short a filtered lookup.
	DefaultScanLimit = 50000
	// DefaultGracePeriod bounds how long the orders in hand may take to
	// finish once the run's context ends.
	DefaultGracePeriod = 30 * time.Second
)

func defaults() config {
	return config{
		workers: DefaultWorkers, overlap: DefaultOverlap, lookupLimit: DefaultLookupLimit,
		scanLimit: DefaultScanLimit, grace: DefaultGracePeriod,
		log: slog.New(slog.DiscardHandler),
	}
}

// WithWorkers sets how many orders are reconciled at once (1 to 64;
// default 4). Orders that share a new customer, product or workstage still
// create it once.
func WithWorkers(n int) Option {
	return func(c *config) error {
		if n < 1 || n > 64 {
			return fmt.Errorf("planbridge: WithWorkers: %d is outside 1..64", n)
		}
		c.workers = n
		return nil
	}
}

// WithDryRun makes runs read both services and report the writes they
// would make (Report.Orders[i].Writes, record events) without sending any.
// The same code decides in both modes, so a dry run shows what a real run
// does. Minimax is only read in either mode; a dry run saves nothing to the
// store and returns the watermark it was given.
func WithDryRun() Option {
	return func(c *config) error { c.dryRun = true; return nil }
}

// WithExport exports each order whose rows SkyPlanner shows as not yet in
// production scheduling, or which the run changed, at the end of the run
// (one request per 100 orders). Without it the orders stay in SkyPlanner's
// input layer until someone exports them in the UI.
func WithExport() Option {
	return func(c *config) error { c.export = true; return nil }
}

// WithEvents calls fn for every step of a run (see Event). fn is never
// called concurrently.
func WithEvents(fn func(Event)) Option {
	return func(c *config) error {
		if fn == nil {
			return errors.New("planbridge: WithEvents: nil callback")
		}
		c.events = fn
		return nil
	}
}

// WithLogger logs each order and each write at debug level, and what needs
// attention (a filter SkyPlanner ignores, a failed order) at warn level.
// Silent without it.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("planbridge: WithLogger: nil logger")
		}
		c.log = l
		return nil
	}
}

// WithLock sets the Locker (default: a LocalLocker of the Syncer's own).
// Give replicas that run the same sync a shared, distributed one.
func WithLock(l Locker) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("planbridge: WithLock: nil locker")
		}
		c.lock = l
		return nil
	}
}

// WithStore keeps the watermark and the Minimax budget spent in a Store:
// runs load the budget from it first, save their progress after each order
// and the next watermark at the end, and Resume starts from the stored
// watermark.
func WithStore(s Store) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("planbridge: WithStore: nil store")
		}
		c.store = s
		return nil
	}
}

// WithArchivedOrders chooses what happens to an order a planner archived in
// SkyPlanner while Minimax still has it confirmed (default ArchivedLeave).
func WithArchivedOrders(p ArchivedPolicy) Option {
	return func(c *config) error {
		if p != ArchivedLeave && p != ArchivedRecreate {
			return fmt.Errorf("planbridge: WithArchivedOrders: unknown policy %d", p)
		}
		c.archived = p
		return nil
	}
}

// WithOverlap sets how far before the watermark a Sync reads again
// (default DefaultOverlap).
func WithOverlap(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("planbridge: WithOverlap: %s is negative", d)
		}
		c.overlap = d
		return nil
	}
}

// WithLookupLimit sets the limit sent with filtered lookups (default
// DefaultLookupLimit); WithScanLimit the limit of a full scan (default
// DefaultScanLimit). An answer as long as its limit is taken as cut short.
func WithLookupLimit(n int) Option {
	return func(c *config) error {
		if n < 2 {
			return fmt.Errorf("planbridge: WithLookupLimit: %d is below 2", n)
		}
		c.lookupLimit = n
		return nil
	}
}

// WithScanLimit: see WithLookupLimit.
func WithScanLimit(n int) Option {
	return func(c *config) error {
		if n < 2 {
			return fmt.Errorf("planbridge: WithScanLimit: %d is below 2", n)
		}
		c.scanLimit = n
		return nil
	}
}

// WithBudgetReserve stops a run cleanly while n requests of the Minimax
// daily budget are still left (default 0: run until the budget would refuse
// the next read), leaving them to other work on the same organisation. It
// needs minimax.WithDailyBudget on the client.
func WithBudgetReserve(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("planbridge: WithBudgetReserve: %d is negative", n)
		}
		c.budgetReserve = n
		return nil
	}
}

// WithGracePeriod bounds how long the orders in hand may go on once the
// run's context ends (default DefaultGracePeriod). A cancelled run starts
// no new order; those in hand finish within the grace period, so SkyPlanner
// is not left with half an order where it can be helped (a re-run would
// finish it anyway). 0 stops them at once.
func WithGracePeriod(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("planbridge: WithGracePeriod: %s is negative", d)
		}
		c.grace = d
		return nil
	}
}
