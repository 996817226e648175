package minimax

import (
	"context"
	"fmt"
	"iter"

	"github.com/planbridge/planbridge/internal/pager"
)

const (
	// defaultPageSize is the service's own default.
	defaultPageSize = 100
	// maxPageSize bounds what a caller may ask for. Minimax documents no
	// maximum; 300 is known to work, and a page of 1,000 orders is already
	// a large answer to hold in memory.
	maxPageSize = 1000
)

func pageSize(n int) (int32, error) {
	switch {
	case n == 0:
		return defaultPageSize, nil
	case n < 0 || n > maxPageSize:
		return 0, &FieldError{Field: "PageSize", Err: fmt.Errorf("%d is outside 1..%d", n, maxPageSize)}
	}
	return int32(n), nil
}

// page is what one call of a Minimax list answers.
type page[T any] struct {
	rows    []T
	total   *int64 // TotalRows
	current *int64 // CurrentPageNumber
}

// pages yields every row of a paged Minimax list. It stops on a short page,
// an empty one, or once TotalRows rows have come. A page that answers for a
// page other than the one asked for is an error: a server ignoring
// CurrentPage would otherwise hand out the same rows again and again.
func pages[T any](ctx context.Context, op string, size int32, get func(ctx context.Context, n, size int32) (page[T], error)) iter.Seq2[T, error] {
	var seen int64
	return pager.All(ctx, func(ctx context.Context, n int) (pager.Page[T], error) {
		p, err := get(ctx, int32(n), size)
		if err != nil {
			return pager.Page[T]{}, err
		}
		if p.current != nil && *p.current != int64(n) {
			return pager.Page[T]{}, fmt.Errorf("%s: asked for page %d, got page %d", op, n, *p.current)
		}
		seen += int64(len(p.rows))
		more := len(p.rows) >= int(size) && (p.total == nil || seen < *p.total)
		return pager.Page[T]{Items: p.rows, More: more}, nil
	})
}

// failed is a sequence that yields err once.
func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
