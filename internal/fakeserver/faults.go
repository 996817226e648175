package fakeserver

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/planbridge/planbridge/fake"
	"github.com/planbridge/planbridge/internal/window"
)

// Fault and Match are public, in package fake, so that both fakes can
// re-export them; the core uses them under these names.
type (
	Fault = fake.Fault
	Match = fake.Match
)

// matches reports whether m selects a request to path, which reached op
// ("GET /phaser-orders/{id}", or "" when no route matched).
func matches(m Match, r *http.Request, path, op string) bool {
	if m.Method != "" && !strings.EqualFold(m.Method, r.Method) {
		return false
	}
	if m.Operation == "" {
		return true
	}
	_, template, _ := strings.Cut(op, " ")
	return template == m.Operation || strings.HasPrefix(path, m.Operation)
}

type rule struct {
	nth   int64 // fire on this request number; 0 when matching instead
	match Match
	left  int // how many more times; negative is always
	fault Fault
}

type faults struct {
	mu      sync.Mutex
	seen    int64
	rules   []*rule
	latency time.Duration
	rate    *window.Counter // nil without a rate limit
	after   time.Duration
	now     func() time.Time // the rate limit's clock; nil is time.Now
}

// FailNth makes the n-th request from now (1 is the next one) fail with f.
func (s *Server) FailNth(n int, f Fault) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rules = append(s.faults.rules, &rule{nth: s.faults.seen + int64(n), left: 1, fault: f})
}

// FailMatching makes requests matching m fail with f, times times (a
// negative count: every time).
func (s *Server) FailMatching(m Match, f Fault, times int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rules = append(s.faults.rules, &rule{match: m, left: times, fault: f})
}

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.latency = d
}

// SetRateLimit serves at most limit requests within any span per and
// answers the others 429 with Retry-After; those refused do not count
// against the limit. A zero limit or per turns it off.
func (s *Server) SetRateLimit(limit int, per, retryAfter time.Duration) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rate, s.faults.after = nil, retryAfter
	if limit > 0 && per > 0 {
		s.faults.rate, _ = window.New(limit, per, s.faults.now) // its arguments were just checked
	}
}

// ClearFaults removes every fault, the latency and the rate limit.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rules, s.faults.latency, s.faults.rate = nil, 0, nil
}

// pick counts the request and returns the fault to apply, if any, and the
// latency to add.
func (f *faults) pick(r *http.Request, path, op string) (Fault, bool, time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen++
	if f.rate != nil {
		if ok, _ := f.rate.Take(); !ok {
			return Fault{Status: http.StatusTooManyRequests, RetryAfter: f.after}, true, f.latency
		}
	}
	for _, ru := range f.rules {
		if ru.left == 0 {
			continue
		}
		if (ru.nth != 0 && ru.nth == f.seen) || (ru.nth == 0 && matches(ru.match, r, path, op)) {
			if ru.left > 0 {
				ru.left--
			}
			return ru.fault, true, f.latency
		}
	}
	return Fault{}, false, f.latency
}

// applyFaults runs the fault for this request, if one fires. It reports
// whether it answered the request (and logged it), or else a fault to apply
// to the handler's answer.
func (s *Server) applyFaults(w http.ResponseWriter, r *http.Request, path, op string) (answered bool, after *Fault) {
	fault, ok, latency := s.faults.pick(r, path, op)
	if !sleep(r, latency) {
		s.record(r, path, op, 0)
		return true, nil
	}
	if !ok {
		return false, nil
	}
	if fault.Do != nil {
		fault.Do()
	}
	if !sleep(r, fault.Delay) {
		s.record(r, path, op, 0)
		return true, nil
	}
	if fault.AfterHandler {
		return false, &fault
	}
	return s.inflict(w, r, path, op, fault), nil
}

// inflict answers with the fault's status, or drops the connection, and
// logs the request; it reports whether it answered. A dropped request is
// logged before the connection closes: the client sees the drop at once,
// and a test that then reads the log must find the request there.
func (s *Server) inflict(w http.ResponseWriter, r *http.Request, path, op string, fault Fault) bool {
	switch {
	case fault.Drop:
		s.record(r, path, op, 0)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				// A few bytes of a status line, then nothing: the client sees a
				// broken connection. Closing without a byte would not do, as
				// net/http quietly resends a GET whose kept-alive connection
				// closed before answering, and the fault would go unseen.
				_, _ = conn.Write([]byte("HTTP/1.1 5"))
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // no hijacking (HTTP/2): abort the stream instead
	case fault.Status != 0:
		if fault.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int((fault.RetryAfter+time.Second-1)/time.Second)))
		}
		s.WriteError(w, fault.Status, "injected fault: "+http.StatusText(fault.Status))
		s.record(r, path, op, fault.Status)
		return true
	}
	return false
}

// sleep waits d, or less if the client goes away; it reports whether the
// request is still wanted.
func sleep(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
