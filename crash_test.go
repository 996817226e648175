package planbridge_test

import (
	"cmp"
	"context"
	"flag"
	"slices"
	"sync/atomic"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/corpus"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
)

var crashCorpus = flag.Bool("crash.corpus", false,
	"crash-test the first sync of the whole reference corpus, not a 10-order slice of it (slow)")

// crashMode is a way a run can be interrupted at one request.
type crashMode struct {
	name string
	// fault is what the request meets; stop interrupts the run's process.
	fault func(stop func()) minimaxtest.Fault
	// killed runs with no grace period: the process is gone at once.
	killed bool
}

var crashModes = []crashMode{
	{name: "dropped before the server acted", fault: func(func()) minimaxtest.Fault { return minimaxtest.Fault{Drop: true} }},
	{name: "server acted, answer lost", fault: func(func()) minimaxtest.Fault {
		return minimaxtest.Fault{Drop: true, AfterHandler: true}
	}},
	{name: "503 before acting", fault: func(func()) minimaxtest.Fault { return minimaxtest.Fault{Status: 503} }},
	{name: "server acted, then 500", fault: func(func()) minimaxtest.Fault {
		return minimaxtest.Fault{Status: 500, AfterHandler: true}
	}},
	{name: "context cancelled", fault: func(stop func()) minimaxtest.Fault { return minimaxtest.Fault{Do: stop} }},
	{name: "process killed", killed: true, fault: func(stop func()) minimaxtest.Fault { return minimaxtest.Fault{Do: stop} }},
}

// TestCrashConvergence interrupts the first sync of a 10-order slice of the
// reference corpus at every request it makes, to either service, in every
// crash mode, each on fresh fakes; then a new process (new clients, new
// Syncer, the same store) runs again without faults. Every run must end in
// the state a clean run gives, with nothing twice and nothing missing.
func TestCrashConvergence(t *testing.T) {
	t.Parallel()
	c := corpus.Generate(corpusSeed)
	if !*crashCorpus {
		c = sliceCorpus(c, 10)
	}
	clean := newCrashRun(t, c)
	if _, err := clean.first.Resume(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, clean.env)
	positions := map[string]int{"minimax": len(clean.env.mm.Requests()), "skyplanner": len(clean.env.sp.Requests())}
	clean.env.close()

	var tried atomic.Int64
	for _, service := range []string{"minimax", "skyplanner"} {
		for _, mode := range crashModes {
			t.Run(service+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				for k := 1; k <= positions[service]; k++ {
					if diff := crashAt(t, c, service, k, mode, want); diff != "" {
						t.Fatalf("interrupted at %s request %d: the re-run did not converge (-clean +re-run):\n%s", service, k, diff)
					}
					tried.Add(1)
				}
			})
		}
	}
	t.Cleanup(func() {
		t.Logf("crash convergence: %d Minimax and %d SkyPlanner positions, %d modes, %d interrupted runs converged",
			positions["minimax"], positions["skyplanner"], len(crashModes), tried.Load())
	})
}

// crashAt runs the first sync interrupted at request k of service, then a
// clean re-run from what the store kept, and returns how the end state
// differs from want, a clean run's.
func crashAt(t *testing.T, c corpus.Corpus, service string, k int, mode crashMode, want string) string {
	t.Helper()
	r := newCrashRun(t, c, crashGrace(mode)...)
	defer r.env.close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stop := func() {
		if mode.killed {
			r.store.freeze() // a dead process saves nothing more
		}
		cancel()
	}
	fault := mode.fault(stop)
	if service == "minimax" {
		r.env.mm.FailNth(k, fault)
	} else {
		r.env.sp.FailNth(k, fault)
	}
	_, _ = r.first.Resume(ctx) // errors and failed orders are the point

	r.env.mm.ClearFaults()
	r.env.sp.ClearFaults()
	rep, err := r.restart(t).Resume(t.Context())
	if err != nil {
		t.Fatalf("at %s request %d (%s): the clean re-run: %v", service, k, mode.name, err)
	}
	if err := rep.Err(); err != nil {
		t.Fatalf("at %s request %d (%s): the clean re-run failed orders: %v", service, k, mode.name, err)
	}
	return gocmp.Diff(want, snapshot(t, r.env))
}

func crashGrace(mode crashMode) []planbridge.Option {
	if mode.killed {
		return []planbridge.Option{planbridge.WithGracePeriod(0)}
	}
	return nil
}

// crashRun is a sync over fresh fakes with a store, as one process.
type crashRun struct {
	env   *env
	store *freezableStore
	first *planbridge.Syncer
}

func newCrashRun(t *testing.T, c corpus.Corpus, opts ...planbridge.Option) *crashRun {
	r := &crashRun{store: &freezableStore{}}
	r.env = newCorpusEnv(t, c)
	s, err := planbridge.NewSyncer(r.env.mmc, r.env.spc, r.env.m, append(crashOptions(r.store), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	r.first = s
	return r
}

func crashOptions(store planbridge.Store) []planbridge.Option {
	return []planbridge.Option{planbridge.WithStore(store), planbridge.WithExport(), planbridge.WithWorkers(1)}
}

// restart is the next process: new clients and a new Syncer over the same
// services and what the store kept.
func (r *crashRun) restart(t *testing.T) *planbridge.Syncer {
	mmc, err := minimax.New(append(r.env.mm.ClientOptions(), minimax.WithRetryPolicy(fastRetries))...)
	if err != nil {
		t.Fatal(err)
	}
	spc, err := skyplanner.New(append(r.env.sp.ClientOptions(), skyplanner.WithRetryPolicy(fastRetries))...)
	if err != nil {
		t.Fatal(err)
	}
	s, err := planbridge.NewSyncer(mmc, spc, r.env.m, crashOptions(r.store.thawed())...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sliceCorpus keeps the first n received orders of c (every status), with
// the customers, items and SkyPlanner products they name: a small state
// keeps each of the hundreds of runs quick.
func sliceCorpus(c corpus.Corpus, n int) corpus.Corpus {
	orders := slices.Clone(c.Minimax.Orders)
	slices.SortFunc(orders, func(a, b minimax.Order) int { return cmp.Compare(*a.OrderID, *b.OrderID) })
	var kept []minimax.Order
	customers, items := map[int64]bool{}, map[int64]bool{}
	for _, o := range orders {
		if minimax.DirectionOf(o.ReceivedIssued) != minimax.Received || len(kept) == n {
			continue
		}
		kept = append(kept, o)
		customers[*o.Customer.ID] = true
		for _, row := range *o.OrderRows {
			items[*row.Item.ID] = true
		}
	}
	c.Minimax.Orders = kept
	c.Minimax.Customers = slices.DeleteFunc(slices.Clone(c.Minimax.Customers), func(v minimax.Customer) bool { return !customers[*v.CustomerID] })
	c.Minimax.Items = slices.DeleteFunc(slices.Clone(c.Minimax.Items), func(v minimax.Item) bool { return !items[*v.ItemID] })
	products := map[string]bool{}
	for id := range items {
		products[mapping.ItemExternalID(corpus.Org, id)] = true
	}
	steps := map[int64][]skyplanner.ProductStep{}
	c.SkyPlanner.Products = slices.DeleteFunc(slices.Clone(c.SkyPlanner.Products), func(p skyplanner.Product) bool {
		if !products[*p.ExternalID] {
			return true
		}
		steps[*p.ID] = c.SkyPlanner.ProductSteps[*p.ID]
		return false
	})
	c.SkyPlanner.ProductSteps = steps
	c.SkyPlanner.Saldos = nil
	return c
}

// freezableStore is a MemoryStore a simulated crash can stop saving to.
type freezableStore struct {
	planbridge.MemoryStore
	frozen atomic.Bool
}

func (s *freezableStore) Save(ctx context.Context, st planbridge.State) error {
	if s.frozen.Load() {
		return nil
	}
	return s.MemoryStore.Save(ctx, st)
}

func (s *freezableStore) freeze() { s.frozen.Store(true) }

// thawed is a store holding what s kept, for the next process.
func (s *freezableStore) thawed() planbridge.Store {
	st, _ := s.MemoryStore.Load(context.Background())
	next := &planbridge.MemoryStore{}
	_ = next.Save(context.Background(), st)
	return next
}
