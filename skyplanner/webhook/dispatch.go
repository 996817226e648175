package webhook

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
)

// ErrClosed is matched by the error WithErrorFunc receives for an event
// that was queued but dropped because Close's context ended first.
var ErrClosed = errors.New("webhook: handler closed")

// PanicError is what WithErrorFunc receives when a HandlerFunc panics.
type PanicError struct {
	// Value is what the func panicked with.
	Value any
	// Stack is the goroutine's stack where it panicked.
	Stack []byte
}

// Error says the func panicked, and with what.
func (e *PanicError) Error() string {
	return fmt.Sprintf("webhook: handler func panicked: %v", e.Value)
}

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

func (h *Handler) start() {
	var wg sync.WaitGroup
	for range h.cfg.workers {
		wg.Go(h.work)
	}
	go func() {
		wg.Wait()
		h.cancel()
		close(h.done)
	}()
}

// work handles queued events until Close closes the queue. Once Close's
// context has ended, what is left is dropped, not handled: the funcs
// would only see a cancelled context.
func (h *Handler) work() {
	for ev := range h.queue {
		if err := h.ctx.Err(); err != nil {
			h.stats.dropped.Add(1)
			h.fail(ev, fmt.Errorf("%w: event dropped before dispatch: %w", ErrClosed, err))
			continue
		}
		h.stats.dispatched.Add(1)
		for _, fn := range h.funcsFor(ev.Type) {
			h.call(fn, ev)
		}
	}
}

// call runs one func, turning a panic into a *PanicError so that a bad
// func never takes the process down.
func (h *Handler) call(fn HandlerFunc, ev Event) {
	defer func() {
		if v := recover(); v != nil {
			h.stats.failed.Add(1)
			h.fail(ev, &PanicError{Value: v, Stack: debug.Stack()})
		}
	}()
	if err := fn(h.ctx, ev); err != nil {
		h.stats.failed.Add(1)
		h.fail(ev, err)
	}
}

// fail logs err and hands it to the error func, whose own panic is logged
// and otherwise ignored.
func (h *Handler) fail(ev Event, err error) {
	h.cfg.logger.ErrorContext(h.ctx, "webhook: event not handled", "event", ev.Name, "error", err.Error())
	if h.cfg.onError == nil {
		return
	}
	defer func() {
		if v := recover(); v != nil {
			h.cfg.logger.ErrorContext(h.ctx, "webhook: error func panicked", "event", ev.Name, "panic", fmt.Sprint(v))
		}
	}()
	h.cfg.onError(ev, err)
}

// Close stops accepting deliveries (they are answered 503), lets the
// workers handle what is queued and waits for them. If ctx ends first, the
// funcs' context is cancelled, events still queued are dropped (each
// reported to WithErrorFunc with ErrClosed), and Close returns ctx's error
// without waiting further; a later Close waits for the workers to finish.
// Close may be called more than once and from several goroutines.
func (h *Handler) Close(ctx context.Context) error {
	h.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.queue)
	}
	h.mu.Unlock()
	select {
	case <-h.done:
		return nil
	case <-ctx.Done():
		h.cancel()
		return fmt.Errorf("webhook: close: %w", ctx.Err())
	}
}
