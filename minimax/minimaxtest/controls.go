package minimaxtest

import (
	"time"

	"github.com/planbridge/planbridge/fake"
)

// Fault is what an injected failure does to a request, given to FailNth or
// FailMatching. It is fake.Fault, shared with the other fake: Status
// answers with that status (and RetryAfter adds the header), Drop closes
// the connection unanswered, Delay waits first, AfterHandler lets the
// request act before its answer is lost or replaced, and Do runs when the
// fault fires.
type Fault = fake.Fault

// Match selects requests for FailMatching: fake.Match, with a Method and an
// Operation, the document's path or a prefix of the request path
// ("/api/orgs/{organisationId}/orders/{orderId}", "/api/orgs/3840/orders"). Empty fields match anything.
type Match = fake.Match

// Request is one request the fake received, as Requests returns it:
// fake.Request, with the Method, the Path below the API's prefix, the raw
// Query, the Operation it reached ("GET /api/orgs/{organisationId}/orders") and the Status answered (0
// for a dropped connection).
type Request = fake.Request

// FailNth makes the n-th request from now (1 is the next one) fail with f,
// whatever it is.
func (s *Server) FailNth(n int, f Fault) { s.core.FailNth(n, f) }

// FailMatching makes requests matching m fail with f, times times (a
// negative count: every time).
func (s *Server) FailMatching(m Match, f Fault, times int) { s.core.FailMatching(m, f, times) }

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) { s.core.SetLatency(d) }

// SetRateLimit serves at most limit requests within any span per and
// answers the others 429 with Retry-After; those refused do not count
// against the limit. A zero limit or per turns it off.
func (s *Server) SetRateLimit(limit int, per, retryAfter time.Duration) {
	s.core.SetRateLimit(limit, per, retryAfter)
}

// ClearFaults removes every fault, the latency and the rate limit.
func (s *Server) ClearFaults() { s.core.ClearFaults() }

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request { return s.core.Requests() }

// Count returns how many requests reached an operation, named by method and
// the document's path: "GET /api/orgs/{organisationId}/orders".
func (s *Server) Count(operation string) int { return s.core.Count(operation) }

// Counts returns how many requests reached each operation, keyed as Count
// names them.
func (s *Server) Counts() map[string]int { return s.core.Counts() }

// ResetLog forgets the requests and counters.
func (s *Server) ResetLog() { s.core.ResetLog() }

// InFlight returns how many requests the fake is handling now: a test that
// cancels a request held by a Delay or latency waits for it to arrive first.
func (s *Server) InFlight() int { return s.core.InFlight() }
