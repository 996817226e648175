package mapping

import (
	"errors"
	"fmt"
)

// The kinds of problem a mapping reports. Every *FieldError wraps exactly
// one of them, so errors.Is(err, ErrBadQuantity) finds it through the
// FieldError and through the errors.Join of all of an order's problems.
var (
	// ErrUnknownStatus: Status or ReceivedIssued is missing or not one of
	// the letters Minimax documents.
	ErrUnknownStatus = errors.New("unknown status letter")
	// ErrMissingReference: the order's Customer or a row's Item reference
	// is missing or has no usable ID.
	ErrMissingReference = errors.New("missing reference")
	// ErrMissingField: a field the plan cannot do without is missing, such
	// as the order's or a row's own ID (the external IDs are made from
	// them) or the order's rows.
	ErrMissingField = errors.New("missing field")
	// ErrBadQuantity: a row's quantity is missing, not a finite number, or
	// not positive.
	ErrBadQuantity = errors.New("bad quantity")
	// ErrBadNumber: no valid SkyPlanner order number can be made.
	ErrBadNumber = errors.New("bad order number")
	// ErrInconsistent: parts of the order contradict each other (a row
	// that belongs to another order, two rows with one ID, a workstage
	// named two ways).
	ErrInconsistent = errors.New("inconsistent order")
	// ErrBadRouting: a routing step cannot become a job.
	ErrBadRouting = errors.New("bad routing step")
	// ErrBadOption: NewMapper was given an option it cannot use.
	ErrBadOption = errors.New("bad option")
)

// FieldError is one problem with one field. Path names the field the way the
// Minimax documents spell it, from the order down ("OrderRows[3].Quantity",
// "Customer.ID"); problems with options start at "Options." and the org
// argument of MapOrder is "org".
type FieldError struct {
	Path string
	Err  error
}

// Error names the field by its path, then what is wrong with it.
func (e *FieldError) Error() string {
	if e.Err == nil {
		return e.Path + ": invalid"
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the problem, which in turn unwraps to its kind
// (ErrBadQuantity, ...).
func (e *FieldError) Unwrap() error { return e.Err }

// problem is a kind with the words that say what is wrong, printed without
// the kind so a message reads "OrderRows[3].Quantity: must be positive, got -1".
type problem struct {
	kind error
	msg  string
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }

// problems collects every problem of one mapping, so that a caller sees all
// bad rows at once rather than the first.
type problems []error

func (ps *problems) add(path string, kind error, format string, args ...any) {
	*ps = append(*ps, &FieldError{Path: path, Err: &problem{kind: kind, msg: fmt.Sprintf(format, args...)}})
}

// err returns nil, the single *FieldError, or all of them joined.
func (ps problems) err() error {
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	return errors.Join(ps...)
}
