package webhook_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

var (
	secret = []byte("topsecret")
	// t0 is the time the tests' clock shows and their deliveries are
	// signed at.
	t0 = time.Unix(1700000000, 0).UTC()
)

// clock is a settable clock for WithClock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(t time.Time) *clock { return &clock{now: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// body is a delivery body of event signed at ts.
func body(event string, ts time.Time) []byte {
	return fmt.Appendf(nil, `{"event":%q,"data":{"id":7},"timestamp":%d}`, event, ts.Unix())
}

// request is a delivery as SkyPlanner sends it, signed with scheme and key
// at ts; a nil key leaves the signature out.
func request(t *testing.T, scheme webhook.Scheme, key []byte, ts time.Time, b []byte) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/hooks/skyplanner", bytes.NewReader(b))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("User-Agent", "Skyplanner-Webhook/1.0")
	r.Header.Set(webhook.HeaderSource, "Skyplanner")
	stamp := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set(webhook.HeaderTimestamp, stamp)
	if key != nil {
		sig, err := webhook.Sign(scheme, key, stamp, b)
		if err != nil {
			t.Fatalf("Sign: %v", err)
		}
		r.Header.Set(webhook.HeaderSignature, sig)
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}
