package minimax

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
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

func TestRevokedTokenIsForgotten(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	first := true
	f.handle("GET /api/orgs/3840/orders/7", func(w http.ResponseWriter, r *http.Request) {
		if first {
			first = false
			writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
			return
		}
		writeJSON(w, http.StatusOK, sampleOrderJSON(7, "AAAA"))
	})
	c := f.client()
	if _, err := c.GetOrder(t.Context(), 7); err != nil {
		t.Fatalf("call with a revoked token: %v, want it sent again with a new token", err)
	}
	if n := f.tokenCalls.Load(); n != 2 {
		t.Errorf("token requests = %d, want 2 (the revoked token is not reused)", n)
	}
	if n := f.apiCalls.Load(); n != 2 {
		t.Errorf("API requests = %d, want 2", n)
	}
}

func TestRefusedTwiceIsTheCallersError(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var posts int
	f.handle("POST /api/orgs/3840/orders", func(w http.ResponseWriter, r *http.Request) {
		posts++
		if body, _ := io.ReadAll(r.Body); !strings.Contains(string(body), `"ReceivedIssued":"P"`) {
			t.Errorf("POST %d came without its body: %s", posts, body)
		}
		writeJSON(w, http.StatusUnauthorized, map[string]string{"Message": "Authorization has been denied for this request."})
	})
	_, err := f.client().CreateOrder(t.Context(), Order{ReceivedIssued: ptr(string(Received))})
	if !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("error %v, want ErrUnauthorized", err)
	}
	if posts != 2 || f.tokenCalls.Load() != 2 {
		t.Errorf("POSTs %d and token requests %d, want one more of each after the first 401", posts, f.tokenCalls.Load())
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
