package webhook_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// newHandler makes a Handler on a clock at t0 with extra opts, closing it
// when the test ends.
func newHandler(t testing.TB, opts ...webhook.Option) *webhook.Handler {
	t.Helper()
	base := []webhook.Option{webhook.WithClock(newClock(t0).Now)}
	h, err := webhook.NewHandler(append(base, opts...)...)
	if err != nil {
		t.Fatalf("NewHandler: %v", err)
	}
	t.Cleanup(func() { _ = h.Close(context.Background()) })
	return h
}

// sink records what funcs saw, under tags naming the func.
type sink struct {
	mu  sync.Mutex
	got []string
}

func (s *sink) fn(tag string) webhook.HandlerFunc {
	return func(_ context.Context, ev webhook.Event) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.got = append(s.got, tag+" "+ev.Name)
		return nil
	}
}

func (s *sink) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

// closeNow closes h, waiting for its queue to drain.
func closeNow(t testing.TB, h *webhook.Handler) {
	t.Helper()
	if err := h.Close(context.Background()); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// post delivers event signed at t0 with the default scheme.
func post(t *testing.T, h http.Handler, event string) *httptest.ResponseRecorder {
	t.Helper()
	return serve(h, request(t, webhook.SchemeHexBody, secret, t0, body(event, t0)))
}

func TestNewHandlerOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		opts   []webhook.Option
		option string // named in the error; "" for success
	}{
		{name: "neither secret nor unsigned", option: "WithSecret or WithUnsigned"},
		{name: "both", opts: []webhook.Option{webhook.WithSecret(secret), webhook.WithUnsigned()}, option: "WithSecret and WithUnsigned"},
		{name: "empty secret", opts: []webhook.Option{webhook.WithSecret(nil)}, option: "WithSecret"},
		{name: "unknown scheme", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithScheme(9)}, option: "WithScheme"},
		{name: "zero tolerance", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithTolerance(0)}, option: "WithTolerance"},
		{name: "negative body", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithMaxBodyBytes(-1)}, option: "WithMaxBodyBytes"},
		{name: "zero queue", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithQueue(0)}, option: "WithQueue"},
		{name: "zero workers", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithWorkers(0)}, option: "WithWorkers"},
		{name: "negative replay", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithReplayWindow(-1)}, option: "WithReplayWindow"},
		{name: "nil logger", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithLogger(nil)}, option: "WithLogger"},
		{name: "nil clock", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithClock(nil)}, option: "WithClock"},
		{name: "nil error func", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithErrorFunc(nil)}, option: "WithErrorFunc"},
		{name: "nil option", opts: []webhook.Option{webhook.WithUnsigned(), nil}, option: "NewHandler"},
		{name: "secret", opts: []webhook.Option{webhook.WithSecret(secret)}},
		{name: "unsigned, replay off", opts: []webhook.Option{webhook.WithUnsigned(), webhook.WithReplayWindow(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, err := webhook.NewHandler(tt.opts...)
			if tt.option == "" {
				if err != nil {
					t.Fatalf("NewHandler = %v, want nil", err)
				}
				closeNow(t, h)
				return
			}
			if !errors.Is(err, webhook.ErrOption) || !strings.Contains(err.Error(), tt.option+":") {
				t.Errorf("NewHandler = %v, want ErrOption naming %s", err, tt.option)
			}
			if err != nil && strings.Contains(err.Error(), string(secret)) {
				t.Errorf("NewHandler error %q shows the secret", err)
			}
		})
	}
}

func TestServeHTTPSigned(t *testing.T) {
	t.Parallel()
	good := body("JOB_COMPLETED", t0)
	withHeader := func(r *http.Request, k, v string) *http.Request {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
		return r
	}
	tests := []struct {
		name   string
		scheme webhook.Scheme
		req    func(t *testing.T) *http.Request
		status int
		answer string // contained in the answer
		reason webhook.Reason
	}{
		{name: "good", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, good)
		}, status: 202, answer: "accepted"},
		{name: "good, timestamp scheme", scheme: webhook.SchemeBase64TimestampBody, req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeBase64TimestampBody, secret, t0, good)
		}, status: 202, answer: "accepted"},
		{name: "not JSON content type, JSON body", req: func(t *testing.T) *http.Request {
			return withHeader(request(t, webhook.SchemeHexBody, secret, t0, good), "Content-Type", "text/plain")
		}, status: 202, answer: "accepted"},
		{name: "null data", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, []byte(`{"event":"PHASER_JOB_DELETED","data":null,"timestamp":1700000000}`))
		}, status: 202, answer: "accepted"},
		{name: "bad signature", req: func(t *testing.T) *http.Request {
			return withHeader(request(t, webhook.SchemeHexBody, secret, t0, good), webhook.HeaderSignature, strings.Repeat("ab", 32))
		}, status: 401, answer: "bad signature", reason: webhook.ReasonSignature},
		{name: "wrong secret", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, []byte("not the secret"), t0, good)
		}, status: 401, answer: "bad signature", reason: webhook.ReasonSignature},
		{name: "other scheme", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeBase64Body, secret, t0, good)
		}, status: 401, answer: "bad signature", reason: webhook.ReasonSignature},
		{name: "missing signature", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, nil, t0, good)
		}, status: 401, answer: "bad signature", reason: webhook.ReasonSignature},
		{name: "missing timestamp header", req: func(t *testing.T) *http.Request {
			return withHeader(request(t, webhook.SchemeHexBody, secret, t0, good), webhook.HeaderTimestamp, "")
		}, status: 401, answer: "X-Webhook-Timestamp", reason: webhook.ReasonTimestamp},
		{name: "unreadable timestamp header", req: func(t *testing.T) *http.Request {
			return withHeader(request(t, webhook.SchemeHexBody, secret, t0, good), webhook.HeaderTimestamp, "yesterday")
		}, status: 401, answer: "X-Webhook-Timestamp", reason: webhook.ReasonTimestamp},
		{name: "stale, past", req: func(t *testing.T) *http.Request {
			old := t0.Add(-webhook.DefaultTolerance - time.Second)
			return request(t, webhook.SchemeHexBody, secret, old, body("JOB_COMPLETED", old))
		}, status: 401, answer: "stale", reason: webhook.ReasonStale},
		{name: "stale, future", req: func(t *testing.T) *http.Request {
			late := t0.Add(webhook.DefaultTolerance + time.Second)
			return request(t, webhook.SchemeHexBody, secret, late, body("JOB_COMPLETED", late))
		}, status: 401, answer: "stale", reason: webhook.ReasonStale},
		{name: "at the tolerance", req: func(t *testing.T) *http.Request {
			edge := t0.Add(-webhook.DefaultTolerance)
			return request(t, webhook.SchemeHexBody, secret, edge, body("JOB_COMPLETED", edge))
		}, status: 202, answer: "accepted"},
		{name: "body-only scheme checks the body's time, not the header's", req: func(t *testing.T) *http.Request {
			old := t0.Add(-time.Hour)
			return request(t, webhook.SchemeHexBody, secret, t0, body("JOB_COMPLETED", old))
		}, status: 401, answer: "stale", reason: webhook.ReasonStale},
		{name: "timestamp scheme checks the header's time, not the body's", scheme: webhook.SchemeHexTimestampBody, req: func(t *testing.T) *http.Request {
			old := t0.Add(-time.Hour)
			return request(t, webhook.SchemeHexTimestampBody, secret, old, good)
		}, status: 401, answer: "stale", reason: webhook.ReasonStale},
		{name: "body-only scheme, body without timestamp", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, []byte(`{"event":"JOB_COMPLETED","data":{}}`))
		}, status: 401, answer: "no signed timestamp", reason: webhook.ReasonTimestamp},
		{name: "timestamp scheme, body without timestamp", scheme: webhook.SchemeHexTimestampBody, req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexTimestampBody, secret, t0, []byte(`{"event":"JOB_COMPLETED","data":{}}`))
		}, status: 202, answer: "accepted"},
		{name: "malformed JSON", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, []byte(`{"event":`))
		}, status: 400, answer: "webhook: body:", reason: webhook.ReasonMalformed},
		{name: "missing data", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, []byte(`{"event":"JOB_COMPLETED","timestamp":1700000000}`))
		}, status: 400, answer: "webhook: data: is missing", reason: webhook.ReasonMalformed},
		{name: "missing event", req: func(t *testing.T) *http.Request {
			return request(t, webhook.SchemeHexBody, secret, t0, []byte(`{"data":{},"timestamp":1700000000}`))
		}, status: 400, answer: "webhook: event:", reason: webhook.ReasonMalformed},
		{name: "GET", req: func(t *testing.T) *http.Request {
			return httptest.NewRequest(http.MethodGet, "/hooks/skyplanner", nil)
		}, status: 405, answer: "POST", reason: webhook.ReasonMethod},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHandler(t, webhook.WithSecret(secret), webhook.WithScheme(tt.scheme))
			r := tt.req(t)
			sig := r.Header.Get(webhook.HeaderSignature)
			w := serve(h, r)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.answer) {
				t.Errorf("answer = %d %q, want %d containing %q", w.Code, w.Body.String(), tt.status, tt.answer)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("Content-Type = %q, want text/plain", ct)
			}
			expected := independent(tt.scheme, secret, r.Header.Get(webhook.HeaderTimestamp), good)
			for _, hidden := range []string{string(secret), expected, strings.TrimPrefix(sig, "sha256=")} {
				if hidden != "" && strings.Contains(w.Body.String(), hidden) {
					t.Errorf("answer %q shows a secret or signature", w.Body.String())
				}
			}
			if tt.status == http.StatusMethodNotAllowed && w.Header().Get("Allow") != http.MethodPost {
				t.Errorf("Allow = %q, want POST", w.Header().Get("Allow"))
			}
			var wantRejected map[webhook.Reason]uint64
			if tt.reason != "" {
				wantRejected = map[webhook.Reason]uint64{tt.reason: 1}
			}
			if diff := cmp.Diff(wantRejected, h.Stats().Rejected); diff != "" {
				t.Errorf("Stats().Rejected (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnsignedAcceptsWithoutHeaders(t *testing.T) {
	t.Parallel()
	var got sink
	h := newHandler(t, webhook.WithUnsigned())
	h.On(webhook.JobStarted, got.fn("on"))
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{"event":"JOB_STARTED","data":{"id":1}}`))
	if w := serve(h, r); w.Code != http.StatusAccepted {
		t.Fatalf("answer = %d %q, want 202", w.Code, w.Body.String())
	}
	closeNow(t, h)
	if diff := cmp.Diff([]string{"on JOB_STARTED"}, got.seen()); diff != "" {
		t.Errorf("dispatched (-want +got):\n%s", diff)
	}
}

func TestReplay(t *testing.T) {
	t.Parallel()
	c := newClock(t0)
	var got sink
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithClock(c.Now))
	h.OnAny(got.fn("any"))
	b := body("JOB_COMPLETED", t0)
	var codes []int
	codes = append(codes, serve(h, request(t, webhook.SchemeHexBody, secret, t0, b)).Code)
	codes = append(codes, serve(h, request(t, webhook.SchemeHexBody, secret, t0, b)).Code)
	// Another body is another delivery, even within the same second.
	codes = append(codes, serve(h, request(t, webhook.SchemeHexBody, secret, t0, body("JOB_PAUSED", t0))).Code)
	c.Set(t0.Add(webhook.DefaultTolerance + time.Second))
	codes = append(codes, serve(h, request(t, webhook.SchemeHexBody, secret, t0, b)).Code)
	if diff := cmp.Diff([]int{202, 200, 202, 401}, codes); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	closeNow(t, h)
	if diff := cmp.Diff([]string{"any JOB_COMPLETED", "any JOB_PAUSED"}, got.seen()); diff != "" {
		t.Errorf("dispatched (-want +got):\n%s", diff)
	}
	st := h.Stats()
	if st.Accepted != 2 || st.Replayed != 1 || st.Rejected[webhook.ReasonStale] != 1 {
		t.Errorf("Stats() = %+v, want 2 accepted, 1 replayed, 1 stale", st)
	}
}

func TestNilBody(t *testing.T) {
	t.Parallel()
	h := newHandler(t, webhook.WithUnsigned())
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Body = nil
	if w := serve(h, r); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "body") {
		t.Errorf("nil body: answer = %d %q, want 400 naming the body", w.Code, w.Body.String())
	}
}

func TestReplayWindowOff(t *testing.T) {
	t.Parallel()
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithReplayWindow(0))
	for i := range 2 {
		if w := post(t, h, "JOB_COMPLETED"); w.Code != http.StatusAccepted {
			t.Errorf("delivery %d: answer = %d, want 202", i, w.Code)
		}
	}
}

// countingReader counts what the handler reads of an endless body.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestOversized(t *testing.T) {
	t.Parallel()
	const limit = 1024
	h := newHandler(t, webhook.WithUnsigned(), webhook.WithMaxBodyBytes(limit))

	endless := &countingReader{}
	r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(endless))
	r.ContentLength = -1 // chunked: the size is known only by reading
	if w := serve(h, r); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("endless body: answer = %d, want 413", w.Code)
	}
	// MaxBytesReader asks for at most one byte past the limit per read,
	// and ReadAll's buffer is at most a small multiple of it.
	if endless.n > 4*limit {
		t.Errorf("read %d bytes of an endless body, want the handler to stop near %d", endless.n, limit)
	}

	declared := &countingReader{}
	r = httptest.NewRequest(http.MethodPost, "/", io.NopCloser(declared))
	r.ContentLength = limit + 1
	if w := serve(h, r); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("declared length over the limit: answer = %d, want 413", w.Code)
	}
	if declared.n != 0 {
		t.Errorf("read %d bytes of a body declared too large, want none", declared.n)
	}

	exact := `{"event":"JOB_STARTED","data":{}}`
	exact += strings.Repeat(" ", limit-len(exact))
	if w := serve(h, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(exact))); w.Code != http.StatusAccepted {
		t.Errorf("body of exactly the limit: answer = %d, want 202", w.Code)
	}
	if got := h.Stats().Rejected[webhook.ReasonTooLarge]; got != 2 {
		t.Errorf("Stats().Rejected[too_large] = %d, want 2", got)
	}
}

func TestDispatch(t *testing.T) {
	t.Parallel()
	var got sink
	h := newHandler(t, webhook.WithSecret(secret))
	h.OnAny(got.fn("any"))
	h.On(webhook.JobCompleted, got.fn("completed-1"))
	h.On("Job completed", got.fn("completed-2"))
	h.On(webhook.OrderCreated, got.fn("order"))
	h.On(webhook.JobStarted, nil) // ignored
	for _, name := range []string{"Job completed", "PHASER_ORDER_CREATED", "SOMETHING_NEW", "JOB_COMPLETED", "JOB_STARTED"} {
		if w := post(t, h, name); w.Code != http.StatusAccepted {
			t.Fatalf("%s: answer = %d %q, want 202", name, w.Code, w.Body.String())
		}
	}
	closeNow(t, h)
	want := []string{
		"completed-1 Job completed", "completed-2 Job completed", "any Job completed",
		"order PHASER_ORDER_CREATED", "any PHASER_ORDER_CREATED",
		"any SOMETHING_NEW",
		"completed-1 JOB_COMPLETED", "completed-2 JOB_COMPLETED", "any JOB_COMPLETED",
		"any JOB_STARTED",
	}
	if diff := cmp.Diff(want, got.seen()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	if st := h.Stats(); st.Received != 5 || st.Accepted != 5 || st.Dispatched != 5 || st.Failed != 0 {
		t.Errorf("Stats() = %+v, want 5 received, accepted and dispatched", st)
	}
}

// blocker is a HandlerFunc that reports each call on started and returns
// when release is closed.
type blocker struct {
	started chan string
	release chan struct{}
}

func newBlocker() *blocker {
	return &blocker{started: make(chan string, 16), release: make(chan struct{})}
}

func (b *blocker) fn(_ context.Context, ev webhook.Event) error {
	b.started <- ev.Name
	<-b.release
	return nil
}

func TestQueueFullAndClose(t *testing.T) {
	t.Parallel()
	var got sink
	b := newBlocker()
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithQueue(2), webhook.WithWorkers(1))
	h.OnAny(b.fn)
	h.OnAny(got.fn("any"))

	if w := post(t, h, "JOB_STARTED"); w.Code != http.StatusAccepted {
		t.Fatalf("first: answer = %d, want 202", w.Code)
	}
	<-b.started // the worker holds the first; the queue is empty
	for _, name := range []string{"JOB_PAUSED", "JOB_RESUMED"} {
		if w := post(t, h, name); w.Code != http.StatusAccepted {
			t.Fatalf("%s: answer = %d, want 202", name, w.Code)
		}
	}
	full := post(t, h, "JOB_COMPLETED")
	if full.Code != http.StatusServiceUnavailable || full.Header().Get("Retry-After") == "" {
		t.Errorf("full queue: answer = %d, Retry-After %q; want 503 with Retry-After", full.Code, full.Header().Get("Retry-After"))
	}
	// Refused for a full queue, the delivery is not remembered as a
	// replay: SkyPlanner's retry of it must be accepted later.

	closed := make(chan error, 1)
	go func() { closed <- h.Close(context.Background()) }()
	// Close stops accepting before it drains. Poll with unsigned
	// deliveries, refused 401 while open and 503 once closed, and a
	// scheduler yield, not a clock.
	for serve(h, request(t, webhook.SchemeHexBody, nil, t0, body("JOB_COMPLETED", t0))).Code != http.StatusServiceUnavailable {
		runtime.Gosched()
	}
	close(b.release)
	if err := <-closed; err != nil {
		t.Fatalf("Close = %v, want nil", err)
	}
	want := []string{"any JOB_STARTED", "any JOB_PAUSED", "any JOB_RESUMED"}
	if diff := cmp.Diff(want, got.seen()); diff != "" {
		t.Errorf("dispatched (-want +got):\n%s", diff)
	}
	w := post(t, h, "JOB_COMPLETED")
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("after Close: answer = %d, want 503 with Retry-After", w.Code)
	}
	if st := h.Stats(); st.Rejected[webhook.ReasonQueueFull] != 1 || st.Rejected[webhook.ReasonClosed] == 0 {
		t.Errorf("Stats().Rejected = %v, want one queue_full and some closed", st.Rejected)
	}
}

func TestQueueFullForgetsReplayKey(t *testing.T) {
	t.Parallel()
	b := newBlocker()
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithQueue(1))
	h.OnAny(b.fn)
	post(t, h, "JOB_STARTED")
	<-b.started
	post(t, h, "JOB_PAUSED")
	if w := post(t, h, "JOB_RESUMED"); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("full queue: answer = %d, want 503", w.Code)
	}
	b.release <- struct{}{} // JOB_STARTED done
	<-b.started             // the worker holds JOB_PAUSED; the queue has room
	if w := post(t, h, "JOB_RESUMED"); w.Code != http.StatusAccepted {
		t.Errorf("retry of the refused delivery: answer = %d, want 202", w.Code)
	}
	close(b.release)
}

func TestFailuresAreReported(t *testing.T) {
	t.Parallel()
	type report struct {
		Event string
		Err   string
		Panic bool
	}
	var reports []report // written by the one worker, read after Close
	boom := errors.New("boom")
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithErrorFunc(func(ev webhook.Event, err error) {
		var pe *webhook.PanicError
		reports = append(reports, report{Event: ev.Name, Err: err.Error(), Panic: errors.As(err, &pe) && len(pe.Stack) > 0})
		if errors.Is(err, boom) {
			panic("the error func panics too")
		}
	}))
	var got sink
	h.On(webhook.JobStarted, func(context.Context, webhook.Event) error { panic("bad func") })
	h.On(webhook.JobPaused, func(context.Context, webhook.Event) error { return boom })
	h.OnAny(got.fn("any"))
	post(t, h, "JOB_STARTED")
	post(t, h, "JOB_PAUSED")
	post(t, h, "JOB_RESUMED")
	closeNow(t, h)
	want := []report{
		{Event: "JOB_STARTED", Err: "webhook: handler func panicked: bad func", Panic: true},
		{Event: "JOB_PAUSED", Err: "boom"},
	}
	if diff := cmp.Diff(want, reports); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
	// The other funcs of a failing event, and later events, still run.
	if diff := cmp.Diff([]string{"any JOB_STARTED", "any JOB_PAUSED", "any JOB_RESUMED"}, got.seen()); diff != "" {
		t.Errorf("dispatched (-want +got):\n%s", diff)
	}
	if st := h.Stats(); st.Failed != 2 || st.Dispatched != 3 {
		t.Errorf("Stats() = %+v, want 2 failed of 3 dispatched", st)
	}
}

func TestPanicErrorUnwrapsAnError(t *testing.T) {
	t.Parallel()
	cause := errors.New("cause")
	if err := error(&webhook.PanicError{Value: cause}); !errors.Is(err, cause) {
		t.Errorf("PanicError{Value: cause} does not match cause")
	}
	if err := (&webhook.PanicError{Value: 3}).Unwrap(); err != nil {
		t.Errorf("PanicError{Value: 3}.Unwrap() = %v, want nil", err)
	}
}

func TestCloseContextEnds(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	var dropped []string // written by the one worker, read after it returns
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithErrorFunc(func(ev webhook.Event, err error) {
		if errors.Is(err, webhook.ErrClosed) && errors.Is(err, context.Canceled) {
			dropped = append(dropped, ev.Name)
		}
	}))
	cancelled := make(chan error, 1)
	h.On(webhook.JobStarted, func(ctx context.Context, _ webhook.Event) error {
		close(started)
		<-ctx.Done()
		cancelled <- ctx.Err()
		return nil
	})
	post(t, h, "JOB_STARTED")
	<-started
	post(t, h, "JOB_PAUSED")
	post(t, h, "JOB_RESUMED")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Close(cancelled) = %v, want context.Canceled", err)
	}
	if err := <-cancelled; !errors.Is(err, context.Canceled) {
		t.Errorf("the func's context ended with %v, want context.Canceled", err)
	}
	closeNow(t, h) // waits for the worker
	if diff := cmp.Diff([]string{"JOB_PAUSED", "JOB_RESUMED"}, dropped); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
	if st := h.Stats(); st.Dropped != 2 || st.Dispatched != 1 {
		t.Errorf("Stats() = %+v, want 1 dispatched, 2 dropped", st)
	}
}

func TestOnWhileServing(t *testing.T) {
	t.Parallel()
	h := newHandler(t, webhook.WithSecret(secret), webhook.WithWorkers(4), webhook.WithReplayWindow(0))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 50 {
			h.On(webhook.EventType("JOB_"+strconv.Itoa(i)), func(context.Context, webhook.Event) error { return nil })
			h.OnAny(func(context.Context, webhook.Event) error { return nil })
		}
	}()
	for range 50 {
		post(t, h, "JOB_COMPLETED")
	}
	<-done
	closeNow(t, h)
}
