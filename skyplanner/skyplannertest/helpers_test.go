package skyplannertest_test

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// newClient returns a real client pointed at srv, with retries off so that
// injected faults come back as they are.
func newClient(t *testing.T, srv *skyplannertest.Server, opts ...skyplanner.Option) *skyplanner.Client {
	t.Helper()
	all := append(srv.ClientOptions(), skyplanner.WithRetryPolicy(skyplanner.RetryPolicy{}))
	c, err := skyplanner.New(append(all, opts...)...)
	if err != nil {
		t.Fatalf("skyplanner.New: %v", err)
	}
	return c
}

// answer is a raw answer of the fake.
type answer struct {
	status int
	header http.Header
	body   string
}

// send makes a raw request to the fake, below BaseURL, with the fake's
// token unless token is given ("" for none).
func send(t *testing.T, srv *skyplannertest.Server, method, path, body string, token ...string) answer {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, srv.BaseURL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	tok := srv.Token()
	if len(token) > 0 {
		tok = token[0]
	}
	if tok != "" {
		req.Header.Set("Authorization-Token", tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, string(b)}
}

// clock is a settable clock for WithClock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(rfc3339 string) *clock {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		panic(err)
	}
	return &clock{t: t}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
