package minimax

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
	"sync/atomic"
	"testing"

	"github.com/planbridge/planbridge/internal/redact/redacttest"
	"github.com/planbridge/planbridge/internal/transport/transporttest"
)

// Secrets whose query-escaped and JSON forms differ from the raw ones.
var (
	hostileCreds = Credentials{ClientID: "planbridge", ClientSecret: "cl1ent+secret=/x&y", Username: testUser, Password: `p@ss w0rd/&"ü`}
	hostileToken = "tok+/=m1n1max&leak"
	hostileForms = func() []string {
		var out []string
		for _, s := range []string{hostileCreds.ClientSecret, hostileCreds.Password, hostileToken} {
			out = append(out, s, url.QueryEscape(s))
		}
		return out
	}()
)

// echoAll is every secret, raw and query-escaped, as a server might quote them.
func echoAll() string { return strings.Join(hostileForms, " | ") }

// echoCreds is what the token endpoint can quote before it issues a token.
func echoCreds() string { return strings.Join(hostileForms[:4], " | ") }

// hostileMinimax issues hostileToken for hostileCreds and answers the API
// with api; tokenError, when set, is the token endpoint's refusal instead.
func hostileMinimax(t *testing.T, api http.HandlerFunc, tokenError bool) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/SI/AUT/oauth20/token" {
			api(w, r)
			return
		}
		if tokenError {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant", "error_description": "refused " + echoCreds()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"access_token": hostileToken, "token_type": "bearer", "expires_in": 3600})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// heldError keeps a secret in an unexported field.
type heldError struct {
	secret string
	err    error
}

func (e *heldError) Error() string { return "proxy refused: " + e.secret }
func (e *heldError) Unwrap() error { return e.err }

// failing is a transport that fails the requests fail picks with an error
// quoting what they carry (the bearer token, the password form), and sends
// the rest on.
func failing(fail func(*http.Request) bool) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if !fail(r) {
			return http.DefaultTransport.RoundTrip(r)
		}
		carried := r.Header.Get("Authorization")
		if r.Body != nil {
			form, _ := io.ReadAll(r.Body)
			carried += " " + string(form)
		}
		return nil, fmt.Errorf("proxy: %s: %w", carried, &heldError{secret: carried, err: io.ErrUnexpectedEOF})
	})
}

func isToken(r *http.Request) bool { return strings.HasSuffix(r.URL.Path, "/token") }

func TestNoSecretReachableFromErrorsResultsOrLogs(t *testing.T) {
	t.Parallel()
	echoJSON := func(status int, body map[string]any) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { writeJSON(w, status, body) }
	}
	errorBody := map[string]any{"Message": "refused " + echoAll(), "ModelState": map[string][]string{hostileToken: {echoAll()}}}
	order := sampleOrderJSON(7, "AAAA")
	order["Customer"] = map[string]any{"ID": 1, "Name": echoAll()}
	tests := []struct {
		name       string
		api        http.HandlerFunc
		tokenError bool
		transport  http.RoundTripper
		wantErr    bool
	}{
		{name: "400 body echoes the secrets", api: echoJSON(http.StatusBadRequest, errorBody), wantErr: true},
		{name: "500 bodies echo the secrets while retried", api: echoJSON(http.StatusInternalServerError, errorBody), wantErr: true},
		{name: "200 body echoes the secrets", api: echoJSON(http.StatusOK, order)},
		{name: "error_description echoes the secrets", tokenError: true, wantErr: true},
		{name: "API transport error holds the token", transport: failing(func(r *http.Request) bool { return !isToken(r) }), wantErr: true},
		{name: "token transport error holds the password form", transport: failing(isToken), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			api := tt.api
			if api == nil {
				api = echoJSON(http.StatusOK, sampleOrderJSON(7, "AAAA"))
			}
			srv := hostileMinimax(t, api, tt.tokenError)
			var logs bytes.Buffer
			opts := []Option{
				WithBaseURL(srv.URL + "/SI/API/"), WithTokenURL(srv.URL + "/SI/AUT/oauth20/token"),
				WithCredentials(hostileCreds), WithOrganisation(testOrg), WithRetryPolicy(fastRetries),
				WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
			}
			if tt.transport != nil {
				opts = append(opts, WithHTTPClient(&http.Client{Transport: tt.transport}))
			}
			c, err := New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.GetOrder(t.Context(), 7)
			if (err != nil) != tt.wantErr {
				t.Fatalf("GetOrder: %v, want an error: %v", err, tt.wantErr)
			}
			var ue *url.Error
			var apiErr *APIError
			var authErr *AuthError
			redacttest.Check(t, redacttest.Outcome{Err: err, Result: got, Log: logs.String(), As: []any{&ue, &apiErr, &authErr}}, hostileForms...)
		})
	}
}

// The call is cancelled while its answer is read, and the read fails with an
// error that holds the token and wraps context.Canceled.
func TestCancelledCallStaysCancelledWhenScrubbed(t *testing.T) {
	t.Parallel()
	srv := hostileMinimax(t, func(http.ResponseWriter, *http.Request) {}, false)
	ctx, cancel := context.WithCancel(t.Context())
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if isToken(r) {
			return http.DefaultTransport.RoundTrip(r)
		}
		held := &heldError{secret: r.Header.Get("Authorization"), err: context.Canceled}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Request: r, Body: transporttest.CancelledRead(cancel, held)}, nil
	})
	c, err := New(WithBaseURL(srv.URL+"/SI/API/"), WithTokenURL(srv.URL+"/SI/AUT/oauth20/token"),
		WithCredentials(hostileCreds), WithOrganisation(testOrg), WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetOrder(ctx, 7)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	redacttest.NoSecret(t, err, hostileForms...)
}

func TestHugeAnswerIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opts  []Option
		limit int64
	}{
		{"default limit", nil, 32 << 20},
		{"WithMaxResponseBytes", []Option{WithMaxResponseBytes(1 << 20)}, 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			var read atomic.Int64
			huge := transporttest.Huge(50<<20, false, &read)
			rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				if isToken(r) {
					return http.DefaultTransport.RoundTrip(r)
				}
				return huge.RoundTrip(r)
			})
			c := f.client(append([]Option{WithHTTPClient(&http.Client{Transport: rt})}, tt.opts...)...)
			_, err := c.GetOrder(t.Context(), 7)
			transporttest.CheckTooLarge(t, err, tt.limit, read.Load())
			var tooLarge *ResponseTooLargeError
			if !errors.Is(err, ErrResponseTooLarge) || !errors.As(err, &tooLarge) {
				t.Errorf("error %v does not match the client's ErrResponseTooLarge", err)
			}
		})
	}
	if _, err := New(WithCountry(Slovenia), WithCredentials(testCreds), WithMaxResponseBytes(-1)); err == nil ||
		!strings.Contains(err.Error(), "WithMaxResponseBytes") {
		t.Errorf("a negative limit: %v, want an error naming WithMaxResponseBytes", err)
	}
}
