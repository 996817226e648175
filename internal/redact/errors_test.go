package redact_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/redact/redacttest"
)

// foreignError is not this module's kind of error as far as the redactor is
// concerned: it lives in a test package, but hides its secret where a copy
// cannot reach (an unexported field) and matches context.Canceled by Is.
type foreignError struct {
	header string
	err    error
}

func (e *foreignError) Error() string        { return "proxy refused header " + e.header }
func (e *foreignError) Unwrap() error        { return e.err }
func (e *foreignError) Is(target error) bool { return target == context.Canceled }

// ownError has only exported fields, so the redactor copies it.
type ownError struct {
	Op     string
	Fields []apierror.FieldMessage
	Err    error
}

func (e *ownError) Error() string {
	return e.Op + ": " + fmt.Sprint(e.Fields) + ": " + fmt.Sprint(e.Err)
}
func (e *ownError) Unwrap() error { return e.Err }

type timeoutError struct{ msg string }

func (e timeoutError) Error() string   { return e.msg }
func (e timeoutError) Timeout() bool   { return true }
func (e timeoutError) Temporary() bool { return true }

func TestErrorWithoutSecretsIsTheSameValue(t *testing.T) {
	t.Parallel()
	r := redact.New(password, token)
	sentinel := errors.New("not found")
	api := &apierror.Error{Operation: "x.Get", StatusCode: 404, Body: []byte(`{"Message":"no"}`)}
	for _, err := range []error{
		sentinel,
		fmt.Errorf("x.Get: %w", sentinel),
		&url.Error{Op: "Get", URL: "https://api.test/x", Err: context.Canceled},
		errors.Join(sentinel, io.EOF),
		api,
		&json0{},
	} {
		if got := r.Error(err); got != err {
			t.Errorf("Error(%v) = %#v, want the same value", err, got)
		}
	}
}

type json0 struct{ T error }

func (*json0) Error() string { return "clean" }

func TestErrorRemovesEverySecret(t *testing.T) {
	t.Parallel()
	r := redact.New(password, token)
	tests := []struct {
		name  string
		err   error
		check func(t *testing.T, got error)
	}{
		{"fmt chain", fmt.Errorf("op: %w", fmt.Errorf("token %s: %w", token, io.ErrUnexpectedEOF)), func(t *testing.T, got error) {
			if !errors.Is(got, io.ErrUnexpectedEOF) || !strings.HasPrefix(got.Error(), "op: token "+redact.Mask) {
				t.Errorf("got %v", got)
			}
		}},
		{"url error", &url.Error{Op: "Get", URL: "https://api.test/x?key=" + url.QueryEscape(password), Err: &foreignError{header: token, err: io.EOF}}, func(t *testing.T, got error) {
			var ue *url.Error
			if !errors.As(got, &ue) || !strings.Contains(ue.URL, redact.Mask) {
				t.Errorf("got %#v, want a *url.Error with the URL scrubbed", got)
			}
			if !errors.Is(got, context.Canceled) || !errors.Is(got, io.EOF) {
				t.Errorf("sentinels lost: %v", got)
			}
		}},
		{"join", errors.Join(errors.New("a "+token), os.ErrDeadlineExceeded), func(t *testing.T, got error) {
			u, ok := got.(interface{ Unwrap() []error })
			if !ok || len(u.Unwrap()) != 2 || !errors.Is(got, os.ErrDeadlineExceeded) {
				t.Errorf("got %#v, want a two-error join matching os.ErrDeadlineExceeded", got)
			}
		}},
		{"api error", &apierror.Error{Operation: "x.Get", StatusCode: 401, Message: "bad " + token,
			Fields: []apierror.FieldMessage{{Field: token, Message: "is " + password}}, Body: []byte(`{"Message":"bad ` + token + `"}`)},
			func(t *testing.T, got error) {
				var api *apierror.Error
				if !errors.As(got, &api) || !errors.Is(got, apierror.ErrUnauthorized) || api.Message != "bad "+redact.Mask {
					t.Errorf("got %#v, want a scrubbed *apierror.Error", got)
				}
			}},
		{"own type over a foreign one", &ownError{Op: "op " + token, Err: &foreignError{header: password}}, func(t *testing.T, got error) {
			var own *ownError
			if !errors.As(got, &own) || !errors.Is(got, context.Canceled) {
				t.Errorf("got %#v, want an *ownError copy still matching context.Canceled", got)
			}
		}},
		{"timeout", fmt.Errorf("dial: %w", timeoutError{"i/o timeout sending " + token}), func(t *testing.T, got error) {
			var ne net.Error
			if !errors.As(got, &ne) || !ne.Timeout() {
				t.Errorf("got %#v, want a net.Error that times out", got)
			}
		}},
		{"request body rebuilder", &requestError{req: mustRequest(t)}, func(t *testing.T, got error) {
			if got.Error() != "request failed" {
				t.Errorf("got %q, want the text kept", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := fmt.Sprintf("%#v", tt.err)
			got := r.Error(tt.err)
			redacttest.NoSecret(t, got, password, token, url.QueryEscape(password))
			tt.check(t, got)
			if after := fmt.Sprintf("%#v", tt.err); after != before {
				t.Errorf("the original error was changed")
			}
		})
	}
}

// requestError holds a request whose GetBody can rebuild a password form,
// as an *oauth2.RetrieveError does through its Response.
type requestError struct{ req *http.Request }

func (e *requestError) Error() string { return "request failed" }

func mustRequest(t *testing.T) *http.Request {
	form := url.Values{"password": {password}}.Encode()
	req, err := http.NewRequest(http.MethodPost, "https://auth.test/token", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestCancelledStaysCancelled(t *testing.T) {
	t.Parallel()
	r := redact.New(token)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := &url.Error{Op: "Get", URL: "https://api.test/x", Err: fmt.Errorf("proxy %s: %w", token, ctx.Err())}
	got := r.Error(err)
	if !errors.Is(got, context.Canceled) || strings.Contains(got.Error(), token) {
		t.Errorf("got %v, want context.Canceled without the token", got)
	}
}
