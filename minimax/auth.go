package minimax

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/sync/singleflight"
)

// tokenTimeout bounds one token request, which runs detached from the
// caller that started it so that other waiting callers can still use it.
const tokenTimeout = time.Minute

// tokens caches the bearer token and fetches it with the password grant:
// once for any number of concurrent callers, again shortly before it
// expires, and never again after the endpoint refused the credentials.
type tokens struct {
	conf     *oauth2.Config
	user     string
	password string
	client   *http.Client // for token requests: retries, no authorisation, no budget
	leeway   time.Duration
	now      func() time.Time

	flight singleflight.Group
	mu     sync.Mutex
	tok    *oauth2.Token
	refuse *AuthError // latched refusal
}

// authorize is the transport's Authorizer: it sets the bearer token.
func (t *tokens) authorize(req *http.Request) error {
	tok, err := t.token(req.Context())
	if err != nil {
		return err
	}
	tok.SetAuthHeader(req)
	return nil
}

func (t *tokens) cached() (*oauth2.Token, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.refuse != nil {
		return nil, t.refuse
	}
	if t.tok != nil && (t.tok.Expiry.IsZero() || t.now().Add(t.leeway).Before(t.tok.Expiry)) {
		return t.tok, nil
	}
	return nil, nil
}

func (t *tokens) token(ctx context.Context) (*oauth2.Token, error) {
	if tok, err := t.cached(); tok != nil || err != nil {
		return tok, err
	}
	ch := t.flight.DoChan("token", func() (any, error) {
		// A flight that ended just before this one began may have stored a token.
		if tok, err := t.cached(); tok != nil || err != nil {
			return tok, err
		}
		// A fresh context: the caller's may end while others still wait, and
		// its values (the retry layer's trace of the API request) are not
		// the token request's.
		fetchCtx, cancel := context.WithTimeout(context.Background(), tokenTimeout)
		defer cancel()
		tok, err := t.fetch(fetchCtx)
		t.mu.Lock()
		defer t.mu.Unlock()
		var refused *AuthError
		if errors.As(err, &refused) && refused.Latched {
			t.refuse = refused
		}
		if err != nil {
			return nil, err
		}
		t.tok = tok
		return tok, nil
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*oauth2.Token), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fetch asks the token endpoint once. A 4xx answer other than 429 is a
// refusal of the credentials and latches.
func (t *tokens) fetch(ctx context.Context) (*oauth2.Token, error) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, t.client)
	tok, err := t.conf.PasswordCredentialsToken(ctx, t.user, t.password)
	if err == nil {
		return tok, nil
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil {
		code := re.Response.StatusCode
		if code >= 400 && code < 500 && code != http.StatusTooManyRequests {
			return nil, &AuthError{Status: code, Code: re.ErrorCode, Description: re.ErrorDescription, Latched: true}
		}
		return nil, &AuthError{Status: code, Code: re.ErrorCode, Err: errors.New(re.Response.Status)}
	}
	return nil, &AuthError{Err: err}
}

// forget drops the cached token, after the API answered 401 to it.
func (t *tokens) forget(tok string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tok != nil && t.tok.AccessToken == tok {
		t.tok = nil
	}
}

// reauthorize handles a token the API refused before it expired (revoked,
// or the service restarted): it forgets the token and sends the request
// once more with a new one. A 401 means the request was refused before it
// was processed, so sending it again duplicates nothing, even for a POST.
// A second 401 is the caller's: the credentials are good (the token
// endpoint took them) but the user lacks a right.
type reauthorize struct {
	next   http.RoundTripper
	tokens *tokens
}

func (d reauthorize) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := d.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || resp.Request == nil {
		return resp, err
	}
	tok, ok := strings.CutPrefix(resp.Request.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		return resp, nil
	}
	d.tokens.forget(tok)
	again := req.Clone(req.Context())
	if req.Body != nil {
		if req.GetBody == nil {
			return resp, nil // the body cannot be read twice
		}
		body, err := req.GetBody()
		if err != nil {
			return resp, nil
		}
		again.Body = body
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return d.next.RoundTrip(again)
}
