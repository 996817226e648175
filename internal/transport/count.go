package transport

import (
	"net/http"
	"sync/atomic"
)

// Count returns a layer for Config.Under that adds one to n for every try
// sent, retries included: what the service receives.
func Count(n *atomic.Int64) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper {
		return layerFunc(func(req *http.Request) (*http.Response, error) {
			n.Add(1)
			return next.RoundTrip(req)
		})
	}
}

// Chain applies layers for Config.Under, the first outermost; nil layers
// are left out.
func Chain(layers ...func(http.RoundTripper) http.RoundTripper) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper {
		for i := len(layers) - 1; i >= 0; i-- {
			if layers[i] != nil {
				next = layers[i](next)
			}
		}
		return next
	}
}

type layerFunc func(*http.Request) (*http.Response, error)

func (f layerFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
