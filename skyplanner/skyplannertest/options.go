package skyplannertest

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// Option configures a Server. An option given a value it cannot use makes
// NewServer fail the test, and Start return the error, naming the option.
type Option func(*Server) error

// WithToken sets the token the Authorization-Token header must carry; by
// default Token() returns a made-up one.
func WithToken(token string) Option {
	return func(s *Server) error {
		if strings.TrimSpace(token) == "" {
			return errors.New("skyplannertest: WithToken: empty token")
		}
		s.token = token
		return nil
	}
}

// WithSeed loads records into the fake when it starts. Several seeds load
// in the order given.
func WithSeed(seed Seed) Option {
	return func(s *Server) error { s.seeds = append(s.seeds, seed); return nil }
}

// WithDemoData loads DemoData: the workstations, workstages and products
// (with default steps and stock) of the furniture maker whose Minimax is
// minimaxtest.DemoData.
func WithDemoData() Option { return WithSeed(DemoData()) }

// WithClock replaces the clock that stamps modified and starts the plan of
// an export (default time.Now). A fixed clock makes both repeatable.
func WithClock(now func() time.Time) Option {
	return func(s *Server) error {
		if now == nil {
			return errors.New("skyplannertest: WithClock: nil clock")
		}
		s.now = now
		return nil
	}
}

// WithLocation sets the zone the fake writes dates in, and reads dates
// without an offset in (default Europe/Zagreb).
func WithLocation(loc *time.Location) Option {
	return func(s *Server) error {
		if loc == nil {
			return errors.New("skyplannertest: WithLocation: nil location")
		}
		s.zone = loc
		return nil
	}
}

// WithStrict fails the test on every request that breaks the OpenAPI
// document, not only answering it 400.
func WithStrict() Option { return func(s *Server) error { s.strict = true; return nil } }

// WithBareResponses answers bare records ({...}) and arrays ([...]) instead
// of the resource-keyed envelopes, the other form the service is suspected
// to use. Answers are still checked against the document, in their
// enveloped form, before the envelope is taken off.
func WithBareResponses() Option { return func(s *Server) error { s.bare = true; return nil } }

// WithIgnoredFilters makes lists ignore the named query parameters, as a
// real SkyPlanner may ignore a filter this project only infers: the answer
// is then every record, as if the parameter had not been sent. With no
// names it ignores the inferred filters external_id (on every resource)
// and phaser_order_row_id (on jobs).
func WithIgnoredFilters(names ...string) Option {
	if len(names) == 0 {
		names = []string{"external_id", "phaser_order_row_id"}
	}
	return func(s *Server) error { s.ignored = append(s.ignored, names...); return nil }
}

// WithDefaultLimit caps every list that asks for no limit at n records,
// as a server with a default page size would, without saying so.
func WithDefaultLimit(n int) Option {
	return func(s *Server) error {
		if n <= 0 {
			return fmt.Errorf("skyplannertest: WithDefaultLimit: %d is not positive", n)
		}
		s.defaultLimit = n
		return nil
	}
}

// WithListener serves the fake on ln (closed by Close) instead of a
// loopback port of its own: a standalone process serves it on a fixed
// address this way, and URL and ClientOptions name that address.
func WithListener(ln net.Listener) Option {
	return func(s *Server) error {
		if ln == nil {
			return errors.New("skyplannertest: WithListener: nil listener")
		}
		s.listener = ln
		return nil
	}
}
