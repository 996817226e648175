package skyplanner_test

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
	"github.com/planbridge/planbridge/skyplanner"
)

// hostileToken differs from its query-escaped and JSON forms, so a scrub of
// the raw form alone would not do.
const hostileToken = "tok+/=5c1e&do-not-leak"

var hostileForms = []string{hostileToken, url.QueryEscape(hostileToken)}

// heldError keeps the token in an unexported field, where only unwrapping
// or reflection can find it.
type heldError struct {
	header string
	err    error
}

func (e *heldError) Error() string { return "proxy refused header Authorization-Token: " + e.header }
func (e *heldError) Unwrap() error { return e.err }

// echoing answers every request with status and a body quoting the token
// the request carried, raw and query-escaped.
func echoing(status int, format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization-Token")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, format, tok, url.QueryEscape(tok))
	}
}

func TestNoSecretReachableFromErrorsResultsOrLogs(t *testing.T) {
	t.Parallel()
	const errorBody = `{"Message":"token %[1]s (%[2]s) refused","ModelState":{"%[1]s":["bad %[2]s"]}}`
	tests := []struct {
		name    string
		handler http.HandlerFunc  // the hostile server
		base    http.RoundTripper // or a hostile transport
		wantErr bool
	}{
		{name: "400 body echoes the token", handler: echoing(http.StatusBadRequest, errorBody), wantErr: true},
		{name: "401 body echoes the token", handler: echoing(http.StatusUnauthorized, errorBody), wantErr: true},
		{name: "503 bodies echo the token while retried", handler: echoing(http.StatusServiceUnavailable, errorBody), wantErr: true},
		{name: "200 body echoes the token", handler: echoing(http.StatusOK, `{"phaser-order":{"id":1,"number":"%[1]s","notes":"%[2]s"}}`)},
		{name: "transport error holds the token", wantErr: true, base: roundTrip(func(r *http.Request) (*http.Response, error) {
			tok := r.Header.Get("Authorization-Token")
			return nil, fmt.Errorf("dial %s: %w", url.QueryEscape(tok), &heldError{header: tok, err: io.ErrUnexpectedEOF})
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			opts := []skyplanner.Option{skyplanner.WithToken(hostileToken), skyplanner.WithLogger(logger),
				skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{MaxRetries: 1, MaxRetryAfter: 1, MaxTotalWait: 1 << 62})}
			if tt.base != nil {
				opts = append(opts, skyplanner.WithBaseURL(testBase), skyplanner.WithHTTPClient(&http.Client{Transport: tt.base}))
			} else {
				srv := httptest.NewServer(tt.handler)
				t.Cleanup(srv.Close)
				opts = append(opts, skyplanner.WithBaseURL(srv.URL))
			}
			c, err := skyplanner.New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			order, err := c.GetOrder(t.Context(), 1)
			if (err != nil) != tt.wantErr {
				t.Fatalf("GetOrder: %v, want an error: %v", err, tt.wantErr)
			}
			var ue *url.Error
			var apiErr *skyplanner.APIError
			redacttest.Check(t, redacttest.Outcome{Err: err, Result: order, Log: logs.String(), As: []any{&ue, &apiErr}}, hostileForms...)
		})
	}
}

// The call is cancelled while its answer is read, and the read fails with an
// error that holds the token and wraps context.Canceled.
func TestCancelledCallStaysCancelledWhenScrubbed(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	base := roundTrip(func(r *http.Request) (*http.Response, error) {
		held := &heldError{header: r.Header.Get("Authorization-Token"), err: context.Canceled}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Request: r, Body: transporttest.CancelledRead(cancel, held)}, nil
	})
	c, err := skyplanner.New(skyplanner.WithBaseURL(testBase), skyplanner.WithToken(hostileToken),
		skyplanner.WithHTTPClient(&http.Client{Transport: base}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetOrder(ctx, 1)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	redacttest.NoSecret(t, err, hostileForms...)
}

func TestHugeAnswerIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opts  []skyplanner.Option
		limit int64
	}{
		{"default limit", nil, 32 << 20},
		{"WithMaxResponseBytes", []skyplanner.Option{skyplanner.WithMaxResponseBytes(1 << 20)}, 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var read atomic.Int64
			base := transporttest.Huge(50<<20, false, &read)
			opts := append([]skyplanner.Option{skyplanner.WithBaseURL(testBase), skyplanner.WithToken(testToken),
				skyplanner.WithHTTPClient(&http.Client{Transport: base})}, tt.opts...)
			c, err := skyplanner.New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.GetOrder(t.Context(), 1)
			transporttest.CheckTooLarge(t, err, tt.limit, read.Load())
			// The client's own names for the error are the transport's.
			var tooLarge *skyplanner.ResponseTooLargeError
			if !errors.Is(err, skyplanner.ErrResponseTooLarge) || !errors.As(err, &tooLarge) {
				t.Errorf("error %v does not match the client's ErrResponseTooLarge", err)
			}
		})
	}
	if _, err := skyplanner.New(skyplanner.WithSite("acme"), skyplanner.WithToken(testToken), skyplanner.WithMaxResponseBytes(0)); err == nil ||
		!strings.Contains(err.Error(), "WithMaxResponseBytes") {
		t.Errorf("a zero limit: %v, want an error naming WithMaxResponseBytes", err)
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
