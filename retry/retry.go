// Package retry defines Policy, how often and how long the Minimax and
// SkyPlanner clients retry a request. Most code never imports it:
// minimax.RetryPolicy and skyplanner.RetryPolicy are aliases of Policy, so
// one value configures both clients (WithRetryPolicy on either). It is a
// package of its own so that `go doc` shows the fields, which an alias does
// not.
//
// Whatever the policy, a client only repeats what is safe to repeat:
//
//   - GET, HEAD, PUT and DELETE on connection errors, 429 and 5xx (but 501);
//   - POST and PATCH only on 429, or on a connection error before any
//     connection was made, when the server cannot have seen the request
//     (neither service has idempotency keys, so a repeated create would
//     create twice);
//   - never once the request's context is done, nor after an error no retry
//     can fix (Minimax's exhausted daily budget).
//
// The waits double from MinWait up to MaxWait; a 429 or 503 with
// Retry-After waits what the header asks, capped at MaxRetryAfter. When the
// retries give up, the call returns the last answer's error (an
// *apierror.Error with its status), not a generic "giving up".
package retry

import (
	"errors"
	"time"
)

// Policy says how often and how long to retry. The zero value means no
// retries; DefaultPolicy is what the clients use unless told otherwise.
type Policy struct {
	// MaxRetries is how many times a request is repeated after the first try.
	MaxRetries int
	// MinWait and MaxWait bound the exponential back-off between tries.
	MinWait, MaxWait time.Duration
	// MaxRetryAfter caps the wait after a 429 or 503 that carries
	// Retry-After, whatever the header asks.
	MaxRetryAfter time.Duration
	// MaxTotalWait caps the waits of one request added up; a retry that would
	// pass it is not made and the last response is returned.
	MaxTotalWait time.Duration
}

// DefaultPolicy retries three times, waiting 0.5 s, 1 s, 2 s (or what
// Retry-After asks, up to 30 s), and never more than a minute in all. It is a
// function so that no package-level variable can be changed under a client.
func DefaultPolicy() Policy {
	return Policy{
		MaxRetries:    3,
		MinWait:       500 * time.Millisecond,
		MaxWait:       8 * time.Second,
		MaxRetryAfter: 30 * time.Second,
		MaxTotalWait:  time.Minute,
	}
}

// Validate reports a policy that cannot work. The clients' WithRetryPolicy
// calls it, so a client is never built with one.
func (p Policy) Validate() error {
	switch {
	case p.MaxRetries < 0:
		return errors.New("retry policy: MaxRetries is negative")
	case p.MinWait < 0 || p.MaxWait < 0 || p.MaxRetryAfter < 0 || p.MaxTotalWait < 0:
		return errors.New("retry policy: a duration is negative")
	case p.MaxWait < p.MinWait:
		return errors.New("retry policy: MaxWait is below MinWait")
	case p.MaxRetries > 0 && p.MaxTotalWait == 0:
		return errors.New("retry policy: MaxTotalWait is zero, which would allow no retry; set it, or MaxRetries 0")
	case p.MaxRetries > 0 && p.MaxRetryAfter == 0:
		return errors.New("retry policy: MaxRetryAfter is zero, which would ignore Retry-After; set the longest wait a server may ask for")
	}
	return nil
}
