package skyplanner_test

import (
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/skyplanner"
)

const (
	testToken = "tok-5c1e-do-not-leak"
	testBase  = "https://acme.skyplanner.app/production-planning/api/v3"
)

// recorded is a request as it left the client's transport stack.
type recorded struct {
	Method string
	Path   string // below testBase, as "/phaser-orders/7"
	Query  url.Values
	Header http.Header
	Body   string
}

// fakeAPI answers the client through a parallel-safe httpmock transport and
// records what it was sent. A request nobody expected fails the test.
type fakeAPI struct {
	t  *testing.T
	mt *httpmock.MockTransport

	mu   sync.Mutex
	reqs []recorded
}

// newFake returns a client for tenant "acme" over a fake API. Retries are
// off so that error answers come back at once.
func newFake(t *testing.T, opts ...skyplanner.Option) (*fakeAPI, *skyplanner.Client) {
	t.Helper()
	f := &fakeAPI{t: t, mt: httpmock.NewMockTransport()}
	f.mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		f.record(req)
		t.Errorf("unexpected request %s %s", req.Method, req.URL)
		return httpmock.NewStringResponse(http.StatusTeapot, "unexpected"), nil
	})
	base := []skyplanner.Option{
		skyplanner.WithSite("acme"),
		skyplanner.WithToken(testToken),
		skyplanner.WithHTTPClient(&http.Client{Transport: f.mt}),
		skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{}),
	}
	c, err := skyplanner.New(append(base, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return f, c
}

// reply answers method on path (below testBase, any query) with status and
// a JSON body, every time it is asked.
func (f *fakeAPI) reply(method, path string, status int, body string) {
	f.mt.RegisterResponder(method, testBase+path, func(req *http.Request) (*http.Response, error) {
		f.record(req)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
}

func (f *fakeAPI) record(req *http.Request) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, recorded{
		Method: req.Method,
		Path:   strings.TrimPrefix(req.URL.Path, "/production-planning/api/v3"),
		Query:  req.URL.Query(),
		Header: req.Header.Clone(),
		Body:   string(body),
	})
}

// requests returns what the fake has been sent so far.
func (f *fakeAPI) requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

// only returns the one request the fake was sent, failing otherwise.
func (f *fakeAPI) only() recorded {
	f.t.Helper()
	reqs := f.requests()
	if len(reqs) != 1 {
		f.t.Fatalf("got %d requests, want 1: %+v", len(reqs), reqs)
	}
	return reqs[0]
}

// collect ranges over seq, returning the values before the first error and
// that error, and failing if anything follows an error.
func collect[T any](t *testing.T, seq iter.Seq2[T, error]) ([]T, error) {
	t.Helper()
	var out []T
	var firstErr error
	for v, err := range seq {
		if firstErr != nil {
			t.Fatalf("sequence went on after error %v", firstErr)
		}
		if err != nil {
			firstErr = err
			continue
		}
		out = append(out, v)
	}
	return out, firstErr
}

// jsonEqual compares JSON documents by meaning.
func jsonEqual(t *testing.T, want, got string) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want JSON %q: %v", want, err)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("bad JSON sent %q: %v", got, err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("JSON differs (-want +got):\n%s", diff)
	}
}
