package fakeserver

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The rate limit serves limit requests within any span per, refuses the
// rest with 429 and the configured Retry-After, and frees a slot when the
// oldest served request leaves the span. Refusals do not count.
func TestRateLimitWindow(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	now := t0
	var s Server
	s.faults.now = func() time.Time { return now } // pick runs under the faults' lock
	s.SetRateLimit(2, time.Minute, 30*time.Second)

	req := httptest.NewRequest(http.MethodGet, "/workstations", nil)
	type answer struct {
		Limited    bool
		Status     int
		RetryAfter time.Duration
	}
	ask := func(at time.Duration) answer {
		now = t0.Add(at)
		f, ok, _ := s.faults.pick(req, "/workstations", "GET /workstations")
		return answer{ok, f.Status, f.RetryAfter}
	}
	served, limited := answer{}, answer{true, http.StatusTooManyRequests, 30 * time.Second}
	var got []answer
	for _, at := range []time.Duration{0, 10 * time.Second, 20 * time.Second, 59 * time.Second, time.Minute, 61 * time.Second, 70 * time.Second} {
		got = append(got, ask(at))
	}
	want := []answer{served, served, limited, limited, served, limited, served}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}

	s.SetRateLimit(0, time.Minute, 0)
	if a := ask(70 * time.Second); a != served {
		t.Errorf("after turning it off: %+v", a)
	}
	s.SetRateLimit(1, time.Minute, time.Second)
	ask(80 * time.Second)
	s.ClearFaults()
	if a := ask(80 * time.Second); a != served {
		t.Errorf("after ClearFaults: %+v", a)
	}
}
