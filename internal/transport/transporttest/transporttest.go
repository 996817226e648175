// Package transporttest helps the tests of the transport and both clients:
// it serves huge answers without holding them and checks the size cap's
// error, and fails a body as its call is cancelled.
package transporttest

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/planbridge/planbridge/apierror"
)

// Huge answers every request with 200 and a JSON content type over a body
// of size bytes (see endless), adding to read each byte read from it. With
// announce the response states its length.
func Huge(size int64, announce bool, read *atomic.Int64) http.RoundTripper {
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Request: req, ContentLength: -1, Body: &endless{left: size, read: read}}
		if announce {
			resp.ContentLength = size
		}
		return resp, nil
	})
}

// endless is a JSON answer that never gets to its end: an object whose
// first member is a string of size bytes, so that a decoder reading from
// the stream keeps reading, as it would a real oversized answer.
type endless struct {
	left int64
	sent int
	read *atomic.Int64
}

const endlessHead = `{"Notes":"`

func (z *endless) Read(p []byte) (int, error) {
	if z.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), z.left))
	for i := range n {
		if z.sent < len(endlessHead) {
			p[i] = endlessHead[z.sent]
			z.sent++
		} else {
			p[i] = 'a'
		}
	}
	z.left -= int64(n)
	z.read.Add(int64(n))
	return n, nil
}

func (z *endless) Close() error { return nil }

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// CancelledRead is a body whose first Read calls cancel and fails with err:
// a call cancelled while its answer is read.
func CancelledRead(cancel func(), err error) io.ReadCloser {
	return readFunc(func([]byte) (int, error) {
		cancel()
		return 0, err
	})
}

type readFunc func([]byte) (int, error)

func (f readFunc) Read(p []byte) (int, error) { return f(p) }
func (f readFunc) Close() error               { return nil }

// slack is what a reader may take past a limit: one buffered read.
const slack = 64 << 10

// CheckTooLarge fails t unless err is a *ResponseTooLargeError for limit
// whose text names the limit and the option that sets it, and no more than
// the limit and a read's worth was read of the body (read bytes).
func CheckTooLarge(t testing.TB, err error, limit, read int64) {
	t.Helper()
	var tooLarge *apierror.ResponseTooLargeError
	if !errors.Is(err, apierror.ErrResponseTooLarge) || !errors.As(err, &tooLarge) || tooLarge.Limit != limit {
		t.Fatalf("error %v, want ErrResponseTooLarge with Limit %d", err, limit)
	}
	if msg := err.Error(); !strings.Contains(msg, strconv.FormatInt(limit, 10)) || !strings.Contains(msg, "WithMaxResponseBytes") {
		t.Errorf("error %q names neither the limit nor the option", msg)
	}
	if read > limit+slack {
		t.Errorf("read %d bytes of the body, want at most the limit of %d and a little", read, limit)
	}
}
