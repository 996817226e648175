package skyplanner

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/internal/wire"
)

// AnswerError is a successful (2xx) answer the client cannot use: not
// JSON, no record where one was expected, or a record without its id. It
// is apierror.AnswerError, with the Operation, StatusCode, ContentType, the
// first bytes received (Head) and what is wrong (Err).
type AnswerError = apierror.AnswerError

// ErrNoRecord matches an AnswerError for an answer that held no record: an
// empty body, null, {"phaser-order": null}, {}, or a record without its id.
// Such an answer is never read as an empty record or an empty list.
var ErrNoRecord = apierror.ErrNoRecord

// ErrCreateUnconfirmed matches a CreateUnconfirmedError. The Minimax
// client's CreateUnconfirmedError matches its own ErrCreateUnconfirmed, the
// same value, so a sync tests one thing for both.
var ErrCreateUnconfirmed = apierror.ErrCreateUnconfirmed

// CreateUnconfirmedError is a create that SkyPlanner accepted (2xx) but
// whose answer does not name the new record: no body, an empty record, or
// one without an id. The record may have been created, so do not simply
// create it again: look it up by its external id first.
type CreateUnconfirmedError struct {
	// Operation is the create, as "skyplanner.CreateOrder".
	Operation string
	// ExternalID is the external id of the record sent; empty if it had none.
	ExternalID string
	// Received is the start of the answer's body, empty if there was none.
	Received string
	// Err is what was wrong with the answer, an *AnswerError.
	Err error
}

// Error says what came back and how to find the record before creating
// it again.
func (e *CreateUnconfirmedError) Error() string {
	what := "an empty body"
	if e.Received != "" {
		what = fmt.Sprintf("%q", e.Received)
	}
	advice := "look for it before creating it again"
	if e.ExternalID != "" {
		advice = fmt.Sprintf("look it up by its external id %q", e.ExternalID)
		if name, ok := strings.CutPrefix(e.Operation, "skyplanner.Create"); ok {
			advice += fmt.Sprintf(" (Find%sByExternalID)", name)
		}
		advice += " before creating it again"
	}
	return fmt.Sprintf("%s: the service accepted the create but answered %s, which names no new record; "+
		"the record may have been created: %s", e.Operation, what, advice)
}

// Unwrap returns what was wrong with the answer.
func (e *CreateUnconfirmedError) Unwrap() error { return e.Err }

// Is makes a CreateUnconfirmedError match ErrCreateUnconfirmed.
func (e *CreateUnconfirmedError) Is(target error) bool { return target == ErrCreateUnconfirmed }

// created is one for a create: an accepted create whose answer names no
// record becomes a CreateUnconfirmedError. Other failures stay as they are:
// a refusal (*APIError) created nothing, and a transport error is the
// transport's to describe.
func created[T any](c *Client, op, key string, externalID *string, resp *http.Response, err error) (T, error) {
	v, err := one[T](c, op, key, resp, err)
	var ae *AnswerError
	if errors.As(err, &ae) {
		return v, &CreateUnconfirmedError{Operation: op, ExternalID: deref.Of(externalID), Received: ae.Head, Err: err}
	}
	return v, err
}

// identified refuses a decoded record without the field that makes it one:
// its positive id, or for a product step (which has none) its
// order_number. A type missing from the switch is refused too, so a new
// record type cannot slip past the check.
func identified(v any) error {
	var id *int64
	switch r := v.(type) {
	case Customer:
		id = r.ID
	case Order:
		id = r.ID
	case OrderRow:
		id = r.ID
	case Product:
		id = r.ID
	case Saldo:
		id = r.ID
	case Job:
		id = r.ID
	case Workstage:
		id = r.ID
	case Workstation:
		id = r.ID
	case ScheduledJob:
		id = r.ID
	case ProductStep:
		if r.OrderNumber == nil {
			return wire.NoRecord("order_number")
		}
		return nil
	default:
		return fmt.Errorf("no identity is known for %T", v)
	}
	if id == nil || *id <= 0 {
		return wire.NoRecord("id")
	}
	return nil
}
