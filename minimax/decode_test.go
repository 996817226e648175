package minimax

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// answer replies with status, a Content-Type (none when empty) and body.
func answer(status int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing either
		}
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

// wantNoRecord fails unless err is an *AnswerError matching ErrNoRecord
// whose message names field.
func wantNoRecord(t *testing.T, what string, err error, field string) {
	t.Helper()
	var ae *AnswerError
	if !errors.As(err, &ae) || !errors.Is(err, ErrNoRecord) {
		t.Errorf("%s: err = %v; want an *AnswerError matching ErrNoRecord", what, err)
		return
	}
	if !strings.Contains(err.Error(), field) {
		t.Errorf("%s: %q does not name %s", what, err, field)
	}
}

func TestGetOrderWithoutAnOrderIsAnError(t *testing.T) {
	t.Parallel()
	for body, names := range map[string]string{
		``:                                "empty",
		"  \n":                            "blank",
		`null`:                            "null",
		`{}`:                              "OrderId is missing",
		`{"Status":"P","RowVersion":"A"}`: "OrderId is missing",
		`{"OrderId":0}`:                   "OrderId is missing",
	} {
		f := newFake(t)
		f.handle("GET /api/orgs/3840/orders/7", answer(http.StatusOK, "application/json; charset=utf-8", body))
		o, err := f.client().GetOrder(t.Context(), 7)
		wantNoRecord(t, fmt.Sprintf("GetOrder answered %q", body), err, names)
		if o.Status != nil {
			t.Errorf("GetOrder answered %q returned %+v with the error", body, o)
		}
	}

	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", answer(http.StatusOK, "application/json", `{"OrderId":7} {"OrderId":8}`))
	var ae *AnswerError
	if _, err := f.client().GetOrder(t.Context(), 7); !errors.As(err, &ae) || !strings.Contains(err.Error(), "after the value") {
		t.Errorf("two orders in one answer: %v; want an *AnswerError about what follows the first", err)
	}
}

func TestLookupWithoutARecordIsAnError(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/customers/code(ACME)", answer(http.StatusOK, "application/json", `{}`))
	f.handle("GET /api/orgs/3840/items/code(X1)", answer(http.StatusOK, "application/json", `null`))
	f.handle("GET /api/orgs/3840/countries/code(HR)", answer(http.StatusOK, "application/json", `{"Code":"HR"}`))
	f.handle("GET /api/orgs/3840/currencies/code(EUR)", answer(http.StatusOK, "application/json", `{"Code":"EUR","CurrencyId":null}`))
	f.handle("GET /api/orgs/3840/report-templates", answer(http.StatusOK, "application/json",
		`{"Rows":[{"DisplayType":"PN","Default":"D"}],"TotalRows":1,"CurrentPageNumber":1}`))
	c := f.client()
	_, err := c.FindCustomerByCode(t.Context(), "ACME")
	wantNoRecord(t, "FindCustomerByCode", err, "CustomerId")
	_, err = c.FindItemByCode(t.Context(), "X1")
	wantNoRecord(t, "FindItemByCode", err, "null")
	_, err = c.FindCountryByCode(t.Context(), "HR")
	wantNoRecord(t, "FindCountryByCode", err, "CountryId")
	_, err = c.FindCurrencyByCode(t.Context(), "EUR")
	wantNoRecord(t, "FindCurrencyByCode", err, "CurrencyId")
	// A row without its id is refused by the page loop, which names the row.
	_, err = c.FindReportTemplate(t.Context(), TemplateReceivedOrder)
	if !errors.Is(err, ErrNoRecord) || !strings.Contains(err.Error(), "page 1, row 1") || !strings.Contains(err.Error(), "ReportTemplateId") {
		t.Errorf("ReportTemplate: err = %v; want ErrNoRecord naming the row and ReportTemplateId", err)
	}

	// A failed lookup is not cached as a zero record.
	before := f.apiCalls.Load()
	if _, err := c.FindCustomerByCode(t.Context(), "ACME"); err == nil || f.apiCalls.Load() != before+1 {
		t.Errorf("a second lookup: %v after %d requests; want another request and the error", err, f.apiCalls.Load()-before)
	}
}

func TestPageWithoutAPageIsAnError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{``, `null`, `{}`, `{"PageSize":100}`, `{"Rows":null}`, `{"Rows":[{"OrderId":1},null],"TotalRows":2}`} {
		f := newFake(t)
		f.handle("GET /api/orgs/3840/orders", answer(http.StatusOK, "application/json", body))
		f.handle("GET /api/currentuser/orgs", answer(http.StatusOK, "application/json", body))
		c := f.client()
		err := drain(t, c.ListOrders(t.Context(), OrderFilter{}), 10)
		wantNoRecord(t, fmt.Sprintf("ListOrders answered %q", body), err, "minimax.ListOrders")
		_, err = c.Organisations(t.Context())
		wantNoRecord(t, fmt.Sprintf("Organisations answered %q", body), err, "minimax.Organisations")
	}
	for _, body := range []string{`[]`, `{"Rows":{}}`, `{"Rows":[],"TotalRows":0} {}`} {
		f := newFake(t)
		f.handle("GET /api/orgs/3840/orders", answer(http.StatusOK, "application/json", body))
		var ae *AnswerError
		if err := drain(t, f.client().ListOrders(t.Context(), OrderFilter{}), 10); !errors.As(err, &ae) {
			t.Errorf("ListOrders answered %q: %v; want an *AnswerError", body, err)
		}
	}
	// An empty list is not an error.
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders", answer(http.StatusOK, "application/json", `{"Rows":[],"TotalRows":0,"CurrentPageNumber":1}`))
	if err := drain(t, f.client().ListOrders(t.Context(), OrderFilter{}), 0); err != nil {
		t.Errorf("an empty list: %v", err)
	}
}

// TestJSONAsTextIsDescribed: a body of the wrong type is reported as what it
// is, with its first bytes, not as a missing body.
func TestJSONAsTextIsDescribed(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", answer(http.StatusOK, "text/plain; charset=utf-8", `{"OrderId":7,"Status":"P"}`))
	f.handle("GET /api/orgs/3840/orders", answer(http.StatusOK, "text/plain", `{"Rows":[{"OrderId":7}],"TotalRows":1}`))
	c := f.client()
	_, getErr := c.GetOrder(t.Context(), 7)
	listErr := drain(t, c.ListOrders(t.Context(), OrderFilter{}), 1)
	for what, err := range map[string]error{"GetOrder": getErr, "ListOrders": listErr} {
		var ae *AnswerError
		if !errors.As(err, &ae) || ae.ContentType == "" {
			t.Errorf("%s: err = %v; want an *AnswerError with the Content-Type", what, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "text/plain") || !strings.Contains(msg, `{\"OrderId\":7`) || strings.Contains(msg, "no JSON body") {
			t.Errorf("%s: %q does not say what came", what, msg)
		}
	}
}

func TestCreateWithoutLocationIsUnconfirmed(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("POST /api/orgs/3840/orders", answer(http.StatusCreated, "", ""))
	_, err := f.client().CreateOrder(t.Context(), Order{ReceivedIssued: new(string(Received))})
	var le *CreateUnconfirmedError
	if !errors.As(err, &le) || !errors.Is(err, ErrCreateUnconfirmed) {
		t.Errorf("a create without a Location: %v; want a *CreateUnconfirmedError matching ErrCreateUnconfirmed", err)
	}
}
