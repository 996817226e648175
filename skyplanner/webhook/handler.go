package webhook

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"sync"
)

// HandlerFunc handles one event. It runs on a worker, after SkyPlanner has
// been answered, with a context that ends when Close's context does. An
// error it returns, or a panic, is reported through WithErrorFunc and the
// logger; the event is not retried. It must not modify ev.Data, which the
// other funcs of the event share.
type HandlerFunc func(ctx context.Context, ev Event) error

// Handler is an http.Handler for SkyPlanner's webhooks: it checks each
// delivery, queues the event and answers at once, and its workers hand
// queued events to the funcs registered with On and OnAny. Make one with
// NewHandler and stop it with Close.
type Handler struct {
	cfg   config
	seen  *seen
	stats counters

	funcsMu sync.RWMutex
	funcs   map[EventType][]HandlerFunc
	any     []HandlerFunc

	// mu guards closed; a send on queue holds it for reading so that Close
	// never closes the channel under a sender.
	mu     sync.RWMutex
	closed bool
	queue  chan Event

	ctx    context.Context // given to the funcs; cancelled when Close gives up
	cancel context.CancelFunc
	done   chan struct{} // closed when every worker has returned
}

// NewHandler returns a Handler with its workers started. It fails, naming
// the option, unless exactly one of WithSecret and WithUnsigned is given,
// or when an option's value is out of range.
func NewHandler(opts ...Option) (*Handler, error) {
	cfg, err := build(opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &Handler{
		cfg:    cfg,
		seen:   newSeen(cfg.replay),
		funcs:  make(map[EventType][]HandlerFunc),
		queue:  make(chan Event, cfg.queue),
		ctx:    ctx,
		cancel: cancel,
		done:   make(chan struct{}),
	}
	h.start()
	return h, nil
}

// On registers fn for events of type t; t is read with ParseEventType, so
// "Job completed" registers for JobCompleted. Funcs of one type are called
// in the order they were registered, each whatever the others returned. A
// nil fn is ignored. On may be called while the Handler serves.
func (h *Handler) On(t EventType, fn HandlerFunc) {
	if fn == nil {
		return
	}
	t = ParseEventType(string(t))
	h.funcsMu.Lock()
	defer h.funcsMu.Unlock()
	h.funcs[t] = append(h.funcs[t], fn)
}

// OnAny registers fn for every event, including types this package does
// not know; it is called after the funcs registered with On for the
// event's type. A nil fn is ignored. OnAny may be called while the Handler
// serves.
func (h *Handler) OnAny(fn HandlerFunc) {
	if fn == nil {
		return
	}
	h.funcsMu.Lock()
	defer h.funcsMu.Unlock()
	h.any = append(h.any, fn)
}

// funcsFor returns a copy, so that registering never races with a call.
func (h *Handler) funcsFor(t EventType) []HandlerFunc {
	h.funcsMu.RLock()
	defer h.funcsMu.RUnlock()
	out := make([]HandlerFunc, 0, len(h.funcs[t])+len(h.any))
	out = append(out, h.funcs[t]...)
	return append(out, h.any...)
}

// Stats returns what the Handler has counted so far.
func (h *Handler) Stats() Stats { return h.stats.snapshot() }

// retryAfter is the Retry-After, in seconds, of a 503: long enough for a
// worker to make room, short enough not to delay the event much.
const retryAfter = 5

// ServeHTTP answers one delivery: 202 when its event is queued, 200 when it
// replays one already accepted, and otherwise the status of its Reason
// with a short plain-text answer.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.stats.received.Add(1)
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, r, ReasonMethod, http.StatusMethodNotAllowed, "only POST is allowed", nil)
		return
	}
	if h.isClosed() {
		h.refuse(w, r, ReasonClosed, http.StatusServiceUnavailable, "shutting down", nil)
		return
	}
	body, err := h.readBody(w, r)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.refuse(w, r, ReasonTooLarge, http.StatusRequestEntityTooLarge, "body too large", err)
		} else {
			h.refuse(w, r, ReasonBody, http.StatusBadRequest, "cannot read body", err)
		}
		return
	}
	d, rej := h.check(r, body)
	if rej != nil {
		h.refuse(w, r, rej.reason, rej.status, rej.text, rej.err)
		return
	}
	if d.key != "" && !h.seen.add(d.key, d.expires, h.cfg.clock()) {
		h.stats.replayed.Add(1)
		h.cfg.logger.InfoContext(r.Context(), "webhook: replayed delivery acknowledged, not dispatched", "event", d.ev.Name)
		answer(w, http.StatusOK, "already accepted")
		return
	}
	if reason := h.enqueue(d.ev); reason != "" {
		h.seen.forget(d.key)
		h.refuse(w, r, reason, http.StatusServiceUnavailable, string(reason), nil)
		return
	}
	h.stats.accepted.Add(1)
	h.cfg.logger.DebugContext(r.Context(), "webhook: event queued", "event", d.ev.Name)
	answer(w, http.StatusAccepted, "accepted")
}

// readBody reads at most the body limit: MaxBytesReader stops at one byte
// past it, and a declared length over it is refused before any read.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > h.cfg.maxBody {
		return nil, &http.MaxBytesError{Limit: h.cfg.maxBody}
	}
	if r.Body == nil { // a request made by hand, not by net/http's server
		return nil, nil
	}
	return io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.maxBody))
}

// enqueue returns the reason the event could not be queued, or "".
func (h *Handler) enqueue(ev Event) Reason {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.closed {
		return ReasonClosed
	}
	select {
	case h.queue <- ev:
		return ""
	default:
		return ReasonQueueFull
	}
}

func (h *Handler) isClosed() bool {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.closed
}

// refuse answers a refused delivery. The answer is one of this package's
// fixed texts or a FieldError's, so it never holds the secret or the
// expected signature; the log gets the error, which does not either.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, reason Reason, status int, text string, err error) {
	h.stats.reject(reason)
	attrs := []any{"reason", string(reason), "status", status, "remote", r.RemoteAddr}
	if err != nil {
		attrs = append(attrs, "error", err.Error())
	}
	h.cfg.logger.WarnContext(r.Context(), "webhook: delivery refused", attrs...)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	}
	answer(w, status, text)
}

func answer(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, text+"\n")
}

// isJSON reports whether a Content-Type names JSON ("application/json" or
// a "+json" type).
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || (len(mt) > 5 && mt[len(mt)-5:] == "+json")
}
