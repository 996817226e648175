package minimax

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/planbridge/planbridge/minimax/api"
)

// BenchmarkGetOrder compares one typed GetOrder (token cached, the whole
// stack: auth, retry layer, error check, decoding into api.Order with
// DateTime) with a bare net/http request decoded by encoding/json into the
// same type, against one loopback server answering the vendor's example
// order.
func BenchmarkGetOrder(b *testing.B) {
	seed, err := os.ReadFile("api/testdata/order-seed.json")
	if err != nil {
		b.Fatal(err)
	}
	// The help page's example is an order to send; as read back it has its id.
	order := append([]byte(`{"OrderId":7870,`), bytes.TrimPrefix(bytes.TrimSpace(seed), []byte("{"))...)
	srv, c := benchServer(b, order)

	b.Run("typed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.GetOrder(b.Context(), 7870); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bare", func(b *testing.B) {
		hc := srv.Client()
		url := srv.URL + "/SI/API/api/orgs/3840/orders/7870"
		b.ReportAllocs()
		for b.Loop() {
			req, _ := http.NewRequestWithContext(b.Context(), http.MethodGet, url, nil)
			req.Header.Set("Authorization", "Bearer tok-1")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var o api.Order
			err = json.NewDecoder(resp.Body).Decode(&o)
			_ = resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatal(resp.StatusCode, err)
			}
		}
	})
}

// benchServer is a loopback Minimax that answers the token endpoint, and
// every other request with body; the client is built for it.
func benchServer(b *testing.B, body []byte) (*httptest.Server, *Client) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if r.URL.Path == "/SI/AUT/oauth20/token" {
			_, _ = w.Write([]byte(`{"access_token":"tok-1","token_type":"bearer","expires_in":3600}`))
			return
		}
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	c, err := New(WithBaseURL(srv.URL+"/SI/API/"), WithTokenURL(srv.URL+"/SI/AUT/oauth20/token"),
		WithCredentials(testCreds), WithOrganisation(testOrg), WithHTTPClient(srv.Client()))
	if err != nil {
		b.Fatal(err)
	}
	return srv, c
}
