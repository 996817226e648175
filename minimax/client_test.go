package minimax

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/internal/version"
)

func TestNewValidatesOptions(t *testing.T) {
	t.Parallel()
	ok := []Option{WithCountry(Croatia), WithCredentials(testCreds)}
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"no deployment", []Option{WithCredentials(testCreds)}, "no API URL"},
		{"no credentials", []Option{WithCountry(Slovenia)}, "no credentials"},
		{"base URL without token URL", []Option{WithBaseURL("https://proxy.example/SI/API/"), WithCredentials(testCreds)}, "no token URL"},
		{"unknown country", append(ok, WithCountry("AT")), "unknown country"},
		{"partial credentials", append(ok, WithCredentials(Credentials{ClientID: "x"})), "ClientSecret, Password, Username"},
		{"relative base URL", append(ok, WithBaseURL("/SI/API")), "absolute"},
		{"nil HTTP client", append(ok, WithHTTPClient(nil)), "nil"},
		{"nil logger", append(ok, WithLogger(nil)), "nil"},
		{"bad budget", append(ok, WithDailyBudget(0)), "not positive"},
		{"bad organisation", append(ok, WithOrganisation(-1)), "not positive"},
		{"empty scope", append(ok, WithScope(" ")), "empty scope"},
		{"bad retry policy", append(ok, WithRetryPolicy(RetryPolicy{MaxRetries: -1})), "negative"},
		{"nil option", append(ok, nil), "nil option"},
		{"empty user agent", append(ok, WithUserAgent(" ")), "WithUserAgent: user agent is empty"},
		{"user agent splitting the header", append(ok, WithUserAgent("acme/1\nX-Evil: 1")), "control character"},
		{"user agent not a product", append(ok, WithUserAgent("acme/")), "no version"},
	}
	for _, tt := range tests {
		_, err := New(tt.opts...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := New(append(ok, WithLogger(slog.Default()), WithUserAgent("acme-sync/2"))...); err != nil {
		t.Errorf("valid options: %v", err)
	}
}

func TestDeploymentURLs(t *testing.T) {
	t.Parallel()
	if got := Croatia.APIURL(); got != "https://moj.minimax.hr/HR/API/" {
		t.Errorf("HR API = %s", got)
	}
	if got := Serbia.TokenURL(); got != "https://moj.minimax.rs/RS/AUT/oauth20/token" {
		t.Errorf("RS token = %s", got)
	}
}

func TestHTTPClientIsCopiedAndHeadersSet(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var ua, edited string
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		ua, edited = r.Header.Get("User-Agent"), r.Header.Get("X-Trace")
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	mine := &http.Client{}
	c := f.client(WithHTTPClient(mine), WithUserAgent("acme-erp-sync/2.3"), WithRequestEditor(func(_ context.Context, r *http.Request) error {
		r.Header.Set("X-Trace", "abc")
		return nil
	}))
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	if mine.Transport != nil {
		t.Error("the caller's http.Client was changed")
	}
	if ua != "acme-erp-sync/2.3 "+version.UserAgent || edited != "abc" {
		t.Errorf("User-Agent %q, X-Trace %q", ua, edited)
	}
}

func TestOrganisationIsResolvedOnce(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	orgCalls := 0
	f.handle("GET /api/currentuser/orgs", func(w http.ResponseWriter, r *http.Request) {
		orgCalls++
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{
			{"Organisation": map[string]any{"ID": testOrg, "Name": "Demo d.o.o."}, "APIAccess": "D"}}, "TotalRows": 1})
	})
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c, err := New(WithBaseURL(f.srv.URL+"/SI/API/"), WithTokenURL(f.srv.URL+"/SI/AUT/oauth20/token"), WithCredentials(testCreds))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.GetOrder(t.Context(), 7); err != nil {
			t.Fatal(err)
		}
	}
	if org, _ := c.Organisation(t.Context()); org != testOrg || orgCalls != 1 {
		t.Errorf("organisation %d after %d lookups, want %d after 1", org, orgCalls, testOrg)
	}

	f2 := newFake(t)
	f2.handle("GET /api/currentuser/orgs", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"Rows": []map[string]any{
			{"Organisation": map[string]any{"ID": 1}}, {"Organisation": map[string]any{"ID": 2}}}})
	})
	c2, _ := New(WithBaseURL(f2.srv.URL+"/SI/API/"), WithTokenURL(f2.srv.URL+"/SI/AUT/oauth20/token"), WithCredentials(testCreds))
	if _, err := c2.GetOrder(t.Context(), 7); err == nil || !strings.Contains(err.Error(), "WithOrganisation") {
		t.Errorf("two organisations: %v, want advice to use WithOrganisation", err)
	}
}
