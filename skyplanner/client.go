package skyplanner

import (
	"context"
	"errors"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/internal/redact"
	"github.com/planbridge/planbridge/internal/transport"
	"github.com/planbridge/planbridge/internal/wire"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// Client talks to one SkyPlanner tenant. It is safe for concurrent use.
type Client struct {
	api  *api.ClientWithResponses
	log  *slog.Logger
	sent atomic.Int64
}

// RequestsSent reports how many requests the client has sent, every try of
// a retried call included.
func (c *Client) RequestsSent() int64 { return c.sent.Load() }

// siteURL is the API root of a tenant, as the only public client knows it.
const siteURL = "https://%s.skyplanner.app/production-planning/api/v3"

// New returns a client. WithToken and exactly one of WithSite and
// WithBaseURL are required; everything else has a default.
func New(opts ...Option) (*Client, error) {
	cfg := config{common: clientopt.Defaults()}
	for i, opt := range opts {
		if opt == nil {
			return nil, fmt.Errorf("skyplanner: option %d is nil", i)
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	switch {
	case cfg.site != "" && cfg.common.BaseURL != nil:
		return nil, errors.New("skyplanner: WithSite and WithBaseURL both given; use one")
	case cfg.site != "":
		if err := cfg.common.SetBaseURL(fmt.Sprintf(siteURL, cfg.site)); err != nil {
			return nil, optionError("WithSite", err)
		}
	case cfg.common.BaseURL == nil:
		return nil, errors.New("skyplanner: no tenant; use WithSite or WithBaseURL")
	}
	if cfg.token == "" {
		return nil, errors.New("skyplanner: no token; use WithToken")
	}

	token := cfg.token
	// The transport scrubs the token from every body and error it hands up,
	// and the handler from every log line, whoever writes it.
	cfg.common.Redactor = redact.New(token)
	cfg.common.Logger = cfg.common.Redactor.Logger(cfg.common.Logger)
	log := cfg.common.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	authorize := func(req *http.Request) error {
		req.Header.Set("Authorization-Token", token)
		return nil
	}
	c := &Client{log: log}
	hc, err := cfg.common.Build(authorize, transport.Count(&c.sent))
	if err != nil {
		return nil, fmt.Errorf("skyplanner: %w", err)
	}
	apiOpts := []api.ClientOption{api.WithHTTPClient(hc)}
	for _, ed := range cfg.common.Editors {
		apiOpts = append(apiOpts, api.WithRequestEditorFn(api.RequestEditorFn(ed)))
	}
	ac, err := api.NewClientWithResponses(cfg.common.BaseURL.String(), apiOpts...)
	if err != nil {
		return nil, fmt.Errorf("skyplanner: %w", err)
	}
	c.api = ac
	return c, nil
}

// API returns the generated client this one is built on, for operations
// this package does not wrap (workstation writes, say). It sends through the
// same transport: the token, retries and User-Agent apply.
//
// Its typed results (JSON200) assume the enveloped response form and fail on
// a bare list; read the raw Body with api.DecodeOne or api.DecodeList, which
// take both.
func (c *Client) API() *api.ClientWithResponses { return c.api }

// do finishes a generated call: a transport error or a non-2xx status
// becomes an error named after op; on success the caller reads and closes
// resp.Body.
//
// The layer calls the generated client's raw methods rather than its
// XxxWithResponse ones because those parse the body into the envelope type
// and fail outright when SkyPlanner answers with a bare array, or with a
// bare record that has a member named like the envelope's key.
func (c *Client) do(op string, resp *http.Response, err error) error {
	if err := wire.Status(op, resp, err); err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		c.log.Debug("skyplanner call failed", "operation", op, "status", status)
		return err
	}
	return nil
}

// open finishes a generated call whose answer is to be decoded: it must
// have succeeded and be JSON.
func (c *Client) open(op string, resp *http.Response, err error) (*wire.Body, error) {
	if err := c.do(op, resp, err); err != nil {
		return nil, err
	}
	b, err := wire.Open(op, resp)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// fail labels an error found before any request with the operation.
func (c *Client) fail(op string, err error) error {
	return fmt.Errorf("%s: %w", op, err)
}

// one decodes a single record from a finished call; key is its envelope
// key. An answer without a record, or with one that lacks its id, is an
// *AnswerError matching ErrNoRecord.
func one[T any](c *Client, op, key string, resp *http.Response, err error) (T, error) {
	var zero T
	b, err := c.open(op, resp, err)
	if err != nil {
		return zero, err
	}
	defer b.Close()
	// A single record is small; reading it whole lets DecodeOne tell an
	// envelope from a bare record by its members.
	body, err := io.ReadAll(b)
	if err != nil {
		return zero, b.Fail(err)
	}
	v, err := api.DecodeOne[T](body, key)
	if err == nil {
		err = identified(v)
	}
	if err != nil {
		return zero, b.Fail(err)
	}
	return v, nil
}

// none finishes a call whose answer has no body worth reading.
func (c *Client) none(op string, resp *http.Response, err error) error {
	if err := c.do(op, resp, err); err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body) // so the connection can be reused
	return nil
}

// records decodes the list under key from a finished call, record by
// record from the stream.
func records[T any](c *Client, op, key string, resp *http.Response, err error) ([]T, error) {
	b, err := c.open(op, resp, err)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	items, err := api.DecodeListFrom[T](b, key)
	if err != nil {
		return nil, b.Fail(err)
	}
	return items, nil
}

// list returns a sequence that, once ranged over, makes one request and
// yields the records of the list under key. SkyPlanner documents no paging
// (only a limit), so there is never a second request; ranging again repeats
// the request.
func list[T any](ctx context.Context, c *Client, op, key string, call func(context.Context) (*http.Response, error)) iter.Seq2[T, error] {
	return pager.All(ctx, func(ctx context.Context, _ int) (pager.Page[T], error) {
		resp, err := call(ctx)
		items, err := records[T](c, op, key, resp, err)
		if err != nil {
			return pager.Page[T]{}, err
		}
		return pager.Page[T]{Items: items}, nil
	})
}

// find reads a filtered list and insists on exactly one record with the
// external id. The match is checked here too: for most resources the
// external_id filter is only inferred, and a server that ignored it would
// otherwise return some unrelated record.
func find[T any](op, externalID string, seq iter.Seq2[T, error], key func(T) (ext *string, id *int64)) (T, error) {
	var zero T
	var matches []T
	var ids []int64
	for v, err := range seq {
		if err != nil {
			return zero, err
		}
		ext, id := key(v)
		if ext == nil || *ext != externalID {
			continue
		}
		matches = append(matches, v)
		ids = append(ids, deref.Of(id))
	}
	switch len(matches) {
	case 0:
		return zero, fmt.Errorf("%s: nothing has external id %q: %w", op, externalID, ErrNotFound)
	case 1:
		return matches[0], nil
	}
	return zero, &AmbiguousError{Operation: op, ExternalID: externalID, IDs: ids}
}

// checkExternalID refuses an empty key: with it the filter would be dropped
// and every record would "match".
func checkExternalID(externalID string) error {
	if externalID == "" {
		return &FieldError{Field: "external_id", Err: errors.New("is empty")}
	}
	return nil
}

// checkSameID refuses an update whose record names another record than the
// id it is sent to, which would otherwise be a silent guess at intent.
func checkSameID(id int64, recordID *int64) error {
	if recordID != nil && *recordID != id {
		return &FieldError{Field: "id", Err: fmt.Errorf("is %d but the update is for %d", *recordID, id)}
	}
	return nil
}
