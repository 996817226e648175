package skyplanner

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// redactingHandler keeps the token out of logs. The retry layer logs the
// errors of failed tries as they come, and an error from a caller's
// transport or proxy may quote request headers; scrubbing at the handler
// covers every line, whoever writes it.
type redactingHandler struct {
	next  slog.Handler
	token string
}

func redactLogger(l *slog.Logger, token string) *slog.Logger {
	return slog.New(redactingHandler{next: l.Handler(), token: token})
}

func (h redactingHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return redactingHandler{next: h.next.WithAttrs(clean), token: h.token}
}

func (h redactingHandler) WithGroup(name string) slog.Handler {
	return redactingHandler{next: h.next.WithGroup(name), token: h.token}
}

func (h redactingHandler) scrub(s string) string { return strings.ReplaceAll(s, h.token, redacted) }

func (h redactingHandler) attr(a slog.Attr) slog.Attr {
	a.Key = h.scrub(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(h.scrub(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]slog.Attr, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		a.Value = slog.GroupValue(clean...)
	case slog.KindAny:
		// Errors, URLs and other values print through fmt; replace one with
		// its cleaned text only when that text holds the token.
		if s := fmt.Sprint(v.Any()); strings.Contains(s, h.token) {
			a.Value = slog.StringValue(h.scrub(s))
		} else {
			a.Value = v
		}
	default:
		a.Value = v
	}
	return a
}
