package skyplannertest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// base sets up a customer 1001, an order 5001 and a row 10001 of demo
// product 22220 (with its four jobs), through the API.
func base(t *testing.T, opts ...skyplannertest.Option) *skyplannertest.Server {
	t.Helper()
	srv := skyplannertest.NewServer(t, append([]skyplannertest.Option{skyplannertest.WithDemoData()}, opts...)...)
	for _, r := range []struct{ path, body string }{
		{"/customers", `{"name":"Saop d.o.o."}`},
		{"/phaser-orders", `{"production_planning_customer_id":1001,"number":"2026-1"}`},
		{"/phaser-order-rows", `{"phaser_order_id":5001,"production_planning_product_id":22220,"get_default_steps":true}`},
	} {
		if a := send(t, srv, "POST", r.path, r.body); a.status != 200 {
			t.Fatalf("POST %s = %d %s", r.path, a.status, a.body)
		}
	}
	return srv
}

// Requests the document or the vendor's rules forbid are answered 400 with
// a message that names what is wrong.
func TestInvalidRequests(t *testing.T) {
	t.Parallel()
	srv := base(t)
	tests := []struct {
		name, method, path, body string
		want                     []string // in the message
	}{
		{"string for an id", "POST", "/phaser-orders", `{"production_planning_customer_id":"1001"}`,
			[]string{"production_planning_customer_id", "must be an integer"}},
		{"no customer", "POST", "/phaser-orders", `{"number":"2026-9"}`,
			[]string{"production_planning_customer_id is required"}},
		{"unknown customer", "POST", "/phaser-orders", `{"production_planning_customer_id":4242}`,
			[]string{"production_planning_customer_id", "customer 4242 does not exist"}},
		{"slash in the number", "POST", "/phaser-orders", `{"production_planning_customer_id":1001,"number":"2026/1"}`,
			[]string{"number", `"2026/1"`, `"/"`}},
		{"slash in the number on update", "PUT", "/phaser-orders/5001", `{"number":"A/B"}`,
			[]string{"number", `"/"`}},
		{"row without order", "POST", "/phaser-order-rows", `{"amount":1}`,
			[]string{"phaser_order_id is required"}},
		{"row of an unknown order", "POST", "/phaser-order-rows", `{"phaser_order_id":77}`,
			[]string{"phaser_order_id", "phaser order 77 does not exist"}},
		{"row of an unknown product", "POST", "/phaser-order-rows", `{"phaser_order_id":5001,"production_planning_product_id":5}`,
			[]string{"production_planning_product_id", "product 5 does not exist"}},
		{"default steps without product", "POST", "/phaser-order-rows", `{"phaser_order_id":5001,"get_default_steps":true}`,
			[]string{"get_default_steps", "production_planning_product_id"}},
		{"row status outside the enum", "POST", "/phaser-order-rows", `{"phaser_order_id":5001,"status":"done"}`,
			[]string{"/status", "allowed values"}},
		{"job without workstage", "POST", "/phaser-jobs", `{"phaser_order_row_id":10001}`,
			[]string{"phaser_workstage_id is required"}},
		{"job of an unknown row", "POST", "/phaser-jobs", `{"phaser_order_row_id":1,"phaser_workstage_id":101}`,
			[]string{"phaser_order_row_id", "phaser order row 1 does not exist"}},
		{"job on an unknown workstation", "POST", "/phaser-jobs", `{"phaser_order_row_id":10001,"phaser_workstage_id":101,"workstations":"61,99"}`,
			[]string{"workstations", "workstation 99 does not exist"}},
		{"job with a malformed workstation list", "POST", "/phaser-jobs", `{"phaser_order_row_id":10001,"phaser_workstage_id":101,"workstations":"61,x"}`,
			[]string{"workstations", `"x"`}},
		{"step in an unknown workstage", "POST", "/products/jobs/22220", `{"order_number":9,"phaser_workstage_id":3}`,
			[]string{"phaser_workstage_id", "workstage 3 does not exist"}},
		{"step update without order_number", "PUT", "/products/jobs/22220", `{"duration":5}`,
			[]string{"order_number is required"}},
		{"step delete without order_number", "DELETE", "/products/jobs/22220", ``,
			[]string{"order_number"}},
		{"path id not a number", "GET", "/phaser-orders/abc", ``,
			[]string{`parameter "id"`, "invalid integer"}},
		{"condition outside the enum", "GET", "/phaser-order-rows?delivery_date=2026-12-01T00:00:00%2B01:00&delivery_date_condition=~", ``,
			[]string{"delivery_date_condition"}},
		{"bad date in a filter", "GET", "/phaser-orders?modified=yesterday", ``,
			[]string{`parameter "modified"`}},
		{"limit below 1", "GET", "/phaser-jobs?limit=0", ``,
			[]string{`parameter "limit"`}},
		{"not JSON", "POST", "/customers", `{"name":`,
			[]string{"request body"}},
		{"export of nothing", "POST", "/phaser-orders/export", `{"ids":[]}`,
			[]string{"ids is empty"}},
		{"export of an unknown order", "POST", "/phaser-orders/export", `{"ids":[5001,6]}`,
			[]string{"ids[1]", "phaser order 6 does not exist"}},
		{"export without ids", "POST", "/phaser-orders/export", `{}`,
			[]string{"ids"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := send(t, srv, tc.method, tc.path, tc.body)
			var body struct{ Message string }
			if err := json.Unmarshal([]byte(a.body), &body); err != nil {
				t.Fatalf("%s %s: body %q is not an error message: %v", tc.method, tc.path, a.body, err)
			}
			if a.status != 400 {
				t.Errorf("%s %s = %d %s, want 400", tc.method, tc.path, a.status, body.Message)
			}
			for _, w := range tc.want {
				if !strings.Contains(body.Message, w) {
					t.Errorf("message %q does not contain %q", body.Message, w)
				}
			}
		})
	}
	// Nothing invalid was stored.
	if n := len(srv.Orders()); n != 1 {
		t.Errorf("%d orders, want only the valid one", n)
	}
	if n := len(srv.Jobs()); n != 4 {
		t.Errorf("%d jobs, want the 4 default steps", n)
	}
	if o, _ := srv.Order(5001); *o.Number != "2026-1" {
		t.Errorf("order number %q after a refused update, want 2026-1", *o.Number)
	}
}

// The client reads the fake's refusals as validation errors.
func TestValidationThroughClient(t *testing.T) {
	t.Parallel()
	srv := base(t)
	c := newClient(t, srv)
	_, err := c.CreateOrder(t.Context(), skyplanner.Order{ProductionPlanningCustomerID: new(int64(31337))})
	var apiErr *skyplanner.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, skyplanner.ErrValidation) ||
		!strings.Contains(apiErr.Message, "customer 31337 does not exist") {
		t.Errorf("CreateOrder for a missing customer: %v, want a 400 naming the customer", err)
	}
	// The client's own check and the fake's agree on "/": send it past the
	// client through the generated API.
	resp, err := c.API().CreateOrderWithResponse(t.Context(), api.Order{ProductionPlanningCustomerID: new(int64(1001)), Number: new("a/b")})
	if err != nil || resp.StatusCode() != 400 {
		t.Errorf("generated CreateOrder with a slash: %v, %v; want 400", resp.StatusCode(), err)
	}
}

func TestAuth(t *testing.T) {
	t.Parallel()
	srv := skyplannertest.NewServer(t, skyplannertest.WithToken("right-token"))
	if srv.Token() != "right-token" {
		t.Fatalf("Token() = %q", srv.Token())
	}
	for _, tc := range []struct{ name, token, want string }{
		{"missing", "", "missing"},
		{"wrong", "wrong-token", "not valid"},
	} {
		a := send(t, srv, "GET", "/customers", "", tc.token)
		if a.status != 401 || !strings.Contains(a.body, tc.want) {
			t.Errorf("%s token: %d %s, want 401 saying %q", tc.name, a.status, a.body, tc.want)
		}
	}
	if a := send(t, srv, "GET", "/customers", "", "right-token"); a.status != 200 {
		t.Errorf("right token: %d %s", a.status, a.body)
	}
	c, err := skyplanner.New(skyplanner.WithBaseURL(srv.BaseURL()), skyplanner.WithToken("nope-wrong-token"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateCustomer(t.Context(), skyplanner.Customer{}); !errors.Is(err, skyplanner.ErrUnauthorized) {
		t.Errorf("client with a wrong token: %v, want ErrUnauthorized", err)
	}
	if n := len(srv.Customers()); n != 0 {
		t.Errorf("%d customers created without a valid token", n)
	}
	if n := srv.Count("GET /customers"); n != 3 {
		t.Errorf("Count(GET /customers) = %d, want 3 (refused requests count)", n)
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	ctx := t.Context()

	t.Run("FailNth", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		c := newClient(t, srv)
		srv.FailNth(2, skyplannertest.Fault{Status: 503})
		if _, err := c.GetOrder(ctx, 5001); err != nil {
			t.Fatalf("first request: %v", err)
		}
		_, err := c.GetOrder(ctx, 5001)
		var apiErr *skyplanner.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || !strings.Contains(apiErr.Message, "injected") {
			t.Errorf("second request: %v, want the injected 503", err)
		}
		if _, err := c.GetOrder(ctx, 5001); err != nil {
			t.Errorf("third request: %v, want it answered again", err)
		}
	})

	t.Run("FailMatching", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		c := newClient(t, srv)
		srv.FailMatching(skyplannertest.Match{Method: "GET", Operation: "/phaser-orders/{id}"}, skyplannertest.Fault{Status: 500}, 2)
		if ids := orderIDs(t, c, false); !slices.Equal(ids, []int64{5001}) {
			t.Errorf("ListOrders = %v; the fault is for another operation", ids)
		}
		var statuses []int
		for range 3 {
			_, err := c.GetOrder(ctx, 5001)
			var apiErr *skyplanner.APIError
			switch {
			case errors.As(err, &apiErr):
				statuses = append(statuses, apiErr.StatusCode)
			case err != nil:
				t.Fatal(err)
			default:
				statuses = append(statuses, 200)
			}
		}
		if want := []int{500, 500, 200}; !slices.Equal(statuses, want) {
			t.Errorf("GetOrder statuses = %v, want %v", statuses, want)
		}
	})

	t.Run("FailMatching for ever, then ClearFaults", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		c := newClient(t, srv)
		srv.FailMatching(skyplannertest.Match{Operation: "/phaser-jobs"}, skyplannertest.Fault{Status: 502}, -1)
		for range 3 {
			if _, err := c.GetJob(ctx, 20001); err == nil {
				t.Fatal("GetJob answered despite the fault")
			}
		}
		srv.ClearFaults()
		if _, err := c.GetJob(ctx, 20001); err != nil {
			t.Errorf("after ClearFaults: %v", err)
		}
	})

	// net/http repeats a GET whose reused connection closes without an
	// answer, so the dropping tests use a connection per request.
	fresh := skyplanner.WithHTTPClient(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}})

	t.Run("Drop", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		srv.FailNth(1, skyplannertest.Fault{Drop: true})
		_, err := newClient(t, srv, fresh).GetOrder(ctx, 5001)
		var apiErr *skyplanner.APIError
		if err == nil || errors.As(err, &apiErr) {
			t.Errorf("dropped request: %v, want a transport error", err)
		}
		// A client that retries gets through on the second try.
		srv.FailNth(1, skyplannertest.Fault{Drop: true})
		retrying := newClient(t, srv, fresh, skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{
			MaxRetries: 1, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Millisecond, MaxTotalWait: time.Second}))
		// The first drop is logged when the fake's handler ends, which may be
		// after the client saw the broken connection: wait for it.
		for len(srv.Requests()) == 0 {
			time.Sleep(time.Millisecond)
		}
		srv.ResetLog()
		if _, err := retrying.GetOrder(ctx, 5001); err != nil {
			t.Errorf("retrying client: %v", err)
		}
		var got []int
		for _, r := range srv.Requests() {
			got = append(got, r.Status)
		}
		if want := []int{0, 200}; !slices.Equal(got, want) {
			t.Errorf("statuses logged = %v, want %v (dropped, then answered)", got, want)
		}
	})

	t.Run("Drop in bare mode", func(t *testing.T) {
		t.Parallel()
		srv := base(t, skyplannertest.WithBareResponses())
		srv.FailNth(1, skyplannertest.Fault{Drop: true})
		if _, err := newClient(t, srv, fresh).GetOrder(ctx, 5001); err == nil {
			t.Error("dropped request answered")
		}
	})

	t.Run("Delay and a client that gives up", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		srv.FailMatching(skyplannertest.Match{Method: "GET"}, skyplannertest.Fault{Delay: time.Hour, Status: 500}, 1)
		giveUp(t, srv, func(ctx context.Context) error { _, err := newClient(t, srv).GetOrder(ctx, 5001); return err })
		if _, err := newClient(t, srv).GetOrder(ctx, 5001); err != nil {
			t.Errorf("after the delayed request: %v", err)
		}
	})

	t.Run("SetLatency", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		srv.SetLatency(time.Hour)
		giveUp(t, srv, func(ctx context.Context) error { _, err := newClient(t, srv).GetCustomer(ctx, 1001); return err })
		srv.ClearFaults()
		if _, err := newClient(t, srv).GetCustomer(ctx, 1001); err != nil {
			t.Errorf("after ClearFaults: %v", err)
		}
	})

	t.Run("SetRateLimit", func(t *testing.T) {
		t.Parallel()
		srv := base(t)
		srv.SetRateLimit(2, time.Hour, 30*time.Second)
		var statuses []int
		var retryAfter string
		for range 3 {
			a := send(t, srv, "GET", "/workstations", "")
			statuses = append(statuses, a.status)
			retryAfter = a.header.Get("Retry-After")
		}
		if want := []int{200, 200, 429}; !slices.Equal(statuses, want) || retryAfter != "30" {
			t.Errorf("statuses %v, Retry-After %q; want %v and 30", statuses, retryAfter, want)
		}
		if _, err := newClient(t, srv).GetCustomer(ctx, 1001); !errors.Is(err, skyplanner.ErrRateLimited) {
			t.Errorf("client over the limit: %v, want ErrRateLimited", err)
		}
		srv.SetRateLimit(0, 0, 0)
		if a := send(t, srv, "GET", "/workstations", ""); a.status != 200 {
			t.Errorf("after lifting the limit: %d", a.status)
		}
	})
}

// giveUp runs call with a context it cancels once the fake holds the
// request, and checks that the call ends with the cancellation and that the
// fake logs the request as unanswered.
func giveUp(t *testing.T, srv *skyplannertest.Server, call func(context.Context) error) {
	t.Helper()
	srv.ResetLog()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- call(ctx) }()
	// Cancel once the fake holds the request.
	for srv.InFlight() == 0 {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("the call returned before being cancelled: %v", err)
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled call: %v, want context.Canceled", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		reqs := srv.Requests()
		if len(reqs) == 1 && reqs[0].Status == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("request log %+v, want one unanswered request", reqs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	srv := base(t)
	c := newClient(t, srv)
	ctx := t.Context()
	if n := srv.Count("POST /phaser-order-rows"); n != 1 {
		t.Errorf("Count(POST /phaser-order-rows) = %d, want 1", n)
	}
	srv.ResetLog()
	if len(srv.Requests()) != 0 || len(srv.Counts()) != 0 {
		t.Fatal("ResetLog left entries")
	}
	_, _ = c.GetOrder(ctx, 5001, skyplanner.IncludeArchived())
	_, _ = c.GetOrder(ctx, 999)
	for range c.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: 10001}) {
	}
	want := []skyplannertest.Request{
		{Method: "GET", Path: "/phaser-orders/5001", Query: "include_archived=true", Operation: "GET /phaser-orders/{id}", Status: 200},
		{Method: "GET", Path: "/phaser-orders/999", Operation: "GET /phaser-orders/{id}", Status: 404},
		{Method: "GET", Path: "/phaser-jobs", Query: "phaser_order_row_id=10001", Operation: "GET /phaser-jobs", Status: 200},
	}
	if diff := cmp.Diff(want, srv.Requests()); diff != "" {
		t.Errorf("Requests (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"GET /phaser-orders/{id}": 2, "GET /phaser-jobs": 1}, srv.Counts()); diff != "" {
		t.Errorf("Counts (-want +got):\n%s", diff)
	}
}

// Many clients create rows at once: every row and job gets its own id.
func TestConcurrentRows(t *testing.T) {
	t.Parallel()
	srv := base(t)
	c := newClient(t, srv)
	const n = 40
	ids := make(chan int64, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			row, err := c.CreateOrderRow(t.Context(), skyplanner.OrderRow{PhaserOrderID: new(int64(5001)),
				ProductionPlanningProductID: new(int64(22221)), ExternalID: new(fmt.Sprint("row-", i))}, skyplanner.WithDefaultSteps())
			if err != nil {
				t.Error(err)
				return
			}
			ids <- *row.ID
		})
		wg.Go(func() { _ = srv.Jobs(); _, _ = srv.Order(5001) }) // readers alongside
	}
	wg.Wait()
	close(ids)
	seen := map[int64]bool{}
	for id := range ids {
		if seen[id] {
			t.Errorf("row id %d given twice", id)
		}
		seen[id] = true
	}
	if len(seen) != n || len(srv.OrderRows()) != n+1 {
		t.Errorf("%d rows answered, %d held; want %d and %d", len(seen), len(srv.OrderRows()), n, n+1)
	}
	jobIDs := map[int64]bool{}
	for _, j := range srv.Jobs() {
		jobIDs[*j.ID] = true
	}
	if len(jobIDs) != 4*(n+1) {
		t.Errorf("%d distinct job ids, want %d", len(jobIDs), 4*(n+1))
	}
	if srv.Count("POST /phaser-order-rows") != n+1 {
		t.Errorf("Count = %d, want %d", srv.Count("POST /phaser-order-rows"), n+1)
	}
}

// Lists honour the document's filters.
func TestFilters(t *testing.T) {
	t.Parallel()
	clk := newClock("2026-11-24T08:00:00+01:00")
	srv := base(t, skyplannertest.WithClock(clk.Now), skyplannertest.WithStrict())
	c := newClient(t, srv)
	ctx := t.Context()
	mk := func(ext string, delivery string, status skyplanner.OrderRowStatus) int64 {
		clk.Advance(time.Hour)
		d, err := api.ParseDateTime(delivery)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: new(int64(5001)), ExternalID: &ext, DeliveryDate: &d, Status: &status, Worknumber: new("W-" + ext)})
		if err != nil {
			t.Fatal(err)
		}
		return *r.ID
	}
	a := mk("a", "2026-12-01T08:00:00+01:00", skyplanner.OrderRowStatusNew)
	b := mk("b", "2026-12-10T08:00:00+01:00", skyplanner.OrderRowStatusStarted)
	cc := mk("c", "2026-12-20 08:00:00", skyplanner.OrderRowStatusNew) // naive: Zagreb wall clock
	if err := c.ArchiveOrderRow(ctx, b); err != nil {
		t.Fatal(err)
	}
	dec10 := time.Date(2026, 12, 10, 8, 0, 0, 0, srv.Location())
	rows := func(f skyplanner.OrderRowFilter, opts ...skyplanner.ReadOption) []int64 {
		var out []int64
		for r, err := range c.ListOrderRows(ctx, f, opts...) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, *r.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    skyplanner.OrderRowFilter
		opts []skyplanner.ReadOption
		want []int64
	}{
		{"all live", skyplanner.OrderRowFilter{OrderID: 5001}, nil, []int64{10001, a, cc}},
		{"archived too", skyplanner.OrderRowFilter{OrderID: 5001}, []skyplanner.ReadOption{skyplanner.IncludeArchived()}, []int64{10001, a, b, cc}},
		{"other order", skyplanner.OrderRowFilter{OrderID: 5002}, nil, nil},
		{"external id", skyplanner.OrderRowFilter{ExternalID: "c"}, nil, []int64{cc}},
		{"status", skyplanner.OrderRowFilter{Status: skyplanner.OrderRowStatusStarted}, []skyplanner.ReadOption{skyplanner.IncludeArchived()}, []int64{b}},
		{"worknumber", skyplanner.OrderRowFilter{Worknumber: "W-a"}, nil, []int64{a}},
		{"delivery default >=", skyplanner.OrderRowFilter{DeliveryDate: dec10}, []skyplanner.ReadOption{skyplanner.IncludeArchived()}, []int64{b, cc}},
		{"delivery <", skyplanner.OrderRowFilter{DeliveryDate: dec10, DeliveryDateCondition: skyplanner.ConditionLess}, nil, []int64{a}},
		{"delivery = in UTC", skyplanner.OrderRowFilter{DeliveryDate: dec10.UTC(), DeliveryDateCondition: skyplanner.ConditionEqual}, []skyplanner.ReadOption{skyplanner.IncludeArchived()}, []int64{b}},
		{"delivery !=", skyplanner.OrderRowFilter{DeliveryDate: dec10, DeliveryDateCondition: skyplanner.ConditionNotEqual}, nil, []int64{a, cc}},
		{"modified since", skyplanner.OrderRowFilter{ModifiedSince: clk.Now().Add(-time.Hour)}, []skyplanner.ReadOption{skyplanner.IncludeArchived()}, []int64{b, cc}},
		{"limit", skyplanner.OrderRowFilter{Limit: 2}, nil, []int64{10001, a}},
	} {
		if diff := cmp.Diff(tc.want, rows(tc.f, tc.opts...)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	// The naive delivery date was read in the fake's zone and is written
	// with its offset.
	if got := send(t, srv, "GET", fmt.Sprintf("/phaser-order-rows/%d", cc), "").body; !strings.Contains(got, `"delivery_date":"2026-12-20T08:00:00+01:00"`) {
		t.Errorf("row c = %s, want its delivery date at +01:00", got)
	}
	// modifiedCondition straight on the wire.
	q := "/phaser-order-rows?include_archived=true&modified=" + strings.ReplaceAll(clk.Now().Format(time.RFC3339), "+", "%2B") + "&modifiedCondition=%3C"
	var list struct {
		Rows []api.OrderRow `json:"phaser-order-rows"`
	}
	if err := json.Unmarshal([]byte(send(t, srv, "GET", q, "").body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Rows) != 2 {
		t.Errorf("rows modified before the last change = %d, want 2 (10001 and a)", len(list.Rows))
	}

	// Lookups by external id on every resource that has one.
	cust, err := c.CreateCustomer(ctx, skyplanner.Customer{ExternalID: new("cust-1")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.FindCustomerByExternalID(ctx, "cust-1"); err != nil || *got.ID != *cust.ID {
		t.Errorf("FindCustomerByExternalID = %v, %v", got.ID, err)
	}
	if _, err := c.FindCustomerByExternalID(ctx, "nobody"); !errors.Is(err, skyplanner.ErrNotFound) {
		t.Errorf("FindCustomerByExternalID(nobody) = %v, want ErrNotFound", err)
	}
	if got, err := c.FindWorkstageByExternalID(ctx, "brušenje"); err != nil || *got.ID != 102 {
		t.Errorf("FindWorkstageByExternalID(brušenje) = %v, %v; want 102", got.ID, err)
	}
	if got, err := c.FindWorkstationByExternalID(ctx, "lakirnica"); err != nil || *got.ID != 64 {
		t.Errorf("FindWorkstationByExternalID(lakirnica) = %v, %v; want 64", got.ID, err)
	}
	if got, err := c.FindOrderRowByExternalID(ctx, "a"); err != nil || *got.ID != a {
		t.Errorf("FindOrderRowByExternalID(a) = %v, %v", got.ID, err)
	}
	job, err := c.CreateJob(ctx, skyplanner.Job{PhaserOrderRowID: &a, PhaserWorkstageID: new(int64(104)), ExternalID: new("job-x")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.FindJobByExternalID(ctx, "job-x"); err != nil || *got.ID != *job.ID {
		t.Errorf("FindJobByExternalID = %v, %v", got.ID, err)
	}
	var products []string
	for p, err := range c.ListProducts(ctx, skyplanner.ProductFilter{Type: skyplanner.ProductTypeMaterial}) {
		if err != nil {
			t.Fatal(err)
		}
		products = append(products, *p.Code)
	}
	if len(products) != 0 {
		t.Errorf("materials = %v, want none in the demo data", products)
	}
}

// Records keep what the document does not model, never echo write-only
// fields, and PUT merges.
func TestRecords(t *testing.T) {
	t.Parallel()
	srv := base(t, skyplannertest.WithStrict())
	c := newClient(t, srv)
	ctx := t.Context()

	a := send(t, srv, "POST", "/phaser-order-rows", `{"phaser_order_id":5001,"production_planning_product_id":22224,"get_default_steps":true,"use_custom_materials":true,"colour":"oak","is_archive":true,"id":1}`)
	if a.status != 200 || strings.Contains(a.body, "get_default_steps") || strings.Contains(a.body, "use_custom_materials") {
		t.Errorf("create row = %d %s, want 200 without the write-only fields", a.status, a.body)
	}
	var created struct {
		Row api.OrderRow `json:"phaser-order-row"`
	}
	if err := json.Unmarshal([]byte(a.body), &created); err != nil {
		t.Fatal(err)
	}
	if *created.Row.ID == 1 || created.Row.Archived() || string(created.Row.AdditionalProperties["colour"]) != `"oak"` {
		t.Errorf("created row %+v: want a new id, not archived, colour kept", created.Row)
	}
	row, err := c.GetOrderRow(ctx, *created.Row.ID)
	if err != nil || string(row.AdditionalProperties["colour"]) != `"oak"` {
		t.Errorf("GetOrderRow: %+v, %v; want colour kept", row.AdditionalProperties, err)
	}

	// PUT merges: the description changes, the number stays.
	o, err := c.UpdateOrder(ctx, 5001, skyplanner.Order{Description: new("Rush")})
	if err != nil || *o.Number != "2026-1" || *o.Description != "Rush" || *o.ProductionPlanningCustomerID != 1001 {
		t.Errorf("UpdateOrder = %+v, %v; want the number kept and the description set", o, err)
	}

	// Customers are deleted for good.
	if err := c.DeleteCustomer(ctx, 1001); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCustomer(ctx, 1001); !errors.Is(err, skyplanner.ErrNotFound) {
		t.Errorf("GetCustomer after delete: %v, want ErrNotFound", err)
	}
	if _, ok := srv.Customer(1001); ok {
		t.Error("the fake still holds the deleted customer")
	}

	// A product comes with its stock record.
	p, err := c.CreateProduct(ctx, skyplanner.Product{Code: new("STOL-NOVI"), FreeAmount: new(7.0), Type: new(skyplanner.ProductTypeProduct)})
	if err != nil {
		t.Fatal(err)
	}
	var saldos []skyplanner.Saldo
	for s, err := range c.ListSaldos(ctx, skyplanner.SaldoFilter{ProductID: *p.ID}) {
		if err != nil {
			t.Fatal(err)
		}
		saldos = append(saldos, s)
	}
	if len(saldos) != 1 || *saldos[0].Amount != 7 {
		t.Fatalf("stock of the new product = %+v, want one record of 7", saldos)
	}
	if s, err := c.GetSaldo(ctx, *saldos[0].ID); err != nil || *s.ProductionPlanningProductID != *p.ID {
		t.Errorf("GetSaldo = %+v, %v", s, err)
	}

	// Default steps through the client's SetProductSteps.
	steps := []skyplanner.ProductStep{
		{OrderNumber: new(int32(1)), PhaserWorkstageID: new(int64(101)), Duration: new(60.0)},
		{OrderNumber: new(int32(2)), PhaserWorkstageID: new(int64(104)), Duration: new(120.0), Workstations: &api.Workstations{65}},
	}
	if err := c.SetProductSteps(ctx, *p.ID, steps); err != nil {
		t.Fatal(err)
	}
	steps[0].Duration = new(90.0)
	if err := c.SetProductSteps(ctx, *p.ID, steps[:1]); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(steps[:1], srv.ProductSteps(*p.ID)); diff != "" {
		t.Errorf("steps after the second SetProductSteps (-want +got):\n%s", diff)
	}

	// Copies: changing what an accessor returned changes nothing.
	held, _ := srv.Order(5001)
	*held.Number = "changed"
	if again, _ := srv.Order(5001); *again.Number != "2026-1" {
		t.Errorf("the fake's order changed through a copy: %q", *again.Number)
	}
}

// Seeds load from JSON; broken references are refused.
func TestParseSeed(t *testing.T) {
	t.Parallel()
	seed, err := skyplannertest.ParseSeed([]byte(`{
		"workstations": [{"id": 7, "name": "Saw"}],
		"workstages": [{"id": 3, "name": "Cut", "workstations": "7"}],
		"customers": [{"id": 1, "name": "ACME", "external_id": "acme"}],
		"products": [{"id": 9, "code": "P"}],
		"product-jobs": {"9": [{"order_number": 1, "phaser_workstage_id": 3, "duration": 60}]},
		"phaser-orders": [{"id": 2, "production_planning_customer_id": 1, "number": "X-1", "is_archive": true}],
		"phaser-order-rows": [{"id": 4, "phaser_order_id": 2, "production_planning_product_id": 9, "get_default_steps": true}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	srv := skyplannertest.NewServer(t, skyplannertest.WithSeed(seed))
	jobs := srv.Jobs()
	if len(jobs) != 1 || *jobs[0].PhaserOrderRowID != 4 || *jobs[0].Name != "Cut" {
		t.Errorf("jobs from the seeded row's default steps = %+v", jobs)
	}
	if o, ok := srv.Order(2); !ok || !o.Archived() {
		t.Errorf("seeded archived order: %+v, %v", o, ok)
	}
	if n := len(srv.Saldos()); n != 1 {
		t.Errorf("%d saldos, want the seeded product's one", n)
	}
	if a := send(t, srv, "GET", "/phaser-orders/2", ""); a.status != 404 {
		t.Errorf("GET of the seeded archived order = %d, want 404", a.status)
	}

	for _, bad := range []string{
		`{"phaser-orders": [{"production_planning_customer_id": 5}]}`,
		`{"phaser-jobs": [{"phaser_order_row_id": 5, "phaser_workstage_id": 1}]}`,
		`{"customers": [{"id": 1}, {"id": 1}]}`,
		`{"product-jobs": {"9": [{"order_number": 1}]}}`,
	} {
		seed, err := skyplannertest.ParseSeed([]byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if srv, err := skyplannertest.Start(skyplannertest.WithSeed(seed)); err == nil {
			srv.Close()
			t.Errorf("seed %s loaded, want an error", bad)
		}
	}
	if _, err := skyplannertest.ParseSeed([]byte(`{"customers": {}}`)); err == nil {
		t.Error("ParseSeed took a malformed seed")
	}
}

// The demo data lines up with the Minimax demo items by code.
func TestDemoData(t *testing.T) {
	t.Parallel()
	srv := skyplannertest.NewServer(t, skyplannertest.WithDemoData())
	var codes []string
	for _, p := range srv.Products() {
		codes = append(codes, *p.Code)
		if len(srv.ProductSteps(*p.ID)) < 3 {
			t.Errorf("product %s has %d default steps", *p.Code, len(srv.ProductSteps(*p.ID)))
		}
	}
	if want := []string{"STOL-HRAST", "STOL-BUKVA", "STOL-BLAG", "ORMAR-2V", "POLICA-80"}; !slices.Equal(codes, want) {
		t.Errorf("product codes = %v, want %v", codes, want)
	}
	var stages []string
	for _, ws := range srv.Workstages() {
		stages = append(stages, *ws.Name)
	}
	if want := []string{"Rezanje", "Brušenje", "Lakiranje", "Montaža"}; !slices.Equal(stages, want) {
		t.Errorf("workstages = %v, want %v", stages, want)
	}
	if n := len(srv.Workstations()); n != 5 {
		t.Errorf("%d workstations, want 5", n)
	}
}

// Dates are written in the fake's zone, with its offset.
func TestLocation(t *testing.T) {
	t.Parallel()
	clk := newClock("2026-07-01T12:00:00Z")
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		loc  *time.Location
		want string
	}{
		{nil, `"modified":"2026-07-01T14:00:00+02:00"`}, // Europe/Zagreb in summer
		{time.UTC, `"modified":"2026-07-01T12:00:00+00:00"`},
		{tokyo, `"modified":"2026-07-01T21:00:00+09:00"`},
	} {
		opts := []skyplannertest.Option{skyplannertest.WithClock(clk.Now), skyplannertest.WithStrict()}
		if tc.loc != nil {
			opts = append(opts, skyplannertest.WithLocation(tc.loc))
		}
		srv := skyplannertest.NewServer(t, opts...)
		if a := send(t, srv, "POST", "/customers", `{"name":"X"}`); !strings.Contains(a.body, tc.want) {
			t.Errorf("zone %v: %s, want %s", tc.loc, a.body, tc.want)
		}
	}
}
