package minimax

import "github.com/planbridge/planbridge/minimax/api"

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

// Order status letters (Order.Status).
const (
	StatusDraft       = "O"
	StatusConfirmed   = "P"
	StatusCompleted   = "Z"
	StatusInvalidated = "R"
)

// Order directions (Order.ReceivedIssued).
const (
	Received = "P"
	Issued   = "I"
)
