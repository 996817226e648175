package minimaxtest

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/planbridge/planbridge/minimax"
)

// Option configures a Server. An option given a value it cannot use makes
// NewServer fail the test, and Start return the error, naming the option.
type Option func(*Server) error

// WithCredentials sets the credentials the token endpoint accepts; by
// default Credentials() returns made-up ones. All four are needed.
func WithCredentials(c minimax.Credentials) Option {
	return func(s *Server) error {
		if c.ClientID == "" || c.ClientSecret == "" || c.Username == "" || c.Password == "" {
			return errors.New("minimaxtest: WithCredentials: ClientID, ClientSecret, Username and Password are all needed")
		}
		s.creds = c
		return nil
	}
}

// WithLockoutAfter locks the application after n consecutive wrong
// passwords (default 3): from then on even the right password is refused,
// as Minimax does. Zero never locks.
func WithLockoutAfter(n int) Option {
	return func(s *Server) error {
		if n < 0 {
			return fmt.Errorf("minimaxtest: WithLockoutAfter: %d is negative", n)
		}
		s.lockAfter = n
		return nil
	}
}

// WithTokenLifetime sets expires_in of issued tokens (default one hour).
func WithTokenLifetime(d time.Duration) Option {
	return func(s *Server) error {
		if d < time.Second {
			return fmt.Errorf("minimaxtest: WithTokenLifetime: %v is under the second expires_in counts in", d)
		}
		s.tokenLife = d
		return nil
	}
}

// WithOrganisation sets the organisation's ID and name (default 3840, "Demo d.o.o.").
func WithOrganisation(id int64, name string) Option {
	return func(s *Server) error {
		if id <= 0 || name == "" {
			return fmt.Errorf("minimaxtest: WithOrganisation: want a positive ID and a name, got %d and %q", id, name)
		}
		s.orgID, s.orgName = id, name
		return nil
	}
}

// WithSeed loads records into the fake.
func WithSeed(seed Seed) Option {
	return func(s *Server) error { s.seeds = append(s.seeds, seed); return nil }
}

// WithDemoData loads DemoData: customers, items and orders of a small
// Croatian furniture maker.
func WithDemoData() Option { return WithSeed(DemoData()) }

// WithClock replaces the clock that stamps RecordDtModified and the action
// dates.
func WithClock(now func() time.Time) Option {
	return func(s *Server) error {
		if now == nil {
			return errors.New("minimaxtest: WithClock: nil clock")
		}
		s.now = now
		return nil
	}
}

// WithStrict fails the test on every request that breaks the OpenAPI
// document, not only answering it 400.
func WithStrict() Option { return func(s *Server) error { s.strict = true; return nil } }

// WithListener serves the fake on ln (closed by Close) instead of a
// loopback port of its own: a standalone process serves it on a fixed
// address this way, and URL and ClientOptions name that address.
func WithListener(ln net.Listener) Option {
	return func(s *Server) error {
		if ln == nil {
			return errors.New("minimaxtest: WithListener: nil listener")
		}
		s.listener = ln
		return nil
	}
}
