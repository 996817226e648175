package minimax

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestConcurrentCallsShareOneToken(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.tokenDelay = 50 * time.Millisecond
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c := f.client()
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Go(func() {
			_, err := c.GetOrder(t.Context(), 7)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := f.tokenCalls.Load(); n != 1 {
		t.Errorf("50 concurrent calls made %d token requests, want 1", n)
	}
	if n := f.apiCalls.Load(); n != 50 {
		t.Errorf("API calls = %d, want 50", n)
	}
}

func TestTokenIsReusedUntilShortlyBeforeExpiry(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.expiresIn = 3600
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c := f.client()
	var mu sync.Mutex
	now := time.Now()
	c.tokens.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }

	for range 3 {
		if _, err := c.GetOrder(t.Context(), 7); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.tokenCalls.Load(); n != 1 {
		t.Fatalf("token requests after 3 calls = %d, want 1", n)
	}
	advance(58 * time.Minute) // still more than the one-minute leeway left
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	if n := f.tokenCalls.Load(); n != 1 {
		t.Fatalf("token requests at 58 min = %d, want 1", n)
	}
	advance(90 * time.Second) // inside the leeway: fetch a new one
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	if n := f.tokenCalls.Load(); n != 2 {
		t.Errorf("token requests near expiry = %d, want 2", n)
	}
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

// newClock starts at the wall clock's time, so that code still reading the
// wall clock somewhere (oauth2 sets Expiry from it) is caught out as soon as
// the fake one moves.
func newClock() *fakeClock { return &fakeClock{now: time.Now()} }

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func TestShortLivedTokensAreCached(t *testing.T) {
	t.Parallel()
	for _, life := range []int{60, 30, 2} {
		t.Run(fmt.Sprintf("%d s", life), func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.expiresIn = life
			f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
			})
			c := f.client()
			clock := newClock()
			c.tokens.now = clock.Now
			for range 40 {
				if _, err := c.GetOrder(t.Context(), 7); err != nil {
					t.Fatal(err)
				}
			}
			if n := f.tokenCalls.Load(); n != 1 {
				t.Fatalf("40 calls with a %d s token made %d token requests, want 1", life, n)
			}
			// Half the lifetime is the margin for tokens shorter than two minutes.
			half := time.Duration(life) * time.Second / 2
			clock.advance(half - time.Second/4)
			if _, err := c.GetOrder(t.Context(), 7); err != nil || f.tokenCalls.Load() != 1 {
				t.Fatalf("just before half the lifetime: %v, %d token requests, want the cached token", err, f.tokenCalls.Load())
			}
			clock.advance(time.Second / 4)
			if _, err := c.GetOrder(t.Context(), 7); err != nil || f.tokenCalls.Load() != 2 {
				t.Errorf("at half the lifetime: %v, %d token requests, want a new token", err, f.tokenCalls.Load())
			}
		})
	}
}

func TestRevokedTokenIsReplacedOnce(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var calls atomic.Int64
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 2 { // revoked after it was accepted once
			writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
			return
		}
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c := f.client()
	for i := range 2 {
		if _, err := c.GetOrder(t.Context(), 7); err != nil {
			t.Fatalf("call %d: %v, want a revoked token replaced and the request sent again", i+1, err)
		}
	}
	if n := f.tokenCalls.Load(); n != 2 {
		t.Errorf("token requests = %d, want 2 (the revoked token is not reused)", n)
	}
	if n := f.apiCalls.Load(); n != 3 {
		t.Errorf("API requests = %d, want 3", n)
	}
}

// A token the API refuses as soon as it is issued will be refused again:
// the credentials are good but the user may not reach the organisation.
// Granting again for every call would only burn the budget.
func TestFreshTokenRefusedStopsGranting(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var posts atomic.Int64
	f.handle("POST /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
	})
	c := f.client()
	clock := newClock()
	c.tokens.now = clock.Now
	for i := range 10 {
		_, err := c.CreateOrder(t.Context(), Order{ReceivedIssued: new(string(Received))})
		var accessErr *AccessError
		if !errors.As(err, &accessErr) || !errors.Is(err, ErrAccessRefused) || !errors.Is(err, ErrUnauthorized) {
			t.Fatalf("call %d: %v, want an *AccessError matching ErrAccessRefused and ErrUnauthorized", i+1, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "accepted the credentials") || !strings.Contains(msg, "organisation") {
			t.Errorf("call %d: %q does not say what to check", i+1, msg)
		}
	}
	if g, p := f.tokenCalls.Load(), posts.Load(); g != 1 || p != 1 {
		t.Errorf("10 calls made %d grants and %d POSTs, want 1 and 1", g, p)
	}
	clock.advance(accessCooldown - time.Second)
	if _, err := c.CreateOrder(t.Context(), Order{ReceivedIssued: new(string(Received))}); !errors.Is(err, ErrAccessRefused) || f.tokenCalls.Load() != 1 {
		t.Errorf("inside the cool-down: %v after %d grants, want ErrAccessRefused and no grant", err, f.tokenCalls.Load())
	}
	clock.advance(time.Second)
	if _, err := c.CreateOrder(t.Context(), Order{ReceivedIssued: new(string(Received))}); !errors.Is(err, ErrAccessRefused) || f.tokenCalls.Load() != 2 {
		t.Errorf("after the cool-down: %v after %d grants, want one more grant", err, f.tokenCalls.Load())
	}
}

// A token accepted before and then refused is replaced once; when the new
// one is refused as well, the cool-down starts.
func TestRevokedThenRefusedStopsGranting(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var calls atomic.Int64
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
			return
		}
		writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
	})
	c := f.client()
	for range 10 {
		_, _ = c.GetOrder(t.Context(), 7)
	}
	if _, err := c.GetOrder(t.Context(), 7); !errors.Is(err, ErrAccessRefused) {
		t.Errorf("error %v, want ErrAccessRefused", err)
	}
	if g, a := f.tokenCalls.Load(), f.apiCalls.Load(); g != 2 || a != 3 {
		t.Errorf("%d grants and %d API requests, want 2 and 3", g, a)
	}
}

func TestTokenRequestFollowsNoRedirect(t *testing.T) {
	t.Parallel()
	for _, code := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			t.Parallel()
			var elsewhere atomic.Int64
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				elsewhere.Add(1)
				writeJSON(w, http.StatusOK, map[string]any{"access_token": "tok-stolen", "token_type": "bearer", "expires_in": 3600})
			}))
			t.Cleanup(other.Close)
			f := newFake(t)
			target := other.URL + "/collect"
			redirecting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target, code)
			}))
			t.Cleanup(redirecting.Close)
			c := f.client(WithTokenURL(redirecting.URL + "/SI/AUT/oauth20/token"))

			_, err := c.GetOrder(t.Context(), 7)
			var authErr *AuthError
			if !errors.As(err, &authErr) || authErr.Latched || authErr.Status != code {
				t.Fatalf("error %v, want an AuthError for the %d that does not latch", err, code)
			}
			if !strings.Contains(err.Error(), target) {
				t.Errorf("error %q does not say where the redirect pointed", err)
			}
			if n := elsewhere.Load(); n != 0 {
				t.Errorf("the redirect's target got %d requests, want none", n)
			}
		})
	}
}

func TestWrongPasswordLatches(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		t.Error("an API call was sent without a token")
	})
	bad := testCreds
	bad.Password = "wrong"
	c := f.client(WithCredentials(bad))

	_, err := c.GetOrder(t.Context(), 7)
	var authErr *AuthError
	if !errors.As(err, &authErr) || !authErr.Latched || authErr.Code != "invalid_grant" || authErr.Status != http.StatusBadRequest {
		t.Fatalf("first call: %v, want a latched invalid_grant AuthError", err)
	}
	if !errors.Is(err, ErrCredentialsRefused) || !errors.Is(err, ErrUnauthorized) {
		t.Errorf("error %v does not match ErrCredentialsRefused and ErrUnauthorized", err)
	}
	if !strings.Contains(err.Error(), "no further token request") {
		t.Errorf("error does not say why calls stop: %v", err)
	}

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.GetOrder(t.Context(), 7); !errors.Is(err, ErrCredentialsRefused) {
				t.Errorf("later call: %v, want ErrCredentialsRefused", err)
			}
			for _, err := range c.ListOrders(t.Context(), OrderFilter{}) {
				if !errors.Is(err, ErrCredentialsRefused) {
					t.Errorf("later list: %v, want ErrCredentialsRefused", err)
				}
			}
		})
	}
	wg.Wait()
	if n := f.tokenCalls.Load(); n != 1 {
		t.Errorf("token requests = %d, want exactly the first one", n)
	}
	if n := f.apiCalls.Load(); n != 0 {
		t.Errorf("API requests = %d, want 0", n)
	}
}

func TestServerErrorAtTokenEndpointDoesNotLatch(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	f.failTokens.Store(1)
	c := f.client()
	_, err := c.GetOrder(t.Context(), 7)
	var authErr *AuthError
	if !errors.As(err, &authErr) || authErr.Latched {
		t.Fatalf("first call: %v, want an AuthError that does not latch", err)
	}
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatalf("second call after the endpoint came back: %v", err)
	}
}

func TestSecretsStayOutOfErrorsAndPrints(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"Message": "An error has occurred."})
	})
	c := f.client(WithRetryPolicy(RetryPolicy{}))
	_, err := c.GetOrder(t.Context(), 7)
	if err == nil {
		t.Fatal("want an error")
	}
	bad := testCreds
	bad.Password = "wrong-" + testPassword
	_, refused := f.client(WithCredentials(bad)).GetOrder(t.Context(), 7)
	for _, text := range []string{err.Error(), refused.Error(), testCreds.String(), testCreds.GoString()} {
		for _, secret := range []string{testPassword, testSecret, "tok-1", "tok-2"} {
			if strings.Contains(text, secret) {
				t.Errorf("%q leaks %q", text, secret)
			}
		}
	}
}
