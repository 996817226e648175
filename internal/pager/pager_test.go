package pager_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/pager"
)

// book serves pages from a fixed list and records which page numbers were
// asked for.
type book struct {
	pages     []pager.Page[string]
	errAt     int // page number that fails, 0 for none
	err       error
	requested []int
}

func (b *book) fetch(_ context.Context, n int) (pager.Page[string], error) {
	b.requested = append(b.requested, n)
	if n == b.errAt {
		return pager.Page[string]{}, b.err
	}
	if n < 1 || n > len(b.pages) {
		return pager.Page[string]{}, errors.New("page out of range")
	}
	return b.pages[n-1], nil
}

type result struct {
	Items []string
	Errs  []error
}

// collect gathers what seq yields, giving up after 100 values so that a
// sequence that never ends fails the test instead of hanging it.
func collect(seq func(func(string, error) bool)) result {
	var r result
	for item, err := range seq {
		if len(r.Items)+len(r.Errs) >= 100 {
			r.Errs = append(r.Errs, errors.New("collect: sequence did not end"))
			break
		}
		if err != nil {
			r.Errs = append(r.Errs, err)
			continue
		}
		r.Items = append(r.Items, item)
	}
	return r
}

func TestAll(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom")
	tests := []struct {
		name          string
		book          book
		wantItems     []string
		wantErrs      []error
		wantRequested []int
	}{
		{
			name: "several pages in order",
			book: book{pages: []pager.Page[string]{
				{Items: []string{"a", "b"}, More: true},
				{Items: []string{"c", "d"}, More: true},
				{Items: []string{"e"}, More: false},
			}},
			wantItems:     []string{"a", "b", "c", "d", "e"},
			wantRequested: []int{1, 2, 3},
		},
		{
			name: "stops when More is false",
			book: book{pages: []pager.Page[string]{
				{Items: []string{"a"}, More: true},
				{Items: []string{"b"}, More: false},
				{Items: []string{"never"}, More: false},
			}},
			wantItems:     []string{"a", "b"},
			wantRequested: []int{1, 2},
		},
		{
			name: "stops on an empty page although More is true",
			book: book{pages: []pager.Page[string]{
				{Items: []string{"a"}, More: true},
				{Items: nil, More: true},
				{Items: []string{"never"}, More: false},
			}},
			wantItems:     []string{"a"},
			wantRequested: []int{1, 2},
		},
		{
			name:          "empty first page",
			book:          book{pages: []pager.Page[string]{{More: true}}},
			wantRequested: []int{1},
		},
		{
			name: "full page then More false",
			book: book{pages: []pager.Page[string]{
				{Items: []string{"a", "b", "c"}, More: false},
			}},
			wantItems:     []string{"a", "b", "c"},
			wantRequested: []int{1},
		},
		{
			name: "error on a later page yielded once after earlier items",
			book: book{pages: []pager.Page[string]{
				{Items: []string{"a", "b"}, More: true},
				{Items: []string{"never"}, More: true},
				{Items: []string{"never"}, More: false},
			}, errAt: 2, err: errBoom},
			wantItems:     []string{"a", "b"},
			wantErrs:      []error{errBoom},
			wantRequested: []int{1, 2},
		},
		{
			name:          "error on the first page",
			book:          book{errAt: 1, err: errBoom},
			wantErrs:      []error{errBoom},
			wantRequested: []int{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := tt.book
			got := collect(pager.All(t.Context(), b.fetch))
			want := result{Items: tt.wantItems, Errs: tt.wantErrs}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(x, y error) bool { return errors.Is(x, y) })); diff != "" {
				t.Errorf("yielded (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantRequested, b.requested); diff != "" {
				t.Errorf("pages requested (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorYieldsZeroValue(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom")
	fetch := func(context.Context, int) (pager.Page[int], error) {
		return pager.Page[int]{Items: []int{7}, More: true}, errBoom
	}
	n := 0
	for item, err := range pager.All(t.Context(), fetch) {
		if n++; n > 10 {
			break
		}
		if item != 0 || !errors.Is(err, errBoom) {
			t.Errorf("yielded (%d, %v), want (0, boom): items of a failed page are dropped", item, err)
		}
	}
	if n != 1 {
		t.Errorf("yielded %d times, want 1", n)
	}
}

func TestLazy(t *testing.T) {
	t.Parallel()
	calls := 0
	fetch := func(_ context.Context, n int) (pager.Page[int], error) {
		calls++
		return pager.Page[int]{Items: []int{n*10 + 1, n*10 + 2}, More: true}, nil
	}
	seq := pager.All(t.Context(), fetch)
	if calls != 0 {
		t.Fatalf("%d fetches before iterating, want 0", calls)
	}

	var got []int
	for item, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, item)
		if item == 22 { // last item of page 2
			break
		}
	}
	if diff := cmp.Diff([]int{11, 12, 21, 22}, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if calls != 2 {
		t.Errorf("fetches = %d, want 2: breaking at the end of a page must not fetch the next", calls)
	}

	// Breaking in the middle of a page fetches nothing more either.
	calls = 0
	for range seq {
		break
	}
	if calls != 1 {
		t.Errorf("fetches after breaking on the first item = %d, want 1", calls)
	}
}

// The consumer stopping at the error is fine too: nothing more is fetched or
// yielded.
func TestBreakOnError(t *testing.T) {
	t.Parallel()
	calls := 0
	fetch := func(context.Context, int) (pager.Page[int], error) {
		calls++
		return pager.Page[int]{}, errors.New("boom")
	}
	for _, err := range pager.All(t.Context(), fetch) {
		if err == nil {
			t.Fatal("want an error")
		}
		break
	}
	if calls != 1 {
		t.Errorf("fetches = %d, want 1", calls)
	}
}

func TestCancelledContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	calls := 0
	fetch := func(context.Context, int) (pager.Page[int], error) {
		calls++
		return pager.Page[int]{Items: []int{1}, More: true}, nil
	}
	got := 0
	for item, err := range pager.All(ctx, fetch) {
		if got++; got > 10 {
			break
		}
		if item != 0 || !errors.Is(err, context.Canceled) {
			t.Errorf("yielded (%d, %v), want (0, context.Canceled)", item, err)
		}
	}
	if got != 1 {
		t.Errorf("yielded %d times, want once", got)
	}
	if calls != 0 {
		t.Errorf("fetches = %d, want 0 with a cancelled context", calls)
	}
}

// Cancelling between pages stops before the next fetch, with ctx.Err().
func TestCancelBetweenPages(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var seen []int
	fetch := func(fctx context.Context, n int) (pager.Page[int], error) {
		if fctx != ctx {
			t.Error("fetch did not get the iterator's context")
		}
		seen = append(seen, n)
		return pager.Page[int]{Items: []int{n}, More: true}, nil
	}
	var items []int
	var errs []error
	for item, err := range pager.All(ctx, fetch) {
		if len(items)+len(errs) > 10 {
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, item)
		if item == 2 {
			cancel()
		}
	}
	if diff := cmp.Diff([]int{1, 2}, items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errors = %v, want one context.Canceled", errs)
	}
	if diff := cmp.Diff([]int{1, 2}, seen); diff != "" {
		t.Errorf("pages fetched (-want +got):\n%s", diff)
	}
}

func TestDeadlineExceeded(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), 0)
	defer cancel()
	<-ctx.Done()
	n := 0
	for _, err := range pager.All(ctx, func(context.Context, int) (pager.Page[int], error) {
		t.Error("fetched with an expired context")
		return pager.Page[int]{}, nil
	}) {
		if n++; n > 1 {
			t.Fatal("yielded more than once")
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
	}
}

// The sequence can be ranged over again; each run starts at page 1.
func TestReusable(t *testing.T) {
	t.Parallel()
	b := book{pages: []pager.Page[string]{{Items: []string{"a"}, More: true}, {Items: []string{"b"}}}}
	seq := pager.All(t.Context(), b.fetch)
	first, second := collect(seq), collect(seq)
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 1, 2}, b.requested); diff != "" {
		t.Errorf("pages requested (-want +got):\n%s", diff)
	}
}
