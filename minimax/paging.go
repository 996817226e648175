package minimax

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/internal/wire"
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

// maxPagesUnknownTotal bounds a list whose answers carry no TotalRows:
// then only a short page ends it, and a server that never sends one would
// otherwise be asked forever. At the default page size it is a million
// rows, at the largest ten million: more than any organisation's orders.
const maxPagesUnknownTotal = 10_000

// page is what one call of a Minimax list answers (a SearchResult or a
// SyncQueryResult).
type page[T any] struct {
	rows    []T
	total   *int64 // TotalRows
	current *int64 // CurrentPageNumber
}

// readPage finishes a raw generated list call, as record does a read of one
// record: every page the client reads goes through here. The rows are
// decoded one by one as they arrive, so a large page is never held whole
// as text.
func readPage[T any](op string, resp *http.Response, err error) (page[T], error) {
	if err := wire.Status(op, resp, err); err != nil {
		return page[T]{}, err
	}
	b, err := wire.Open(op, resp)
	if err != nil {
		return page[T]{}, err
	}
	defer b.Close()
	dec := json.NewDecoder(b)
	p, err := decodePage[T](dec)
	if err == nil {
		err = wire.End(dec)
	}
	if err != nil {
		return page[T]{}, b.Fail(err)
	}
	return p, nil
}

func decodePage[T any](dec *json.Decoder) (page[T], error) {
	var p page[T]
	tok, err := dec.Token()
	switch {
	case errors.Is(err, io.EOF):
		return p, fmt.Errorf("%w: the body is blank", wire.ErrNoRecord)
	case err != nil:
		return p, err
	case tok == nil:
		return p, fmt.Errorf("%w: the body is null", wire.ErrNoRecord)
	case tok != json.Delim('{'):
		return p, fmt.Errorf("want a page object, got %v", tok)
	}
	hasRows := false
	err = wire.Object(dec, func(name string) error {
		// Member names match as encoding/json matches them, ignoring case.
		switch {
		case strings.EqualFold(name, "Rows"):
			if hasRows {
				return errors.New("the member Rows appears twice")
			}
			hasRows = true
			var err error
			p.rows, err = wire.List[T](dec)
			return err
		case strings.EqualFold(name, "TotalRows"):
			return dec.Decode(&p.total)
		case strings.EqualFold(name, "CurrentPageNumber"):
			return dec.Decode(&p.current)
		}
		return wire.Skip(dec)
	})
	if err != nil {
		return p, err
	}
	// Null Rows with a TotalRows is an empty page, which the count then
	// judges; with neither, the answer says nothing at all.
	if p.rows == nil && p.total == nil {
		return p, fmt.Errorf("%w: the page has neither Rows nor TotalRows", wire.ErrNoRecord)
	}
	return p, nil
}

// pages yields every row of a paged Minimax list. With TotalRows it goes on
// until that many rows have come, so a server that caps the page size below
// the one asked for still yields everything; without it, it stops on a short
// page. Each range over the sequence starts from the first page.
//
// A server that does not page as asked ends the list with an error rather
// than repeat rows or ask forever: a page answered for another page number,
// a row without its id or one already yielded (a list that changes while it
// is read can do that too: range again), more rows than TotalRows, an empty
// page before TotalRows rows came, and more pages than the list can take
// (see maxPages).
func pages[T any](ctx context.Context, op string, size int32, limit int, id ident[T],
	get func(ctx context.Context, n, size int32) (page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var (
			seen   = map[int64]int{} // id → the page it came on
			rows   int64
			served int64  // rows on the first page
			total  *int64 // the last page's TotalRows
		)
		fetch := func(ctx context.Context, n int) (pager.Page[T], error) {
			if most := maxPages(total, served, limit); n > most {
				if total == nil {
					return pager.Page[T]{}, fmt.Errorf("%s: still no short page after %d pages of %d rows, and no TotalRows; giving up",
						op, most, size)
				}
				return pager.Page[T]{}, fmt.Errorf("%s: %d rows at %d a page take at most %d pages, and %d rows came in them; giving up",
					op, *total, served, most, rows)
			}
			p, err := get(ctx, int32(n), size)
			if err != nil {
				return pager.Page[T]{}, err
			}
			if p.current != nil && *p.current != int64(n) {
				return pager.Page[T]{}, fmt.Errorf("%s: asked for page %d, got page %d", op, n, *p.current)
			}
			for i, r := range p.rows {
				v := id.of(r)
				if v == 0 {
					return pager.Page[T]{}, fmt.Errorf("%s: page %d, row %d: %w", op, n, i+1, wire.NoRecord(id.field))
				}
				if first, dup := seen[v]; dup {
					return pager.Page[T]{}, fmt.Errorf("%s: page %d repeats %s %d, first seen on page %d; "+
						"the service is not paging as asked, or the list changed while it was read", op, n, id.field, v, first)
				}
				seen[v] = n
			}
			rows += int64(len(p.rows))
			if n == 1 {
				served = int64(len(p.rows))
			}
			total = p.total
			if total == nil {
				return pager.Page[T]{Items: p.rows, More: len(p.rows) >= int(size)}, nil
			}
			if rows > *total {
				return pager.Page[T]{}, fmt.Errorf("%s: page %d brings the rows to %d, more than the %d the service reported", op, n, rows, *total)
			}
			if len(p.rows) == 0 && rows < *total {
				return pager.Page[T]{}, fmt.Errorf("%s: the service reported %d rows but page %d is empty after %d", op, *total, n, rows)
			}
			return pager.Page[T]{Items: p.rows, More: rows < *total}, nil
		}
		for v, err := range pager.All(ctx, fetch) {
			if !yield(v, err) {
				return
			}
		}
	}
}

// maxPages is how many pages a list may take. With TotalRows, as many as
// its rows fill at the page size the server answered the first page with,
// plus one for a row added while the list is read. That size, not the one
// asked for: a server that honours only 100 of 300 asked needs
// ceil(total/100) pages, and one that shrinks its pages after the first is
// the loop to stop. Without TotalRows, the fixed limit.
func maxPages(total *int64, served int64, limit int) int {
	if total == nil || served == 0 {
		return limit
	}
	return int((*total+served-1)/served) + 1
}
