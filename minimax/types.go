package minimax

import (
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/minimax/api"
)

// The records an order integration reads and writes, under their plain
// names; they are the generated types of package api.
type (
	// Order is a sales or purchase order with its rows.
	Order = api.Order
	// OrderRow is one line of an order.
	OrderRow = api.OrderRow
	// OrderSearch is an order as lists return it: no rows, no RowVersion.
	OrderSearch = api.OrderSearch
	// FkField is a reference to another record: send ID, read Name.
	FkField = api.FkField
	// SyncCandidate is a record changed in a sync window.
	SyncCandidate = api.SyncCandidate
	// Customer is a customer (stranka).
	Customer = api.Customer
	// Item is an item (artikl) of the item list.
	Item = api.Item
	// Country is a country of the organisation's code list.
	Country = api.Country
	// Currency is a currency of the organisation's code list.
	Currency = api.Currency
	// ReportTemplate is a print layout; orders use DisplayType IN or PN.
	ReportTemplate = api.ReportTemplate
	// UserOrganisation is an organisation the user can reach.
	UserOrganisation = api.UserOrganisation
	// DateTime is a Minimax date-time; see api.DateTime.
	DateTime = api.DateTime
)

// Status is an order's status letter (Order.Status, OrderSearch.Status).
// Its own type keeps it apart from Direction: both use "P", and a filter
// given a direction where it wants a status does not compile.
type Status string

// Order statuses.
const (
	StatusDraft       Status = "O"
	StatusConfirmed   Status = "P"
	StatusCompleted   Status = "Z"
	StatusInvalidated Status = "R"
)

// StatusOf reads a status field of the generated records, nil as "":
// minimax.StatusOf(o.Status) == minimax.StatusConfirmed.
func StatusOf(field *string) Status { return Status(deref.Of(field)) }

// Direction says whether an order was received from a customer or issued
// to a supplier (Order.ReceivedIssued, OrderSearch.ReceivedIssued).
type Direction string

// Order directions.
const (
	Received Direction = "P"
	Issued   Direction = "I"
)

// DirectionOf reads a ReceivedIssued field of the generated records, nil
// as "": minimax.DirectionOf(o.ReceivedIssued) == minimax.Received.
func DirectionOf(field *string) Direction { return Direction(deref.Of(field)) }
