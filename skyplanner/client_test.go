package skyplanner_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/internal/version"
	"github.com/planbridge/planbridge/skyplanner"
)

func TestTokenGoesOnlyToTheConfiguredHost(t *testing.T) {
	t.Parallel()
	type seen struct{ token, authorization string }
	var mu sync.Mutex
	var atTenant, atOther []seen
	note := func(list *[]seen, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		*list = append(*list, seen{r.Header.Get("Authorization-Token"), r.Header.Get("Authorization")})
	}

	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		note(&atOther, r)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"phaser-order":{"id":7,"number":"moved"}}`)
	}))
	t.Cleanup(other.Close)
	tenant := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		note(&atTenant, r)
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
	}))
	t.Cleanup(tenant.Close)

	c, err := skyplanner.New(skyplanner.WithBaseURL(tenant.URL+"/production-planning/api/v3"),
		skyplanner.WithToken(testToken), skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	order, err := c.GetOrder(t.Context(), 7)
	if err != nil {
		t.Fatalf("GetOrder through a redirect: %v", err)
	}
	if *order.Number != "moved" {
		t.Errorf("the redirect was not followed: got order %q", *order.Number)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(atTenant) != 1 || atTenant[0] != (seen{token: testToken}) {
		t.Errorf("the tenant saw %+v; want the token in Authorization-Token and no Authorization header", atTenant)
	}
	if len(atOther) != 1 || atOther[0] != (seen{}) {
		t.Errorf("the other host saw %+v; want no credentials at all", atOther)
	}
}

func TestTokenNeverInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	echo := fmt.Sprintf(`{"message":"token %[1]s is not valid","ModelState":{"%[1]s":["bad token %[1]s"]}}`, testToken)
	tests := []struct {
		name  string
		setup func(f *fakeAPI)
	}{
		{"error body echoes the token", func(f *fakeAPI) {
			f.reply(http.MethodGet, "/phaser-orders/1", http.StatusUnauthorized, echo)
		}},
		{"transport error mentions the token", func(f *fakeAPI) {
			f.mt.RegisterResponder(http.MethodGet, testBase+"/phaser-orders/1",
				httpmock.NewErrorResponder(fmt.Errorf("proxy refused header Authorization-Token: %s", testToken)))
		}},
		{"retried server errors", func(f *fakeAPI) {
			f.reply(http.MethodGet, "/phaser-orders/1", http.StatusServiceUnavailable, echo)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			f, c := newFake(t, skyplanner.WithLogger(logger),
				skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{MaxRetries: 1, MaxRetryAfter: time.Millisecond, MaxTotalWait: 1 << 62}))
			tt.setup(f)

			_, err := c.GetOrder(t.Context(), 1)
			if err == nil {
				t.Fatal("GetOrder succeeded; want an error")
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("error string has the token: %v", err)
			}
			if s := fmt.Sprintf("%+v", err); strings.Contains(s, testToken) {
				t.Errorf("formatted error has the token: %s", s)
			}
			var apiErr *skyplanner.APIError
			if errors.As(err, &apiErr) {
				if bytes.Contains(apiErr.Body, []byte(testToken)) || strings.Contains(fmt.Sprint(apiErr.Fields), testToken) {
					t.Errorf("APIError keeps the token: body %s, fields %v", apiErr.Body, apiErr.Fields)
				}
			}
			if strings.Contains(logs.String(), testToken) {
				t.Errorf("log has the token:\n%s", logs.String())
			}
			if logs.Len() == 0 {
				t.Error("nothing was logged, so the log check proves nothing")
			}
		})
	}
}

func TestUnauthorizedIsTyped(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/customers/1", http.StatusUnauthorized, `{"message":"bad token"}`)
	_, err := c.GetCustomer(t.Context(), 1)
	if !errors.Is(err, skyplanner.ErrUnauthorized) {
		t.Errorf("err = %v; want ErrUnauthorized", err)
	}
}

func TestWithSiteAddressesTheTenant(t *testing.T) {
	t.Parallel()
	// newFake uses WithSite("acme") and answers only under testBase.
	f, c := newFake(t)
	f.reply(http.MethodGet, "/customers/1", http.StatusOK, `{"customer":{"id":1}}`)
	if _, err := c.GetCustomer(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.only().Path; got != "/customers/1" {
		t.Errorf("path = %q", got)
	}

	// A site name is case-insensitive, as host names are.
	f2, c2 := newFake(t, skyplanner.WithSite("ACME"))
	f2.reply(http.MethodGet, "/customers/1", http.StatusOK, `{"customer":{"id":1}}`)
	if _, err := c2.GetCustomer(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
}

func TestUserAgentAndRequestEditor(t *testing.T) {
	t.Parallel()
	var edited []string
	f, c := newFake(t,
		skyplanner.WithUserAgent("erp-sync/2.1"),
		skyplanner.WithRequestEditor(func(_ context.Context, req *http.Request) error {
			edited = append(edited, req.Header.Get("Authorization-Token"))
			req.Header.Set("X-Trace", "abc")
			return nil
		}))
	f.reply(http.MethodGet, "/customers/1", http.StatusOK, `{"id":1}`)
	if _, err := c.GetCustomer(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	h := f.only().Header
	if h.Get("User-Agent") != "erp-sync/2.1 "+version.UserAgent || h.Get("X-Trace") != "abc" {
		t.Errorf("headers sent: %v", h)
	}
	if len(edited) != 1 || edited[0] != "" {
		t.Errorf("the editor ran %d times and saw token %q; want once, before the token is added", len(edited), edited)
	}

	stop := errors.New("stop here")
	f2, c2 := newFake(t, skyplanner.WithRequestEditor(func(context.Context, *http.Request) error { return stop }))
	if _, err := c2.GetCustomer(t.Context(), 1); !errors.Is(err, stop) {
		t.Errorf("err = %v; want the editor's error", err)
	}
	if n := len(f2.requests()); n != 0 {
		t.Errorf("%d requests sent after the editor failed", n)
	}
}

// An editor that sets the User-Agent replaces the client's: the escape
// hatch for whoever must send a header of their own.
func TestRequestEditorCanReplaceTheUserAgent(t *testing.T) {
	t.Parallel()
	f, c := newFake(t, skyplanner.WithUserAgent("erp-sync/2.1"),
		skyplanner.WithRequestEditor(func(_ context.Context, req *http.Request) error {
			req.Header.Set("User-Agent", "proxy-mandated/1")
			return nil
		}))
	f.reply(http.MethodGet, "/customers/1", http.StatusOK, `{"id":1}`)
	if _, err := c.GetCustomer(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.only().Header.Get("User-Agent"); got != "proxy-mandated/1" {
		t.Errorf("User-Agent %q, want the editor's", got)
	}
}

func TestHTTPClientIsNotChanged(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, testBase+"/customers/1", httpmock.NewStringResponder(http.StatusOK, `{"id":1}`).HeaderSet(http.Header{"Content-Type": {"application/json"}}))
	hc := &http.Client{Transport: mt}
	c, err := skyplanner.New(skyplanner.WithSite("acme"), skyplanner.WithToken(testToken), skyplanner.WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCustomer(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	if hc.Transport != mt || hc.CheckRedirect != nil || hc.Timeout != 0 {
		t.Errorf("the caller's http.Client was changed: %+v", hc)
	}
	if mt.GetTotalCallCount() != 1 {
		t.Errorf("the caller's transport saw %d calls, want 1", mt.GetTotalCallCount())
	}
	if c.API() == nil {
		t.Error("API() is nil")
	}
}

func TestAPIEscapeHatchIsAuthorised(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/workstations/3", http.StatusOK, `{"workstation":{"id":3}}`)
	resp, err := c.API().GetWorkstationWithResponse(t.Context(), 3)
	if err != nil || resp.StatusCode() != http.StatusOK {
		t.Fatalf("API().GetWorkstation: %v, %v", resp, err)
	}
	if got := f.only().Header.Get("Authorization-Token"); got != testToken {
		t.Errorf("Authorization-Token = %q through API()", got)
	}
}

func TestOptionValidation(t *testing.T) {
	t.Parallel()
	token := skyplanner.WithToken(testToken)
	site := skyplanner.WithSite("acme")
	tests := []struct {
		name string
		opts []skyplanner.Option
		want string // in the error
	}{
		{"no token", []skyplanner.Option{site}, "WithToken"},
		{"empty token", []skyplanner.Option{site, skyplanner.WithToken("")}, "WithToken"},
		{"blank token", []skyplanner.Option{site, skyplanner.WithToken("  ")}, "WithToken"},
		{"too short a token", []skyplanner.Option{site, skyplanner.WithToken("abc")}, "at least 8"},
		{"token with a line break", []skyplanner.Option{site, skyplanner.WithToken(testToken + "\r\nX-Evil: 1")}, "WithToken"},
		{"no tenant", []skyplanner.Option{token}, "WithSite or WithBaseURL"},
		{"site and base URL", []skyplanner.Option{token, site, skyplanner.WithBaseURL("https://example.com/api")}, "WithSite and WithBaseURL"},
		{"base URL and site", []skyplanner.Option{token, skyplanner.WithBaseURL("https://example.com/api"), site}, "WithSite and WithBaseURL"},
		{"empty site", []skyplanner.Option{token, skyplanner.WithSite("")}, "WithSite"},
		{"site with a dot", []skyplanner.Option{token, skyplanner.WithSite("acme.evil.example")}, "WithSite"},
		{"site with a slash", []skyplanner.Option{token, skyplanner.WithSite("acme/x")}, "WithSite"},
		{"site with a port", []skyplanner.Option{token, skyplanner.WithSite("acme:8080")}, "WithSite"},
		{"site with a hyphen first", []skyplanner.Option{token, skyplanner.WithSite("-acme")}, "WithSite"},
		{"site too long", []skyplanner.Option{token, skyplanner.WithSite(strings.Repeat("a", 64))}, "WithSite"},
		{"site with a space", []skyplanner.Option{token, skyplanner.WithSite("ac me")}, "WithSite"},
		{"relative base URL", []skyplanner.Option{token, skyplanner.WithBaseURL("/api/v3")}, "WithBaseURL"},
		{"base URL with a query", []skyplanner.Option{token, skyplanner.WithBaseURL("https://example.com/api?x=1")}, "WithBaseURL"},
		{"base URL not http", []skyplanner.Option{token, skyplanner.WithBaseURL("ftp://example.com/api")}, "WithBaseURL"},
		{"nil http client", []skyplanner.Option{token, site, skyplanner.WithHTTPClient(nil)}, "WithHTTPClient"},
		{"nil logger", []skyplanner.Option{token, site, skyplanner.WithLogger(nil)}, "WithLogger"},
		{"negative retries", []skyplanner.Option{token, site, skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{MaxRetries: -1})}, "WithRetryPolicy"},
		{"empty user agent", []skyplanner.Option{token, site, skyplanner.WithUserAgent("")}, "WithUserAgent"},
		{"user agent splitting the header", []skyplanner.Option{token, site, skyplanner.WithUserAgent("erp/1\r\nX-Evil: 1")}, "control character"},
		{"user agent not a product", []skyplanner.Option{token, site, skyplanner.WithUserAgent("erp@home")}, "WithUserAgent"},
		{"nil request editor", []skyplanner.Option{token, site, skyplanner.WithRequestEditor(nil)}, "WithRequestEditor"},
		{"nil option", []skyplanner.Option{token, site, nil}, "option 2 is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := skyplanner.New(tt.opts...)
			if err == nil {
				t.Fatalf("New succeeded (%v); want an error about %s", c, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("error %q has the token", err)
			}
		})
	}
}

func TestValidOptionsAreAccepted(t *testing.T) {
	t.Parallel()
	for _, opts := range [][]skyplanner.Option{
		{skyplanner.WithSite("acme"), skyplanner.WithToken("t0ken-abc")},
		{skyplanner.WithSite("a"), skyplanner.WithToken("t0ken-abc")},
		{skyplanner.WithSite("my-plant-2"), skyplanner.WithToken("t0ken-abc")},
		{skyplanner.WithSite(strings.Repeat("a", 63)), skyplanner.WithToken("t0ken-abc")},
		{skyplanner.WithBaseURL("http://127.0.0.1:8080/api/v3"), skyplanner.WithToken("t0ken-abc"),
			skyplanner.WithLogger(slog.Default()), skyplanner.WithRetryPolicy(skyplanner.DefaultRetryPolicy())},
	} {
		if _, err := skyplanner.New(opts...); err != nil {
			t.Errorf("New: %v", err)
		}
	}
}

func TestListIsLazyAndRepeatable(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/phaser-orders", http.StatusOK, `{"phaser-orders":[{"id":1},{"id":2},{"id":3}]}`)

	seq := c.ListOrders(t.Context(), skyplanner.OrderFilter{})
	if n := len(f.requests()); n != 0 {
		t.Fatalf("%d requests before ranging; want none", n)
	}
	orders, err := collect(t, seq)
	if err != nil || len(orders) != 3 {
		t.Fatalf("first range: %d orders, %v", len(orders), err)
	}
	for range seq {
		break // a consumer that stops early
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("%d requests after ranging twice; want one per range", n)
	}
}

func TestListYieldsOneErrorAndStops(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/workstages", http.StatusInternalServerError, `{"message":"boom"}`)
	n := 0
	var last error
	for w, err := range c.ListWorkstages(t.Context(), skyplanner.WorkstageFilter{}) {
		n++
		last = err
		if err == nil {
			t.Errorf("got workstage %+v before the error", w)
		}
	}
	if n != 1 || last == nil || !strings.Contains(last.Error(), "skyplanner.ListWorkstages") {
		t.Errorf("yielded %d values, last error %v; want exactly one error naming the operation", n, last)
	}
}

func TestListHonoursCancelledContext(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := collect(t, c.ListCustomers(ctx, skyplanner.CustomerFilter{}))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests with a cancelled context", n)
	}
}
