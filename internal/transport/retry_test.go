package transport

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/planbridge/planbridge/retry"
)

func respWith(code int, retryAfter string) *http.Response {
	h := http.Header{}
	if retryAfter != "" {
		h.Set("Retry-After", retryAfter)
	}
	return &http.Response{StatusCode: code, Header: h}
}

func TestWait(t *testing.T) {
	t.Parallel()
	p := policy{MaxRetries: 5, MinWait: 100 * time.Millisecond, MaxWait: time.Second, MaxRetryAfter: 30 * time.Second, MaxTotalWait: time.Hour}
	tests := []struct {
		name string
		p    policy
		try  int
		resp *http.Response
		want time.Duration
	}{
		{"first try, no response", p, 0, nil, 100 * time.Millisecond},
		{"second try doubles", p, 1, nil, 200 * time.Millisecond},
		{"fourth try", p, 3, nil, 800 * time.Millisecond},
		{"capped at MaxWait", p, 4, nil, time.Second},
		{"far try stays at MaxWait", p, 200, nil, time.Second},
		{"503 without Retry-After", p, 1, respWith(503, ""), 200 * time.Millisecond},
		{"429 Retry-After 2", p, 3, respWith(429, "2"), 2 * time.Second},
		{"503 Retry-After 2", p, 0, respWith(503, "2"), 2 * time.Second},
		{"Retry-After 0", p, 2, respWith(429, "0"), 0},
		{"Retry-After 3600 capped", p, 0, respWith(429, "3600"), 30 * time.Second},
		{"Retry-After 3600 under a 1h cap", policy{MaxWait: time.Second, MaxRetryAfter: time.Hour}, 0, respWith(503, "3600"), time.Hour},
		{"Retry-After ignored on 500", p, 0, respWith(500, "5"), 100 * time.Millisecond},
		{"Retry-After ignored on 502", p, 1, respWith(502, "5"), 200 * time.Millisecond},
		{"garbage Retry-After", p, 0, respWith(429, "later"), 100 * time.Millisecond},
		{"negative Retry-After", p, 0, respWith(429, "-3"), 100 * time.Millisecond},
		{"fractional Retry-After", p, 1, respWith(429, "1.5"), 200 * time.Millisecond},
		{"Retry-After too large for an int64", p, 0, respWith(503, "99999999999999999999"), 100 * time.Millisecond},
		// Seconds that fit an int64 but not a Duration must not wrap around
		// to a negative wait ("retry at once", and a smaller total).
		{"Retry-After past a Duration", p, 0, respWith(429, "9999999999"), 30 * time.Second},
		{"Retry-After date in the past", p, 2, respWith(503, time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)), 0},
		{"unreadable Retry-After under a cap below MaxWait", policy{MinWait: time.Minute, MaxWait: time.Minute, MaxRetryAfter: time.Second},
			0, respWith(429, "soon"), time.Second},
		{"MaxWait above the cap without Retry-After", policy{MinWait: time.Minute, MaxWait: time.Minute, MaxRetryAfter: time.Second},
			0, respWith(503, ""), time.Minute},
		{"zero policy", policy{}, 3, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.p.wait(tt.try, tt.resp); got != tt.want {
				t.Errorf("wait(%d) = %v, want %v", tt.try, got, tt.want)
			}
		})
	}
}

func TestWaitHTTPDate(t *testing.T) {
	t.Parallel()
	p := policy{MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Hour}
	// An HTTP date has whole seconds, so "now + 10 s" is 9 s to 10 s away.
	resp := respWith(503, time.Now().Add(10*time.Second).UTC().Format(http.TimeFormat))
	if got := p.wait(0, resp); got <= 8*time.Second || got > 10*time.Second {
		t.Errorf("wait = %v, want about 10s", got)
	}
	p.MaxRetryAfter = 3 * time.Second
	if got := p.wait(0, resp); got != 3*time.Second {
		t.Errorf("capped wait = %v, want 3s", got)
	}
}

// backoff returns what checkRetry chose for the request when it can find it,
// and otherwise the policy's own wait, still capped.
func TestBackoff(t *testing.T) {
	t.Parallel()
	p := policy{MaxRetries: 3, MinWait: 10 * time.Millisecond, MaxWait: 40 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxTotalWait: time.Minute}

	req := withAttempt(httptest.NewRequestWithContext(t.Context(), http.MethodGet, "https://api.test/x", nil))
	attemptFrom(req.Context()).next = 7 * time.Second
	resp := respWith(503, "1")
	resp.Request = req
	if got := p.backoff(0, 0, 0, resp); got != 7*time.Second {
		t.Errorf("backoff with a tracked request = %v, want checkRetry's 7s", got)
	}

	tests := []struct {
		name string
		try  int
		resp *http.Response
		want time.Duration
	}{
		{"no response", 2, nil, 40 * time.Millisecond},
		{"untracked response", 1, respWith(500, ""), 20 * time.Millisecond},
		{"Retry-After 3600 capped", 0, respWith(429, "3600"), 2 * time.Second},
		{"Retry-After 1", 0, respWith(429, "1"), time.Second},
	}
	for _, tt := range tests {
		if got := p.backoff(p.MinWait, p.MaxWait, tt.try, tt.resp); got != tt.want {
			t.Errorf("%s: backoff = %v, want %v", tt.name, got, tt.want)
		}
	}
}

type permErr struct{}

func (permErr) Error() string   { return "permanent" }
func (permErr) Permanent() bool { return true }

func TestCheckRetry(t *testing.T) {
	t.Parallel()
	p := policy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 4 * time.Millisecond, MaxRetryAfter: time.Second, MaxTotalWait: time.Minute}
	errConn := errors.New("connection reset")
	tests := []struct {
		method  string
		resp    *http.Response
		err     error
		gotConn bool
		want    bool
	}{
		{http.MethodGet, respWith(200, ""), nil, true, false},
		{http.MethodGet, respWith(503, ""), nil, true, true},
		{http.MethodGet, respWith(500, ""), nil, true, true},
		{http.MethodGet, respWith(501, ""), nil, true, false},
		{http.MethodGet, respWith(429, ""), nil, true, true},
		{http.MethodGet, respWith(404, ""), nil, true, false},
		{http.MethodGet, respWith(302, ""), nil, true, false},
		{http.MethodHead, respWith(502, ""), nil, true, true},
		{http.MethodPut, respWith(502, ""), nil, true, true},
		{http.MethodDelete, respWith(504, ""), nil, true, true},
		{http.MethodPost, respWith(500, ""), nil, true, false},
		{http.MethodPost, respWith(503, ""), nil, true, false},
		{http.MethodPost, respWith(429, ""), nil, true, true},
		{http.MethodPatch, respWith(502, ""), nil, true, false},
		{http.MethodPatch, respWith(429, ""), nil, true, true},
		{http.MethodGet, nil, errConn, true, true},
		{http.MethodGet, nil, errConn, false, true},
		{http.MethodPost, nil, errConn, false, true},
		{http.MethodPost, nil, errConn, true, false},
		{http.MethodPatch, nil, errConn, true, false},
		{http.MethodGet, nil, permErr{}, false, false},
	}
	for _, tt := range tests {
		name := tt.method + " "
		if tt.resp != nil {
			name += http.StatusText(tt.resp.StatusCode)
		} else {
			name += tt.err.Error()
		}
		if tt.gotConn {
			name += " after connecting"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := withAttempt(httptest.NewRequestWithContext(t.Context(), tt.method, "https://api.test/x", nil))
			a := attemptFrom(req.Context())
			a.gotConn.Store(tt.gotConn)
			got, err := p.checkRetry(req.Context(), tt.resp, tt.err)
			if got != tt.want {
				t.Errorf("retry = %v, want %v", got, tt.want)
			}
			if got && err != nil {
				t.Errorf("retry with error %v", err)
			}
			if !got && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want the try's own %v", err, tt.err)
			}
			if a.gotConn.Load() {
				t.Error("gotConn not reset for the next try")
			}
		})
	}
}

func TestCheckRetryAccountsWaits(t *testing.T) {
	t.Parallel()
	p := policy{MaxRetries: 10, MinWait: 10 * time.Millisecond, MaxWait: 40 * time.Millisecond, MaxRetryAfter: time.Second, MaxTotalWait: 100 * time.Millisecond}
	req := withAttempt(httptest.NewRequestWithContext(t.Context(), http.MethodGet, "https://api.test/x", nil))
	a := attemptFrom(req.Context())
	// Waits 10, 20, 40, 40 ms: the fourth would make 110 ms > 100 ms.
	for i, want := range []time.Duration{10, 20, 40} {
		ok, err := p.checkRetry(req.Context(), respWith(503, ""), nil)
		if !ok || err != nil {
			t.Fatalf("try %d: (%v, %v), want a retry", i, ok, err)
		}
		if a.next != want*time.Millisecond {
			t.Errorf("try %d: next = %v, want %v", i, a.next, want*time.Millisecond)
		}
	}
	if a.waited != 70*time.Millisecond || a.tries != 3 {
		t.Errorf("waited %v in %d tries, want 70ms in 3", a.waited, a.tries)
	}
	if ok, _ := p.checkRetry(req.Context(), respWith(503, ""), nil); ok {
		t.Error("retried past MaxTotalWait")
	}
}

func TestCheckRetryStopsOnDoneContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	req := withAttempt(httptest.NewRequestWithContext(ctx, http.MethodGet, "https://api.test/x", nil))
	cancel()
	ok, err := policy(retry.DefaultPolicy()).checkRetry(req.Context(), respWith(503, ""), nil)
	if ok || !errors.Is(err, context.Canceled) {
		t.Errorf("checkRetry = (%v, %v), want (false, context.Canceled)", ok, err)
	}
}

// Without the attempt the outer layer adds, nothing is retried.
func TestCheckRetryUntracked(t *testing.T) {
	t.Parallel()
	ok, err := policy(retry.DefaultPolicy()).checkRetry(t.Context(), respWith(503, ""), nil)
	if ok || err != nil {
		t.Errorf("checkRetry = (%v, %v), want (false, nil)", ok, err)
	}
}

func TestIdempotent(t *testing.T) {
	t.Parallel()
	for m, want := range map[string]bool{
		http.MethodGet: true, http.MethodHead: true, http.MethodOptions: true, http.MethodPut: true, http.MethodDelete: true,
		http.MethodPost: false, http.MethodPatch: false, http.MethodConnect: false, "": false,
	} {
		if got := idempotent(m); got != want {
			t.Errorf("idempotent(%q) = %v, want %v", m, got, want)
		}
	}
}
