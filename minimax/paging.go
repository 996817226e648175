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
	// maximum, and a page of 1,000 orders is already a large answer to hold
	// in memory.
	maxPageSize = 1000
	// bigPageSize is what the client itself asks for on lists of small
	// records: the largest page known to be honoured.
	bigPageSize = 300
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

// pages yields every row of a paged Minimax list. With TotalRows it goes on
// until that many rows have come, so a server that caps the page size below
// the one asked for still yields everything; without it, it stops on a short
// page. Two answers end the list with an error rather than lose or repeat
// rows: a page answered for a page other than the one asked for (a server
// ignoring CurrentPage), and an empty page before TotalRows rows came.
// Each range over the sequence starts from the first page.
func pages[T any](ctx context.Context, op string, size int32, get func(ctx context.Context, n, size int32) (page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var seen int64
		fetch := func(ctx context.Context, n int) (pager.Page[T], error) {
			p, err := get(ctx, int32(n), size)
			if err != nil {
				return pager.Page[T]{}, err
			}
			if p.current != nil && *p.current != int64(n) {
				return pager.Page[T]{}, fmt.Errorf("%s: asked for page %d, got page %d", op, n, *p.current)
			}
			seen += int64(len(p.rows))
			if p.total == nil {
				return pager.Page[T]{Items: p.rows, More: len(p.rows) >= int(size)}, nil
			}
			if len(p.rows) == 0 && seen < *p.total {
				return pager.Page[T]{}, fmt.Errorf("%s: the service reported %d rows but page %d is empty after %d", op, *p.total, n, seen)
			}
			return pager.Page[T]{Items: p.rows, More: seen < *p.total}, nil
		}
		for v, err := range pager.All(ctx, fetch) {
			if !yield(v, err) {
				return
			}
		}
	}
}
