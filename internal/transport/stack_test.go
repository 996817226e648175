package transport_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/retry"
)

const (
	apiHost = "api.test"
	apiURL  = "https://api.test/v1/things"
	token   = "secret"
)

// promptly is the generous upper bound for "returned without waiting out a
// long back-off". No test asserts anything tighter about wall-clock time.
const promptly = 5 * time.Second

func authorize(r *http.Request) error {
	r.Header.Set("Authorization-Token", token)
	return nil
}

// fastPolicy retries quickly: waits of 1 ms doubling up to 5 ms, Retry-After
// capped at 1 ms, and plenty of total budget.
func fastPolicy(retries int) retry.Policy {
	return retry.Policy{
		MaxRetries:    retries,
		MinWait:       time.Millisecond,
		MaxWait:       5 * time.Millisecond,
		MaxRetryAfter: time.Millisecond,
		MaxTotalWait:  time.Second,
	}
}

// newMock returns a parallel-safe mock transport that reports (but does not
// abort on, as responders may run on another goroutine) unexpected requests.
func newMock(t *testing.T) *httpmock.MockTransport {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewNotFoundResponder(t.Error))
	return mt
}

func newClient(t testing.TB, cfg transport.Config) *http.Client {
	t.Helper()
	if cfg.Host == "" {
		cfg.Host = apiHost
	}
	if cfg.Authorize == nil {
		cfg.Authorize = authorize
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "ua"
	}
	rt, err := transport.New(cfg)
	if err != nil {
		t.Fatalf("transport.New: %v", err)
	}
	return &http.Client{Transport: rt}
}

// sequence answers with rs[0] on the first call, rs[1] on the second, and
// the last one on every call after that.
func sequence(rs ...httpmock.Responder) httpmock.Responder {
	var n atomic.Int64
	return func(req *http.Request) (*http.Response, error) {
		i := int(n.Add(1)) - 1
		return rs[min(i, len(rs)-1)](req)
	}
}

func status(code int, header ...string) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(code, fmt.Sprintf("status %d", code))
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		resp.Request = req
		return resp, nil
	}
}

func do(t *testing.T, c *http.Client, method, u string, body io.Reader) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if resp != nil {
		t.Cleanup(func() { _ = resp.Body.Close() })
	}
	return resp, err
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return string(b)
}

func TestRetryByMethodAndStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		method     string
		answers    []httpmock.Responder
		wantCalls  int
		wantStatus int
	}{
		{"GET 503 then 200", http.MethodGet, []httpmock.Responder{status(503), status(200)}, 2, 200},
		// Retry-After: 1 would wait a second; MaxRetryAfter (1 ms) caps it.
		{"GET 429 Retry-After 1 then 200", http.MethodGet, []httpmock.Responder{status(429, "Retry-After", "1"), status(200)}, 2, 200},
		{"GET 500 then 502 then 200", http.MethodGet, []httpmock.Responder{status(500), status(502), status(200)}, 3, 200},
		{"HEAD 504 then 200", http.MethodHead, []httpmock.Responder{status(504), status(200)}, 2, 200},
		{"OPTIONS 503 then 204", http.MethodOptions, []httpmock.Responder{status(503), status(204)}, 2, 204},
		{"PUT 502 then 200", http.MethodPut, []httpmock.Responder{status(502), status(200)}, 2, 200},
		{"DELETE 502 then 204", http.MethodDelete, []httpmock.Responder{status(502), status(204)}, 2, 204},
		{"POST 500 not retried", http.MethodPost, []httpmock.Responder{status(500), status(201)}, 1, 500},
		{"POST 503 not retried", http.MethodPost, []httpmock.Responder{status(503), status(201)}, 1, 503},
		{"POST 429 retried", http.MethodPost, []httpmock.Responder{status(429), status(201)}, 2, 201},
		{"PATCH 502 not retried", http.MethodPatch, []httpmock.Responder{status(502), status(200)}, 1, 502},
		{"PATCH 429 retried", http.MethodPatch, []httpmock.Responder{status(429, "Retry-After", "2"), status(200)}, 2, 200},
		{"GET 501 not retried", http.MethodGet, []httpmock.Responder{status(501), status(200)}, 1, 501},
		{"GET 404 not retried", http.MethodGet, []httpmock.Responder{status(404), status(200)}, 1, 404},
		{"GET 400 not retried", http.MethodGet, []httpmock.Responder{status(400), status(200)}, 1, 400},
		{"GET 200 first time", http.MethodGet, []httpmock.Responder{status(200)}, 1, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mt := newMock(t)
			mt.RegisterResponder(tt.method, apiURL, sequence(tt.answers...))
			c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(3)})

			start := time.Now()
			resp, err := do(t, c, tt.method, apiURL, nil)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if elapsed := time.Since(start); elapsed > promptly {
				t.Errorf("took %v; Retry-After should have been capped by MaxRetryAfter", elapsed)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := mt.GetTotalCallCount(); got != tt.wantCalls {
				t.Errorf("calls = %d, want %d", got, tt.wantCalls)
			}
		})
	}
}

// A Retry-After of an hour is capped by MaxRetryAfter end to end, not just in
// the policy's arithmetic (see TestWait for the unit view).
func TestRetryAfterCappedEndToEnd(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(429, "Retry-After", "3600"), status(200)))
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(2)})

	start := time.Now()
	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > promptly {
		t.Fatalf("took %v; Retry-After: 3600 was not capped", elapsed)
	}
	if resp.StatusCode != 200 || mt.GetTotalCallCount() != 2 {
		t.Errorf("status %d after %d calls, want 200 after 2", resp.StatusCode, mt.GetTotalCallCount())
	}
}

// httpmock answers without ever dialling, so httptrace's GotConn never fires
// and the stack sees every mocked connection error as "never reached the
// server". That makes it safe to repeat even a POST, so here POST is retried
// exactly like GET. TestConnectionDroppedAfterRequest covers the other case
// with a real connection.
func TestMockedConnectionErrorRetried(t *testing.T) {
	t.Parallel()
	errDial := errors.New("dial tcp: connection refused")
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			mt := newMock(t)
			mt.RegisterResponder(method, apiURL, httpmock.NewErrorResponder(errDial))
			c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(2)})

			_, err := do(t, c, method, apiURL, strings.NewReader(`{"a":1}`))
			if !errors.Is(err, errDial) {
				t.Errorf("err = %v, want it to wrap %v", err, errDial)
			}
			if got := mt.GetTotalCallCount(); got != 3 {
				t.Errorf("calls = %d, want 3 (1 + MaxRetries)", got)
			}
		})
	}
}

func TestMockedConnectionErrorThenSuccess(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodPost, apiURL, sequence(httpmock.NewErrorResponder(errors.New("connection refused")), status(201)))
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(2)})
	resp, err := do(t, c, http.MethodPost, apiURL, strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 || mt.GetTotalCallCount() != 2 {
		t.Errorf("status %d after %d calls, want 201 after 2", resp.StatusCode, mt.GetTotalCallCount())
	}
}

// A server that reads the whole request and then drops the connection
// without answering: the request got a connection (GotConn fired), so a POST
// may have had its effect and must not be repeated, while a GET may.
func TestConnectionDroppedAfterRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method    string
		wantCalls int64
	}{
		{http.MethodPost, 1},
		{http.MethodPatch, 1},
		{http.MethodGet, 3},
		{http.MethodPut, 3},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				_, _ = io.Copy(io.Discard, r.Body)
				conn, _, err := http.NewResponseController(w).Hijack()
				if err != nil {
					t.Errorf("hijack: %v", err)
					return
				}
				_ = conn.Close()
			}))
			t.Cleanup(srv.Close)
			base := &http.Transport{}
			t.Cleanup(base.CloseIdleConnections)
			c := newClient(t, transport.Config{Base: base, Retry: fastPolicy(2)})

			_, err := do(t, c, tt.method, srv.URL+"/x", strings.NewReader(`{"a":1}`))
			if err == nil {
				t.Fatal("want an error for a dropped connection")
			}
			if got := calls.Load(); got != tt.wantCalls {
				t.Errorf("server saw %d requests, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestRetriesExhaustedReturnLastResponse(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	var n atomic.Int64
	mt.RegisterResponder(http.MethodGet, apiURL, func(req *http.Request) (*http.Response, error) {
		return httpmock.NewStringResponse(503, fmt.Sprintf("busy %d", n.Add(1))), nil
	})
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(2)})

	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatalf("err = %v, want the last response and no error", err)
	}
	if resp.StatusCode != 503 {
		t.Errorf("status = %d, want 503", resp.StatusCode)
	}
	if got := readBody(t, resp); got != "busy 3" {
		t.Errorf("body = %q, want the last answer's %q", got, "busy 3")
	}
	if got := mt.GetTotalCallCount(); got != 3 {
		t.Errorf("calls = %d, want 3", got)
	}
}

// With waits of 1 ms, 2 ms, 4 ms, ... and MaxTotalWait 3 ms, the third retry
// (4 ms more) would pass the budget, so only two retries are made although
// MaxRetries allows ten.
func TestMaxTotalWaitStopsRetries(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, status(503))
	p := retry.Policy{MaxRetries: 10, MinWait: time.Millisecond, MaxWait: time.Second, MaxRetryAfter: time.Second, MaxTotalWait: 3 * time.Millisecond}
	c := newClient(t, transport.Config{Base: mt, Retry: p})

	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 503 {
		t.Errorf("status = %d, want 503", resp.StatusCode)
	}
	if got := mt.GetTotalCallCount(); got != 3 {
		t.Errorf("calls = %d, want 3", got)
	}
}

// A Retry-After beyond MaxTotalWait means no retry at all: the 429 comes back.
func TestRetryAfterBeyondMaxTotalWait(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(429, "Retry-After", "3600"), status(200)))
	p := retry.Policy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Hour, MaxTotalWait: time.Minute}
	c := newClient(t, transport.Config{Base: mt, Retry: p})

	start := time.Now()
	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > promptly {
		t.Errorf("waited although the wait would pass MaxTotalWait")
	}
	if resp.StatusCode != 429 || mt.GetTotalCallCount() != 1 {
		t.Errorf("status %d after %d calls, want 429 after 1", resp.StatusCode, mt.GetTotalCallCount())
	}
}

func TestMaxRetriesZeroMeansOneTry(t *testing.T) {
	t.Parallel()
	for _, p := range []retry.Policy{fastPolicy(0), {}} {
		t.Run(fmt.Sprintf("%+v", p), func(t *testing.T) {
			t.Parallel()
			mt := newMock(t)
			mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(503), status(200)))
			c := newClient(t, transport.Config{Base: mt, Retry: p})
			resp, err := do(t, c, http.MethodGet, apiURL, nil)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 503 || mt.GetTotalCallCount() != 1 {
				t.Errorf("status %d after %d calls, want 503 after 1", resp.StatusCode, mt.GetTotalCallCount())
			}
		})
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, func(req *http.Request) (*http.Response, error) {
		// Cancel once the stack has had time to start its hour-long wait.
		time.AfterFunc(20*time.Millisecond, cancel)
		return status(429, "Retry-After", "3600")(req)
	})
	p := retry.Policy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Hour, MaxTotalWait: 2 * time.Hour}
	c := newClient(t, transport.Config{Base: mt, Retry: p})

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	resp, err := c.Do(req)
	if resp != nil {
		_ = resp.Body.Close()
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > promptly {
		t.Errorf("returned after %v, want promptly after cancellation", elapsed)
	}
	if got := mt.GetTotalCallCount(); got != 1 {
		t.Errorf("calls = %d, want 1", got)
	}
}

func TestBodyResentOnRetry(t *testing.T) {
	t.Parallel()
	const body = `{"name":"widget","qty":3}`
	var (
		mu     sync.Mutex
		bodies []string
		sizes  []int64
	)
	mt := newMock(t)
	mt.RegisterResponder(http.MethodPost, apiURL, sequence(
		func(req *http.Request) (*http.Response, error) {
			b, _ := io.ReadAll(req.Body)
			mu.Lock()
			bodies, sizes = append(bodies, string(b)), append(sizes, req.ContentLength)
			mu.Unlock()
			return status(429)(req)
		},
		func(req *http.Request) (*http.Response, error) {
			b, _ := io.ReadAll(req.Body)
			mu.Lock()
			bodies, sizes = append(bodies, string(b)), append(sizes, req.ContentLength)
			mu.Unlock()
			return status(201)(req)
		},
	))
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(3)})

	resp, err := do(t, c, http.MethodPost, apiURL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 {
		t.Errorf("status = %d, want 201", resp.StatusCode)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{body, body}, bodies); diff != "" {
		t.Errorf("bodies sent (-want +got):\n%s", diff)
	}
	n := int64(len(body))
	if diff := cmp.Diff([]int64{n, n}, sizes); diff != "" {
		t.Errorf("Content-Length sent (-want +got):\n%s", diff)
	}
}

// closeRecorder is a request body that remembers being closed.
type closeRecorder struct {
	io.Reader
	closed atomic.Bool
}

func (c *closeRecorder) Close() error { c.closed.Store(true); return nil }

// RoundTripper contract: "RoundTrip must always close the body, including on
// errors". The stack reads the body into memory for retries and sends a copy.
func TestRequestBodyClosed(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodPost, apiURL, status(201))
	rt, err := transport.New(transport.Config{Base: mt, Host: apiHost, Authorize: authorize, Retry: fastPolicy(1)})
	if err != nil {
		t.Fatal(err)
	}
	body := &closeRecorder{Reader: strings.NewReader("payload")}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, apiURL, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if !body.closed.Load() {
		t.Error("the stack never closes the caller's request body on success (RoundTripper contract)")
	}
}

func TestAuthorizeOnlyConfiguredHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url       string
		wantToken string
	}{
		{"https://api.test/v1/x", token},
		{"http://api.test/v1/x", ""}, // a downgrade to plain http gets no credentials
		{"https://API.Test/v1/x", token},
		{"https://other.test/v1/x", ""},
		{"https://api.test:8443/v1/x", ""},
		{"https://evil.api.test/v1/x", ""},
		{"https://api.test.evil/v1/x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			var got atomic.Value
			mt := httpmock.NewMockTransport()
			mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
				got.Store(req.Header.Get("Authorization-Token"))
				return httpmock.NewStringResponse(200, "{}"), nil
			})
			c := newClient(t, transport.Config{Base: mt, Scheme: "https", Retry: fastPolicy(0)})
			if _, err := do(t, c, http.MethodGet, tt.url, nil); err != nil {
				t.Fatal(err)
			}
			if got.Load() != tt.wantToken {
				t.Errorf("Authorization-Token = %q, want %q", got.Load(), tt.wantToken)
			}
		})
	}
}

func TestNoHostNoAuthorization(t *testing.T) {
	t.Parallel()
	var called atomic.Bool
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, status(200))
	rt, err := transport.New(transport.Config{Base: mt, Authorize: func(*http.Request) error { called.Store(true); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := do(t, &http.Client{Transport: rt}, http.MethodGet, apiURL, nil); err != nil {
		t.Fatal(err)
	}
	if called.Load() {
		t.Error("Authorize was called although Host is empty")
	}
}

// Server A (the configured Host) redirects to server B on another host. The
// caller's client follows the redirect through the stack again, and B must
// not see the credentials.
func TestRedirectToOtherHostDropsCredentials(t *testing.T) {
	t.Parallel()
	type seen struct{ Token, UA string }
	var (
		mu       sync.Mutex
		atA, atB []seen
	)
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		atB = append(atB, seen{r.Header.Get("Authorization-Token"), r.UserAgent()})
		mu.Unlock()
		_, _ = io.WriteString(w, "landed")
	}))
	t.Cleanup(b.Close)
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		atA = append(atA, seen{r.Header.Get("Authorization-Token"), r.UserAgent()})
		mu.Unlock()
		http.Redirect(w, r, b.URL+"/landing", http.StatusFound)
	}))
	t.Cleanup(a.Close)
	aURL, _ := url.Parse(a.URL)
	base := &http.Transport{}
	t.Cleanup(base.CloseIdleConnections)
	c := newClient(t, transport.Config{Base: base, Host: aURL.Host, Retry: fastPolicy(0)})

	resp, err := do(t, c, http.MethodGet, a.URL+"/start", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || readBody(t, resp) != "landed" {
		t.Errorf("redirect not followed: status %d", resp.StatusCode)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]seen{{token, "ua"}}, atA); diff != "" {
		t.Errorf("server A saw (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]seen{{"", "ua"}}, atB); diff != "" {
		t.Errorf("server B saw (-want +got):\n%s", diff)
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, callerUA, configUA, want string
	}{
		{"absent gets the configured one", "", "planbridge/1", "planbridge/1"},
		{"caller's own is kept", "mine/2", "planbridge/1", "mine/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got atomic.Value
			mt := newMock(t)
			mt.RegisterResponder(http.MethodGet, apiURL, func(req *http.Request) (*http.Response, error) {
				got.Store(req.Header.Get("User-Agent"))
				return httpmock.NewStringResponse(200, ""), nil
			})
			c := newClient(t, transport.Config{Base: mt, UserAgent: tt.configUA})
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, apiURL, nil)
			if tt.callerUA != "" {
				req.Header.Set("User-Agent", tt.callerUA)
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			if got.Load() != tt.want {
				t.Errorf("User-Agent = %q, want %q", got.Load(), tt.want)
			}
		})
	}
}

func TestCallerRequestNotMutated(t *testing.T) {
	t.Parallel()
	var sent atomic.Value
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(503), func(req *http.Request) (*http.Response, error) {
		sent.Store(req.Header.Clone())
		return status(200)(req)
	}))
	rt, err := transport.New(transport.Config{Base: mt, Host: apiHost, Authorize: authorize, UserAgent: "ua", Retry: fastPolicy(2)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Keep", "1")
	wantHeader := req.Header.Clone()
	wantURL := req.URL.String()

	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()

	if diff := cmp.Diff(wantHeader, req.Header); diff != "" {
		t.Errorf("caller's header changed (-want +got):\n%s", diff)
	}
	if req.Context() != ctx {
		t.Error("caller's request context was replaced")
	}
	if req.URL.String() != wantURL {
		t.Errorf("caller's URL changed to %s", req.URL)
	}
	got, _ := sent.Load().(http.Header)
	want := http.Header{"X-Keep": {"1"}, "Authorization-Token": {token}, "User-Agent": {"ua"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("header sent on the retry (-want +got):\n%s", diff)
	}
}

func TestAuthorizeErrorStopsRequest(t *testing.T) {
	t.Parallel()
	errNoToken := errors.New("no token")
	mt := newMock(t)
	mt.RegisterResponder(http.MethodPost, apiURL, status(200))
	rt, err := transport.New(transport.Config{
		Base: mt, Host: apiHost, Retry: fastPolicy(3),
		Authorize: func(*http.Request) error { return errNoToken },
	})
	if err != nil {
		t.Fatal(err)
	}
	body := &closeRecorder{Reader: strings.NewReader("payload")}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, apiURL, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := rt.RoundTrip(req)
	if resp != nil {
		t.Errorf("got a response %v with the error", resp.Status)
	}
	if !errors.Is(err, errNoToken) {
		t.Errorf("err = %v, want %v", err, errNoToken)
	}
	if got := mt.GetTotalCallCount(); got != 0 {
		t.Errorf("calls = %d, want 0", got)
	}
	if !body.closed.Load() {
		t.Error("request body not closed after an Authorize error")
	}

	// Through a client the error surfaces wrapped in *url.Error.
	_, err = do(t, &http.Client{Transport: rt}, http.MethodGet, apiURL, nil)
	if !errors.Is(err, errNoToken) {
		t.Errorf("client err = %v, want %v", err, errNoToken)
	}
}

func TestNewRejectsBadPolicy(t *testing.T) {
	t.Parallel()
	rt, err := transport.New(transport.Config{Retry: retry.Policy{MaxRetries: -1}})
	if err == nil || rt != nil {
		t.Errorf("New = (%v, %v), want (nil, error)", rt, err)
	}
}

// countingRT counts the tries that reach the layer Under installs.
type countingRT struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (c *countingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(req)
}

func TestUnderSeesEveryTry(t *testing.T) {
	t.Parallel()
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(503), status(502), status(200)))
	counter := &countingRT{}
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(3), Under: func(next http.RoundTripper) http.RoundTripper {
		if next != mt {
			t.Errorf("Under got %T, want the caller's transport", next)
		}
		counter.next = next
		return counter
	}})
	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || counter.n.Load() != 3 {
		t.Errorf("status %d after %d tries seen by Under, want 200 after 3", resp.StatusCode, counter.n.Load())
	}
}

type budgetError struct{}

func (budgetError) Error() string   { return "budget exhausted" }
func (budgetError) Permanent() bool { return true }

// An error that says it is permanent is not retried, even for a GET.
func TestPermanentErrorNotRetried(t *testing.T) {
	t.Parallel()
	var tries atomic.Int64
	c := newClient(t, transport.Config{Retry: fastPolicy(3), Under: func(http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(*http.Request) (*http.Response, error) {
			tries.Add(1)
			return nil, fmt.Errorf("budget layer: %w", budgetError{})
		})
	}})
	_, err := do(t, c, http.MethodGet, apiURL, nil)
	var be budgetError
	if !errors.As(err, &be) {
		t.Errorf("err = %v, want a budgetError", err)
	}
	if got := tries.Load(); got != 1 {
		t.Errorf("tries = %d, want 1", got)
	}
}

func TestLoggerReceivesRetries(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	mt := newMock(t)
	mt.RegisterResponder(http.MethodGet, apiURL, sequence(status(503), status(200)))
	c := newClient(t, transport.Config{Base: mt, Retry: fastPolicy(1), Logger: logger})
	if _, err := do(t, c, http.MethodGet, apiURL, nil); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "retrying request") || !strings.Contains(out, "503") {
		t.Errorf("log lacks the retry:\n%s", out)
	}
	if strings.Contains(buf.String(), token) {
		t.Error("log contains the credentials")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// BenchmarkStackGet measures a GET through the whole stack (host guard,
// User-Agent, retry layer) to a local server answering 200 {}.
func BenchmarkStackGet(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, "{}")
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	base := &http.Transport{}
	defer base.CloseIdleConnections()
	c := newClient(b, transport.Config{Base: base, Host: u.Host, Retry: retry.DefaultPolicy()})
	target := srv.URL + "/v1/things"
	ctx := b.Context()

	b.ReportAllocs()
	for b.Loop() {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			b.Fatal(err)
		}
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

// When the context ends after an answer came, the caller gets the error
// alone and the answer's body is closed: a RoundTripper returns one or the
// other, and nobody else would close it.
func TestContextEndingAfterAnswerClosesIt(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	spy := &closeRecorder{Reader: strings.NewReader("{}")}
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		cancel()
		return &http.Response{StatusCode: 200, Body: spy, Header: http.Header{}, Request: req}, nil
	})
	rt, err := transport.New(transport.Config{Base: base, Retry: fastPolicy(2)})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+apiHost+"/v1/x", nil)
	resp, err := rt.RoundTrip(req)
	if resp != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("RoundTrip = %v, %v; want no response and context.Canceled", resp, err)
	}
	if !spy.closed.Load() {
		t.Error("the answer's body was left open")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
