package minimaxtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// noRetries keeps fault tests about the fake, not about the client's retries.
var noRetries = minimax.WithRetryPolicy(minimax.RetryPolicy{})

func newClient(t *testing.T, srv *minimaxtest.Server, opts ...minimax.Option) *minimax.Client {
	t.Helper()
	c, err := minimax.New(append(srv.ClientOptions(), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLockoutAfterWrongPasswords(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithLockoutAfter(2))
	wrong := srv.Credentials()
	wrong.Password = "not-it"
	token := func(creds minimax.Credentials) (int, string) {
		resp, err := http.PostForm(srv.TokenURL(), map[string][]string{
			"grant_type": {"password"}, "client_id": {creds.ClientID}, "client_secret": {creds.ClientSecret},
			"username": {creds.Username}, "password": {creds.Password}, "scope": {"minimax.si"}})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := token(srv.Credentials()); code != http.StatusOK {
		t.Fatalf("right password: %d", code)
	}
	for i := range 2 {
		if code, body := token(wrong); code != http.StatusBadRequest || !strings.Contains(body, "invalid_grant") {
			t.Fatalf("wrong password %d: %d %s", i+1, code, body)
		}
	}
	if !srv.Locked() {
		t.Fatal("not locked after two wrong passwords in a row")
	}
	if code, body := token(srv.Credentials()); code != http.StatusBadRequest || !strings.Contains(body, "locked") {
		t.Errorf("right password after the lockout: %d %s, want a refusal", code, body)
	}
	// The client stops at the first refusal, so it never locks the application.
	fresh := minimaxtest.NewServer(t, minimaxtest.WithLockoutAfter(2))
	c := newClient(t, fresh, minimax.WithCredentials(minimax.Credentials{ClientID: fresh.Credentials().ClientID,
		ClientSecret: fresh.Credentials().ClientSecret, Username: fresh.Credentials().Username, Password: "typo"}))
	for range 5 {
		if _, err := c.GetOrder(t.Context(), 1); !errors.Is(err, minimax.ErrCredentialsRefused) {
			t.Fatalf("call: %v, want ErrCredentialsRefused", err)
		}
	}
	if fresh.TokenRequests() != 1 || fresh.Locked() {
		t.Errorf("the client made %d token requests (locked: %v), want 1 and unlocked", fresh.TokenRequests(), fresh.Locked())
	}
}

func TestInvalidRequestsAreRefusedClearly(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv)
	api := c.API()
	org := srv.Organisation()
	tests := []struct {
		name, body, want string
	}{
		{"a string where the document wants a number", `{"ReceivedIssued":"P","Year":"twenty"}`, `/Year`},
		{"a missing customer, as the help page requires one", `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Currency":{"ID":7}}`, "order.Customer"},
		{"an unknown item on a row", `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Customer":{"ID":399631},"Currency":{"ID":7},"OrderRows":[{"Item":{"ID":1},"Quantity":1}]}`, "OrderRows[0].Item"},
		{"not JSON", `{"ReceivedIssued":`, "request body"},
	}
	for _, tt := range tests {
		resp, err := api.AddOrderWithBodyWithResponse(t.Context(), org, "application/json", strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode() != http.StatusBadRequest || !strings.Contains(string(resp.Body), tt.want) {
			t.Errorf("%s: %d %s, want 400 naming %s", tt.name, resp.StatusCode(), resp.Body, tt.want)
		}
	}
	resp, err := api.GetOrdersWithResponse(t.Context(), org, nil, func(_ context.Context, r *http.Request) error {
		r.URL.RawQuery = "Status=X"
		return nil
	})
	if err != nil || resp.StatusCode() != http.StatusBadRequest || !strings.Contains(string(resp.Body), "Status") {
		t.Errorf("bad enum in the query: %v %d %s", err, resp.StatusCode(), resp.Body)
	}
}

// recordingTB catches what strict mode reports, so a test can check that it
// reports at all.
type recordingTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestStrictModeFailsTheTest(t *testing.T) {
	t.Parallel()
	rec := &recordingTB{TB: t}
	srv := minimaxtest.NewServer(rec, minimaxtest.WithStrict())
	c := newClient(t, srv)
	resp, err := c.API().AddOrderWithBodyWithResponse(t.Context(), srv.Organisation(), "application/json", strings.NewReader(`{"Year":"x"}`))
	if err != nil || resp.StatusCode() != http.StatusBadRequest {
		t.Fatalf("%v %d", err, resp.StatusCode())
	}
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "invalid request to POST /api/orgs/{organisationId}/orders") {
		t.Errorf("strict mode reported %q", rec.errors)
	}
}

func TestFaultInjection(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv, noRetries)
	ctx := t.Context()
	get := func() error { _, err := c.GetOrder(ctx, 7870); return err }
	if err := get(); err != nil { // fetches the token too
		t.Fatal(err)
	}

	srv.FailNth(2, minimaxtest.Fault{Status: http.StatusServiceUnavailable})
	if err := get(); err != nil {
		t.Errorf("first request after FailNth(2): %v", err)
	}
	var apiErr *minimax.APIError
	if err := get(); !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("second request: %v, want the injected 503", err)
	}
	if err := get(); err != nil {
		t.Errorf("third request: %v", err)
	}

	srv.FailMatching(minimaxtest.Match{Method: "GET", Operation: "/api/orgs/{organisationId}/orders/{orderId}"},
		minimaxtest.Fault{Status: http.StatusInternalServerError}, 2)
	for i := range 2 {
		if err := get(); !errors.As(err, &apiErr) || apiErr.StatusCode != 500 {
			t.Errorf("matched request %d: %v, want 500", i+1, err)
		}
	}
	if err := get(); err != nil {
		t.Errorf("after the matching fault ran out: %v", err)
	}

	// A POST: the client never repeats one that may have reached the server.
	srv.FailNth(1, minimaxtest.Fault{Drop: true})
	if _, err := c.CreateOrder(ctx, minimax.Order{}); err == nil || errors.As(err, &apiErr) {
		t.Errorf("dropped connection: %v, want a transport error", err)
	}
	if n := srv.Count("POST /api/orgs/{organisationId}/orders"); n != 1 {
		t.Errorf("the dropped create reached the fake %d times, want 1", n)
	}

	srv.FailNth(1, minimaxtest.Fault{Delay: time.Hour})
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := c.GetOrder(short, 7870); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("delayed answer: %v, want the client's deadline", err)
	}

	srv.SetRateLimit(1, time.Hour, 90*time.Second)
	_ = get()
	err := get()
	if !errors.Is(err, minimax.ErrRateLimited) {
		t.Errorf("over the rate limit: %v, want ErrRateLimited", err)
	}
	srv.ClearFaults()
	if err := get(); err != nil {
		t.Errorf("after ClearFaults: %v", err)
	}
	raw, _ := http.NewRequest(http.MethodGet, srv.BaseURL()+"api/orgs/3840/orders/7870", nil)
	srv.SetRateLimit(1, time.Hour, 90*time.Second)
	for range 2 {
		resp, err := http.DefaultClient.Do(raw)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests && resp.Header.Get("Retry-After") != "90" {
			t.Errorf("Retry-After = %q, want 90", resp.Header.Get("Retry-After"))
		}
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv, noRetries)
	if _, err := c.GetOrder(t.Context(), 7870); err != nil {
		t.Fatal(err)
	}
	srv.SetLatency(time.Hour)
	short, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.GetOrder(short, 7870); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("with an hour of latency: %v, want the deadline", err)
	}
}

func TestRequestLogAndCounters(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv)
	for range 3 {
		if _, err := c.GetOrder(t.Context(), 7871); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.GetOrder(t.Context(), 1); !errors.Is(err, minimax.ErrNotFound) {
		t.Fatalf("missing order: %v", err)
	}
	if n := srv.Count("GET /api/orgs/{organisationId}/orders/{orderId}"); n != 4 {
		t.Errorf("Count = %d, want 4", n)
	}
	log := srv.Requests()
	last := log[len(log)-1]
	if last.Path != "/api/orgs/3840/orders/1" || last.Status != http.StatusNotFound || last.Method != "GET" {
		t.Errorf("last request = %+v", last)
	}
	srv.ResetLog()
	if len(srv.Requests()) != 0 || srv.Count("GET /api/orgs/{organisationId}/orders/{orderId}") != 0 {
		t.Error("ResetLog left entries")
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv)
	body := func(n int) []byte {
		b, _ := json.Marshal(map[string]any{"ReceivedIssued": "P", "Date": "2026-11-24T00:00:00", "Customer": map[string]any{"ID": 399631},
			"Currency": map[string]any{"ID": 7}, "Reference": fmt.Sprint("conc-", n),
			"OrderRows": []map[string]any{{"Item": map[string]any{"ID": 384501}, "Quantity": n + 1}}})
		return b
	}
	var wg sync.WaitGroup
	ids := make(chan int64, 40)
	for n := range 40 {
		wg.Go(func() {
			resp, err := c.API().AddOrderWithBodyWithResponse(t.Context(), srv.Organisation(), "application/json", bytes.NewReader(body(n)))
			if err != nil || resp.StatusCode() != http.StatusCreated {
				t.Errorf("create %d: %v", n, err)
				return
			}
			var id int64
			fmt.Sscanf(resp.HTTPResponse.Header.Get("Location")[strings.LastIndex(resp.HTTPResponse.Header.Get("Location"), "/")+1:], "%d", &id)
			ids <- id
			if _, err := c.GetOrder(t.Context(), id); err != nil {
				t.Errorf("read back %d: %v", id, err)
			}
		})
	}
	wg.Wait()
	close(ids)
	seen := map[int64]bool{}
	for id := range ids {
		if seen[id] {
			t.Errorf("ID %d given twice", id)
		}
		seen[id] = true
	}
	numbers := map[int32]bool{}
	for id := range seen {
		o, _ := srv.Order(id)
		if numbers[*o.Number] {
			t.Errorf("order number %d given twice", *o.Number)
		}
		numbers[*o.Number] = true
	}
	if len(seen) != 40 {
		t.Errorf("%d orders created, want 40", len(seen))
	}
}

func TestSeedFromJSON(t *testing.T) {
	t.Parallel()
	seed, err := minimaxtest.ParseSeed([]byte(`{"customers":[{"CustomerId":5,"Code":"ACME","Name":"Acme d.o.o."}],
		"orders":[{"OrderId":9,"ReceivedIssued":"P","Year":2026,"Number":1,"Date":"2026-01-05T00:00:00","Status":"P","Customer":{"ID":5}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	srv := minimaxtest.NewServer(t, minimaxtest.WithSeed(seed))
	c := newClient(t, srv)
	o, err := c.GetOrder(t.Context(), 9)
	if err != nil || *o.Status != "P" || o.RowVersion == nil {
		t.Fatalf("seeded order: %+v, %v", o, err)
	}
	cust, err := c.FindCustomerByCode(t.Context(), "acme")
	if err != nil || *cust.CustomerID != 5 {
		t.Errorf("seeded customer: %+v, %v", cust, err)
	}
	if _, err := minimaxtest.ParseSeed([]byte(`{"orders":[{"Date":"yesterday"}]}`)); err == nil || !strings.Contains(err.Error(), "Date") {
		t.Errorf("bad seed: %v, want an error naming Date", err)
	}
}

func TestSeedIsNotChanged(t *testing.T) {
	t.Parallel()
	seed := minimaxtest.DemoData()
	before, _ := json.Marshal(seed)
	a := minimaxtest.NewServer(t, minimaxtest.WithSeed(seed))
	b := minimaxtest.NewServer(t, minimaxtest.WithSeed(seed))
	after, _ := json.Marshal(seed)
	if !bytes.Equal(before, after) {
		t.Error("loading a seed changed it")
	}
	oa, _ := a.Order(7870)
	ob, _ := b.Order(7870)
	if (*oa.OrderRows)[0].OrderRowID == nil || ob.OrderRows == nil {
		t.Error("the fakes did not stamp their own copies")
	}
}
