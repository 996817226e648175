package minimax

import (
	"net/http"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/wire"
)

// AnswerError is a successful (2xx) answer the client cannot use: not
// JSON, no record where one was expected, or a record without its id. It
// is apierror.AnswerError, with the Operation, StatusCode, ContentType, the
// first bytes received (Head) and what is wrong (Err).
type AnswerError = apierror.AnswerError

// ErrNoRecord matches an AnswerError for an answer that held no record: an
// empty body, null, or a record without its id (a 200 {} is not an order).
var ErrNoRecord = apierror.ErrNoRecord

// ErrCreateUnconfirmed matches a create that Minimax accepted without
// saying which record it made (a CreateUnconfirmedError). The SkyPlanner client's
// ErrCreateUnconfirmed is the same value.
var ErrCreateUnconfirmed = apierror.ErrCreateUnconfirmed

// ident reads the id that makes a T a record; field names it in errors.
type ident[T any] struct {
	field string
	id    func(T) *int64
}

// of returns v's id, or 0 when it has none (Minimax ids are positive).
func (i ident[T]) of(v T) int64 {
	if p := i.id(v); p != nil && *p > 0 {
		return *p
	}
	return 0
}

var (
	orderID          = ident[Order]{"OrderId", func(v Order) *int64 { return v.OrderID }}
	orderSearchID    = ident[OrderSearch]{"OrderId", func(v OrderSearch) *int64 { return v.OrderID }}
	syncCandidateID  = ident[SyncCandidate]{"ID", func(v SyncCandidate) *int64 { return v.ID }}
	customerID       = ident[Customer]{"CustomerId", func(v Customer) *int64 { return v.CustomerID }}
	itemID           = ident[Item]{"ItemId", func(v Item) *int64 { return v.ItemID }}
	countryID        = ident[Country]{"CountryId", func(v Country) *int64 { return v.CountryID }}
	currencyID       = ident[Currency]{"CurrencyId", func(v Currency) *int64 { return v.CurrencyID }}
	reportTemplateID = ident[ReportTemplate]{"ReportTemplateId", func(v ReportTemplate) *int64 { return v.ReportTemplateID }}
	organisationID   = ident[UserOrganisation]{"Organisation.ID", func(v UserOrganisation) *int64 {
		if v.Organisation == nil {
			return nil
		}
		return v.Organisation.ID
	}}
)

// record finishes a raw generated call that reads one record: every such
// read goes through here. A transport error or a non-2xx answer comes back
// as today's errors (*APIError and its sentinels); a 2xx answer must be
// JSON holding one T with its id, decoded from the stream, or it is an
// *AnswerError.
func record[T any](op string, id ident[T], resp *http.Response, err error) (T, error) {
	var zero T
	if err := wire.Status(op, resp, err); err != nil {
		return zero, err
	}
	b, err := wire.Open(op, resp)
	if err != nil {
		return zero, err
	}
	defer b.Close()
	return wire.Decode(b, func(v T) error {
		if id.of(v) == 0 {
			return wire.NoRecord(id.field)
		}
		return nil
	})
}
