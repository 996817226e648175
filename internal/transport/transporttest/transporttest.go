// Package transporttest serves huge answers without holding them, for the
// tests of the response size cap in the transport and both clients.
package transporttest

import (
	"io"
	"net/http"
	"sync/atomic"
)

// Huge answers every request with 200 and a JSON content type over a body
// of size zero bytes, adding to read each byte read from it. With announce
// the response states its length.
func Huge(size int64, announce bool, read *atomic.Int64) http.RoundTripper {
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Request: req, ContentLength: -1, Body: &zeros{left: size, read: read}}
		if announce {
			resp.ContentLength = size
		}
		return resp, nil
	})
}

type zeros struct {
	left int64
	read *atomic.Int64
}

func (z *zeros) Read(p []byte) (int, error) {
	if z.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), z.left))
	clear(p[:n])
	z.left -= int64(n)
	z.read.Add(int64(n))
	return n, nil
}

func (z *zeros) Close() error { return nil }

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
