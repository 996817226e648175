package planbridge

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"sync/atomic"
)

// ErrLookupUncertain is matched by a *LookupError.
var ErrLookupUncertain = errors.New("planbridge: SkyPlanner lookup cannot be trusted")

// LookupError is a lookup that could not rule out a record: even the scan
// of every record of the kind came back with as many records as it asked
// for, so SkyPlanner may hold more. The order fails rather than risk a
// duplicate; raise the scan limit (WithScanLimit) or ask SkyPlanner whether
// the filter is supported.
type LookupError struct {
	Kind  Kind
	Key   string // the external ID or parent id looked for
	Limit int    // the scan's limit, reached
}

// Error names the record looked up and why the scan cannot be trusted.
func (e *LookupError) Error() string {
	return fmt.Sprintf("planbridge: looking up %s %q: SkyPlanner answered a scan of every %s with %d records, the most asked for; more may exist, so nothing is created",
		e.Kind, e.Key, e.Kind, e.Limit)
}

// Is makes a LookupError match ErrLookupUncertain.
func (e *LookupError) Is(target error) bool { return target == ErrLookupUncertain }

// source reads the records of one kind that carry a key (an external ID, or
// the id of the record they belong to) so that none can be missed.
//
// It asks SkyPlanner to filter, with an explicit limit, and checks the
// answer: a record with another key means the server ignored the filter,
// and an answer as long as the limit may be cut short. Either way the kind
// is marked unreliable and from then on read whole (with the larger scan
// limit) and filtered here; a scan that is itself full is a *LookupError.
// A server's default limit never applies, because a limit is always sent.
type source[T any] struct {
	kind      Kind
	filter    string // the query parameter, for the log
	filtered  func(ctx context.Context, key string, limit int) iter.Seq2[T, error]
	all       func(ctx context.Context, limit int) iter.Seq2[T, error]
	key       func(*T) string
	limit     int
	scanLimit int
	log       *slog.Logger

	unreliable atomic.Bool
}

// match returns every record whose key is key, archived ones included
// where the kind has them.
func (s *source[T]) match(ctx context.Context, key string) ([]T, error) {
	if !s.unreliable.Load() {
		recs, err := collect(s.filtered(ctx, key, s.limit))
		if err != nil {
			return nil, err
		}
		out, foreign := s.keep(recs, key)
		full := len(recs) >= s.limit
		if !foreign && !full {
			return out, nil
		}
		if s.unreliable.CompareAndSwap(false, true) {
			s.log.Warn("SkyPlanner's filter cannot be trusted; lookups of this kind now read every record",
				"kind", s.kind, "filter", s.filter, "ignored", foreign, "cut_short", full, "limit", s.limit)
		}
		if !full {
			return out, nil // the filter was ignored, but this is every record
		}
	}
	recs, err := collect(s.all(ctx, s.scanLimit))
	if err != nil {
		return nil, err
	}
	if len(recs) >= s.scanLimit {
		return nil, &LookupError{Kind: s.kind, Key: key, Limit: s.scanLimit}
	}
	out, _ := s.keep(recs, key)
	return out, nil
}

// keep returns the records with key, and whether any other came.
func (s *source[T]) keep(recs []T, key string) (out []T, foreign bool) {
	for i := range recs {
		if s.key(&recs[i]) == key {
			out = append(out, recs[i])
		} else {
			foreign = true
		}
	}
	return out, foreign
}

func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
