package transport

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/retry"
)

// Authorizer adds credentials to a request that is about to be sent to the
// configured host. An error stops the request.
type Authorizer func(req *http.Request) error

// Config describes a stack.
type Config struct {
	// Base is the caller's transport; nil means http.DefaultTransport.
	Base http.RoundTripper
	// Scheme and Host are the only scheme and host Authorize is applied to
	// ("https", "moj.minimax.si" as in URL.Host): a redirect elsewhere, or
	// down to plain http, goes without credentials.
	Scheme, Host string
	// Authorize adds credentials; nil sends none.
	Authorize Authorizer
	// UserAgent is set on requests that carry none.
	UserAgent string
	// Retry is the retry policy.
	Retry retry.Policy
	// Logger receives the retry layer's debug lines; nil is silent.
	Logger *slog.Logger
	// Under, when set, wraps the caller's transport inside the retries, so it
	// sees every try (the request budget counts there).
	Under func(http.RoundTripper) http.RoundTripper
	// Redactor scrubs the secrets it holds from every response body and
	// every error the stack returns; nil scrubs nothing.
	Redactor *redact.Redactor
	// MaxResponseBytes caps every response body; 0 means
	// DefaultMaxResponseBytes.
	MaxResponseBytes int64
}

// New returns the stack's outermost RoundTripper.
func New(cfg Config) (http.RoundTripper, error) {
	if err := cfg.Retry.Validate(); err != nil {
		return nil, err
	}
	switch {
	case cfg.MaxResponseBytes < 0:
		return nil, errors.New("the response size limit is negative")
	case cfg.MaxResponseBytes == 0:
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	base := cfg.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if cfg.Under != nil {
		base = cfg.Under(base)
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: base,
		// Redirects go back up to the caller's client, through the host guard.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	rc.RetryMax = cfg.Retry.MaxRetries
	rc.RetryWaitMin, rc.RetryWaitMax = cfg.Retry.MinWait, cfg.Retry.MaxWait
	rc.CheckRetry = policy(cfg.Retry).checkRetry
	rc.Backoff = policy(cfg.Retry).backoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.Logger = nil
	if cfg.Logger != nil {
		rc.Logger = cfg.Logger
	}
	retrying := &retryablehttp.RoundTripper{Client: rc}
	return &outer{cfg: cfg, next: retrying}, nil
}

// outer is the top of the stack: it tags the request for the retry policy,
// sets the User-Agent and authorises requests to the configured host; on the
// way back it caps and scrubs the body and scrubs the error.
type outer struct {
	cfg  Config
	next http.RoundTripper
}

func (o *outer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = withAttempt(req) // a shallow copy; the caller's request stays as it was
	req.Header = req.Header.Clone()
	if req.Header.Get("User-Agent") == "" && o.cfg.UserAgent != "" {
		req.Header.Set("User-Agent", o.cfg.UserAgent)
	}
	if o.cfg.Authorize != nil && sameOrigin(req.URL, o.cfg.Scheme, o.cfg.Host) {
		if err := o.cfg.Authorize(req); err != nil {
			closeBody(req)
			return nil, o.cfg.Redactor.Error(err)
		}
	}
	// retryablehttp reads the body into memory and sends copies; the
	// caller's body is ours to close, as a RoundTripper must.
	orig := req.Body
	resp, err := o.next.RoundTrip(req)
	if orig != nil {
		_ = orig.Close()
	}
	if err != nil && resp != nil {
		// retryablehttp hands back the last response with the context's error
		// when the context ends after it arrived; a RoundTripper returns one
		// or the other, and net/http would not close this body.
		_ = resp.Body.Close()
		resp = nil
	}
	if err != nil {
		return nil, o.cfg.Redactor.Error(err)
	}
	if resp.Body != nil && resp.Body != http.NoBody {
		resp.Body = o.cfg.Redactor.Body(limitBody(resp.Body, o.cfg.MaxResponseBytes, resp.ContentLength))
	}
	return resp, nil
}

func sameOrigin(u *url.URL, scheme, host string) bool {
	return host != "" && strings.EqualFold(u.Host, host) && (scheme == "" || strings.EqualFold(u.Scheme, scheme))
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}
