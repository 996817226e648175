package planbridge

import (
	"context"
	"sync"
)

// Locker serialises the work on one record across goroutines, Syncers and,
// with a distributed implementation (a database advisory lock, a lease in
// Redis or etcd), across the replicas of a service that run the same sync.
// Keys are external IDs ("minimax:3840:order:7870"). The sync holds an
// order's key while it reconciles the order, and a customer's, product's or
// workstage's key while it finds or creates that record; it never takes an
// order's key while holding another, so two keys cannot deadlock.
type Locker interface {
	// Lock blocks until key is free or ctx ends, and returns the function
	// that frees it.
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// LocalLocker is the default Locker: it serialises within one process.
// Share one between Syncers to make them take turns.
type LocalLocker struct {
	mu   sync.Mutex
	held map[string]chan struct{}
}

// NewLocalLocker returns an in-process Locker.
func NewLocalLocker() *LocalLocker { return &LocalLocker{held: map[string]chan struct{}{}} }

// Lock implements Locker.
func (l *LocalLocker) Lock(ctx context.Context, key string) (func(), error) {
	for {
		l.mu.Lock()
		wait, busy := l.held[key]
		if !busy {
			done := make(chan struct{})
			l.held[key] = done
			l.mu.Unlock()
			var once sync.Once
			return func() {
				once.Do(func() {
					l.mu.Lock()
					delete(l.held, key)
					l.mu.Unlock()
					close(done)
				})
			}, nil
		}
		l.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
