// Package clientopt holds the settings both clients accept, with the checks
// their With... options share, and builds the *http.Client they send with.
package clientopt

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/internal/version"
	"github.com/planbridge/planbridge/retry"
)

// RequestEditor changes a request before it is sent.
type RequestEditor func(ctx context.Context, req *http.Request) error

// Common are the settings both clients take.
type Common struct {
	HTTPClient *http.Client
	// Applications are the integrator's product tokens, sent before the
	// SDK's own in the User-Agent (see UserAgent).
	Applications []string
	Logger       *slog.Logger
	Retry        retry.Policy
	Editors      []RequestEditor
	BaseURL      *url.URL
	// MaxResponseBytes caps response bodies; 0 is the transport's default.
	MaxResponseBytes int64
	// Redactor scrubs the client's secrets from bodies and errors; the
	// client sets it before Build.
	Redactor *redact.Redactor
}

// Defaults returns the settings a client starts from.
func Defaults() Common {
	return Common{Retry: retry.DefaultPolicy()}
}

// SetHTTPClient keeps a copy of c; the caller's client is never changed.
func (s *Common) SetHTTPClient(c *http.Client) error {
	if c == nil {
		return errors.New("http client is nil")
	}
	cp := *c
	s.HTTPClient = &cp
	return nil
}

// AddApplication adds the integrator's products to the User-Agent, before
// the SDK's own, after checking that they are what RFC 9110 allows there.
func (s *Common) AddApplication(products string) error {
	if err := CheckUserAgent(products); err != nil {
		return err
	}
	s.Applications = append(s.Applications, products)
	return nil
}

// UserAgent is the header the client sends: the applications in the order
// added, then "planbridge/" and the SDK's version.
func (s *Common) UserAgent() string {
	return strings.Join(append(slices.Clone(s.Applications), version.UserAgent), " ")
}

// SetLogger sets where the client logs; nil is refused so that silence is
// the default rather than an accident.
func (s *Common) SetLogger(l *slog.Logger) error {
	if l == nil {
		return errors.New("logger is nil")
	}
	s.Logger = l
	return nil
}

// SetRetry sets the retry policy after checking it.
func (s *Common) SetRetry(p retry.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	s.Retry = p
	return nil
}

// SetMaxResponseBytes sets the largest response body the client reads.
func (s *Common) SetMaxResponseBytes(n int64) error {
	if n <= 0 {
		return fmt.Errorf("response size limit %d is not positive", n)
	}
	s.MaxResponseBytes = n
	return nil
}

// AddEditor adds a request editor.
func (s *Common) AddEditor(fn RequestEditor) error {
	if fn == nil {
		return errors.New("request editor is nil")
	}
	s.Editors = append(s.Editors, fn)
	return nil
}

// SetBaseURL parses an absolute http(s) URL.
func (s *Common) SetBaseURL(raw string) error {
	u, err := ParseBaseURL(raw)
	if err != nil {
		return err
	}
	s.BaseURL = u
	return nil
}

// ParseBaseURL parses an absolute http(s) URL without query or credentials.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("base URL: %w", err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("base URL %q: want an absolute http or https URL", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("base URL %q: must not carry credentials, a query or a fragment", u.Redacted())
	}
	return u, nil
}

// Build returns the http.Client a client sends with: a copy of the caller's
// (or a new one) whose transport is the shared stack over the caller's
// transport, authorising requests to the base URL's host only.
func (s *Common) Build(authorize transport.Authorizer, under func(http.RoundTripper) http.RoundTripper) (*http.Client, error) {
	if s.BaseURL == nil {
		return nil, errors.New("no base URL to send to")
	}
	hc := &http.Client{}
	if s.HTTPClient != nil {
		cp := *s.HTTPClient
		hc = &cp
	}
	rt, err := transport.New(transport.Config{
		Base:      hc.Transport,
		Scheme:    s.BaseURL.Scheme,
		Host:      s.BaseURL.Host,
		Authorize: authorize,
		UserAgent: s.UserAgent(),
		Retry:     s.Retry,
		Logger:    s.Logger,
		Under:     under,

		Redactor:         s.Redactor,
		MaxResponseBytes: s.MaxResponseBytes,
	})
	if err != nil {
		return nil, err
	}
	hc.Transport = rt
	return hc, nil
}
