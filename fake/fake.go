// Package fake holds the types the two API fakes share, minimax/minimaxtest
// and skyplanner/skyplannertest: a Fault to inject, a Match that picks the
// requests it hits, and a Request from a fake's log. Tests rarely import it:
// each fake re-exports these names (minimaxtest.Fault,
// skyplannertest.Request, ...) as aliases, so one Fault serves both fakes.
// It is a package of its own so that `go doc` shows the fields, which an
// alias does not.
package fake

import "time"

// Fault is what an injected failure does to a request. Give it to a fake's
// FailNth or FailMatching. Fields combine: Delay then Status, say, or
// AfterHandler with Drop.
type Fault struct {
	// Status answers with this status and the service's error body.
	Status int
	// RetryAfter adds a Retry-After header (whole seconds, rounded up) to a
	// Status answer.
	RetryAfter time.Duration
	// Drop closes the connection without answering.
	Drop bool
	// Delay waits before going on (or before Status/Drop); the wait ends
	// early when the client gives up.
	Delay time.Duration
	// AfterHandler lets the request act first (the record is created,
	// updated or archived) and then applies Status or Drop to its answer:
	// "the server acted, the answer was lost", the failure that makes
	// integrations create things twice.
	AfterHandler bool
	// Do is called when the fault fires, before anything else it does: a
	// test cancels a context there, or stops a process it simulates.
	Do func()
}

// Match selects requests for a fake's FailMatching. Empty fields match
// anything.
type Match struct {
	// Method is the HTTP method, in any case ("POST").
	Method string
	// Operation is the document's path ("/phaser-orders/{id}"), or a prefix
	// of the request path ("/phaser-orders").
	Operation string
}

// Request is one request a fake received, as its Requests log keeps it.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the request's path below the API's prefix
	// ("/api/orgs/3840/orders/5", "/phaser-orders/5001").
	Path string
	// Query is the raw query string, without "?".
	Query string
	// Operation is the operation the request reached, named by method and
	// the document's path ("GET /phaser-orders/{id}"), or "" when no route
	// matched.
	Operation string
	// Status is the status answered; 0 when the connection was dropped.
	Status int
}
