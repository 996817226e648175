package minimax

import (
	"context"
	"time"

	"golang.org/x/sync/singleflight"
)

// flightTimeout bounds a shared fetch, which runs detached from the caller
// that started it.
const flightTimeout = 2 * time.Minute

// shared runs fn once for all callers asking for key at the same time. fn
// runs on a detached context, so one caller giving up does not fail the
// others; each caller still leaves when its own context ends.
func shared[T any](ctx context.Context, g *singleflight.Group, key string, fn func(context.Context) (T, error)) (T, error) {
	ch := g.DoChan(key, func() (any, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), flightTimeout)
		defer cancel()
		return fn(fctx)
	})
	select {
	case res := <-ch:
		v, _ := res.Val.(T)
		return v, res.Err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
