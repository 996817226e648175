package minimax

import (
	"errors"
	"fmt"
	"time"

	"github.com/planbridge/planbridge/apierror"
)

// APIError is a non-2xx answer from Minimax. It is apierror.Error, the type
// both clients share: the Operation that failed ("minimax.GetOrder"), the
// StatusCode, the service's Message, the validation messages it listed
// (Fields) and the raw Body (at most 1 MiB). Get at it with errors.As; test
// for a kind of failure with errors.Is and the sentinels below.
type APIError = apierror.Error

// FieldMessage is one validation message of an APIError: the Field it is
// about, when Minimax names one, and the Message.
type FieldMessage = apierror.FieldMessage

// Kinds of failure, for errors.Is. The first five are apierror's, shared
// with the SkyPlanner client: an *APIError matches one by its status (404;
// 401 or 403; 429; 409; 400 or 422).
var (
	ErrNotFound     = apierror.ErrNotFound
	ErrUnauthorized = apierror.ErrUnauthorized
	ErrRateLimited  = apierror.ErrRateLimited
	// ErrConflict is a stale RowVersion (409, or 400 naming a concurrency
	// error). Re-read the record and decide again.
	ErrConflict   = apierror.ErrConflict
	ErrValidation = apierror.ErrValidation

	// ErrCredentialsRefused: the token endpoint refused the credentials. The
	// client makes no further token request (see AuthError).
	ErrCredentialsRefused = errors.New("minimax: credentials refused")
	// ErrAccessRefused: the token endpoint accepted the credentials but the
	// API refused the token it issued (see AccessError).
	ErrAccessRefused = errors.New("minimax: API access refused")
	// ErrBudgetExhausted: the daily request budget is used up (see BudgetError).
	ErrBudgetExhausted = errors.New("minimax: daily request budget exhausted")
)

// AuthError is a failed token request. When Latched is true the endpoint
// refused the credentials and this client will not ask again: repeated wrong
// passwords lock the Minimax API application for good.
type AuthError struct {
	Status      int    // HTTP status of the token endpoint's answer; 0 if none came
	Code        string // OAuth error code, such as invalid_grant
	Description string // the endpoint's error_description
	Latched     bool
	Err         error // the underlying error, when there was no answer
}

// Error says why the token request failed and, once latched, what to do.
func (e *AuthError) Error() string {
	if !e.Latched {
		return fmt.Sprintf("minimax: token request failed: %v", e.Err)
	}
	what := e.Code
	if e.Description != "" {
		what += ": " + e.Description
	}
	return fmt.Sprintf("minimax: the token endpoint refused the credentials (%d %s); this client will make no further "+
		"token request, because repeated wrong passwords lock the Minimax API application: fix the credentials and create a new client",
		e.Status, what)
}

// Unwrap returns the underlying error, when there was no answer.
func (e *AuthError) Unwrap() error { return e.Err }

// Is makes a refusal match ErrCredentialsRefused and ErrUnauthorized.
func (e *AuthError) Is(target error) bool {
	return e.Latched && (target == ErrCredentialsRefused || target == ErrUnauthorized)
}

// AccessError is a call refused because the API answered 401 to a token
// the token endpoint had just issued: the credentials are right, but the
// user lacks the API right on the organisation, or the scope does not fit
// the deployment. Asking for another token at once would be refused the same
// way and spends the daily budget, so until Until the client asks for none
// and every call fails at once with this error; after that it tries one
// grant again.
type AccessError struct {
	Until time.Time // when the client will ask for a token again
}

// Error says what to check and when the client asks for a token again.
func (e *AccessError) Error() string {
	return fmt.Sprintf("minimax: the token endpoint accepted the credentials but the API refused the token (401): "+
		"check that the user has API access to the organisation (the organisation's API right, in its user settings) "+
		"and the scope; this client asks for no new token until %s", e.Until.Format(time.RFC3339))
}

// Is makes an AccessError match ErrAccessRefused and ErrUnauthorized.
func (e *AccessError) Is(target error) bool {
	return target == ErrAccessRefused || target == ErrUnauthorized
}

// BudgetError is returned instead of sending a request once the daily budget
// (WithDailyBudget) is used up.
type BudgetError struct {
	Limit   int       // requests allowed in any 24 hours
	RetryAt time.Time // when the oldest counted request leaves the window
}

// Error gives the budget and when the next request can go.
func (e *BudgetError) Error() string {
	return fmt.Sprintf("minimax: daily request budget of %d used up; the next request can go at %s",
		e.Limit, e.RetryAt.Format(time.RFC3339))
}

// Is makes a BudgetError match ErrBudgetExhausted.
func (e *BudgetError) Is(target error) bool { return target == ErrBudgetExhausted }

// Permanent tells the retry layer that retrying cannot help.
func (e *BudgetError) Permanent() bool { return true }

// FieldError is bad input caught before sending: apierror.FieldError, with
// the Field it names ("Order.OrderID") and what is wrong with it (Err). It
// matches ErrValidation.
type FieldError = apierror.FieldError

// ErrResponseTooLarge is matched by a *ResponseTooLargeError.
var ErrResponseTooLarge = apierror.ErrResponseTooLarge

// ResponseTooLargeError is a response body longer than the client reads
// (WithMaxResponseBytes): apierror.ResponseTooLargeError, whose Limit is
// that length in bytes.
type ResponseTooLargeError = apierror.ResponseTooLargeError
