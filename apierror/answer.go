package apierror

import (
	"errors"
	"fmt"
)

var (
	// ErrNoRecord matches an *AnswerError for a successful answer that held
	// no record where one was expected: an empty body, null, an empty object
	// or envelope, a record without its id. Such an answer is never read as
	// an empty record or an empty list.
	ErrNoRecord = errors.New("the answer holds no record")
	// ErrCreateUnconfirmed matches a create the service accepted (2xx) whose
	// answer does not say which record it made: the two clients'
	// CreateUnconfirmedError. The record may exist, so look it up
	// before creating it again.
	ErrCreateUnconfirmed = errors.New("create not confirmed")
)

// AnswerError is a successful (2xx) answer the call cannot use: not JSON,
// no record where one was expected, or not the shape expected. It quotes
// the Content-Type and the first bytes received, never more, so that a
// record's content does not reach logs.
type AnswerError struct {
	// Operation is the call, as "minimax.GetOrder".
	Operation string
	// StatusCode is the HTTP status.
	StatusCode int
	// ContentType is the Content-Type header received.
	ContentType string
	// Head is the start of the body (at most 64 bytes, cut at a character
	// boundary).
	Head string
	// Err says what is wrong; it matches ErrNoRecord when no record came.
	Err error
}

// Error names the call, what is wrong, and what came instead.
func (e *AnswerError) Error() string {
	ct := e.ContentType
	if ct == "" {
		ct = "none"
	}
	body := "an empty body"
	if e.Head != "" {
		body = fmt.Sprintf("a body starting %q", e.Head)
	}
	return fmt.Sprintf("%s: %v (status %d, Content-Type %s, %s)", e.Operation, e.Err, e.StatusCode, ct, body)
}

// Unwrap returns what is wrong.
func (e *AnswerError) Unwrap() error { return e.Err }
