package minimax

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testPageLimit stands in for maxPagesUnknownTotal, so that a server that
// never ends a list is given up on after a few requests, not ten thousand.
const testPageLimit = 6

// pagingFault is a server that does not page as asked: answer returns the
// page n of size rows, with idField naming the rows' id.
type pagingFault struct {
	name   string
	answer func(n, size int, idField string) map[string]any
	// maxRequests bounds the requests before the error.
	maxRequests int64
	// want is part of the error.
	want string
}

func rowsOf(idField string, from, to int) []map[string]any {
	rows := []map[string]any{}
	for id := from; id <= to; id++ {
		rows = append(rows, map[string]any{idField: id})
	}
	return rows
}

var pagingFaults = []pagingFault{
	{
		name: "the same rows on every page, with TotalRows and CurrentPageNumber",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": rowsOf(idField, 1, size), "TotalRows": 10 * size, "CurrentPageNumber": n}
		},
		maxRequests: 2, want: "page 2 repeats",
	},
	{
		name: "the same rows on every page, without TotalRows or CurrentPageNumber",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": rowsOf(idField, 1, size)}
		},
		maxRequests: 2, want: "page 2 repeats",
	},
	{
		name: "fresh full pages forever, without TotalRows",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": rowsOf(idField, (n-1)*size+1, n*size)}
		},
		maxRequests: testPageLimit, want: "no TotalRows",
	},
	{
		name: "more rows than TotalRows over two pages",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": rowsOf(idField, (n-1)*size+1, n*size), "TotalRows": size + 1, "CurrentPageNumber": n}
		},
		maxRequests: 2, want: "more than the",
	},
	{
		name: "more rows than TotalRows on the first page",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": rowsOf(idField, 1, 3), "TotalRows": 2, "CurrentPageNumber": n}
		},
		maxRequests: 1, want: "more than the 2",
	},
	{
		name: "pages shrinking after the first",
		answer: func(n, size int, idField string) map[string]any {
			first, last := 1, size
			if n > 1 {
				first, last = size+n-1, size+n-1 // one fresh row a page
			}
			return map[string]any{"Rows": rowsOf(idField, first, last), "TotalRows": 3 * size, "CurrentPageNumber": n}
		},
		maxRequests: 4, want: "take at most 4 pages",
	},
	{
		name: "a row without its id",
		answer: func(n, size int, idField string) map[string]any {
			return map[string]any{"Rows": []map[string]any{{idField: 1}, {"Status": "P"}}, "TotalRows": 2, "CurrentPageNumber": n}
		},
		maxRequests: 1, want: "page 1, row 2",
	},
}

// drain ranges over seq as far as a list that cannot be longer than
// maxRows, returning the error it ended with (nil also when it had to be
// cut off).
func drain[T any](t *testing.T, seq iter.Seq2[T, error], maxRows int) error {
	t.Helper()
	n := 0
	for _, err := range seq {
		if err != nil {
			return err
		}
		if n++; n > maxRows {
			t.Errorf("more than %d rows yielded; cut off", maxRows)
			return nil
		}
	}
	return nil
}

func TestPagingFaultsEndTheList(t *testing.T) {
	t.Parallel()
	lists := []struct {
		name, path, idField string
		size                int
		read                func(context.Context, *Client) error
	}{
		{"ListOrders", "GET /api/orgs/3840/orders", "OrderId", 3, func(ctx context.Context, c *Client) error {
			return drain(t, c.ListOrders(ctx, OrderFilter{PageSize: 3}), 10*testPageLimit*3)
		}},
		{"OrderSyncCandidates", "GET /api/orgs/3840/orders/synccandidates", "ID", bigPageSize, func(ctx context.Context, c *Client) error {
			return drain(t, c.OrderSyncCandidates(ctx, time.Now()), 10*testPageLimit*bigPageSize)
		}},
	}
	for _, list := range lists {
		for _, fault := range pagingFaults {
			t.Run(list.name+"/"+fault.name, func(t *testing.T) {
				t.Parallel()
				f := newFake(t)
				f.handle(list.path, func(w http.ResponseWriter, r *http.Request) {
					n, _ := strconv.Atoi(r.URL.Query().Get("CurrentPage"))
					size, _ := strconv.Atoi(r.URL.Query().Get("PageSize"))
					if size != list.size {
						t.Errorf("PageSize=%d, want %d", size, list.size)
					}
					writeJSON(w, http.StatusOK, fault.answer(n, size, list.idField))
				})
				c := f.client()
				lowerPageLimit(c)
				err := list.read(t.Context(), c)
				if err == nil || !strings.Contains(err.Error(), fault.want) || !strings.Contains(err.Error(), "minimax."+list.name) {
					t.Errorf("error %v; want one naming the operation and saying %q", err, fault.want)
				}
				if n := f.apiCalls.Load(); n > fault.maxRequests {
					t.Errorf("%d requests before the error, want at most %d", n, fault.maxRequests)
				}
			})
		}
	}
}

// TestPageLimitFollowsTheServedPageSize: a server that caps the page size
// below the one asked still delivers the list, in the pages its own size
// needs.
func TestPageLimitFollowsTheServedPageSize(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	servePages(f, 12, 2, false) // asks for 5 a page, gets 2: six pages
	c := f.client()
	c.maxPages = 1 // TotalRows is given: the fixed limit plays no part
	ids, errs := collect(t, c, OrderFilter{PageSize: 5})
	if len(errs) != 0 || len(ids) != 12 {
		t.Errorf("got %d orders and errors %v, want all 12", len(ids), errs)
	}
	if n := f.apiCalls.Load(); n != 6 {
		t.Errorf("%d requests, want 6", n)
	}
}

func TestMaxPages(t *testing.T) {
	t.Parallel()
	total := func(n int64) *int64 { return &n }
	for _, tt := range []struct {
		total  *int64
		served int64
		want   int
	}{
		{nil, 0, 50},
		{nil, 100, 50},
		{total(300), 300, 2},
		{total(300), 100, 4}, // a server honouring 100 of 300 asked
		{total(301), 100, 5},
		{total(0), 0, 50},
	} {
		if got := maxPages(tt.total, tt.served, 50); got != tt.want {
			t.Errorf("maxPages(%v, %d) = %d, want %d", deref.Of(tt.total), tt.served, got, tt.want)
		}
	}
}
