package webhook

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Option configures a Handler. A value that cannot be honoured makes
// NewHandler fail, naming the option, instead of being ignored: a receiver
// that silently ran without its secret would hand forged events to the
// business logic.
type Option func(*config) error

// The defaults of a Handler's options.
const (
	// DefaultTolerance is how far a signed time may be from the clock.
	DefaultTolerance = 5 * time.Minute
	// DefaultMaxBodyBytes is the largest body read (1 MiB).
	DefaultMaxBodyBytes = 1 << 20
	// DefaultQueue is how many accepted events may wait for a worker.
	DefaultQueue = 256
	// DefaultWorkers is how many events are handled at once: one, so that
	// a sender's events reach the funcs in the order they arrived.
	DefaultWorkers = 1
	// DefaultReplayWindow is how many accepted signatures are remembered to
	// recognise a replayed delivery.
	DefaultReplayWindow = 4096
)

type config struct {
	secret    []byte
	unsigned  bool
	scheme    Scheme
	tolerance time.Duration
	maxBody   int64
	queue     int
	workers   int
	replay    int
	logger    *slog.Logger
	clock     func() time.Time
	onError   func(Event, error)
}

func defaults() config {
	return config{
		scheme:    SchemeHexBody,
		tolerance: DefaultTolerance,
		maxBody:   DefaultMaxBodyBytes,
		queue:     DefaultQueue,
		workers:   DefaultWorkers,
		replay:    DefaultReplayWindow,
		logger:    slog.New(slog.DiscardHandler),
		clock:     time.Now,
	}
}

// ErrOption is matched by every error NewHandler returns.
var ErrOption = errors.New("webhook: bad option")

func optionError(option string, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrOption, option, fmt.Sprintf(format, args...))
}

// WithSecret makes the Handler verify every delivery's X-Webhook-Signature
// with the secret configured for the webhook in SkyPlanner, and check its
// signed time. The Handler keeps its own copy of secret.
func WithSecret(secret []byte) Option {
	return func(c *config) error {
		if len(secret) == 0 {
			return optionError("WithSecret", "secret is empty; use WithUnsigned to accept unsigned deliveries")
		}
		c.secret = append([]byte(nil), secret...)
		return nil
	}
}

// WithUnsigned accepts deliveries without checking any signature, for a
// webhook configured in SkyPlanner without a secret. Anyone who can reach
// the endpoint can then send events; prefer WithSecret.
func WithUnsigned() Option {
	return func(c *config) error {
		c.unsigned = true
		return nil
	}
}

// WithScheme sets how signatures are made (default SchemeHexBody, which
// is unconfirmed: see the package documentation and DetectScheme).
func WithScheme(s Scheme) Option {
	return func(c *config) error {
		if !s.valid() {
			return optionError("WithScheme", "unknown scheme %s", s)
		}
		c.scheme = s
		return nil
	}
}

// WithTolerance sets how far a delivery's signed time may be from the
// clock, in the past or the future (default DefaultTolerance). It is also
// how long a signature is remembered for replay detection.
func WithTolerance(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return optionError("WithTolerance", "%s is not a positive duration", d)
		}
		c.tolerance = d
		return nil
	}
}

// WithMaxBodyBytes sets the largest body read (default
// DefaultMaxBodyBytes); a larger one is answered 413 without reading on.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) error {
		return positive("WithMaxBodyBytes", n, &c.maxBody)
	}
}

// WithQueue sets how many accepted events may wait for a worker (default
// DefaultQueue). When it is full, deliveries are answered 503 with
// Retry-After.
func WithQueue(n int) Option {
	return func(c *config) error {
		return positive("WithQueue", n, &c.queue)
	}
}

// WithWorkers sets how many events are handled at once (default
// DefaultWorkers). With more than one, events may reach the funcs out of
// their arrival order.
func WithWorkers(n int) Option {
	return func(c *config) error {
		return positive("WithWorkers", n, &c.workers)
	}
}

// WithReplayWindow sets how many signatures of accepted deliveries are
// remembered (default DefaultReplayWindow), each for the tolerance after
// its signed time. A byte-identical delivery seen again is answered 200
// but not dispatched. 0 turns replay detection off. The memory it takes
// is bounded by n: when more deliveries arrive within the tolerance, the
// oldest are forgotten first.
func WithReplayWindow(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return optionError("WithReplayWindow", "%d is negative", n)
		}
		c.replay = n
		return nil
	}
}

// WithLogger logs rejected deliveries, lenient reads and failing funcs
// (default: nothing is logged). Secrets and signatures are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return optionError("WithLogger", "logger is nil")
		}
		c.logger = l
		return nil
	}
}

// WithClock sets the clock signed times are checked against (default
// time.Now), for tests.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return optionError("WithClock", "clock is nil")
		}
		c.clock = now
		return nil
	}
}

// WithErrorFunc is called, from the worker, with the event and the error
// whenever a HandlerFunc returns an error or panics (the error is then a
// *PanicError), and for every queued event Close drops because its context
// ended (the error matches ErrClosed). It must be safe for concurrent use
// when WithWorkers is above one.
func WithErrorFunc(fn func(Event, error)) Option {
	return func(c *config) error {
		if fn == nil {
			return optionError("WithErrorFunc", "func is nil")
		}
		c.onError = fn
		return nil
	}
}

// positive sets *dst to n, which must be above zero.
func positive[T int | int64](option string, n T, dst *T) error {
	if n <= 0 {
		return optionError(option, "%d is not above zero", n)
	}
	*dst = n
	return nil
}

// build applies opts and checks that they agree with each other.
func build(opts []Option) (config, error) {
	c := defaults()
	for _, o := range opts {
		if o == nil {
			return config{}, optionError("NewHandler", "option is nil")
		}
		if err := o(&c); err != nil {
			return config{}, err
		}
	}
	switch {
	case c.secret == nil && !c.unsigned:
		return config{}, optionError("WithSecret or WithUnsigned", "one is required: a receiver must say whether deliveries are signed")
	case c.secret != nil && c.unsigned:
		return config{}, optionError("WithSecret and WithUnsigned", "give one, not both")
	}
	return c, nil
}
