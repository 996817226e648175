package minimaxtest_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/vendordoc"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// servedOperations are the operations the fake serves, all of which the
// scenario below reaches.
var servedOperations = []string{
	"DELETE /api/orgs/{organisationId}/orders/{orderId}",
	"GET /api/currentuser/orgs",
	"GET /api/orgs/{organisationId}/countries",
	"GET /api/orgs/{organisationId}/countries/code({code})",
	"GET /api/orgs/{organisationId}/countries/{countryId}",
	"GET /api/orgs/{organisationId}/currencies",
	"GET /api/orgs/{organisationId}/currencies/code({code})",
	"GET /api/orgs/{organisationId}/currencies/{currencyId}",
	"GET /api/orgs/{organisationId}/customers",
	"GET /api/orgs/{organisationId}/customers/code({code})",
	"GET /api/orgs/{organisationId}/customers/{customerId}",
	"GET /api/orgs/{organisationId}/items",
	"GET /api/orgs/{organisationId}/items/code({code})",
	"GET /api/orgs/{organisationId}/items/{itemId}",
	"GET /api/orgs/{organisationId}/orders",
	"GET /api/orgs/{organisationId}/orders/synccandidates",
	"GET /api/orgs/{organisationId}/orders/{orderId}",
	"GET /api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
	"GET /api/orgs/{organisationId}/report-templates",
	"GET /api/orgs/{organisationId}/report-templates/{reportTemplateId}",
	"POST /api/orgs/{organisationId}/orders",
	"PUT /api/orgs/{organisationId}/orders/{orderId}",
	"PUT /api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
}

// tamper rewrites answers on their way to the checker, to prove that it
// notices a wrong one.
type tamper struct {
	next    http.RoundTripper
	rewrite func(body []byte) []byte
}

func (t tamper) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if err != nil || t.rewrite == nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	body = t.rewrite(body)
	resp.Body, resp.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// vendorScenario runs the client through every operation the fake serves,
// with the vendor's document checking each request and answer on the wire
// (rewrite, when set, spoils answers first). It returns what the document
// refused and the operations it checked.
func vendorScenario(t *testing.T, rewrite func([]byte) []byte) (refused, checked []string) {
	t.Helper()
	doc, err := vendordoc.Load("/SI/API")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	checker := doc.Transport("/SI/API", tamper{next: http.DefaultTransport, rewrite: rewrite}, func(err error) {
		mu.Lock()
		defer mu.Unlock()
		refused = append(refused, err.Error())
	})
	// Strict: the repaired document the fake is built on checks it too.
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData(), minimaxtest.WithStrict())
	c := newClient(t, srv, minimax.WithHTTPClient(&http.Client{Transport: checker}))
	raw := c.API()
	ctx, org := t.Context(), srv.Organisation()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	status := func(what string, resp interface{ StatusCode() int }, err error) {
		t.Helper()
		if err == nil && resp.StatusCode() != http.StatusOK {
			t.Fatalf("%s: status %d", what, resp.StatusCode())
		}
		must(what, err)
	}

	_, err = c.Organisations(ctx)
	must("organisations", err)
	customer, err := c.FindCustomerByCode(ctx, "SAOP")
	must("customer by code", err)
	item, err := c.FindItemByCode(ctx, "STOL-HRAST")
	must("item by code", err)
	country, err := c.FindCountryByCode(ctx, "HR")
	must("country by code", err)
	eur, err := c.FindCurrencyByCode(ctx, "EUR")
	must("currency by code", err)
	template, err := c.FindReportTemplate(ctx, minimax.TemplateReceivedOrder)
	must("report templates", err)

	r1, err := raw.GetCustomersWithResponse(ctx, org, &api.GetCustomersParams{SearchString: new("d.o.o.")})
	status("customers", r1, err)
	r2, err := raw.GetItemsWithResponse(ctx, org, nil)
	status("items", r2, err)
	r3, err := raw.GetCountriesWithResponse(ctx, org, nil)
	status("countries", r3, err)
	r4, err := raw.GetCurrenciesWithResponse(ctx, org, nil)
	status("currencies", r4, err)
	r5, err := raw.GetCustomerWithResponse(ctx, org, *customer.CustomerID)
	status("customer by id", r5, err)
	r6, err := raw.GetItemWithResponse(ctx, org, *item.ItemID)
	status("item by id", r6, err)
	r7, err := raw.GetCountryWithResponse(ctx, org, *country.CountryID)
	status("country by id", r7, err)
	r8, err := raw.GetCurrencyWithResponse(ctx, org, *eur.CurrencyID)
	status("currency by id", r8, err)
	r9, err := raw.GetReportTemplateWithResponse(ctx, org, *template.ReportTemplateID)
	status("report template by id", r9, err)

	for _, err := range c.ListOrders(ctx, minimax.OrderFilter{PageSize: 2}) {
		must("list orders", err)
	}
	since := srv.Now().Add(-time.Hour)
	id, err := c.CreateOrder(ctx, minimax.Order{ReceivedIssued: new(string(minimax.Received)), Date: api.NewDateTime(srv.Now()),
		Customer: &minimax.FkField{ID: customer.CustomerID}, Currency: &minimax.FkField{ID: eur.CurrencyID},
		CustomerCountry: &minimax.FkField{ID: country.CountryID}, ReportTemplate: &minimax.FkField{ID: template.ReportTemplateID},
		OrderRows: &[]minimax.OrderRow{{Item: &minimax.FkField{ID: item.ItemID}, Quantity: new(3.0), Price: new(145.0)}}})
	must("create", err)
	o, err := c.GetOrder(ctx, id)
	must("get", err)
	o.Notes = new("Deliver on Monday")
	must("update", c.UpdateOrder(ctx, o))
	for _, step := range []func(context.Context, int64) error{c.ConfirmOrder, c.CompleteOrder, c.CancelOrderCompletion,
		c.CreateIssuedInvoiceFromOrder, c.CancelOrderConfirmation, c.InvalidateOrder, c.CancelOrderInvalidation} {
		must("action", step(ctx, id))
	}
	_, err = c.OrderPDF(ctx, id)
	must("generatepdf", err)
	o, err = c.GetOrder(ctx, id)
	must("get", err)
	r10, err := raw.GetCustomActionOrderWithResponse(ctx, org, id, "getorderpdf", &api.GetCustomActionOrderParams{RowVersion: *o.RowVersion})
	status("getorderpdf", r10, err)
	for _, err := range c.OrderSyncCandidates(ctx, since) {
		must("sync candidates", err)
	}
	must("delete", c.DeleteOrder(ctx, id))
	return refused, checker.Checked()
}

// TestFakeMatchesTheVendorDocument holds every request the client sends
// to the fake, and every answer, to the vendor's document as published:
// the repaired document the fake is built on may not drift it away.
func TestFakeMatchesTheVendorDocument(t *testing.T) {
	t.Parallel()
	refused, checked := vendorScenario(t, nil)
	for _, r := range refused {
		t.Error(r)
	}
	if diff := cmp.Diff(servedOperations, checked); diff != "" {
		t.Errorf("operations checked (-served +checked):\n%s", diff)
	}
}

// TestVendorCheckCanFail spoils the item list as the fake once gave it
// (Name, where the vendor's list rows have Title) and expects the check to
// say so.
func TestVendorCheckCanFail(t *testing.T) {
	t.Parallel()
	refused, _ := vendorScenario(t, func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte(`"Title":`), []byte(`"Name":`))
	})
	if len(refused) != 1 || !strings.Contains(refused[0], "answer 200 to GET /api/orgs/{organisationId}/items:") {
		t.Errorf("the spoilt answers were refused as %q; want the item list named once", refused)
	}
}
