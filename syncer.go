package planbridge

import (
	"context"
	"errors"
	"time"

	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// Syncer makes SkyPlanner hold the production orders that Minimax orders
// call for. It reads Minimax (never writes it), maps each order with a
// mapping.Mapper, and reconciles SkyPlanner's records with the plan. It is
// safe for concurrent use; between runs it keeps nothing but what a Store
// holds (see WithStore).
type Syncer struct {
	mm     *minimax.Client
	sp     *skyplanner.Client
	mapper *mapping.Mapper
	cfg    config
	rec    *records
}

// NewSyncer returns a Syncer that reads orders with mm, maps them with m
// and writes them with sp.
func NewSyncer(mm *minimax.Client, sp *skyplanner.Client, m *mapping.Mapper, opts ...Option) (*Syncer, error) {
	switch {
	case mm == nil:
		return nil, errors.New("planbridge: NewSyncer: nil Minimax client")
	case sp == nil:
		return nil, errors.New("planbridge: NewSyncer: nil SkyPlanner client")
	case m == nil:
		return nil, errors.New("planbridge: NewSyncer: nil mapper")
	}
	cfg := defaults()
	for _, opt := range opts {
		if opt == nil {
			return nil, errors.New("planbridge: NewSyncer: nil option")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.lock == nil {
		cfg.lock = NewLocalLocker()
	}
	return &Syncer{mm: mm, sp: sp, mapper: m, cfg: cfg, rec: newRecords(sp, cfg)}, nil
}

// sentBy reads the request counters of both clients.
func sentBy(mm *minimax.Client, sp *skyplanner.Client) Requests {
	return Requests{Minimax: mm.RequestsSent(), SkyPlanner: sp.RequestsSent()}
}

// since is what the clients sent after start was read.
func (r Requests) since(start Requests) Requests {
	return Requests{Minimax: r.Minimax - start.Minimax, SkyPlanner: r.SkyPlanner - start.SkyPlanner}
}

// begin starts a run: it restores the budget a Store remembers and learns
// the organisation the mapping needs.
func (s *Syncer) begin(ctx context.Context) (*run, State, error) {
	r := s.newRun()
	var st State
	if s.cfg.store != nil {
		var err error
		if st, err = s.cfg.store.Load(ctx); err != nil {
			return nil, st, err
		}
		s.mm.MergeBudget(st.Budget)
	}
	org, err := s.mm.Organisation(ctx)
	if err != nil {
		return nil, st, err
	}
	r.org = org
	return r, st, nil
}

// workContext is the context the orders in hand run on: it ends the grace
// period after ctx ends, so that a cancelled run finishes what it holds.
// The returned function releases it.
func (s *Syncer) workContext(ctx context.Context) (context.Context, func()) {
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-ctx.Done():
			t := time.NewTimer(s.cfg.grace)
			defer t.Stop()
			select {
			case <-done:
			case <-t.C:
				cancel()
			}
		}
	}()
	return work, func() { close(done); cancel() }
}
