package mmspec

import "testing"

func TestDropBogusDiscriminators(t *testing.T) {
	t.Parallel()
	runStepCases(t, DropBogusDiscriminators, []stepCase{
		{
			name: "description copied into discriminator is dropped",
			in: `{"definitions":{"X":{"type":"object","properties":{
				"Quantity":{"type":"number","description":"\"Quantity.\"","discriminator":"\"Quantity.\""}}}}}`,
			want: `{"definitions":{"X":{"type":"object","properties":{
				"Quantity":{"type":"number","description":"\"Quantity.\""}}}}}`,
		},
		{
			name: "a discriminator naming a property of its schema stays",
			in:   `{"definitions":{"Pet":{"discriminator":"kind","properties":{"kind":{"type":"string"}}}}}`,
			want: `{"definitions":{"Pet":{"discriminator":"kind","properties":{"kind":{"type":"string"}}}}}`,
		},
		{
			name: "schemas inside parameters, responses and arrays are repaired too",
			in: `{"paths":{"/x":{"get":{
				"parameters":[{"in":"body","name":"b","schema":{"discriminator":"d","type":"object"}}],
				"responses":{"200":{"schema":{"type":"array","items":{"discriminator":"d"}}}}}}}}`,
			want: `{"paths":{"/x":{"get":{
				"parameters":[{"in":"body","name":"b","schema":{"type":"object"}}],
				"responses":{"200":{"schema":{"type":"array","items":{}}}}}}}}`,
		},
		{
			name: "a property called discriminator is not a keyword",
			in:   `{"definitions":{"X":{"properties":{"discriminator":{"type":"string"}}}}}`,
			want: `{"definitions":{"X":{"properties":{"discriminator":{"type":"string"}}}}}`,
		},
	})
}

func TestCleanDescriptions(t *testing.T) {
	t.Parallel()
	runStepCases(t, CleanDescriptions, []stepCase{
		{
			name: "quotes, markup and indentation go",
			in: `{"definitions":{"OrderRow":{"properties":{"Warehouse":{"description":
				"\"  Warehouse.<br/>\r\n                                Input allowed if inventory discharge is enabled.\""}}}}}`,
			want: `{"definitions":{"OrderRow":{"properties":{"Warehouse":{"description":
				"Warehouse. Input allowed if inventory discharge is enabled."}}}}}`,
		},
		{
			name: "lists become text",
			in:   `{"definitions":{"O":{"properties":{"S":{"description":"<p>Values:<ul><li>P – confirmed,</li><li>O – draft.</li></ul></p>"}}}}}`,
			want: `{"definitions":{"O":{"properties":{"S":{"description":"Values: P – confirmed, O – draft."}}}}}`,
		},
	})
}

func TestJSONOnly(t *testing.T) {
	t.Parallel()
	runStepCases(t, JSONOnly, []stepCase{
		{
			name: "XML, text/json and form encoding are dropped",
			in: `{"paths":{"/o":{"post":{
				"consumes":["application/json","text/json","application/xml","text/xml","application/x-www-form-urlencoded"],
				"produces":["application/json","text/json","application/xml","text/xml"]}}}}`,
			want: `{"paths":{"/o":{"post":{"consumes":["application/json"],"produces":["application/json"]}}}}`,
		},
		{
			name: "an empty list is removed",
			in:   `{"paths":{"/o":{"get":{"consumes":[],"produces":["text/json"]}}}}`,
			want: `{"paths":{"/o":{"get":{"produces":["application/json"]}}}}`,
		},
	})
}

func TestNameOperations(t *testing.T) {
	t.Parallel()
	op := func(tag, id string) string { return `{"tags":["` + tag + `"],"operationId":"` + id + `"}` }
	runStepCases(t, NameOperations, []stepCase{
		{
			name: "the order module gets the help pages' names",
			in: `{"paths":{
				"/api/orgs/{organisationId}/orders":{"get":` + op("Order", "Order_Get") + `,"post":` + op("Order", "Order_Post") + `},
				"/api/orgs/{organisationId}/orders/{orderId}":{"get":` + op("Order", "Order_Get") + `,"put":` + op("Order", "Order_Put") + `,"delete":` + op("Order", "Order_Delete") + `},
				"/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}":{"get":` + op("Order", "Order_Get") + `,"put":` + op("Order", "Order_Put") + `},
				"/api/orgs/{organisationId}/orders/synccandidates":{"get":` + op("Order", "Order_GetOrdersSyncCandidates") + `}}}`,
			want: `{"paths":{
				"/api/orgs/{organisationId}/orders":{"get":` + op("Order", "GetOrders") + `,"post":` + op("Order", "AddOrder") + `},
				"/api/orgs/{organisationId}/orders/{orderId}":{"get":` + op("Order", "GetOrder") + `,"put":` + op("Order", "UpdateOrder") + `,"delete":` + op("Order", "DeleteOrder") + `},
				"/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}":{"get":` + op("Order", "GetCustomActionOrder") + `,"put":` + op("Order", "PutCustomActionOrder") + `},
				"/api/orgs/{organisationId}/orders/synccandidates":{"get":` + op("Order", "GetOrdersSyncCandidates") + `}}}`,
		},
		{
			name: "key segments, plurals, sub-records and vendor method names",
			in: `{"paths":{
				"/api/orgs/{organisationId}/countries":{"get":` + op("Country", "Country_Get") + `},
				"/api/orgs/{organisationId}/countries/code({code})":{"get":` + op("Country", "Country_Get") + `},
				"/api/orgs/{organisationId}/countries/synccandidates":{"get":` + op("Country", "Country_GetCountriesSyncCandidates") + `},
				"/api/orgs/{organisationId}/accounts/content({content})":{"get":` + op("Account", "Account_GetByContent") + `},
				"/api/orgs/{organisationId}/documents/{documentId}/attachments/{documentAttachmentId}":{"delete":` + op("Document", "Document_Delete") + `},
				"/api/orgs/{organisationId}/documents/{documentId}":{"delete":` + op("Document", "Document_Delete") + `},
				"/api/orgs/{organisationId}/inbox/{inboxId}":{"post":` + op("Inbox", "Inbox_PostAttachment") + `}}}`,
			want: `{"paths":{
				"/api/orgs/{organisationId}/countries":{"get":` + op("Country", "GetCountries") + `},
				"/api/orgs/{organisationId}/countries/code({code})":{"get":` + op("Country", "GetCountryByCode") + `},
				"/api/orgs/{organisationId}/countries/synccandidates":{"get":` + op("Country", "GetCountriesSyncCandidates") + `},
				"/api/orgs/{organisationId}/accounts/content({content})":{"get":` + op("Account", "GetAccountByContent") + `},
				"/api/orgs/{organisationId}/documents/{documentId}/attachments/{documentAttachmentId}":{"delete":` + op("Document", "DeleteDocumentAttachment") + `},
				"/api/orgs/{organisationId}/documents/{documentId}":{"delete":` + op("Document", "DeleteDocument") + `},
				"/api/orgs/{organisationId}/inbox/{inboxId}":{"post":` + op("Inbox", "AddInboxAttachment") + `}}}`,
		},
		{
			name: "the exceptions table wins",
			in:   `{"paths":{"/api/orgs/{organisationId}/contacts":{"get":` + op("Contact", "Contact_GetContacts") + `}}}`,
			want: `{"paths":{"/api/orgs/{organisationId}/contacts":{"get":` + op("Contact", "GetOrganisationContacts") + `}}}`,
		},
		{
			name: "a name given twice is an error",
			in: `{"paths":{
				"/a/widgets":{"get":` + op("Widget", "Widget_Get") + `},
				"/b/widgets":{"get":` + op("Widget", "Widget_Get") + `}}}`,
			wantErr: "operation name GetWidgets given to both",
		},
		{
			name:    "an operation without a tag is an error",
			in:      `{"paths":{"/a":{"get":{"operationId":"X_Get"}}}}`,
			wantErr: "no tag",
		},
	})
}

func TestAddQueryParameters(t *testing.T) {
	t.Parallel()
	page := `{"$ref":"#/definitions/SAOP.API.Models.SearchResult[SAOP.API.Models.Order.OrderSearch]"}`
	sync := `{"$ref":"#/definitions/SAOP.API.Models.SyncQueryResult[SAOP.API.Models.SyncCandidate]"}`
	org := `{"name":"organisationId","in":"path","required":true,"type":"integer","format":"int64"}`
	paging := `
		{"name":"CurrentPage","in":"query","required":false,"type":"integer","format":"int32","description":"Page to return, 1 for the first page."},
		{"name":"PageSize","in":"query","required":false,"type":"integer","format":"int32","description":"Rows per page. The service's default is 100; no maximum is documented."},
		{"name":"SortField","in":"query","required":false,"type":"string","description":"Name of the field to sort by."},
		{"name":"Order","in":"query","required":false,"type":"string","description":"Sort direction: A ascending, D descending.","enum":["A","D"]}`
	runStepCases(t, AddQueryParameters, []stepCase{
		{
			name: "a paged list with SearchString",
			in:   `{"paths":{"/c":{"get":{"operationId":"GetCustomers","parameters":[` + org + `],"responses":{"200":{"schema":` + page + `}}}}}}`,
			want: `{"paths":{"/c":{"get":{"operationId":"GetCustomers","parameters":[` + org + `,` + paging + `,
				{"name":"SearchString","in":"query","required":false,"type":"string","description":"Searches for the value across the list's predefined fields."}
				],"responses":{"200":{"schema":` + page + `}}}}}}`,
		},
		{
			name: "sync candidates get paging and the modification window",
			in:   `{"paths":{"/o/synccandidates":{"get":{"operationId":"GetOrdersSyncCandidates","responses":{"200":{"schema":` + sync + `}}}}}}`,
			want: `{"paths":{"/o/synccandidates":{"get":{"operationId":"GetOrdersSyncCandidates","parameters":[` + paging + `,
				{"name":"RecordDtModifiedFrom","in":"query","required":false,"type":"string","format":"date-time","description":"Only records modified at or after this time."},
				{"name":"RecordDtModifiedTo","in":"query","required":false,"type":"string","format":"date-time","description":"Only records modified at or before this time."}
				],"responses":{"200":{"schema":` + sync + `}}}}}}`,
		},
		{
			name: "declared parameters are kept, not duplicated",
			in:   `{"paths":{"/v":{"get":{"operationId":"GetVatRateByCode","parameters":[{"name":"date","in":"query","type":"string"}],"responses":{}}}}}`,
			want: `{"paths":{"/v":{"get":{"operationId":"GetVatRateByCode","parameters":[{"name":"date","in":"query","type":"string"}],"responses":{}}}}}`,
		},
		{
			name: "writes and unpaged reads are left alone",
			in:   `{"paths":{"/o/{id}":{"get":{"operationId":"GetOrder","responses":{"200":{"schema":{"type":"object"}}}},"post":{"operationId":"GetCustomers","responses":{}}}}}`,
			want: `{"paths":{"/o/{id}":{"get":{"operationId":"GetOrder","responses":{"200":{"schema":{"type":"object"}}}},"post":{"operationId":"GetCustomers","responses":{}}}}}`,
		},
	})
}

func TestAddQueryParametersOrderFilters(t *testing.T) {
	t.Parallel()
	doc := decode(t, `{"paths":{"/orders":{"get":{"operationId":"GetOrders","responses":{}}}}}`)
	if err := AddQueryParameters(doc); err != nil {
		t.Fatal(err)
	}
	params := doc["paths"].(object)["/orders"].(object)["get"].(object)["parameters"].([]any)
	got := map[string]object{}
	for _, p := range params {
		po := p.(object)
		got[po["name"].(string)] = po
	}
	for _, name := range []string{"CustomerID", "DateFrom", "DateTo", "Status", "ReceivedIssued", "Year", "Number", "Reference"} {
		if _, ok := got[name]; !ok {
			t.Errorf("GetOrders lacks filter %s", name)
		}
	}
	if _, ok := got["SearchString"]; ok {
		t.Error("GetOrders got SearchString, which the help page does not document")
	}
	if f := got["DateFrom"]["format"]; f != "date" {
		t.Errorf("DateFrom format = %v, want date", f)
	}
	if e := got["Status"]["enum"]; len(e.([]any)) != 4 {
		t.Errorf("Status enum = %v, want the four status letters", e)
	}
}

func TestDeclareWriteResponses(t *testing.T) {
	t.Parallel()
	vendor := `{"200":{"description":"OK","schema":{"type":"object"}}}`
	created := `{"201":{"description":"Created. The body is empty; Location is the URL of the new record, its last path segment the new ID.",
		"headers":{"Location":{"type":"string","description":"URL of the created record."}}}}`
	done := `{"200":{"description":"Done. The body is undocumented and may be empty."},"204":{"description":"Done, no body."}}`
	runStepCases(t, DeclareWriteResponses, []stepCase{
		{
			name: "creates answer 201 with Location",
			in: `{"paths":{"/orgs/{o}/orders":{"post":{"responses":` + vendor + `}},
				"/orgs/{o}/customers/addbytaxnumber({taxNumber})":{"post":{"responses":` + vendor + `}}}}`,
			want: `{"paths":{"/orgs/{o}/orders":{"post":{"responses":` + created + `}},
				"/orgs/{o}/customers/addbytaxnumber({taxNumber})":{"post":{"responses":` + created + `}}}}`,
		},
		{
			name: "updates, deletes and actions declare no body",
			in: `{"paths":{"/orgs/{o}/orders/{id}":{"put":{"responses":` + vendor + `},"delete":{"responses":` + vendor + `}},
				"/orgs/{o}/orders/{id}/actions/{actionName}":{"put":{"responses":` + vendor + `}}}}`,
			want: `{"paths":{"/orgs/{o}/orders/{id}":{"put":{"responses":` + done + `},"delete":{"responses":` + done + `}},
				"/orgs/{o}/orders/{id}/actions/{actionName}":{"put":{"responses":` + done + `}}}}`,
		},
		{
			name: "reads keep their schema",
			in:   `{"paths":{"/orgs/{o}/orders/{id}":{"get":{"responses":` + vendor + `}}}}`,
			want: `{"paths":{"/orgs/{o}/orders/{id}":{"get":{"responses":` + vendor + `}}}}`,
		},
	})
}

func TestMarkDateTimes(t *testing.T) {
	t.Parallel()
	runStepCases(t, MarkDateTimes, []stepCase{
		{
			name: "date-time properties become omitzero values; others are untouched",
			in: `{"definitions":{"Order":{"properties":{
				"Date":{"type":"string","format":"date-time"},
				"Notes":{"type":"string"},
				"Year":{"type":"integer","format":"int32"}}}}}`,
			want: `{"definitions":{"Order":{"properties":{
				"Date":{"type":"string","format":"date-time","x-go-type-skip-optional-pointer":true,"x-omitzero":true,"x-nullable":true},
				"Notes":{"type":"string"},
				"Year":{"type":"integer","format":"int32"}}}}}`,
		},
	})
}

func TestDescribeAuth(t *testing.T) {
	t.Parallel()
	doc := decode(t, `{"securityDefinitions":{"oauth2":{"type":"oauth2","flow":"implicit"}},
		"paths":{"/x":{"get":{"security":[{"oauth2":["Minimax"]}]},"post":{}}}}`)
	if err := DescribeAuth(doc); err != nil {
		t.Fatal(err)
	}
	scheme := doc["securityDefinitions"].(object)["oauth2"].(object)
	if scheme["flow"] != "password" || scheme["tokenUrl"] == nil {
		t.Errorf("security scheme = %v, want the password flow with a token URL", scheme)
	}
	item := doc["paths"].(object)["/x"].(object)
	sec := item["get"].(object)["security"].([]any)[0].(object)["oauth2"].([]any)
	if len(sec) != 1 || sec[0] != "minimax.si" {
		t.Errorf("operation scopes = %v, want [minimax.si]", sec)
	}
	if _, ok := item["post"].(object)["security"]; ok {
		t.Error("an operation without security got some")
	}
}

func TestShortenSchemaNames(t *testing.T) {
	t.Parallel()
	runStepCases(t, ShortenSchemaNames, []stepCase{
		{
			name: "namespaces, prefixes and generics are shortened, refs follow",
			in: `{"definitions":{
				"SAOP.API.Models.Order.Order":{"properties":{"Customer":{"$ref":"#/definitions/SAOP.API.Common.mMApiFkField"},
					"OrderRows":{"type":"array","items":{"$ref":"#/definitions/SAOP.API.Models.Order.OrderRow"}}}},
				"SAOP.API.Models.Order.OrderRow":{},
				"SAOP.API.Common.mMApiFkField":{},
				"SAOP.API.Models.Order.OrderSearch":{},
				"SAOP.API.Models.SearchResult[SAOP.API.Models.Order.OrderSearch]":{"properties":{"Rows":{"type":"array","items":{"$ref":"#/definitions/SAOP.API.Models.Order.OrderSearch"}}}}},
				"paths":{"/o":{"get":{"responses":{"200":{"schema":{"$ref":"#/definitions/SAOP.API.Models.SearchResult[SAOP.API.Models.Order.OrderSearch]"}}}}}}}`,
			want: `{"definitions":{
				"Order":{"properties":{"Customer":{"$ref":"#/definitions/FkField"},
					"OrderRows":{"type":"array","items":{"$ref":"#/definitions/OrderRow"}}}},
				"OrderRow":{},
				"FkField":{},
				"OrderSearch":{},
				"SearchResultOrderSearch":{"properties":{"Rows":{"type":"array","items":{"$ref":"#/definitions/OrderSearch"}}}}},
				"paths":{"/o":{"get":{"responses":{"200":{"schema":{"$ref":"#/definitions/SearchResultOrderSearch"}}}}}}}`,
		},
		{
			name: "same short names get their module as a prefix",
			in: `{"definitions":{
				"SAOP.API.Models.IssuedInvoice.PaymentMethodSearch":{},
				"SAOP.API.Models.PaymentMethod.PaymentMethodSearch":{},
				"SAOP.API.Models.SearchResult[SAOP.API.Models.IssuedInvoice.PaymentMethodSearch]":{}}}`,
			want: `{"definitions":{
				"IssuedInvoicePaymentMethodSearch":{},
				"PaymentMethodSearch":{},
				"SearchResultIssuedInvoicePaymentMethodSearch":{}}}`,
		},
		{
			name:    "a collision that prefixes cannot resolve is an error",
			in:      `{"definitions":{"A.Item.Item":{},"B.Item.Item":{}}}`,
			wantErr: "both shorten to Item",
		},
		{
			name:    "a $ref to a missing schema is an error",
			in:      `{"definitions":{"A.X":{"$ref":"#/definitions/A.Missing"}}}`,
			wantErr: "undefined schemas",
		},
	})
}

func TestNullableReferences(t *testing.T) {
	t.Parallel()
	runStepCases(t, NullableReferences, []stepCase{
		{
			name: "the reference schema may be null; others stay as they are",
			in: `{"definitions":{"SAOP.API.Common.mMApiFkField":{"type":"object","properties":{"ID":{"type":"integer"}}},
				"SAOP.API.Models.Order.Order":{"type":"object"}}}`,
			want: `{"definitions":{"SAOP.API.Common.mMApiFkField":{"type":"object","properties":{"ID":{"type":"integer"}},"x-nullable":true},
				"SAOP.API.Models.Order.Order":{"type":"object"}}}`,
		},
		{
			name:    "a document without it is refused",
			in:      `{"definitions":{"SAOP.API.Models.Order.Order":{"type":"object"}}}`,
			wantErr: "no schema SAOP.API.Common.mMApiFkField",
		},
	})
}
