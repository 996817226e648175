package skyplanner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/retry"
)

// Option configures a Client. An option that cannot be honoured makes New
// fail instead of being ignored, so a typo never sends requests somewhere
// unexpected or unauthenticated.
type Option func(*config) error

// RetryPolicy says how often and how long the client retries: it is
// retry.Policy, shared with the Minimax client, with the fields
// MaxRetries, MinWait and MaxWait (the back-off), MaxRetryAfter (the cap on
// a Retry-After wait) and MaxTotalWait (all waits of one request). Only what
// is safe to repeat is retried: a create never on a server error, as
// SkyPlanner has no idempotency keys. RetryPolicy{} turns retries off.
type RetryPolicy = retry.Policy

// DefaultRetryPolicy is what a client uses without WithRetryPolicy: three
// retries within a minute at most (retry.DefaultPolicy).
func DefaultRetryPolicy() RetryPolicy { return retry.DefaultPolicy() }

type config struct {
	common clientopt.Common
	site   string
	token  string
}

// optionError names the option that failed, but never its value: some
// values (the token) must not reach an error string.
func optionError(option string, err error) error {
	return fmt.Errorf("skyplanner: %s: %w", option, err)
}

// WithSite points the client at a tenant's own host,
// https://{name}.skyplanner.app/production-planning/api/v3. Use it or
// WithBaseURL, not both.
func WithSite(name string) Option {
	return func(c *config) error {
		if err := checkDNSLabel(name); err != nil {
			return optionError("WithSite", err)
		}
		c.site = strings.ToLower(name)
		return nil
	}
}

// WithBaseURL points the client at any API root, for tests, proxies or a
// host SkyPlanner moves a tenant to. Paths of operations are appended to it.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		if err := c.common.SetBaseURL(rawURL); err != nil {
			return optionError("WithBaseURL", err)
		}
		return nil
	}
}

// minTokenLength is the shortest token WithToken accepts.
const minTokenLength = 8

// WithToken sets the API token SkyPlanner support issues. It is required.
// The client sends it in the Authorization-Token header (not as a Bearer
// token), and only to the host of the site or base URL, so a redirect to
// another host never carries it.
func WithToken(token string) Option {
	return func(c *config) error {
		switch {
		case strings.TrimSpace(token) == "":
			return optionError("WithToken", errors.New("token is empty"))
		case len(token) < minTokenLength:
			// Far shorter than any API token, and scrubbing so short a string
			// from errors and logs would mangle every message.
			return optionError("WithToken", fmt.Errorf("token is %d characters; an API token has at least %d", len(token), minTokenLength))
		case strings.ContainsFunc(token, func(r rune) bool { return r < ' ' || r == 0x7f }):
			// A control character would be rejected by net/http on every
			// request, or worse, split the header; refuse it here.
			return optionError("WithToken", errors.New("token contains control characters"))
		}
		c.token = token
		return nil
	}
}

// WithHTTPClient sends requests through a copy of hc, so its transport,
// timeout, cookie jar and redirect policy apply. hc itself is never changed.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if err := c.common.SetHTTPClient(hc); err != nil {
			return optionError("WithHTTPClient", err)
		}
		return nil
	}
}

// WithUserAgent adds your application to the User-Agent the client sends,
// before the SDK's own: WithUserAgent("acme-erp-sync/2.3") sends
// "acme-erp-sync/2.3 planbridge/0.1.0" (the release is planbridge.Version),
// so the service's operators can tell your integration from others and
// still see which SDK release it runs.
// The value is one or more RFC 9110 products ("name/version") and comments
// ("(+https://acme.example)"), separated by spaces; an empty one, or one
// with a control character, is refused. Each call adds to the ones before.
// To replace the header entirely, set it in WithRequestEditor: the client
// adds its own only to a request that has none.
func WithUserAgent(products string) Option {
	return func(c *config) error {
		if err := c.common.AddApplication(products); err != nil {
			return optionError("WithUserAgent", err)
		}
		return nil
	}
}

// WithLogger receives the retry layer's lines: each failed try at error
// level, each retry at debug level. Without it the client is silent. Logs
// never contain the token.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if err := c.common.SetLogger(l); err != nil {
			return optionError("WithLogger", err)
		}
		return nil
	}
}

// WithRetryPolicy replaces DefaultRetryPolicy. RetryPolicy{} turns retries
// off.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if err := c.common.SetRetry(p); err != nil {
			return optionError("WithRetryPolicy", err)
		}
		return nil
	}
}

// WithMaxResponseBytes sets the longest response body the client reads, n
// bytes; past it a call fails with a *ResponseTooLargeError. The default,
// 32 MiB, is far above any answer SkyPlanner gives a real tenant; a list of
// tens of thousands of records may need more, as SkyPlanner does not page.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if err := c.common.SetMaxResponseBytes(n); err != nil {
			return optionError("WithMaxResponseBytes", err)
		}
		return nil
	}
}

// WithRequestEditor lets fn change every request before it is sent (a
// tracing header, say). An error from fn stops the request. Editors run
// before the client's transport adds the token, so they never see it.
func WithRequestEditor(fn func(ctx context.Context, req *http.Request) error) Option {
	return func(c *config) error {
		if err := c.common.AddEditor(fn); err != nil {
			return optionError("WithRequestEditor", err)
		}
		return nil
	}
}

// checkDNSLabel accepts what can stand as one label of a host name, so a
// site name can never change which host (or which domain) the token goes to.
func checkDNSLabel(name string) error {
	if name == "" || len(name) > 63 {
		return fmt.Errorf("site %q: want 1 to 63 characters", name)
	}
	if name[0] == '-' || name[len(name)-1] == '-' {
		return fmt.Errorf("site %q: must not start or end with a hyphen", name)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Errorf("site %q: want letters, digits and hyphens only (the subdomain of skyplanner.app)", name)
		}
	}
	return nil
}
