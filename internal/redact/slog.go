package redact

import (
	"context"
	"fmt"
	"log/slog"
)

// Logger returns l with every record scrubbed; nil stays nil.
func (r *Redactor) Logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return nil
	}
	return slog.New(r.Handler(l.Handler()))
}

// Handler scrubs records before next sees them: the message, attribute keys
// and values, through groups. The retry layer logs the errors of failed
// tries as they come, below the transport's own scrubbing, and an error
// from a caller's transport or proxy may quote request headers; scrubbing
// at the handler covers every line, whoever writes it.
func (r *Redactor) Handler(next slog.Handler) slog.Handler {
	return handler{next: next, r: r}
}

type handler struct {
	next slog.Handler
	r    *Redactor
}

func (h handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h handler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.String(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return handler{next: h.next.WithAttrs(clean), r: h.r}
}

func (h handler) WithGroup(name string) slog.Handler {
	return handler{next: h.next.WithGroup(h.r.String(name)), r: h.r}
}

func (h handler) attr(a slog.Attr) slog.Attr {
	a.Key = h.r.String(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(h.r.String(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]slog.Attr, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		a.Value = slog.GroupValue(clean...)
	case slog.KindAny:
		a.Value = h.any(v.Any())
	default:
		a.Value = v
	}
	return a
}

// any cleans a value a handler prints through fmt, JSON or its own methods:
// an error is scrubbed as errors are; anything else that holds a secret, in
// its text or in any field, becomes its scrubbed text.
func (h handler) any(x any) slog.Value {
	set := h.r.current()
	if set == nil {
		return slog.AnyValue(x)
	}
	if err, ok := x.(error); ok {
		return slog.AnyValue(h.r.Error(err))
	}
	if b, ok := x.([]byte); ok {
		return slog.AnyValue(h.r.Bytes(b))
	}
	text := fmt.Sprintf("%+v", x)
	if set.inString(text) || set.holds(x) {
		return slog.StringValue(h.r.String(text))
	}
	return slog.AnyValue(x)
}
