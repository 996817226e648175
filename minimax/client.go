package minimax

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/sync/singleflight"

	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/minimax/api"
)

// DefaultScope is the OAuth scope the vendor's samples send on every deployment.
const DefaultScope = "minimax.si"

// Client calls Minimax for one organisation. It is safe for concurrent use.
type Client struct {
	api    *api.ClientWithResponses
	tokens *tokens
	budget *budget

	zone *time.Location

	org      int64
	orgMu    sync.Mutex
	orgGroup singleflight.Group

	lookups lookups

	maxPages int // pages a list without TotalRows may take; tests lower it

	sent atomic.Int64 // API requests sent, every try
}

// New builds a client. It needs a deployment (WithCountry, or WithBaseURL
// and WithTokenURL) and WithCredentials; it sends nothing until the first
// call.
func New(opts ...Option) (*Client, error) {
	cfg := config{common: clientopt.Defaults(), scope: DefaultScope, now: time.Now}
	for _, opt := range opts {
		if opt == nil {
			return nil, errors.New("minimax: nil option")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.country != "" {
		if cfg.common.BaseURL == nil {
			if err := cfg.common.SetBaseURL(cfg.country.APIURL()); err != nil {
				return nil, err
			}
		}
		if cfg.tokenURL == "" {
			cfg.tokenURL = cfg.country.TokenURL()
		}
	}
	if cfg.zone == nil {
		cfg.zone = defaultZone()
	}
	switch {
	case cfg.common.BaseURL == nil:
		return nil, errors.New("minimax: no API URL: use WithCountry or WithBaseURL")
	case cfg.tokenURL == "":
		return nil, errors.New("minimax: no token URL: use WithCountry or WithTokenURL")
	case cfg.creds == (Credentials{}):
		return nil, errors.New("minimax: no credentials: use WithCredentials")
	}

	// Both stacks scrub the password and client secret; the API's also every
	// token issued. The token request's does not, or a token issued again
	// would be masked in the very answer that carries it.
	apiRedactor := redact.New(cfg.creds.Password, cfg.creds.ClientSecret)
	cfg.common.Logger = apiRedactor.Logger(cfg.common.Logger)
	tokenCommon := cfg.common
	tokenCommon.Redactor = redact.New(cfg.creds.Password, cfg.creds.ClientSecret)
	tokenHTTP, err := tokenCommon.Build(nil, nil)
	if err != nil {
		return nil, fmt.Errorf("minimax: %w", err)
	}
	// A redirect would post the password form to wherever it points.
	tokenHTTP.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	t := &tokens{
		conf: &oauth2.Config{
			ClientID: cfg.creds.ClientID, ClientSecret: cfg.creds.ClientSecret, Scopes: []string{cfg.scope},
			// Explicit: auto-detection sends every refused request twice, and
			// each wrong password brings the lockout closer.
			Endpoint: oauth2.Endpoint{TokenURL: cfg.tokenURL, AuthStyle: oauth2.AuthStyleInParams},
		},
		user: cfg.creds.Username, password: cfg.creds.Password,
		client: tokenHTTP, now: cfg.now, redactor: apiRedactor,
	}
	c := &Client{tokens: t, org: cfg.org, zone: cfg.zone, maxPages: maxPagesUnknownTotal}
	var limit func(http.RoundTripper) http.RoundTripper
	if c.budget, err = newBudget(cfg); err != nil {
		return nil, err
	} else if c.budget != nil {
		limit = c.budget.transport
	}
	cfg.common.Redactor = apiRedactor
	hc, err := cfg.common.Build(t.authorize, transport.Chain(limit, transport.Count(&c.sent)))
	if err != nil {
		return nil, fmt.Errorf("minimax: %w", err)
	}
	hc.Transport = reauthorize{next: hc.Transport, tokens: t}

	genOpts := []api.ClientOption{api.WithHTTPClient(hc)}
	for _, ed := range cfg.common.Editors {
		genOpts = append(genOpts, api.WithRequestEditorFn(api.RequestEditorFn(ed)))
	}
	c.api, err = api.NewClientWithResponses(cfg.common.BaseURL.String(), genOpts...)
	if err != nil {
		return nil, fmt.Errorf("minimax: %w", err)
	}
	return c, nil
}

// API returns the generated client, for the operations this package does
// not wrap. It shares the client's authentication, retries and budget; its
// responses are not checked, so pass them through your own status handling.
func (c *Client) API() *api.ClientWithResponses { return c.api }

// BudgetUsed reports how many requests the daily budget counts now, and the
// limit; both are 0 without WithDailyBudget.
func (c *Client) BudgetUsed() (used, limit int) {
	if c.budget == nil {
		return 0, 0
	}
	return c.budget.w.Used(), c.budget.w.Limit()
}

// Organisations lists the organisations the user can reach.
func (c *Client) Organisations(ctx context.Context) ([]UserOrganisation, error) {
	const op = "minimax.Organisations"
	var orgs []UserOrganisation
	for o, err := range pages(ctx, op, bigPageSize, c.maxPages, organisationID, func(ctx context.Context, n, size int32) (page[UserOrganisation], error) {
		resp, err := c.api.GetUserOrganisations(ctx, &api.GetUserOrganisationsParams{CurrentPage: &n, PageSize: &size})
		return readPage[UserOrganisation](op, resp, err)
	}) {
		if err != nil {
			return nil, err
		}
		orgs = append(orgs, o)
	}
	return orgs, nil
}

// Organisation returns the organisation the client works in: the one given
// to WithOrganisation, or else the user's only organisation, asked once.
func (c *Client) Organisation(ctx context.Context) (int64, error) {
	c.orgMu.Lock()
	org := c.org
	c.orgMu.Unlock()
	if org != 0 {
		return org, nil
	}
	return shared(ctx, &c.orgGroup, "org", func(ctx context.Context) (int64, error) {
		orgs, err := c.Organisations(ctx)
		if err != nil {
			return 0, err
		}
		if len(orgs) != 1 || orgs[0].Organisation == nil || orgs[0].Organisation.ID == nil {
			return 0, fmt.Errorf("minimax: the user reaches %d organisations; choose one with WithOrganisation", len(orgs))
		}
		c.orgMu.Lock()
		c.org = *orgs[0].Organisation.ID
		c.orgMu.Unlock()
		return *orgs[0].Organisation.ID, nil
	})
}
