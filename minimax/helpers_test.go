package minimax

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testUser     = "ext-user"
	testPassword = "s3cret-pass"
	testSecret   = "client-s3cret"
	testOrg      = 3840
)

var testCreds = Credentials{ClientID: "planbridge", ClientSecret: testSecret, Username: testUser, Password: testPassword}

// fakeMinimax is a small stand-in for the service: a token endpoint and
// whatever API handlers a test registers, under /SI/API/ as the real paths.
type fakeMinimax struct {
	t          *testing.T
	srv        *httptest.Server
	tokenCalls atomic.Int64
	apiCalls   atomic.Int64
	tokenDelay time.Duration
	failTokens atomic.Int64 // answer this many token requests with 503
	expiresIn  int
	issued     atomic.Int64

	mu       sync.Mutex
	handlers map[string]http.HandlerFunc // "GET /api/orgs/3840/orders/1"
	seen     []string                    // API requests, "GET /path?query"
}

func newFake(t *testing.T) *fakeMinimax {
	t.Helper()
	f := &fakeMinimax{t: t, handlers: map[string]http.HandlerFunc{}, expiresIn: 3600}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeMinimax) handle(route string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handlers[route] = h
}

func (f *fakeMinimax) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.seen...)
}

func (f *fakeMinimax) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/SI/AUT/oauth20/token" {
		f.token(w, r)
		return
	}
	f.apiCalls.Add(1)
	path := strings.TrimPrefix(r.URL.Path, "/SI/API")
	if got := r.Header.Get("Authorization"); !strings.HasPrefix(got, "Bearer tok-") {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
		return
	}
	f.mu.Lock()
	f.seen = append(f.seen, r.Method+" "+path+queryOf(r))
	h := f.handlers[r.Method+" "+path]
	f.mu.Unlock()
	if h == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"Message": "No HTTP resource was found that matches the request URI."})
		return
	}
	h(w, r)
}

func queryOf(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}

func (f *fakeMinimax) token(w http.ResponseWriter, r *http.Request) {
	f.tokenCalls.Add(1)
	if f.failTokens.Add(-1) >= 0 {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
		return
	}
	if f.tokenDelay > 0 {
		time.Sleep(f.tokenDelay) // holds the flight open so concurrent callers pile up
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	form := r.PostForm
	if form.Get("grant_type") != "password" || form.Get("client_id") != testCreds.ClientID ||
		form.Get("client_secret") != testSecret || form.Get("scope") != DefaultScope {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_client"})
		return
	}
	if form.Get("username") != testUser || form.Get("password") != testPassword {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant", "error_description": "The user name or password is incorrect."})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": fmt.Sprintf("tok-%d", f.issued.Add(1)), "token_type": "bearer", "expires_in": f.expiresIn,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// fastRetries keeps retry tests quick; behaviour, not timing, is asserted.
var fastRetries = RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 4 * time.Millisecond,
	MaxRetryAfter: 10 * time.Millisecond, MaxTotalWait: time.Second}

// client builds a Client against the fake.
func (f *fakeMinimax) client(opts ...Option) *Client {
	f.t.Helper()
	base := []Option{
		WithBaseURL(f.srv.URL + "/SI/API/"), WithTokenURL(f.srv.URL + "/SI/AUT/oauth20/token"),
		WithCredentials(testCreds), WithOrganisation(testOrg), WithRetryPolicy(fastRetries),
	}
	c, err := New(append(base, opts...)...)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// sampleOrder is the vendor's example order, trimmed.
func sampleOrderJSON(id int64, rowVersion string) map[string]any {
	return map[string]any{
		"OrderId": id, "ReceivedIssued": "P", "Year": 2020, "Number": 1, "Date": "2020-01-01T00:00:00",
		"Customer": map[string]any{"ID": 399631, "Name": "Saop d.o.o."}, "Status": "P", "RowVersion": rowVersion,
		"OrderRows": []map[string]any{{"OrderRowId": 53530, "Item": map[string]any{"ID": 384501}, "Quantity": 5.0, "Price": 100.0}},
	}
}
