package minimaxtest

import (
	"testing"
	"time"

	"github.com/planbridge/planbridge/minimax"
)

// Option configures a Server.
type Option func(*Server)

// WithCredentials sets the credentials the token endpoint accepts; by
// default Credentials() returns made-up ones.
func WithCredentials(c minimax.Credentials) Option { return func(s *Server) { s.creds = c } }

// WithLockoutAfter locks the application after n consecutive wrong
// passwords (default 3): from then on even the right password is refused,
// as Minimax does.
func WithLockoutAfter(n int) Option { return func(s *Server) { s.lockAfter = n } }

// WithTokenLifetime sets expires_in of issued tokens (default one hour).
func WithTokenLifetime(d time.Duration) Option { return func(s *Server) { s.tokenLife = d } }

// WithOrganisation sets the organisation's ID and name (default 3840, "Demo d.o.o.").
func WithOrganisation(id int64, name string) Option {
	return func(s *Server) { s.orgID, s.orgName = id, name }
}

// WithSeed loads records into the fake.
func WithSeed(seed Seed) Option { return func(s *Server) { s.seeds = append(s.seeds, seed) } }

// WithDemoData loads DemoData: customers, items and orders of a small
// Croatian furniture maker.
func WithDemoData() Option { return WithSeed(DemoData()) }

// WithClock replaces the clock that stamps RecordDtModified and the action
// dates.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithStrict fails the test on every request that breaks the OpenAPI
// document, not only answering it 400.
func WithStrict() Option { return func(s *Server) { s.strict = true } }

// withTB is set by NewServer.
func withTB(tb testing.TB) Option { return func(s *Server) { s.tb = tb } }
