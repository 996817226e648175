package minimax

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/retry"
)

// Deployment is one of Minimax's three national deployments.
type Deployment string

// The three deployments.
const (
	Slovenia Deployment = "SI"
	Croatia  Deployment = "HR"
	Serbia   Deployment = "RS"
)

func (c Deployment) host() (string, bool) {
	switch c {
	case Slovenia, Croatia, Serbia:
		return "moj.minimax." + strings.ToLower(string(c)), true
	}
	return "", false
}

// APIURL is the deployment's API base, such as https://moj.minimax.si/SI/API/.
func (c Deployment) APIURL() string {
	h, _ := c.host()
	return "https://" + h + "/" + string(c) + "/API/"
}

// TokenURL is the deployment's token endpoint.
func (c Deployment) TokenURL() string {
	h, _ := c.host()
	return "https://" + h + "/" + string(c) + "/AUT/oauth20/token"
}

// Credentials are what the password grant needs. ClientID and ClientSecret
// come from Minimax support; Username and Password are the user's
// "external application" credentials from the Minimax profile page.
type Credentials struct {
	ClientID, ClientSecret string
	Username, Password     string
}

// String hides the secrets, so printing a configuration leaks nothing.
func (c Credentials) String() string {
	return fmt.Sprintf("{ClientID:%s ClientSecret:%s Username:%s Password:%s}",
		c.ClientID, redacted(c.ClientSecret), c.Username, redacted(c.Password))
}

// GoString hides the secrets from %#v as well.
func (c Credentials) GoString() string { return "minimax.Credentials" + c.String() }

// LogValue hides the secrets from slog.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client_id", c.ClientID), slog.String("username", c.Username))
}

// optionError names the option a shared setting's check refused.
func optionError(option string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("minimax: %s: %w", option, err)
}

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "[redacted]"
}

// RetryPolicy says how often and how long the client retries: it is
// retry.Policy, shared with the SkyPlanner client, with the fields
// MaxRetries, MinWait and MaxWait (the back-off), MaxRetryAfter (the cap on
// a Retry-After wait) and MaxTotalWait (all waits of one request). Only what
// is safe to repeat is retried: a create never on a server error, as
// Minimax has no idempotency keys. RetryPolicy{} turns retries off.
type RetryPolicy = retry.Policy

// DefaultRetryPolicy is what a client uses without WithRetryPolicy: three
// retries within a minute at most.
func DefaultRetryPolicy() RetryPolicy { return retry.DefaultPolicy() }

// Option configures a Client.
type Option func(*config) error

type config struct {
	common   clientopt.Common
	country  Deployment
	tokenURL string
	zone     *time.Location
	creds    Credentials
	scope    string
	org      int64
	budget   int
	now      func() time.Time

	// budgetHistory is what WithBudgetHistory loads into the budget.
	budgetHistory []time.Time
}

// WithCountry points the client at a deployment's API and token endpoint:
// Slovenia, Croatia or Serbia. WithBaseURL and WithTokenURL, given in any
// order, override either.
func WithCountry(c Deployment) Option {
	return func(o *config) error {
		if _, ok := c.host(); !ok {
			return fmt.Errorf("minimax: unknown country %q (want SI, HR or RS)", c)
		}
		o.country = c
		return nil
	}
}

// WithBaseURL sets the API base (tests, proxies); it wins over WithCountry's.
func WithBaseURL(apiURL string) Option {
	return func(o *config) error { return optionError("WithBaseURL", o.common.SetBaseURL(apiURL)) }
}

// WithTokenURL sets the token endpoint; it wins over WithCountry's.
func WithTokenURL(tokenURL string) Option {
	return func(o *config) error {
		if _, err := clientopt.ParseBaseURL(tokenURL); err != nil {
			return optionError("WithTokenURL", err)
		}
		o.tokenURL = tokenURL
		return nil
	}
}

// WithCredentials sets the password-grant credentials. All four are needed.
func WithCredentials(c Credentials) Option {
	return func(o *config) error {
		var missing []string
		for name, v := range map[string]string{"ClientID": c.ClientID, "ClientSecret": c.ClientSecret, "Username": c.Username, "Password": c.Password} {
			if v == "" {
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing) // map order varies; the message should not
			return fmt.Errorf("minimax: credentials lack %s", strings.Join(missing, ", "))
		}
		o.creds = c
		return nil
	}
}

// WithScope replaces the OAuth scope; the default, minimax.si, is the one the
// vendor's samples use on every deployment (RS also accepts minimax.rs).
func WithScope(scope string) Option {
	return func(o *config) error {
		if strings.TrimSpace(scope) == "" {
			return errors.New("minimax: empty scope")
		}
		o.scope = scope
		return nil
	}
}

// WithOrganisation sets the organisation the client works in. Without it the
// client asks Minimax and uses the user's only organisation.
func WithOrganisation(id int64) Option {
	return func(o *config) error {
		if id <= 0 {
			return fmt.Errorf("minimax: organisation id %d is not positive", id)
		}
		o.org = id
		return nil
	}
}

// WithDailyBudget caps the requests this client sends in any 24 hours.
// Minimax allows about 1,000 a day per organisation, shared by every
// integration and the web UI, so a client that stays well under that leaves
// room for the rest. Past the cap a call fails at once with a *BudgetError
// and nothing is sent. Every try counts, retries included; token requests
// do not.
func WithDailyBudget(n int) Option {
	return func(o *config) error {
		if n <= 0 {
			return fmt.Errorf("minimax: daily budget %d is not positive", n)
		}
		o.budget = n
		return nil
	}
}

// WithLocation sets the organisation's time zone, in which Minimax reads
// and writes its zone-less times: OrderSyncCandidates and the date filters
// of ListOrders convert to it. The default is Central European time
// (Europe/Ljubljana; Zagreb and Belgrade keep the same clock).
func WithLocation(loc *time.Location) Option {
	return func(o *config) error {
		if loc == nil {
			return errors.New("minimax: nil location")
		}
		o.zone = loc
		return nil
	}
}

// defaultZone is Central European time. Without a time zone database on the
// machine it is a fixed UTC+1, which in summer reads an hour early: a sync
// then sees a few changes twice rather than missing any.
func defaultZone() *time.Location {
	if loc, err := time.LoadLocation("Europe/Ljubljana"); err == nil {
		return loc
	}
	return time.FixedZone("CET", 3600)
}

// WithHTTPClient sends through a copy of c (its transport, timeout,
// redirect policy); c itself is not changed.
func WithHTTPClient(c *http.Client) Option {
	return func(o *config) error { return optionError("WithHTTPClient", o.common.SetHTTPClient(c)) }
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
	return func(o *config) error { return optionError("WithUserAgent", o.common.AddApplication(products)) }
}

// WithLogger receives the retry layer's lines: each failed try at error
// level, each retry at debug level. The client is silent without it.
func WithLogger(l *slog.Logger) Option {
	return func(o *config) error { return optionError("WithLogger", o.common.SetLogger(l)) }
}

// WithRetryPolicy replaces DefaultRetryPolicy; RetryPolicy{} turns retries off.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(o *config) error { return optionError("WithRetryPolicy", o.common.SetRetry(p)) }
}

// WithMaxResponseBytes sets the longest response body the client reads, n
// bytes; past it a call fails with a *ResponseTooLargeError. The default,
// 32 MiB, is far above any page Minimax sends.
func WithMaxResponseBytes(n int64) Option {
	return func(o *config) error { return optionError("WithMaxResponseBytes", o.common.SetMaxResponseBytes(n)) }
}

// WithRequestEditor changes every request before it is sent (after the
// client's own headers, before authentication).
func WithRequestEditor(fn func(ctx context.Context, req *http.Request) error) Option {
	return func(o *config) error { return optionError("WithRequestEditor", o.common.AddEditor(fn)) }
}
