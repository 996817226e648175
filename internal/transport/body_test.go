package transport_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/redact/redacttest"
	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/internal/transport/transporttest"
)

func TestResponseBodyIsCapped(t *testing.T) {
	t.Parallel()
	const limit = 1 << 20
	tests := []struct {
		name     string
		size     int64
		announce bool
		wantErr  bool
		maxRead  int64
	}{
		{"unannounced, too large", 10 << 20, false, true, limit + 64<<10},
		{"announced, too large", 10 << 20, true, true, 0},
		{"exactly the limit", limit, false, false, limit},
		{"announced at the limit", limit, true, false, limit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var read atomic.Int64
			c := newClient(t, transport.Config{Base: transporttest.Huge(tt.size, tt.announce, &read), MaxResponseBytes: limit})
			resp, err := do(t, c, http.MethodGet, apiURL, nil)
			if err != nil {
				t.Fatal(err)
			}
			n, err := io.Copy(io.Discard, resp.Body)
			if tt.wantErr {
				transporttest.CheckTooLarge(t, err, limit, read.Load())
			} else if err != nil || n != tt.size {
				t.Errorf("read %d bytes, error %v; want all %d", n, err, tt.size)
			}
			if n > limit || read.Load() > tt.maxRead {
				t.Errorf("handed out %d and read %d bytes of the body; want at most %d and %d", n, read.Load(), limit, tt.maxRead)
			}
		})
	}
}

func TestDefaultResponseLimit(t *testing.T) {
	t.Parallel()
	var read atomic.Int64
	c := newClient(t, transport.Config{Base: transporttest.Huge(50<<20, false, &read)})
	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	if !errors.Is(err, apierror.ErrResponseTooLarge) || n != transport.DefaultMaxResponseBytes {
		t.Errorf("read %d bytes of 50 MiB, error %v; want the default limit and ErrResponseTooLarge", n, err)
	}
	if _, err := transport.New(transport.Config{MaxResponseBytes: -1}); err == nil {
		t.Error("a negative limit was accepted")
	}
}

// secretError holds the token in its text and, unexported, in a field.
type secretError struct{ header string }

func (e *secretError) Error() string { return "proxy refused header " + e.header }

func TestStackScrubsBodiesAndErrors(t *testing.T) {
	t.Parallel()
	const tok = "tok-0123456789"
	r := redact.New(tok)
	echo := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if strings.HasSuffix(req.URL.Path, "/fail") {
			return nil, fmt.Errorf("dial: %w", &secretError{header: req.Header.Get("Authorization-Token")})
		}
		body := fmt.Sprintf(`{"Message":"token %s refused"}`, req.Header.Get("Authorization-Token"))
		return &http.Response{StatusCode: 401, Header: http.Header{}, Request: req, Body: io.NopCloser(strings.NewReader(body))}, nil
	})
	c := newClient(t, transport.Config{Base: echo, Redactor: r, Authorize: func(req *http.Request) error {
		if strings.HasSuffix(req.URL.Path, "/refused") {
			return fmt.Errorf("no token for you: %s", tok)
		}
		req.Header.Set("Authorization-Token", tok)
		return nil
	}})

	resp, err := do(t, c, http.MethodGet, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if body := readBody(t, resp); strings.Contains(body, tok) || !strings.Contains(body, redact.Mask) {
		t.Errorf("body %q, want the token masked", body)
	}
	for _, path := range []string{"/fail", "/refused"} {
		_, err := do(t, c, http.MethodGet, apiURL+path, nil)
		if err == nil {
			t.Fatalf("%s: want an error", path)
		}
		redacttest.NoSecret(t, err, tok)
	}
}
