package transport

import (
	"io"

	"github.com/planbridge/planbridge/apierror"
)

// DefaultMaxResponseBytes caps a response body when Config sets no limit.
// No real answer comes near it (a Minimax page of a thousand orders with
// their rows is a few MiB), and it stops a broken or hostile server, or a
// proxy's error page gone wrong, from making a client hold hundreds of MiB.
const DefaultMaxResponseBytes int64 = 32 << 20

// limitBody fails reads past limit bytes. A body that announces more than
// the limit fails at once, without a byte read.
func limitBody(rc io.ReadCloser, limit, contentLength int64) io.ReadCloser {
	b := &limitedBody{rc: rc, limit: limit, left: limit}
	if contentLength > limit {
		b.left = -1
	}
	return b
}

type limitedBody struct {
	rc          io.ReadCloser
	limit, left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, &apierror.ResponseTooLargeError{Limit: b.limit}
	}
	// One byte beyond the limit tells a body that ends there from one that
	// goes on.
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n - 1, &apierror.ResponseTooLargeError{Limit: b.limit}
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
