package planbridge_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// Two Syncers (two replicas of a service) run the same first sync at once
// over the same services, sharing a lock: they make nothing twice, and end
// where one alone would.
func TestTwoSyncersSharedLock(t *testing.T) {
	t.Parallel()
	alone := newEnv(t, envConfig{})
	alone.sync(t, planbridge.Watermark{})
	want := snapshot(t, alone)

	for range 5 {
		lock := planbridge.NewLocalLocker()
		e := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithLock(lock), planbridge.WithWorkers(8)}})
		other := e.secondSyncer(t, planbridge.WithLock(lock), planbridge.WithWorkers(8))
		var wg sync.WaitGroup
		for _, s := range []*planbridge.Syncer{e.syncr, other} {
			wg.Go(func() {
				rep, err := s.Sync(t.Context(), planbridge.Watermark{})
				if err != nil || rep.Err() != nil {
					t.Errorf("sync: %v %v", err, rep.Err())
				}
			})
		}
		wg.Wait()
		if diff := cmp.Diff(want, snapshot(t, e)); diff != "" {
			t.Fatalf("two Syncers ended elsewhere than one (-one +two):\n%s", diff)
		}
	}
}

// secondSyncer is another Syncer over the same fakes, with clients of its
// own, as a second replica would have.
func (e *env) secondSyncer(t testing.TB, opts ...planbridge.Option) *planbridge.Syncer {
	t.Helper()
	mmc, err := minimax.New(e.mm.ClientOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	spc, err := skyplanner.New(e.sp.ClientOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	s, err := planbridge.NewSyncer(mmc, spc, e.m, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// When the Minimax budget runs out the run stops cleanly, the orders it did
// not reach wait in the watermark, and the next run (a new process, which
// learns from the store what was spent) finishes them.
func TestBudgetStopsAndResumes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store, err := planbridge.NewFileStore(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, envConfig{mmc: []minimax.Option{minimax.WithDailyBudget(4)},
		sync: []planbridge.Option{planbridge.WithStore(store), planbridge.WithWorkers(1)}})
	rep, err := e.syncr.Resume(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(rep.Stopped, minimax.ErrBudgetExhausted) {
		t.Fatalf("Stopped = %v, want the budget", rep.Stopped)
	}
	deferred := rep.Count(planbridge.OutcomeDeferred)
	if deferred == 0 || rep.Count(planbridge.OutcomeFailed) != 0 {
		t.Fatalf("outcomes %+v: want some deferred, none failed", rep.Orders)
	}
	if len(rep.Next.Pending) != deferred {
		t.Errorf("%d pending, want the %d deferred", len(rep.Next.Pending), deferred)
	}
	st, err := store.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Budget) != 4 || !cmp.Equal(st.Watermark, rep.Next) {
		t.Errorf("stored budget %d times, watermark %+v; want 4 and %+v", len(st.Budget), st.Watermark, rep.Next)
	}

	// The next process: a new client whose own budget is fresh learns the
	// spent requests from the store, and has 4 more when the day allows 8.
	mmc, err := minimax.New(append(e.mm.ClientOptions(), minimax.WithDailyBudget(8))...)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := planbridge.NewSyncer(mmc, e.spc, e.m, planbridge.WithStore(store), planbridge.WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	rep2, err := s2.Resume(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Stopped != nil || len(rep2.Next.Pending) != 0 || rep2.Count(planbridge.OutcomeCreated)+rep.Count(planbridge.OutcomeCreated) != 3 {
		t.Errorf("second run: stopped %v, pending %v, created %d+%d; want all 3 orders done",
			rep2.Stopped, rep2.Next.Pending, rep.Count(planbridge.OutcomeCreated), rep2.Count(planbridge.OutcomeCreated))
	}
	if used, _ := mmc.BudgetUsed(); used > 8 {
		t.Errorf("budget used %d, over 8", used)
	}
	if n := len(e.ordersByExt(mapping.OrderExternalID(org, 7870))); n != 1 {
		t.Errorf("%d SkyPlanner orders for 7870", n)
	}
}

// One Syncer is safe for concurrent use: two of its runs at once make
// nothing twice.
func TestOneSyncerConcurrentRuns(t *testing.T) {
	t.Parallel()
	alone := newEnv(t, envConfig{})
	alone.sync(t, planbridge.Watermark{})
	e := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithWorkers(8)}})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if _, err := e.syncr.Sync(t.Context(), planbridge.Watermark{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Go(func() {
		if _, err := e.syncr.Rescan(t.Context(), planbridge.RescanFilter{}); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	if diff := cmp.Diff(snapshot(t, alone), snapshot(t, e)); diff != "" {
		t.Errorf("concurrent runs ended elsewhere than one (-one +concurrent):\n%s", diff)
	}
}
