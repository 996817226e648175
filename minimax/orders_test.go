package minimax

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestListOrdersPagesLazily(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	const total = 5
	f.handle("GET /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("CurrentPage"))
		size, _ := strconv.Atoi(r.URL.Query().Get("PageSize"))
		var rows []map[string]any
		for id := (page-1)*size + 1; id <= min(page*size, total); id++ {
			rows = append(rows, map[string]any{"OrderId": id, "Status": "P"})
		}
		writeJSON(w, http.StatusOK, map[string]any{"Rows": rows, "TotalRows": total, "CurrentPageNumber": page, "PageSize": size})
	})
	c := f.client()
	seq := c.ListOrders(t.Context(), OrderFilter{Status: StatusConfirmed, ReceivedIssued: Received, PageSize: 2,
		DateFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if n := f.apiCalls.Load(); n != 0 {
		t.Fatalf("%d requests before iterating, want 0", n)
	}
	var ids []int64
	for o, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *o.OrderID)
	}
	if diff := cmp.Diff([]int64{1, 2, 3, 4, 5}, ids); diff != "" {
		t.Errorf("orders (-want +got):\n%s", diff)
	}
	want := []string{
		"GET /api/orgs/3840/orders?CurrentPage=1&PageSize=2&DateFrom=2026-01-01&ReceivedIssued=P&Status=P",
		"GET /api/orgs/3840/orders?CurrentPage=2&PageSize=2&DateFrom=2026-01-01&ReceivedIssued=P&Status=P",
		"GET /api/orgs/3840/orders?CurrentPage=3&PageSize=2&DateFrom=2026-01-01&ReceivedIssued=P&Status=P",
	}
	if diff := cmp.Diff(want, f.requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}

	// Stopping early fetches no further page.
	before := f.apiCalls.Load()
	for range c.ListOrders(t.Context(), OrderFilter{PageSize: 2}) {
		break
	}
	if n := f.apiCalls.Load() - before; n != 1 {
		t.Errorf("breaking after the first order made %d requests, want 1", n)
	}
}

// Every status and direction reaches the query as its own letter.
func TestListOrdersFilterLetters(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []any{}, "TotalRows": 0, "CurrentPageNumber": 1, "PageSize": 100})
	})
	c := f.client()
	tests := []struct {
		filter OrderFilter
		query  string
	}{
		{OrderFilter{Status: StatusDraft}, "Status=O"},
		{OrderFilter{Status: StatusConfirmed}, "Status=P"},
		{OrderFilter{Status: StatusCompleted}, "Status=Z"},
		{OrderFilter{Status: StatusInvalidated}, "Status=R"},
		{OrderFilter{ReceivedIssued: Received}, "ReceivedIssued=P"},
		{OrderFilter{ReceivedIssued: Issued}, "ReceivedIssued=I"},
		{OrderFilter{Status: StatusDraft, ReceivedIssued: Issued}, "ReceivedIssued=I&Status=O"},
	}
	var want []string
	for _, tt := range tests {
		for _, err := range c.ListOrders(t.Context(), tt.filter) {
			t.Errorf("%+v: %v", tt.filter, err)
		}
		want = append(want, "GET /api/orgs/3840/orders?CurrentPage=1&PageSize=100&"+tt.query)
	}
	if diff := cmp.Diff(want, f.requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestListOrdersRefusesARepeatedPage(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		// A server that ignores CurrentPage.
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{{"OrderId": 1}, {"OrderId": 2}},
			"TotalRows": 10, "CurrentPageNumber": 1, "PageSize": 2})
	})
	var got []int64
	var errs []error
	for o, err := range f.client().ListOrders(t.Context(), OrderFilter{PageSize: 2}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, *o.OrderID)
	}
	if len(got) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "asked for page 2, got page 1") {
		t.Errorf("got orders %v and errors %v; want the first page once, then one error", got, errs)
	}
}

func TestListOrdersBadFilter(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	c := f.client()
	for _, tt := range []struct {
		filter OrderFilter
		field  string
	}{
		{OrderFilter{Status: "X"}, "OrderFilter.Status"},
		{OrderFilter{ReceivedIssued: "Q"}, "OrderFilter.ReceivedIssued"},
		{OrderFilter{PageSize: 100000}, "PageSize"},
		{OrderFilter{PageSize: -1}, "PageSize"},
	} {
		n := 0
		for _, err := range c.ListOrders(t.Context(), tt.filter) {
			n++
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("%+v: error %v, want a FieldError on %s", tt.filter, err, tt.field)
			}
		}
		if n != 1 {
			t.Errorf("%+v: yielded %d times, want one error", tt.filter, n)
		}
	}
	if n := f.apiCalls.Load() + f.tokenCalls.Load(); n != 0 {
		t.Errorf("bad filters sent %d requests", n)
	}
}

func TestCreateOrderReadsIDFromLocation(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	posts := 0
	f.handle("POST /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		posts++
		w.Header().Set("Location", f.srv.URL+"/SI/API/api/orgs/3840/orders/7870?id=7870")
		w.WriteHeader(http.StatusCreated)
	})
	c := f.client()
	id, err := c.CreateOrder(t.Context(), Order{ReceivedIssued: new(string(Received))})
	if err != nil || id != 7870 {
		t.Fatalf("CreateOrder = %d, %v; want 7870", id, err)
	}
	if _, err := c.CreateOrder(t.Context(), Order{OrderID: new(int64(1))}); err == nil {
		t.Error("creating an order that has an ID succeeded")
	}
	if posts != 1 {
		t.Errorf("POSTs = %d, want 1", posts)
	}
}

func TestIDFromLocation(t *testing.T) {
	t.Parallel()
	for loc, want := range map[string]int64{
		"https://moj.minimax.si/SI/API/api/orgs/183818/items/7299224?id=7299224": 7299224,
		"/api/orgs/1/orders/42":              42,
		"https://h/api/orgs/1/orders/?id=43": 43,
	} {
		if got, err := idFromLocation("op", loc); err != nil || got != want {
			t.Errorf("idFromLocation(%q) = %d, %v; want %d", loc, got, err, want)
		}
	}
	for _, loc := range []string{"", "https://h/api/orgs/1/orders", "https://h/x/abc?id=-1", "%zz"} {
		var le *CreateUnconfirmedError
		if _, err := idFromLocation("op", loc); !errors.As(err, &le) {
			t.Errorf("idFromLocation(%q): %v, want a *CreateUnconfirmedError", loc, err)
		}
	}
}

func TestPostIsNotRetriedOnServerError(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	posts := 0
	f.handle("POST /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		posts++
		writeJSON(w, http.StatusInternalServerError, map[string]string{"Message": "An error has occurred."})
	})
	_, err := f.client().CreateOrder(t.Context(), Order{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || apiErr.Operation != "minimax.CreateOrder" {
		t.Fatalf("error %v, want the 500 as an *APIError of minimax.CreateOrder", err)
	}
	if posts != 1 {
		t.Errorf("POST sent %d times, want 1: a repeated create would duplicate the order", posts)
	}
}

func TestGetIsRetried(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	answers := []int{http.StatusServiceUnavailable, http.StatusTooManyRequests, http.StatusOK}
	calls := 0
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		status := answers[calls]
		calls++
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "3600") // capped by the policy
		}
		if status != http.StatusOK {
			writeJSON(w, status, map[string]string{"Message": "busy"})
			return
		}
		writeJSON(w, status, sampleOrderJSON(7, "AAAA"))
	})
	o, err := f.client().GetOrder(t.Context(), 7)
	if err != nil || *o.OrderID != 7 {
		t.Fatalf("GetOrder = %v, %v", o.OrderID, err)
	}
	if calls != 3 {
		t.Errorf("calls = %d, want 3", calls)
	}
}

func TestUpdateOrder(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("PUT /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"Message": "Concurrency error - record changed by another action (RowVersion)"})
	})
	c := f.client()
	err := c.UpdateOrder(t.Context(), Order{OrderID: new(int64(7)), RowVersion: new("stale")})
	if !errors.Is(err, ErrConflict) || errors.Is(err, ErrValidation) {
		t.Errorf("stale RowVersion: %v, want ErrConflict (and not ErrValidation)", err)
	}
	for _, o := range []Order{{RowVersion: new("x")}, {OrderID: new(int64(7))}} {
		var fe *FieldError
		if err := c.UpdateOrder(t.Context(), o); !errors.As(err, &fe) {
			t.Errorf("UpdateOrder(%+v): %v, want a FieldError", o, err)
		}
	}
}

func TestOrderActionsUseAFreshRowVersion(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	version := 0
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, fmt.Sprintf("AAAAAKsz+v%d/=", version)))
	})
	f.handle("PUT /api/orgs/3840/orders/7/actions/confirm", func(w http.ResponseWriter, r *http.Request) {
		if got, want := r.URL.Query().Get("rowVersion"), fmt.Sprintf("AAAAAKsz+v%d/=", version); got != want {
			writeJSON(w, http.StatusConflict, map[string]string{"Message": "Concurrency error"})
			return
		}
		version++
		w.WriteHeader(http.StatusOK)
	})
	f.handle("PUT /api/orgs/3840/orders/7/actions/cancelConfirmation", func(w http.ResponseWriter, r *http.Request) {
		version++
		w.WriteHeader(http.StatusNoContent)
	})
	f.handle("PUT /api/orgs/3840/orders/7/actions/complete", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	c := f.client()
	if err := c.ConfirmOrder(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	if err := c.CancelOrderConfirmation(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	if err := c.ConfirmOrder(t.Context(), 7); err != nil {
		t.Fatalf("second confirm (after the RowVersion changed twice): %v", err)
	}
	want := []string{
		"GET /api/orgs/3840/orders/7",
		"PUT /api/orgs/3840/orders/7/actions/confirm?rowVersion=AAAAAKsz%2Bv0%2F%3D",
		"GET /api/orgs/3840/orders/7",
		"PUT /api/orgs/3840/orders/7/actions/cancelConfirmation?rowVersion=AAAAAKsz%2Bv1%2F%3D",
		"GET /api/orgs/3840/orders/7",
		"PUT /api/orgs/3840/orders/7/actions/confirm?rowVersion=AAAAAKsz%2Bv2%2F%3D",
	}
	if diff := cmp.Diff(want, f.requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if _, err := c.RunOrderAction(t.Context(), 7, "explode"); err == nil {
		t.Error("an unknown action was accepted")
	}
	before := len(f.requests())
	if _, err := c.RunOrderActionAt(t.Context(), 7, "AAAAAKsz+v3/=", ActionComplete); err != nil {
		t.Fatalf("RunOrderActionAt: %v", err)
	}
	var fe *FieldError
	if _, err := c.RunOrderActionAt(t.Context(), 7, "", ActionComplete); !errors.As(err, &fe) || fe.Field != "RowVersion" {
		t.Errorf("RunOrderActionAt without a RowVersion: %v, want a *FieldError naming RowVersion", err)
	}
	want = []string{"PUT /api/orgs/3840/orders/7/actions/complete?rowVersion=AAAAAKsz%2Bv3%2F%3D"}
	if diff := cmp.Diff(want, f.requests()[before:]); diff != "" {
		t.Errorf("RunOrderActionAt: one request as of the given RowVersion, none without one (-want +got):\n%s", diff)
	}
}

func TestOrderPDF(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	f.handle("PUT /api/orgs/3840/orders/7/actions/generatepdf", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"Data": map[string]any{
			"AttachmentData": "JVBERi0xLjQK", "AttachmentFileName": "Narudzba_2020-1.pdf", "AttachmentMimeType": "application/pdf"}})
	})
	a, err := f.client().OrderPDF(t.Context(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Data) != "%PDF-1.4\n" || a.FileName != "Narudzba_2020-1.pdf" || a.MimeType != "application/pdf" {
		t.Errorf("attachment = %+v", a)
	}
	for _, body := range []string{`{}`, `[]`, ``, `{"Data":{"AttachmentData":"%%%"}}`} {
		if _, err := parseAttachment("op", []byte(body)); err == nil {
			t.Errorf("parseAttachment(%q) succeeded", body)
		}
	}
}

func TestOrderSyncCandidates(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/synccandidates", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{
			{"ID": 7, "RecordDtModified": "2026-11-24T08:15:00.123", "RowVersion": "AAAB"},
		}, "TotalRows": 1, "CurrentPageNumber": 1, "PageSize": 300})
	})
	since := time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
	var got []SyncCandidate
	for sc, err := range f.client().OrderSyncCandidates(t.Context(), since) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, sc)
	}
	if len(got) != 1 || *got[0].ID != 7 || got[0].RecordDtModified.String() != "2026-11-24T08:15:00.123" {
		t.Errorf("candidates = %+v", got)
	}
	// 08:00 UTC is 09:00 on the organisation's (Central European) clock.
	want := "GET /api/orgs/3840/orders/synccandidates?CurrentPage=1&PageSize=300&RecordDtModifiedFrom=2026-11-24T09%3A00%3A00"
	if r := f.requests(); len(r) != 1 || r[0] != want {
		t.Errorf("requests = %q, want [%q]", r, want)
	}
}

func TestErrorKinds(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	// No 401 here: Minimax answers it to a token it refuses, which stops the
	// client asking for tokens for a while (TestFreshTokenRefusedStopsGranting).
	status := map[int64]int{1: 404, 3: 429, 4: 409, 5: 400}
	for id, code := range status {
		f.handle(fmt.Sprintf("GET /api/orgs/3840/orders/%d", id), func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, code, map[string]any{"Message": "no", "ModelState": map[string][]string{"order.Date": {"The Date field is required."}}})
		})
	}
	c := f.client(WithRetryPolicy(RetryPolicy{}))
	want := map[int64]error{1: ErrNotFound, 3: ErrRateLimited, 4: ErrConflict, 5: ErrValidation}
	for id, kind := range want {
		_, err := c.GetOrder(t.Context(), id)
		if !errors.Is(err, kind) {
			t.Errorf("status %d: %v does not match %v", status[id], err, kind)
		}
	}
	_, err := c.GetOrder(t.Context(), 5)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || len(apiErr.Fields) != 1 || apiErr.Fields[0].Field != "order.Date" {
		t.Errorf("validation error = %#v, want the ModelState field", apiErr)
	}
}
