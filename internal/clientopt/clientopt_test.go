package clientopt_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/version"
	"github.com/planbridge/planbridge/retry"
)

var fastRetry = retry.Policy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: time.Millisecond, MaxTotalWait: time.Second}

func authorize(r *http.Request) error {
	r.Header.Set("Authorization-Token", "secret")
	return nil
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	d := clientopt.Defaults()
	if d.UserAgent() != version.UserAgent || d.UserAgent() == "" {
		t.Errorf("UserAgent() = %q, want %q", d.UserAgent(), version.UserAgent)
	}
	if diff := cmp.Diff(retry.DefaultPolicy(), d.Retry); diff != "" {
		t.Errorf("Retry (-want +got):\n%s", diff)
	}
	if d.HTTPClient != nil || d.Logger != nil || d.BaseURL != nil || d.Editors != nil {
		t.Errorf("Defaults() = %+v, want no client, logger, base URL or editors", d)
	}
}

func TestSetHTTPClientCopies(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	jar, _ := cookiejar.New(nil)
	orig := &http.Client{Transport: mt, Timeout: 5 * time.Second, Jar: jar}
	var s clientopt.Common
	if err := s.SetHTTPClient(orig); err != nil {
		t.Fatal(err)
	}
	if s.HTTPClient == orig {
		t.Fatal("stored the caller's client itself, not a copy")
	}
	orig.Timeout = time.Second
	orig.Transport = http.DefaultTransport
	orig.Jar = nil
	if s.HTTPClient.Timeout != 5*time.Second || s.HTTPClient.Transport != mt || s.HTTPClient.Jar != jar {
		t.Errorf("stored client followed changes to the original: %+v", s.HTTPClient)
	}
}

func TestSettersRefuseBadValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		set  func(*clientopt.Common) error
	}{
		{"nil http client", func(s *clientopt.Common) error { return s.SetHTTPClient(nil) }},
		{"empty user agent", func(s *clientopt.Common) error { return s.AddApplication("") }},
		{"blank user agent", func(s *clientopt.Common) error { return s.AddApplication(" \t ") }},
		{"user agent with LF", func(s *clientopt.Common) error { return s.AddApplication("a\nX-Evil: 1") }},
		{"user agent with CR", func(s *clientopt.Common) error { return s.AddApplication("a\rb") }},
		{"user agent with CRLF", func(s *clientopt.Common) error { return s.AddApplication("a/1\r\n") }},
		{"nil logger", func(s *clientopt.Common) error { return s.SetLogger(nil) }},
		{"negative retries", func(s *clientopt.Common) error { return s.SetRetry(retry.Policy{MaxRetries: -1}) }},
		{"MaxWait below MinWait", func(s *clientopt.Common) error {
			return s.SetRetry(retry.Policy{MinWait: time.Second, MaxWait: time.Millisecond})
		}},
		{"negative duration", func(s *clientopt.Common) error { return s.SetRetry(retry.Policy{MaxTotalWait: -1}) }},
		{"nil editor", func(s *clientopt.Common) error { return s.AddEditor(nil) }},
		{"zero response limit", func(s *clientopt.Common) error { return s.SetMaxResponseBytes(0) }},
		{"negative response limit", func(s *clientopt.Common) error { return s.SetMaxResponseBytes(-1) }},
		{"relative base URL", func(s *clientopt.Common) error { return s.SetBaseURL("/v1/") }},
		{"base URL without scheme", func(s *clientopt.Common) error { return s.SetBaseURL("api.test/v1") }},
		{"ftp base URL", func(s *clientopt.Common) error { return s.SetBaseURL("ftp://api.test/v1") }},
		{"base URL with user:pass", func(s *clientopt.Common) error { return s.SetBaseURL("https://user:pass@api.test/v1") }},
		{"base URL with user", func(s *clientopt.Common) error { return s.SetBaseURL("https://user@api.test/v1") }},
		{"base URL with query", func(s *clientopt.Common) error { return s.SetBaseURL("https://api.test/v1?key=1") }},
		{"base URL with fragment", func(s *clientopt.Common) error { return s.SetBaseURL("https://api.test/v1#top") }},
		{"base URL without host", func(s *clientopt.Common) error { return s.SetBaseURL("https:///v1") }},
		{"opaque base URL", func(s *clientopt.Common) error { return s.SetBaseURL("https:api.test") }},
		{"unparsable base URL", func(s *clientopt.Common) error { return s.SetBaseURL("https://api.test/%zz") }},
		{"empty base URL", func(s *clientopt.Common) error { return s.SetBaseURL("") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := clientopt.Defaults()
			before := s
			if err := tt.set(&s); err == nil {
				t.Error("want an error")
			}
			if diff := cmp.Diff(before, s, cmp.Comparer(func(x, y *slog.Logger) bool { return x == y })); diff != "" {
				t.Errorf("a refused value changed the settings (-before +after):\n%s", diff)
			}
		})
	}
}

func TestSetters(t *testing.T) {
	t.Parallel()
	s := clientopt.Defaults()
	logger := slog.New(slog.DiscardHandler)
	if err := s.AddApplication("acme-sync/2.0 (+ops@acme.test)"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLogger(logger); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRetry(fastRetry); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRetry(retry.Policy{}); err != nil {
		t.Errorf("SetRetry(zero) = %v: the zero policy turns retries off and is valid", err)
	}
	ed := func(context.Context, *http.Request) error { return nil }
	if err := s.AddEditor(ed); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEditor(ed); err != nil {
		t.Fatal(err)
	}
	if s.UserAgent() != "acme-sync/2.0 (+ops@acme.test) "+version.UserAgent || s.Logger != logger || len(s.Editors) != 2 {
		t.Errorf("settings not stored: %+v", s)
	}
	if diff := cmp.Diff(retry.Policy{}, s.Retry); diff != "" {
		t.Errorf("Retry (-want +got):\n%s", diff)
	}
}

func TestParseBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, wantHost, wantPath string }{
		{"https://moj.minimax.si/SI/API/", "moj.minimax.si", "/SI/API/"},
		{"https://demo.skyplanner.app:443/api/v1", "demo.skyplanner.app:443", "/api/v1"},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", ""},
		{"HTTPS://API.test/v1", "API.test", "/v1"},
	}
	for _, tt := range tests {
		u, err := clientopt.ParseBaseURL(tt.in)
		if err != nil {
			t.Errorf("ParseBaseURL(%q) = %v", tt.in, err)
			continue
		}
		if u.Host != tt.wantHost || u.Path != tt.wantPath {
			t.Errorf("ParseBaseURL(%q) = host %q path %q, want %q %q", tt.in, u.Host, u.Path, tt.wantHost, tt.wantPath)
		}
	}
}

func TestParseBaseURLHidesPassword(t *testing.T) {
	t.Parallel()
	_, err := clientopt.ParseBaseURL("https://user:hunter2@api.test/v1")
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error %q shows the password", err)
	}
}

// Build leaves the caller's client and the copy SetHTTPClient kept alone:
// it wraps their transport in a new client.
func TestBuildDoesNotMutateCallerClient(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, "https://api.test/v1/x", httpmock.NewStringResponder(200, "{}"))
	jar, _ := cookiejar.New(nil)
	redirect := func(*http.Request, []*http.Request) error { return errors.New("no redirects") }
	orig := &http.Client{Transport: mt, Timeout: 7 * time.Second, Jar: jar, CheckRedirect: redirect}

	s := clientopt.Defaults()
	if err := s.SetHTTPClient(orig); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBaseURL("https://api.test/v1/"); err != nil {
		t.Fatal(err)
	}
	stored := s.HTTPClient
	hc, err := s.Build(authorize, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hc == orig || hc == stored {
		t.Fatal("Build returned the caller's (or the stored) client instead of a new one")
	}
	if orig.Transport != mt || stored.Transport != mt || s.HTTPClient != stored {
		t.Error("Build replaced the transport of the caller's or the stored client")
	}
	if hc.Transport == mt {
		t.Error("built client sends straight through the caller's transport, bypassing the stack")
	}
	if hc.Timeout != 7*time.Second || hc.Jar != jar || hc.CheckRedirect == nil {
		t.Errorf("built client lost the caller's Timeout, Jar or CheckRedirect: %+v", hc)
	}

	// Building twice gives two stacks over the same caller's transport.
	hc2, err := s.Build(authorize, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hc2 == hc || hc2.Transport == hc.Transport {
		t.Error("second Build shares the first one's client or stack")
	}

	resp := getX(t, hc)
	_ = resp.Body.Close()
	if mt.GetTotalCallCount() != 1 {
		t.Errorf("caller's transport saw %d calls, want 1", mt.GetTotalCallCount())
	}
}

func TestBuildAuthorisesOnlyBaseHost(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, wantToken string }{
		{"https://api.test/v1/orders", "secret"},
		{"https://api.test/elsewhere", "secret"}, // same host, outside the base path
		{"https://auth.test/token", ""},
		{"https://api.test:8443/v1/orders", ""},
		{"https://cdn.api.test/file", ""},
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
			s := clientopt.Defaults()
			if err := s.SetHTTPClient(&http.Client{Transport: mt}); err != nil {
				t.Fatal(err)
			}
			if err := s.SetBaseURL("https://api.test/v1/"); err != nil {
				t.Fatal(err)
			}
			hc, err := s.Build(authorize, nil)
			if err != nil {
				t.Fatal(err)
			}
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, tt.url, nil)
			resp, err := hc.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			if got.Load() != tt.wantToken {
				t.Errorf("Authorization-Token = %q, want %q", got.Load(), tt.wantToken)
			}
		})
	}
}

// Build wires the settings into the stack: User-Agent, retry policy and the
// Under hook all take effect.
func TestBuildUsesSettings(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	var ua atomic.Value
	var n atomic.Int64
	mt.RegisterResponder(http.MethodGet, "https://api.test/v1/x", func(req *http.Request) (*http.Response, error) {
		ua.Store(req.Header.Get("User-Agent"))
		if n.Add(1) == 1 {
			return httpmock.NewStringResponse(503, "busy"), nil
		}
		return httpmock.NewStringResponse(200, "{}"), nil
	})
	s := clientopt.Defaults()
	for _, err := range []error{
		s.SetHTTPClient(&http.Client{Transport: mt}),
		s.SetBaseURL("https://api.test/v1/"),
		s.AddApplication("acme/1"),
		s.SetRetry(fastRetry),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var under atomic.Int64
	hc, err := s.Build(authorize, func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			under.Add(1)
			return next.RoundTrip(r)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	resp := getX(t, hc)
	_ = resp.Body.Close()
	if resp.StatusCode != 200 || n.Load() != 2 || under.Load() != 2 {
		t.Errorf("status %d after %d calls (%d seen by Under), want 200 after 2 (2)", resp.StatusCode, n.Load(), under.Load())
	}
	if ua.Load() != "acme/1 "+version.UserAgent {
		t.Errorf("User-Agent = %q, want acme/1", ua.Load())
	}
}

// Build hands the response limit and the redactor to the stack.
func TestBuildCapsAndScrubs(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, "https://api.test/v1/x", httpmock.NewStringResponder(200, "tok-0123456789 and more"))
	s := clientopt.Defaults()
	for _, err := range []error{
		s.SetHTTPClient(&http.Client{Transport: mt}),
		s.SetBaseURL("https://api.test/v1/"),
		s.SetMaxResponseBytes(16),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Redactor = redact.New("tok-0123456789")
	hc, err := s.Build(authorize, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp := getX(t, hc)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if !errors.Is(err, apierror.ErrResponseTooLarge) || string(body) != redact.Mask+" a" {
		t.Errorf("body %q, error %v; want the first 16 bytes scrubbed, then ErrResponseTooLarge", body, err)
	}
}

// getX sends GET https://api.test/v1/x through hc.
func getX(t *testing.T, hc *http.Client) *http.Response {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, "https://api.test/v1/x", nil)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Without a client of the caller's, Build makes one over http.DefaultTransport.
func TestBuildWithoutHTTPClient(t *testing.T) {
	t.Parallel()
	var token atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token.Store(r.Header.Get("Authorization-Token"))
		_, _ = io.WriteString(w, "{}")
	}))
	t.Cleanup(srv.Close)
	s := clientopt.Defaults()
	if err := s.SetBaseURL(srv.URL + "/v1/"); err != nil {
		t.Fatal(err)
	}
	hc, err := s.Build(authorize, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hc.Timeout != 0 || hc.Jar != nil {
		t.Errorf("unexpected settings on a fresh client: %+v", hc)
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+"/v1/x", nil)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if token.Load() != "secret" {
		t.Errorf("Authorization-Token = %q, want secret", token.Load())
	}
}

func TestBuildRejectsBadRetry(t *testing.T) {
	t.Parallel()
	s := clientopt.Defaults()
	if err := s.SetBaseURL("https://api.test/"); err != nil {
		t.Fatal(err)
	}
	s.Retry = retry.Policy{MaxRetries: -2} // set directly, bypassing SetRetry
	if hc, err := s.Build(authorize, nil); err == nil || hc != nil {
		t.Errorf("Build = (%v, %v), want (nil, error)", hc, err)
	}
}

// Build without a base URL should say so, not panic.
func TestBuildWithoutBaseURL(t *testing.T) {
	t.Parallel()
	s := clientopt.Defaults()
	var err error
	panicked := func() (p bool) {
		defer func() {
			if recover() != nil {
				p = true
			}
		}()
		_, err = s.Build(authorize, nil)
		return false
	}()
	if panicked {
		t.Fatal("Build dereferences a nil BaseURL and panics instead of returning an error")
	}
	if err == nil {
		t.Error("Build without a base URL succeeded; want an error")
	}
}
