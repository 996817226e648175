package transport

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/planbridge/planbridge/retry"
)

// policy is the public retry.Policy with the hooks retryablehttp calls.
type policy retry.Policy

// attempt is what the retry layer knows about one request across its tries.
// It travels in the request's context, which retryablehttp hands to
// CheckRetry and (through the response) to Backoff.
type attempt struct {
	method  string
	tries   int
	waited  time.Duration
	next    time.Duration
	gotConn atomic.Bool // the current try reached a connection
}

type attemptKey struct{}

func attemptFrom(ctx context.Context) *attempt {
	a, _ := ctx.Value(attemptKey{}).(*attempt)
	return a
}

// withAttempt starts tracking a request: its method, and through httptrace
// whether a try ever got a connection (a POST that never did cannot have
// reached the server, so it is safe to repeat).
func withAttempt(req *http.Request) *http.Request {
	a := &attempt{method: req.Method}
	if noReplay, _ := req.Context().Value(noReplayKey{}).(bool); noReplay {
		a.method = http.MethodPost // retried only when it cannot have arrived, or on 429
	}
	trace := &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { a.gotConn.Store(true) }}
	ctx := httptrace.WithClientTrace(context.WithValue(req.Context(), attemptKey{}, a), trace)
	return req.WithContext(ctx)
}

type noReplayKey struct{}

// NoReplay marks a request that must not be repeated once it may have
// reached the server, whatever its method: a PUT that creates something
// (Minimax's order action createissuedinvoice) is treated like a POST.
func NoReplay(ctx context.Context) context.Context {
	return context.WithValue(ctx, noReplayKey{}, true)
}

// idempotent methods may be repeated whatever happened to the first try.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// checkRetry decides about one finished try:
//   - never once the context is done or an error says retrying is pointless;
//   - GET, HEAD, PUT, DELETE on connection errors, 429 and 5xx (but 501);
//   - POST and PATCH only on 429, or on a connection error before any
//     connection was made (the server cannot have seen the request);
//   - and only while the waits added up stay under MaxTotalWait.
func (p policy) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	a := attemptFrom(ctx)
	if a == nil {
		return false, err
	}
	reachedServer := a.gotConn.Swap(false)
	retry := false
	switch {
	case err != nil:
		var perm permanentError
		if errors.As(err, &perm) {
			return false, err
		}
		retry = idempotent(a.method) || !reachedServer
	case resp.StatusCode == http.StatusTooManyRequests:
		retry = true
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		retry = idempotent(a.method)
	}
	if !retry {
		return false, err
	}
	a.tries++
	wait := p.wait(a.tries-1, resp)
	if a.waited+wait > p.MaxTotalWait {
		return false, err
	}
	a.waited += wait
	a.next = wait
	return true, nil
}

// backoff returns the wait checkRetry chose. retryablehttp gives Backoff no
// context when a try failed without a response; the wait then depends only
// on the try number, which is what checkRetry used too.
func (p policy) backoff(_, _ time.Duration, try int, resp *http.Response) time.Duration {
	if resp != nil && resp.Request != nil {
		if a := attemptFrom(resp.Request.Context()); a != nil {
			return a.next
		}
	}
	return p.wait(try, resp)
}

// wait is the pause before retry number try (0 for the first). It is
// retryablehttp's DefaultBackoff: what Retry-After asks on a 429 or 503
// (seconds or an RFC 1123 date), otherwise MinWait doubled per try up to
// MaxWait. Ours is only the cap on a wait the server asks for.
func (p policy) wait(try int, resp *http.Response) time.Duration {
	d := retryablehttp.DefaultBackoff(p.MinWait, p.MaxWait, try, resp)
	if !asksToWait(resp) {
		return d
	}
	// DefaultBackoff multiplies the header's seconds by time.Second
	// unchecked, so a wait past what a Duration holds (292 years) comes back
	// wrapped, often negative; negative can only mean "too long", and any
	// other result stays under the cap.
	if d < 0 || d > p.MaxRetryAfter {
		return p.MaxRetryAfter
	}
	return d
}

// asksToWait reports an answer whose Retry-After DefaultBackoff obeys. An
// unreadable header makes it fall back to the back-off, which MaxRetryAfter
// then bounds as well.
func asksToWait(resp *http.Response) bool {
	return resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) &&
		resp.Header.Get("Retry-After") != ""
}

// permanentError marks an error from a layer under the retries (such as an
// exhausted request budget) that no retry can fix.
type permanentError interface {
	error
	Permanent() bool
}
