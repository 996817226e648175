package skyplanner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planbridge/planbridge/apierror"
)

// APIError is an answer from SkyPlanner outside 2xx. It is apierror.Error,
// the type both clients share: the Operation that failed
// ("skyplanner.GetOrder"), the StatusCode, the service's Message, the
// validation messages it listed (Fields) and the raw Body (at most 1 MiB).
// Get at it with errors.As; test for a kind of failure with errors.Is and
// the sentinels below.
type APIError = apierror.Error

// FieldMessage is one validation message of an APIError: the Field it is
// about, when SkyPlanner names one, and the Message.
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

// FieldError is a value the client refuses before sending anything:
// apierror.FieldError, with the Field it names by its JSON name
// ("external_id") and what is wrong with it (Err). It matches ErrValidation.
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

// Error names the external id and the ids of the records it matches.
func (e *AmbiguousError) Error() string {
	ids := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return fmt.Sprintf("%s: external id %q matches %d records (ids %s)",
		e.Operation, e.ExternalID, len(e.IDs), strings.Join(ids, ", "))
}

// ErrResponseTooLarge is matched by a *ResponseTooLargeError.
var ErrResponseTooLarge = apierror.ErrResponseTooLarge

// ResponseTooLargeError is a response body longer than the client reads
// (WithMaxResponseBytes): apierror.ResponseTooLargeError, whose Limit is
// that length in bytes.
type ResponseTooLargeError = apierror.ResponseTooLargeError
