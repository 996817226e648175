package apierror

import (
	"errors"
	"fmt"
)

// ErrResponseTooLarge is matched by a *ResponseTooLargeError.
var ErrResponseTooLarge = errors.New("response body too large")

// ResponseTooLargeError is a response body longer than a client reads
// (WithMaxResponseBytes on either client). Reading the body fails with it
// once it passes the limit, or at once when the answer announces more.
type ResponseTooLargeError struct {
	// Limit is the longest body the client reads, in bytes.
	Limit int64
}

// Error gives the limit and the option that raises it.
func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("response body exceeds the limit of %d bytes (raise it with WithMaxResponseBytes)", e.Limit)
}

// Is makes the error match ErrResponseTooLarge.
func (e *ResponseTooLargeError) Is(target error) bool { return target == ErrResponseTooLarge }
