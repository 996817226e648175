// Package pager turns page-at-a-time list calls into iter.Seq2 sequences.
package pager

import (
	"context"
	"iter"
)

// Page is one page of a list: its items, and whether another may follow.
type Page[T any] struct {
	Items []T
	More  bool
}

// Fetch returns page number n (1-based).
type Fetch[T any] func(ctx context.Context, n int) (Page[T], error)

// Failed is a sequence that yields err once: what a list returns when its
// arguments are wrong before any page is fetched.
func Failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// All yields every item of every page, fetching each page only when the
// previous one is used up. It stops after a page that says no more follow or
// that is empty, when the consumer stops, or on the first error, which it
// yields once (with T's zero value).
func All[T any](ctx context.Context, fetch Fetch[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for n := 1; ; n++ {
			if err := ctx.Err(); err != nil {
				var zero T
				yield(zero, err)
				return
			}
			page, err := fetch(ctx, n)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			if !page.More || len(page.Items) == 0 {
				return
			}
		}
	}
}
