package vendordoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/planbridge/planbridge/internal/fakeserver"
)

// ValidateRequest checks r (path, query, headers, body) against the
// document. r is not changed; its body is read from a copy when r has
// GetBody, and otherwise read and put back.
func (d *Doc) ValidateRequest(r *http.Request) error {
	body, err := requestBody(r)
	if err != nil {
		return err
	}
	route, params, err := d.requests.FindRoute(r)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: withBody(r, body), PathParams: params, Route: route, Options: &d.opts}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		return fmt.Errorf("request %s %s: %s", route.Method, route.Path, fakeserver.ErrorSummary(err))
	}
	return nil
}

// ValidateResponse checks an answer to r against the document.
//
// The vendor documents no error answers (the service's are ASP.NET's
// {"Message": ...}), so a status of 400 or more is not checked.
func (d *Doc) ValidateResponse(r *http.Request, status int, header http.Header, body []byte) error {
	if status >= http.StatusBadRequest {
		return nil
	}
	route, params, err := d.answers.FindRoute(r)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, err)
	}
	if status == http.StatusCreated && len(body) > 0 {
		return fmt.Errorf("answer to %s %s: a create answers 201 with an empty body, got %q", route.Method, route.Path, body)
	}
	opts := d.opts
	if len(body) == 0 && r.Method != http.MethodGet {
		opts.ExcludeResponseBody = true // a write's empty answer; its headers are still checked
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route, Options: &opts},
		Status:                 status, Header: header, Options: &opts,
	}
	if err := openapi3filter.ValidateResponse(r.Context(), in.SetBodyBytes(body)); err != nil {
		return fmt.Errorf("answer %d to %s %s: %s", status, route.Method, route.Path, fakeserver.ErrorSummary(err))
	}
	return nil
}

// Checker is an http.RoundTripper that checks every request under the
// document's prefix, and the answer to it, as it passes.
type Checker struct {
	doc    *Doc
	next   http.RoundTripper
	prefix string
	report func(error)

	mu      sync.Mutex
	checked map[string]int
}

// Transport returns a Checker that sends through next (http.DefaultTransport
// when nil) and calls report with each request under prefix, and each
// answer to one, that the document refuses; t.Error does. Requests
// elsewhere (the token endpoint) pass unchecked. report is called from the
// goroutine sending the request.
func (d *Doc) Transport(prefix string, next http.RoundTripper, report func(error)) *Checker {
	if next == nil {
		next = http.DefaultTransport
	}
	return &Checker{doc: d, next: next, prefix: prefix, report: report, checked: map[string]int{}}
}

// RoundTrip implements http.RoundTripper.
func (c *Checker) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasPrefix(r.URL.Path, c.prefix+"/") {
		return c.next.RoundTrip(r)
	}
	body, err := requestBody(r)
	if err != nil {
		return nil, err
	}
	if err := c.doc.ValidateRequest(withBody(r, body)); err != nil {
		c.report(fmt.Errorf("vendor document: %w", err))
	}
	resp, err := c.next.RoundTrip(withBody(r, body))
	if err != nil {
		return resp, err
	}
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(answer))
	if err := c.doc.ValidateResponse(r, resp.StatusCode, resp.Header, answer); err != nil {
		c.report(fmt.Errorf("vendor document: %w", err))
	}
	if route, _, err := c.doc.answers.FindRoute(r); err == nil {
		c.mu.Lock()
		c.checked[route.Method+" "+route.Path]++
		c.mu.Unlock()
	}
	return resp, nil
}

// Checked returns the operations checked so far, as
// "GET /api/orgs/{organisationId}/orders", sorted.
func (c *Checker) Checked() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Sorted(maps.Keys(c.checked))
}

// requestBody reads r's body. Without GetBody it puts a new reader of the
// same bytes in r.Body, so whoever sends r still sends the whole body.
func requestBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	rc := r.Body
	if r.GetBody != nil {
		var err error
		if rc, err = r.GetBody(); err != nil {
			return nil, err
		}
	}
	body, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, errors.Join(errors.New("vendordoc: reading the request body"), err)
	}
	if r.GetBody == nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	return body, nil
}

// withBody is a shallow copy of r with its own reader of body.
func withBody(r *http.Request, body []byte) *http.Request {
	c := r.Clone(r.Context())
	if r.Body == nil || r.Body == http.NoBody {
		return c
	}
	c.Body = io.NopCloser(bytes.NewReader(body))
	c.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return c
}
