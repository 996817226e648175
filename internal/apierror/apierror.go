// Package apierror turns a non-2xx answer of a generated call into one error
// type that both clients export, with sentinels for errors.Is.
package apierror

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// MaxBody is how much of an error body an Error keeps.
const MaxBody = 1 << 20

// Sentinels, matched with errors.Is against an *Error (and the clients' own
// errors where they mean the same).
var (
	ErrNotFound     = errors.New("not found")
	ErrUnauthorized = errors.New("unauthorized")
	ErrRateLimited  = errors.New("rate limited")
	ErrConflict     = errors.New("conflict")
	ErrValidation   = errors.New("validation failed")
)

// FieldMessage is one validation message, with the field it is about when
// the service names one.
type FieldMessage struct {
	Field   string
	Message string
}

// Error is a non-2xx answer from an API.
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

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns what is wrong.
func (e *FieldError) Unwrap() error { return e.Err }

// Is makes a FieldError match ErrValidation.
func (e *FieldError) Is(target error) bool { return target == ErrValidation }

// Response is what every generated response type offers.
type Response interface {
	StatusCode() int
	GetBody() []byte
}

// Check turns the result of a generated call into (response, nil) on 2xx, or
// an error: the transport error wrapped with the operation, or an *Error.
func Check[R Response](op string, r R, err error) (R, error) {
	if err != nil {
		return r, fmt.Errorf("%s: %w", op, err)
	}
	if code := r.StatusCode(); code < 200 || code > 299 {
		return r, FromBody(op, code, r.GetBody())
	}
	return r, nil
}

// FromBody builds an *Error from a status and a body.
func FromBody(op string, status int, body []byte) *Error {
	if len(body) > MaxBody {
		body = bytes.Clone(body[:MaxBody]) // a copy, so the rest can be freed
	}
	e := &Error{Operation: op, StatusCode: status, Body: body}
	e.Message, e.Fields = parseBody(body)
	return e
}

// parseBody reads the error shapes the two services are known or expected
// to use: ASP.NET's {"Message", "ModelState"}, Minimax's ValidationMessages,
// OAuth's {"error", "error_description"} and a plain {"message"}.
func parseBody(body []byte) (string, []FieldMessage) {
	var v struct {
		Message          string              `json:"Message"`
		MessageLower     string              `json:"message"`
		ErrorDescription string              `json:"error_description"`
		Error            json.RawMessage     `json:"error"`
		ModelState       map[string][]string `json:"ModelState"`
		Validation       []struct {
			Message      string `json:"Message"`
			PropertyName string `json:"PropertyName"`
		} `json:"ValidationMessages"`
	}
	if json.Unmarshal(body, &v) != nil {
		return "", nil
	}
	var errText string
	_ = json.Unmarshal(v.Error, &errText)
	msg := cmp.Or(v.Message, v.MessageLower, v.ErrorDescription, errText)
	var fields []FieldMessage
	for _, m := range v.Validation {
		fields = append(fields, FieldMessage{Field: m.PropertyName, Message: m.Message})
	}
	for _, k := range slices.Sorted(maps.Keys(v.ModelState)) {
		for _, m := range v.ModelState[k] {
			fields = append(fields, FieldMessage{Field: k, Message: m})
		}
	}
	return msg, fields
}
