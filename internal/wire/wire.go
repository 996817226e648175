// Package wire reads the answers of both clients: it turns a failed call
// into an error, checks that a successful one is JSON, and decodes it from
// the stream, so that what a call cannot use is an error that says what
// came instead of a zero record.
package wire

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/planbridge/planbridge/apierror"
)

// headLen bounds the body bytes an error quotes: enough to recognise an
// HTML error page or a JSON shape, too little to carry a record's content
// into logs.
const headLen = 64

// The sentinels and the error of an answer a call cannot use are public,
// in package apierror; the clients re-export them.
var (
	ErrNoRecord          = apierror.ErrNoRecord
	ErrCreateUnconfirmed = apierror.ErrCreateUnconfirmed
)

// AnswerError is apierror.AnswerError, named here for the decoders.
type AnswerError = apierror.AnswerError

// Status finishes a raw call: a transport error comes back wrapped with op,
// a non-2xx answer as an *apierror.Error (its body read up to
// apierror.MaxBody and closed). On 2xx it returns nil and the caller reads
// and closes resp.Body.
func Status(op string, resp *http.Response, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if resp == nil {
		return fmt.Errorf("%s: no answer", op)
	}
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return nil
	}
	defer resp.Body.Close()
	// A body cut short by a failed read still tells the status; the read
	// error adds nothing the caller can act on.
	body, _ := io.ReadAll(io.LimitReader(resp.Body, apierror.MaxBody))
	return FromBody(op, resp.StatusCode, body)
}

// Body is the body of a successful answer that looked like JSON.
type Body struct {
	r   *bufio.Reader
	c   io.Closer
	err AnswerError // Operation, StatusCode, ContentType and Head, for Fail
}

// Open checks that a successful answer is JSON and not empty, and returns
// its body to decode from. On error it has closed the body.
func Open(op string, resp *http.Response) (*Body, error) {
	b := &Body{
		r: bufio.NewReader(resp.Body), c: resp.Body,
		err: AnswerError{Operation: op, StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")},
	}
	peek, err := b.r.Peek(headLen)
	b.err.Head = head(peek, len(peek) == headLen)
	switch {
	case len(peek) == 0 && err != nil && !errors.Is(err, io.EOF):
		_ = b.Close()
		return nil, fmt.Errorf("%s: reading the answer: %w", op, err)
	case len(peek) == 0:
		_ = b.Close()
		return nil, b.Fail(fmt.Errorf("%w: the body is empty", ErrNoRecord))
	case !isJSON(b.err.ContentType):
		_ = b.Close()
		return nil, b.Fail(errors.New("the answer is not JSON"))
	}
	return b, nil
}

func (b *Body) Read(p []byte) (int, error) { return b.r.Read(p) }

// Close closes the answer's body.
func (b *Body) Close() error { return b.c.Close() }

// Fail describes err as a problem with this answer: an *AnswerError with
// the status, Content-Type and first bytes received.
func (b *Body) Fail(err error) error {
	e := b.err
	e.Err = err
	return &e
}

// NoRecord is the error for a record that lacks field, the member that
// makes it one (its id).
func NoRecord(field string) error {
	return fmt.Errorf("%w: %s is missing", ErrNoRecord, field)
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json"))
}

// head turns the first bytes of a body into text to quote; cut says the
// body goes on, so a character split at the end is dropped rather than
// shown as garbage.
func head(b []byte, cut bool) string {
	if cut {
		for i := 0; i < utf8.UTFMax-1 && len(b) > 0; i++ {
			if r, size := utf8.DecodeLastRune(b); r != utf8.RuneError || size > 1 {
				break
			}
			b = b[:len(b)-1]
		}
	}
	return string(b)
}
