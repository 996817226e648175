package mmspec

import (
	"slices"
	"strings"
)

// queryParam is a Swagger 2.0 query parameter the vendor's help pages
// document but its Swagger document leaves out.
type queryParam struct {
	Name, Type, Format, Description string
	Enum                            []string
}

func (q queryParam) swagger() object {
	p := object{"name": q.Name, "in": "query", "required": false, "type": q.Type, "description": q.Description}
	if q.Format != "" {
		p["format"] = q.Format
	}
	if len(q.Enum) > 0 {
		enum := make([]any, len(q.Enum))
		for i, e := range q.Enum {
			enum[i] = e
		}
		p["enum"] = enum
	}
	return p
}

// pagingParams are taken by every list that answers with a paging envelope
// (SearchResult or SyncQueryResult).
var pagingParams = []queryParam{
	{Name: "CurrentPage", Type: "integer", Format: "int32", Description: "Page to return, 1 for the first page."},
	{Name: "PageSize", Type: "integer", Format: "int32", Description: "Rows per page. The service's default is 100; no maximum is documented."},
	{Name: "SortField", Type: "string", Description: "Name of the field to sort by."},
	{Name: "Order", Type: "string", Description: "Sort direction: A ascending, D descending.", Enum: []string{"A", "D"}},
}

var searchString = queryParam{Name: "SearchString", Type: "string",
	Description: "Searches for the value across the list's predefined fields."}

// syncParams bound the modification time of sync candidates.
var syncParams = []queryParam{
	{Name: "RecordDtModifiedFrom", Type: "string", Format: "date-time", Description: "Only records modified at or after this time."},
	{Name: "RecordDtModifiedTo", Type: "string", Format: "date-time", Description: "Only records modified at or before this time."},
}

// orderFilters are the filters of GetOrders (help page
// GET-api-orgs-organisationId-orders). Orders take no SearchString.
var orderFilters = []queryParam{
	{Name: "CustomerID", Type: "integer", Format: "int64", Description: "Only orders of this customer."},
	{Name: "AnalyticsID", Type: "integer", Format: "int64", Description: "Only orders with this analytic."},
	{Name: "DateFrom", Type: "string", Format: "date", Description: "Order date from."},
	{Name: "DateTo", Type: "string", Format: "date", Description: "Order date to."},
	{Name: "DateConfirmedFrom", Type: "string", Format: "date", Description: "Confirmation date from."},
	{Name: "DateConfirmedTo", Type: "string", Format: "date", Description: "Confirmation date to."},
	{Name: "DateCompletedFrom", Type: "string", Format: "date", Description: "Completion date from."},
	{Name: "DateCompletedTo", Type: "string", Format: "date", Description: "Completion date to."},
	{Name: "DateCanceledFrom", Type: "string", Format: "date", Description: "Invalidation date from."},
	{Name: "DateCanceledTo", Type: "string", Format: "date", Description: "Invalidation date to."},
	{Name: "ReceivedIssued", Type: "string", Description: "P received orders, I issued orders.", Enum: []string{"P", "I"}},
	{Name: "Year", Type: "integer", Format: "int32", Description: "Order year."},
	{Name: "Number", Type: "integer", Format: "int32", Description: "Order number within its year."},
	{Name: "Reference", Type: "string", Description: "Order reference."},
	{Name: "Status", Type: "string", Description: "O draft, P confirmed, Z completed, R invalidated.", Enum: []string{"O", "P", "Z", "R"}},
}

// extraParams are the further parameters the help pages document, by
// operation name (as given by NameOperations).
var extraParams = map[string][]queryParam{
	"GetOrders":          orderFilters,
	"GetCustomers":       {searchString},
	"GetItems":           {searchString},
	"GetWarehouses":      {searchString},
	"GetCountries":       {searchString},
	"GetReportTemplates": {searchString},
	"GetItemPriceLists": {
		{Name: "WarehouseId", Type: "integer", Format: "int64", Description: "Warehouse whose prices to list."},
		{Name: "CustomerId", Type: "integer", Format: "int64", Description: "Customer whose prices to list."},
		{Name: "ItemId", Type: "integer", Format: "int64", Description: "Item whose prices to list."},
		{Name: "Mode", Type: "string", Description: "Price list mode, as the help page describes it."},
	},
	"GetVatRates": {
		{Name: "date", Type: "string", Format: "date", Description: "Rates valid on this date."},
		{Name: "countryID", Type: "integer", Format: "int64", Description: "Rates of this country."},
	},
	"GetVatRateByCode": {
		{Name: "date", Type: "string", Format: "date", Description: "Rate valid on this date."},
	},
}

// AddQueryParameters declares the query parameters the vendor documents only
// on its help pages: paging and sorting on every list with a paging
// envelope, the modification window on sync candidates, SearchString where
// documented, and the order filters. A parameter the document already
// declares is left alone, so the step can be rerun.
func AddQueryParameters(doc map[string]any) error {
	for _, op := range operations(doc) {
		if op.Method != "get" {
			continue
		}
		name, _ := op.Op["operationId"].(string)
		var add []queryParam
		if returnsPage(op.Op) {
			add = append(add, pagingParams...)
		}
		if strings.HasSuffix(op.Path, "/synccandidates") {
			add = append(add, syncParams...)
		}
		add = append(add, extraParams[name]...)
		params, _ := op.Op["parameters"].([]any)
		for _, q := range add {
			if !hasParam(params, q.Name) {
				params = append(params, q.swagger())
			}
		}
		if len(params) > 0 {
			op.Op["parameters"] = params
		}
	}
	return nil
}

// returnsPage reports whether the operation's 200 response is a paging
// envelope.
func returnsPage(op object) bool {
	responses, _ := op["responses"].(object)
	ok, _ := responses["200"].(object)
	schema, _ := ok["schema"].(object)
	ref, _ := schema["$ref"].(string)
	name := strings.TrimPrefix(ref, definitionsRef)
	return slices.ContainsFunc([]string{"SearchResult[", "SyncQueryResult["}, func(envelope string) bool {
		return strings.Contains(name, envelope)
	})
}

func hasParam(params []any, name string) bool {
	return slices.ContainsFunc(params, func(p any) bool {
		po, _ := p.(object)
		return po["name"] == name
	})
}
