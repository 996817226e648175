package skyplanner

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/planbridge/planbridge/internal/apierror"
)

// APIError is an answer from SkyPlanner outside 2xx. Get at it with
// errors.As to read the status, the service's message and the raw body;
// test for a kind of failure with errors.Is and the sentinels below.
type APIError = apierror.Error

// FieldMessage is one validation message of an APIError.
type FieldMessage = apierror.FieldMessage

// Sentinels for errors.Is. They match an *APIError by status (404; 401 or
// 403; 429; 409; 400 or 422), and the client's own errors where those mean
// the same: a record the client refuses to send matches ErrValidation, a
// lookup that finds nothing matches ErrNotFound.
var (
	ErrNotFound     = apierror.ErrNotFound
	ErrUnauthorized = apierror.ErrUnauthorized
	ErrRateLimited  = apierror.ErrRateLimited
	ErrConflict     = apierror.ErrConflict
	ErrValidation   = apierror.ErrValidation
)

// FieldError is a value the client refuses before sending anything, naming
// the field by its JSON name; it matches ErrValidation.
type FieldError = apierror.FieldError

// AmbiguousError is a lookup by external id that found more than one
// record. External ids are the integrator's keys, so this means the data in
// SkyPlanner needs fixing; picking one of the records would hide that.
type AmbiguousError struct {
	// Operation is the lookup, as "skyplanner.FindOrderByExternalID".
	Operation string
	// ExternalID is the key looked up.
	ExternalID string
	// IDs are the SkyPlanner ids of the matches (0 where a record had none).
	IDs []int64
}

func (e *AmbiguousError) Error() string {
	ids := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return fmt.Sprintf("%s: external id %q matches %d records (ids %s)",
		e.Operation, e.ExternalID, len(e.IDs), strings.Join(ids, ", "))
}

// redactedError hides a secret in the message of an error that is not ours
// to edit. The original stays reachable with errors.Unwrap for errors.Is and
// errors.As; only the message printed at the top is cleaned.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

const redacted = "[REDACTED]"

// redact makes sure the token never reaches an error string, even when a
// misbehaving server echoes it in an error body.
func redact(err error, token string) error {
	if err == nil || token == "" {
		return err
	}
	var e *apierror.Error
	if errors.As(err, &e) {
		// A value this client just made: clean it in place, so Message,
		// Fields and Body are all safe to print.
		e.Message = strings.ReplaceAll(e.Message, token, redacted)
		for i := range e.Fields {
			e.Fields[i].Field = strings.ReplaceAll(e.Fields[i].Field, token, redacted)
			e.Fields[i].Message = strings.ReplaceAll(e.Fields[i].Message, token, redacted)
		}
		e.Body = bytes.ReplaceAll(e.Body, []byte(token), []byte(redacted))
	}
	if msg := err.Error(); strings.Contains(msg, token) {
		return &redactedError{msg: strings.ReplaceAll(msg, token, redacted), err: err}
	}
	return err
}
