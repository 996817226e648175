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

// TestFaultAfterHandler: the request acts, and its answer is lost (a
// dropped connection) or replaced by an error; Do runs when the fault
// fires.
func TestFaultAfterHandler(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Document: []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
		"/a":{"post":{"responses":{"200":{"description":"ok"}}}}}}`)})
	if err != nil {
		t.Fatal(err)
	}
	acted := 0
	s.MustHandle("POST", "/a", func(w http.ResponseWriter, _ *http.Request) {
		acted++
		w.WriteHeader(http.StatusOK)
	})
	srv := httptest.NewServer(s)
	defer srv.Close()
	fired := 0
	s.FailNth(1, Fault{Drop: true, AfterHandler: true, Do: func() { fired++ }})
	s.FailNth(2, Fault{Status: http.StatusBadGateway, AfterHandler: true})
	if resp, err := http.Post(srv.URL+"/a", "application/json", nil); err == nil {
		resp.Body.Close()
		t.Errorf("a lost answer arrived: %d", resp.StatusCode)
	}
	resp, err := http.Post(srv.URL+"/a", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway || acted != 2 || fired != 1 {
		t.Errorf("status %d, handler ran %d times, Do %d; want 502, 2, 1", resp.StatusCode, acted, fired)
	}
	if got := s.Requests(); len(got) != 2 || got[0].Status != 0 || got[1].Status != http.StatusBadGateway {
		t.Errorf("log %+v", got)
	}
}
