package apierror

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// MaxBody is how much of an error body an Error keeps, in bytes.
const MaxBody = 1 << 20

// Kinds of failure, for errors.Is. An *Error matches one by its status
// (404; 401 or 403; 429; 409; 400 or 422), and the clients' own errors
// match them where they mean the same: a value refused before sending
// (*FieldError) is ErrValidation, a lookup that finds nothing ErrNotFound.
var (
	// ErrNotFound: 404, or a lookup that found nothing.
	ErrNotFound = errors.New("not found")
	// ErrUnauthorized: 401 or 403, and a Minimax token request refused.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrRateLimited: 429 once the retries gave up.
	ErrRateLimited = errors.New("rate limited")
	// ErrConflict: a stale record (409, or a 400 naming a concurrency error,
	// which is how Minimax refuses a stale RowVersion). Read it again and
	// decide again.
	ErrConflict = errors.New("conflict")
	// ErrValidation: the service refused the values sent (400 or 422), or the
	// client refused them before sending (*FieldError).
	ErrValidation = errors.New("validation failed")
)

// FieldMessage is one validation message, with the field it is about when
// the service names one.
type FieldMessage struct {
	Field   string
	Message string
}

// Error is a non-2xx answer from Minimax or SkyPlanner: minimax.APIError
// and skyplanner.APIError are this type. Get at it with errors.As to read
// the status, the service's message and the raw body; test for a kind of
// failure with errors.Is and the sentinels above.
type Error struct {
	// Operation is the call that failed, as "minimax.GetOrder".
	Operation string
	// StatusCode is the HTTP status.
	StatusCode int
	// Message is the service's own message, when its body had one.
	Message string
	// Fields are the validation messages the body listed.
	Fields []FieldMessage
	// Body is the raw body, at most MaxBody bytes of it.
	Body []byte
}

// Error says which call failed, with its status and what the service said.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d", e.Operation, e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for _, f := range e.Fields {
		if f.Field != "" {
			fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
		} else {
			b.WriteString("; " + f.Message)
		}
	}
	return b.String()
}

// Is matches the sentinels by status. A 400 whose message speaks of a
// concurrency error is a conflict, not a validation failure: that is how
// Minimax reports a stale RowVersion (it may also answer 409).
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrConflict:
		return e.StatusCode == http.StatusConflict || (e.StatusCode == http.StatusBadRequest && e.concurrency())
	case ErrValidation:
		return (e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity) && !e.concurrency()
	}
	return false
}

func (e *Error) concurrency() bool {
	if strings.Contains(strings.ToLower(e.Message), "concurrency") {
		return true
	}
	for _, f := range e.Fields {
		if strings.Contains(strings.ToLower(f.Message), "concurrency") {
			return true
		}
	}
	return false
}

// FieldError is bad input a client refuses before sending anything, naming
// the field. It matches ErrValidation, as the service's own refusals do.
type FieldError struct {
	// Field names the field: its JSON name, or a Go path such as
	// "OrderFilter.Status".
	Field string
	// Err says what is wrong with it.
	Err error
}

// Error names the field and what is wrong with it.
func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns what is wrong.
func (e *FieldError) Unwrap() error { return e.Err }

// Is makes a FieldError match ErrValidation.
func (e *FieldError) Is(target error) bool { return target == ErrValidation }
