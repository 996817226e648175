package skyplannertest

import (
	"testing"
	"time"
)

// Option configures a Server.
type Option func(*Server)

// WithToken sets the token the Authorization-Token header must carry; by
// default Token() returns a made-up one.
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithSeed loads records into the fake when it starts. Several seeds load
// in the order given.
func WithSeed(seed Seed) Option { return func(s *Server) { s.seeds = append(s.seeds, seed) } }

// WithDemoData loads DemoData: the workstations, workstages and products
// (with default steps and stock) of the furniture maker whose Minimax is
// minimaxtest.DemoData.
func WithDemoData() Option { return WithSeed(DemoData()) }

// WithClock replaces the clock that stamps modified and starts the plan of
// an export (default time.Now). A fixed clock makes both repeatable.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithLocation sets the zone the fake writes dates in, and reads dates
// without an offset in (default Europe/Zagreb).
func WithLocation(loc *time.Location) Option { return func(s *Server) { s.zone = loc } }

// WithStrict fails the test on every request that breaks the OpenAPI
// document, not only answering it 400.
func WithStrict() Option { return func(s *Server) { s.strict = true } }

// WithBareResponses answers bare records ({...}) and arrays ([...]) instead
// of the resource-keyed envelopes, the other form the service is suspected
// to use. Answers are still checked against the document, in their
// enveloped form, before the envelope is taken off.
func WithBareResponses() Option { return func(s *Server) { s.bare = true } }

// withTB is set by NewServer.
func withTB(tb testing.TB) Option { return func(s *Server) { s.tb = tb } }

// WithIgnoredFilters makes lists ignore the named query parameters, as a
// real SkyPlanner may ignore a filter this project only infers: the answer
// is then every record, as if the parameter had not been sent. With no
// names it ignores the inferred filters external_id (on every resource)
// and phaser_order_row_id (on jobs).
func WithIgnoredFilters(names ...string) Option {
	if len(names) == 0 {
		names = []string{"external_id", "phaser_order_row_id"}
	}
	return func(s *Server) { s.ignored = append(s.ignored, names...) }
}

// WithDefaultLimit caps every list that asks for no limit at n records,
// as a server with a default page size would, without saying so.
func WithDefaultLimit(n int) Option { return func(s *Server) { s.defaultLimit = n } }
