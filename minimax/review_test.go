package minimax

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// servePages answers the order list from total orders, in pages of at most
// limit rows whatever PageSize asks (a server capping the page size).
func servePages(f *fakeMinimax, total, limit int, lie bool) {
	f.handle("GET /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("CurrentPage"))
		size, _ := strconv.Atoi(r.URL.Query().Get("PageSize"))
		size = min(size, limit)
		var rows []map[string]any
		for id := (page-1)*size + 1; id <= min(page*size, total); id++ {
			rows = append(rows, map[string]any{"OrderId": id})
		}
		reported := total
		if lie {
			reported = total + 5
		}
		writeJSON(w, http.StatusOK, map[string]any{"Rows": rows, "TotalRows": reported, "CurrentPageNumber": page, "PageSize": size})
	})
}

func collect(t *testing.T, c *Client, f OrderFilter) ([]int64, []error) {
	t.Helper()
	var ids []int64
	var errs []error
	for o, err := range c.ListOrders(t.Context(), f) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, *o.OrderID)
	}
	return ids, errs
}

func TestListOrdersCanBeRangedAgain(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	servePages(f, 5, 100, false)
	seq := f.client().ListOrders(t.Context(), OrderFilter{PageSize: 2})
	for round := range 2 {
		n := 0
		for _, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 5 {
			t.Errorf("range %d yielded %d orders, want 5", round+1, n)
		}
	}
}

func TestListOrdersSurvivesACappedPageSize(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	servePages(f, 7, 3, false) // asks for 5 a page, gets 3
	ids, errs := collect(t, f.client(), OrderFilter{PageSize: 5})
	if len(errs) != 0 || len(ids) != 7 {
		t.Errorf("got %d orders and errors %v, want all 7", len(ids), errs)
	}
}

func TestListOrdersReportsMissingRows(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	servePages(f, 4, 100, true) // TotalRows says 9
	ids, errs := collect(t, f.client(), OrderFilter{PageSize: 2})
	if len(ids) != 4 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "reported 9 rows") {
		t.Errorf("got %d orders and errors %v; want the 4 there are, then one error", len(ids), errs)
	}
}

func TestBaseURLWinsOverCountryInAnyOrder(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c, err := New(WithBaseURL(f.srv.URL+"/SI/API/"), WithTokenURL(f.srv.URL+"/SI/AUT/oauth20/token"),
		WithCountry(Croatia), WithCredentials(testCreds), WithOrganisation(testOrg))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatalf("the explicit URLs were not used: %v", err)
	}
	if f.tokenCalls.Load() != 1 {
		t.Error("the token request did not go to the explicit token URL")
	}
}

func TestFieldErrorIsValidation(t *testing.T) {
	t.Parallel()
	err := error(&FieldError{Field: "Order.OrderID", Err: errors.New("missing")})
	if !errors.Is(err, ErrValidation) {
		t.Error("a FieldError does not match ErrValidation")
	}
}

func TestForgetLookups(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var calls atomic.Int64
	f.handle("GET /api/orgs/3840/currencies/code(EUR)", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, http.StatusOK, map[string]any{"CurrencyId": 7, "Code": "EUR"})
	})
	c := f.client()
	for range 2 {
		if _, err := c.FindCurrencyByCode(t.Context(), "EUR"); err != nil {
			t.Fatal(err)
		}
	}
	c.ForgetLookups()
	if _, err := c.FindCurrencyByCode(t.Context(), "EUR"); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("lookups reached the service %d times, want 2 (cached, then forgotten)", n)
	}
}

// One caller giving up on a shared fetch does not fail another.
func TestSharedFetchOutlivesAnImpatientCaller(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	release := make(chan struct{})
	f.handle("GET /api/currentuser/orgs", func(w http.ResponseWriter, r *http.Request) {
		<-release
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{{"Organisation": map[string]any{"ID": testOrg}}}})
	})
	c, err := New(WithBaseURL(f.srv.URL+"/SI/API/"), WithTokenURL(f.srv.URL+"/SI/AUT/oauth20/token"), WithCredentials(testCreds))
	if err != nil {
		t.Fatal(err)
	}
	impatient, cancel := context.WithCancel(t.Context())
	first := make(chan error, 1)
	go func() { _, err := c.Organisation(impatient); first <- err }()
	second := make(chan error, 1)
	go func() { _, err := c.Organisation(t.Context()); second <- err }()
	for f.apiCalls.Load() == 0 { // wait until the shared fetch is at the server
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("impatient caller: %v, want context.Canceled", err)
	}
	close(release)
	if err := <-second; err != nil {
		t.Errorf("patient caller: %v", err)
	}
}

func TestOrderActionsAreNotReplayed(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	var actions, updates atomic.Int64
	f.handle("PUT /api/orgs/3840/orders/7/actions/createissuedinvoice", func(w http.ResponseWriter, r *http.Request) {
		actions.Add(1)
		writeJSON(w, http.StatusBadGateway, map[string]string{"Message": "gateway"})
	})
	f.handle("PUT /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		updates.Add(1)
		writeJSON(w, http.StatusBadGateway, map[string]string{"Message": "gateway"})
	})
	c := f.client()
	if err := c.CreateIssuedInvoiceFromOrder(t.Context(), 7); err == nil {
		t.Fatal("want the 502")
	}
	if n := actions.Load(); n != 1 {
		t.Errorf("the action was sent %d times, want 1: a repeat could create a second invoice", n)
	}
	_ = c.UpdateOrder(t.Context(), Order{OrderID: new(int64(7)), RowVersion: new("AAAA")})
	if n := updates.Load(); n != 4 {
		t.Errorf("the update was sent %d times, want 4: its RowVersion makes a repeat safe", n)
	}
}
