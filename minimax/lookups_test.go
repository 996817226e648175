package minimax

import (
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestLookupsAreCachedAndShared(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var countryCalls atomic.Int64
	f.handle("GET /api/orgs/3840/countries/code(HR)", func(w http.ResponseWriter, r *http.Request) {
		countryCalls.Add(1)
		time.Sleep(20 * time.Millisecond) // let concurrent lookups meet in one flight
		writeJSON(w, http.StatusOK, map[string]any{"CountryId": 95, "Code": "HR", "Name": "Hrvatska"})
	})
	f.handle("GET /api/orgs/3840/currencies/code(EUR)", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"CurrencyId": 7, "Code": "EUR"})
	})
	f.handle("GET /api/orgs/3840/items/code(A-100)", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"ItemId": 384501, "Code": "A-100", "Name": "Moj artikl"})
	})
	f.handle("GET /api/orgs/3840/customers/code(SAOP)", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"CustomerId": 399631, "Code": "SAOP", "Name": "Saop d.o.o."})
	})
	c := f.client()

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			country, err := c.FindCountryByCode(t.Context(), "HR")
			if err != nil || *country.CountryID != 95 {
				t.Errorf("FindCountryByCode = %+v, %v", country, err)
			}
		})
	}
	wg.Wait()
	if _, err := c.FindCountryByCode(t.Context(), "HR"); err != nil {
		t.Fatal(err)
	}
	if n := countryCalls.Load(); n != 1 {
		t.Errorf("11 lookups of HR made %d requests, want 1", n)
	}

	if cur, err := c.FindCurrencyByCode(t.Context(), "EUR"); err != nil || *cur.CurrencyID != 7 {
		t.Errorf("FindCurrencyByCode = %+v, %v", cur, err)
	}
	if it, err := c.FindItemByCode(t.Context(), "A-100"); err != nil || *it.ItemID != 384501 {
		t.Errorf("FindItemByCode = %+v, %v", it, err)
	}
	if cu, err := c.FindCustomerByCode(t.Context(), "SAOP"); err != nil || *cu.CustomerID != 399631 {
		t.Errorf("FindCustomerByCode = %+v, %v", cu, err)
	}

	// Failures are not cached: a code created later is found later.
	if _, err := c.FindCountryByCode(t.Context(), "XX"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown code: %v, want ErrNotFound", err)
	}
	f.handle("GET /api/orgs/3840/countries/code(XX)", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"CountryId": 1, "Code": "XX"})
	})
	if _, err := c.FindCountryByCode(t.Context(), "XX"); err != nil {
		t.Errorf("code found on the second try: %v", err)
	}
	var fe *FieldError
	if _, err := c.FindItemByCode(t.Context(), " "); !errors.As(err, &fe) {
		t.Errorf("empty code: %v, want a FieldError", err)
	}
}

func TestFindReportTemplate(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	calls := 0
	f.handle("GET /api/orgs/3840/report-templates", func(w http.ResponseWriter, r *http.Request) {
		calls++
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{
			{"ReportTemplateId": 1, "DisplayType": "IR", "Default": "D"},
			{"ReportTemplateId": 2, "DisplayType": "PN", "Default": "N"},
			{"ReportTemplateId": 59471, "DisplayType": "PN", "Default": "D", "Name": "Standardno - Potvrda primljene narudžbe"},
			{"ReportTemplateId": 4, "DisplayType": "IN", "Default": "N"},
		}, "TotalRows": 4, "CurrentPageNumber": 1})
	})
	c := f.client()
	for range 2 {
		tpl, err := c.FindReportTemplate(t.Context(), TemplateReceivedOrder)
		if err != nil || *tpl.ReportTemplateID != 59471 {
			t.Fatalf("received-order template = %+v, %v; want the default PN one", tpl.ReportTemplateID, err)
		}
	}
	if tpl, err := c.FindReportTemplate(t.Context(), TemplateIssuedOrder); err != nil || *tpl.ReportTemplateID != 4 {
		t.Errorf("issued-order template = %+v, %v; want the only IN one", tpl.ReportTemplateID, err)
	}
	if _, err := c.FindReportTemplate(t.Context(), "XY"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing display type: %v, want ErrNotFound", err)
	}
	if calls != 3 {
		t.Errorf("template list fetched %d times, want 3 (PN cached; IN and XY fetched)", calls)
	}
}
