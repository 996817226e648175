package redact_test

import (
	"bytes"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/internal/redact"
)

type credentials struct{ User, Password string }

type secretValuer struct{}

func (secretValuer) LogValue() slog.Value { return slog.StringValue("valued " + token) }

func TestHandlerScrubsEveryPartOfARecord(t *testing.T) {
	t.Parallel()
	r := redact.New(password, token)
	for name, newHandler := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler {
			return slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})
		},
		"json": func(b *bytes.Buffer) slog.Handler {
			return slog.NewJSONHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})
		},
	} {
		var out bytes.Buffer
		log := r.Logger(slog.New(newHandler(&out))).With("preset", token).WithGroup("g-" + token)
		log.Debug("message "+token,
			"string", "s "+url.QueryEscape(password),
			"error", errors.New("e "+token),
			"struct", credentials{User: "u", Password: password},
			"bytes", []byte("b "+token),
			"valuer", secretValuer{},
			slog.Group("group", "inner", token),
			token, "as a key",
			"clean", 42)
		got := out.String()
		for _, s := range []string{token, password, url.QueryEscape(password)} {
			if strings.Contains(got, s) {
				t.Errorf("%s output holds %q:\n%s", name, s, got)
			}
		}
		if !strings.Contains(got, "42") || strings.Count(got, redact.Mask) < 9 {
			t.Errorf("%s output lost what it should keep:\n%s", name, got)
		}
	}
	if r.Logger(nil) != nil {
		t.Error("Logger(nil) is not nil")
	}
}
