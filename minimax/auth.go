package minimax

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/sync/singleflight"

	"github.com/planbridge/planbridge/internal/redact"
)

// tokenTimeout bounds one token request, which runs detached from the
// caller that started it so that other waiting callers can still use it.
const tokenTimeout = time.Minute

// maxEarlyRefresh is how long before its expiry a token is replaced, at
// most: a request that starts just before the expiry must still arrive in
// time. A token living less than two minutes is replaced at half its life
// instead, or it would be stale on arrival and every call would ask for a
// new one.
const maxEarlyRefresh = time.Minute

// accessCooldown is how long the client asks for no token after the API
// refused one it had just been issued. Such a refusal comes from the user's
// rights or the scope, which someone must change in Minimax, so another
// grant at once would be refused the same way; five minutes holds a caller
// that keeps retrying to about a dozen grants an hour, instead of one per
// call, and still picks up the fix soon after it is made.
const accessCooldown = 5 * time.Minute

// tokens caches the bearer token and fetches it with the password grant:
// once for any number of concurrent callers, again shortly before it
// expires, never again after the endpoint refused the credentials, and not
// for a while after the API refused a fresh token.
//
// It is not oauth2.ReuseTokenSourceWithExpiry, which applies one fixed
// margin to every token (a short-lived one is then stale on arrival), reads
// the wall clock through a variable tests cannot drive, runs a refresh on
// the context of whichever caller came first with no single flight, and has
// no place for the lockout latch or the cool-down.
type tokens struct {
	conf     *oauth2.Config
	user     string
	password string
	client   *http.Client // for token requests: retries, no authorisation, no budget, no redirects
	now      func() time.Time
	redactor *redact.Redactor // the API stack's: issued tokens join it

	flight    singleflight.Group
	mu        sync.Mutex
	tok       *oauth2.Token
	staleAt   time.Time  // when tok is to be replaced; zero for never
	accepted  bool       // the API answered tok with something other than 401
	refuse    *AuthError // latched refusal
	coolUntil time.Time  // no grant before this, after a fresh token was refused
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
	now := t.now()
	if now.Before(t.coolUntil) {
		return nil, &AccessError{Until: t.coolUntil}
	}
	if t.tok != nil && (t.staleAt.IsZero() || now.Before(t.staleAt)) {
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
		if err != nil {
			var refused *AuthError
			if errors.As(err, &refused) && refused.Latched {
				t.mu.Lock()
				t.refuse = refused
				t.mu.Unlock()
			}
			return nil, err
		}
		t.store(tok)
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

// store caches a new token, to be replaced min(maxEarlyRefresh, half its
// lifetime) before it expires, and has the redactor scrub it.
func (t *tokens) store(tok *oauth2.Token) {
	t.redactor.Add(tok.AccessToken)
	t.redactor.Add(tok.RefreshToken)
	var life time.Duration
	switch {
	case tok.ExpiresIn > 0:
		life = time.Duration(tok.ExpiresIn) * time.Second
	case !tok.Expiry.IsZero():
		life = time.Until(tok.Expiry) // oauth2 set Expiry from the wall clock
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.tok, t.accepted, t.staleAt = tok, false, time.Time{}
	if life != 0 {
		t.staleAt = t.now().Add(life - min(maxEarlyRefresh, life/2))
	}
}

// fetch asks the token endpoint once. A 4xx answer other than 429 is a
// refusal of the credentials and latches; a redirect is refused without
// following it, as the request carries the password and client secret.
//
// The AuthError never keeps the *oauth2.RetrieveError: its Response.Request
// can rebuild the password form.
func (t *tokens) fetch(ctx context.Context) (*oauth2.Token, error) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, t.client)
	tok, err := t.conf.PasswordCredentialsToken(ctx, t.user, t.password)
	if err == nil {
		return tok, nil
	}
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return nil, &AuthError{Err: err}
	}
	if re.Response == nil {
		return nil, &AuthError{Code: re.ErrorCode, Err: errors.New("no answer")}
	}
	code := re.Response.StatusCode
	switch {
	case code >= 300 && code < 400:
		return nil, &AuthError{Status: code, Err: redirected(re.Response)}
	case code >= 400 && code < 500 && code != http.StatusTooManyRequests:
		return nil, &AuthError{Status: code, Code: re.ErrorCode, Description: re.ErrorDescription, Latched: true}
	}
	return nil, &AuthError{Status: code, Code: re.ErrorCode, Err: errors.New(re.Response.Status)}
}

// redirected describes a redirect the token request did not follow.
func redirected(resp *http.Response) error {
	loc := resp.Header.Get("Location")
	if u, err := url.Parse(loc); err == nil {
		loc = u.Redacted()
	}
	return fmt.Errorf("the token endpoint answered %s pointing to %q; the request was not sent there, as it "+
		"carries the password and client secret: check the token URL", resp.Status, loc)
}

// accept notes that the API took tok.
func (t *tokens) accept(tok string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tok != nil && t.tok.AccessToken == tok {
		t.accepted = true
	}
}

// refused handles a 401 to tok. A token the API took before was revoked or
// expired early: it is dropped and the caller may replay (nil). A token the
// API never took was refused for the user's rights: the cool-down starts,
// and the error says so. During the cool-down every refusal gets the error.
func (t *tokens) refused(tok string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if now.Before(t.coolUntil) {
		return &AccessError{Until: t.coolUntil}
	}
	if t.tok == nil || t.tok.AccessToken != tok {
		return nil // already replaced by another call
	}
	fresh := !t.accepted
	t.tok = nil
	if fresh {
		t.coolUntil = now.Add(accessCooldown)
		return &AccessError{Until: t.coolUntil}
	}
	return nil
}

// reauthorize handles a 401 from the API. When the token was accepted
// before (revoked, or the service restarted) it sends the request once more
// with a new token: a 401 means the request was refused before it was
// processed, so that duplicates nothing, even for a POST. When the token
// was fresh, or the new one is refused too, the call fails with an
// *AccessError and the client stops asking for tokens for a while.
type reauthorize struct {
	next   http.RoundTripper
	tokens *tokens
}

func (d reauthorize) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := d.next.RoundTrip(req)
	for replayed := false; ; replayed = true {
		if err != nil || resp.Request == nil {
			return resp, err
		}
		tok, ok := strings.CutPrefix(resp.Request.Header.Get("Authorization"), "Bearer ")
		if !ok || tok == "" {
			return resp, nil
		}
		if resp.StatusCode != http.StatusUnauthorized {
			d.tokens.accept(tok)
			return resp, nil
		}
		if err := d.tokens.refused(tok); err != nil {
			discard(resp)
			return nil, err
		}
		again, ok := replay(req)
		if replayed || !ok {
			return resp, nil
		}
		discard(resp)
		resp, err = d.next.RoundTrip(again)
	}
}

// replay is a copy of req to send once more, if its body can be read again.
func replay(req *http.Request) (*http.Request, bool) {
	again := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		if req.GetBody == nil {
			return nil, false
		}
		body, err := req.GetBody()
		if err != nil {
			return nil, false
		}
		again.Body = body
	}
	return again, true
}

func discard(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}
