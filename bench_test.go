package planbridge_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/corpus"
	"github.com/planbridge/planbridge/minimax"
)

// BenchmarkRequestEconomy measures what a sync costs in requests on the
// reference corpus (internal/corpus), counted from the fakes' request logs:
// a first sync, a re-sync with nothing changed, a re-sync after Change
// edited a tenth of the orders, and the naive baseline on the same corpus.
// Each iteration runs on fresh fakes; only the run itself is timed. The
// metrics ("changed" are the orders new or edited since the run before):
//
//	mm-req/op           Minimax requests
//	mm-pages/op         of which pages of the order list (sync candidates)
//	mm-req/changed      the others, per changed order
//	sp-req/op           SkyPlanner requests
//	sp-writes/op        of which writes (not GET)
//	sp-reads/changed    SkyPlanner reads per changed order
//	lookups/customer    lookups by external ID per distinct customer,
//	lookups/product     product and workstage the changed orders need
//	lookups/workstage
//	lookups-max/record  the most lookups any one record had
func BenchmarkRequestEconomy(b *testing.B) {
	c := corpus.Generate(corpusSeed)
	for _, sc := range scenarios {
		b.Run(sc.name, func(b *testing.B) {
			var runs []measured
			for b.Loop() {
				b.StopTimer()
				runs = append(runs, runScenario(b, c, sc, func(on bool) {
					if on {
						b.StartTimer()
					} else {
						b.StopTimer()
					}
				}))
				b.StartTimer()
			}
			reportEconomy(b, runs)
		})
	}
}

// reportEconomy reports the mean of each metric over the runs; a metric
// per changed order or per record is left out when there is none.
func reportEconomy(b *testing.B, runs []measured) {
	mean := func(f func(m measured) (float64, bool)) (float64, bool) {
		sum, n := 0.0, 0
		for _, m := range runs {
			if v, ok := f(m); ok {
				sum += v
				n++
			}
		}
		if n == 0 {
			return 0, false
		}
		return sum / float64(n), true
	}
	always := func(f func(m measured) int) func(measured) (float64, bool) {
		return func(m measured) (float64, bool) { return float64(f(m)), true }
	}
	per := func(f func(m measured) int, by func(m measured) int) func(measured) (float64, bool) {
		return func(m measured) (float64, bool) {
			if by(m) == 0 {
				return 0, false
			}
			return float64(f(m)) / float64(by(m)), true
		}
	}
	lookups := func(path string) func(measured) int {
		return func(m measured) int { total, _ := m.lookupsOf(path); return total }
	}
	metrics := []struct {
		unit string
		f    func(measured) (float64, bool)
	}{
		{"mm-req/op", always(func(m measured) int { return m.mmRequests })},
		{"mm-pages/op", always(func(m measured) int { return m.mmPages })},
		{"mm-req/changed", per(func(m measured) int { return m.mmRequests - m.mmPages }, func(m measured) int { return m.changed })},
		{"sp-req/op", always(func(m measured) int { return m.spRequests })},
		{"sp-writes/op", always(func(m measured) int { return m.spWrites })},
		{"sp-reads/changed", per(func(m measured) int { return m.spReads }, func(m measured) int { return m.changed })},
		{"lookups/customer", per(lookups("/customers"), func(m measured) int { return m.needs.Customers })},
		{"lookups/product", per(lookups("/products"), func(m measured) int { return m.needs.Products })},
		{"lookups/workstage", per(lookups("/workstages"), func(m measured) int { return m.needs.Workstages })},
		{"lookups-max/record", always(func(m measured) int {
			most := 0
			for _, p := range lookupPaths {
				_, n := m.lookupsOf(p)
				most = max(most, n)
			}
			return most
		})},
	}
	for _, mt := range metrics {
		if v, ok := mean(mt.f); ok {
			b.ReportMetric(v, mt.unit)
		}
	}
}

// Concurrency benchmark settings.
const (
	// benchLatency is added to every answer of both fakes: a SaaS API's
	// round trip, which is what workers overlap.
	benchLatency = 20 * time.Millisecond
	// benchRateLimit is the rate each fake accepts per second. One worker
	// has one request in flight at a time, and each takes at least
	// benchLatency, so 8 workers can send one fake at most 8 × 50 = 400
	// requests in any second. The limit sits there: a run exceeds it only
	// by sending more at once than it has workers (requests fanned out
	// within an order, or a storm of retries), which is what the benchmark
	// is to rule out.
	benchRateLimit = 400
)

// BenchmarkConcurrency runs the first sync of the reference corpus with
// benchLatency on every answer, with 1 worker and with 8; the speed-up is
// the ratio of their ns/op. Both fakes are rate limited (benchRateLimit a
// second), and a run fails if either refused a request with 429.
func BenchmarkConcurrency(b *testing.B) {
	c := corpus.Generate(corpusSeed)
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprintf("workers-%d", workers), func(b *testing.B) {
			orders := 0
			for b.Loop() {
				b.StopTimer()
				e := newCorpusEnv(b, c, planbridge.WithWorkers(workers))
				for _, f := range []interface {
					SetLatency(time.Duration)
					SetRateLimit(int, time.Duration, time.Duration)
				}{e.mm, e.sp} {
					f.SetLatency(benchLatency)
					f.SetRateLimit(benchRateLimit, time.Second, time.Second)
				}
				b.StartTimer()
				rep := e.sync(b, planbridge.Watermark{})
				b.StopTimer()
				orders += len(rep.Orders)
				if ec := measure(e); ec.too429 {
					b.Fatalf("a fake answered 429: more than %d requests a second", benchRateLimit)
				}
				e.close()
				b.StartTimer()
			}
			b.ReportMetric(float64(orders)/b.Elapsed().Seconds(), "orders/s")
		})
	}
}

// TestRequestEconomyTargets checks the targets on the reference
// corpus, from the fakes' request logs: Minimax is asked once per page of
// candidates and once per changed order, and never for an unchanged one;
// an unchanged re-sync writes nothing to SkyPlanner; and a run looks each
// shared record (customer, product, workstage) up at most once.
func TestRequestEconomyTargets(t *testing.T) {
	c := corpus.Generate(corpusSeed)
	e := newCorpusEnv(t, c)
	lookedUpOnce := func(t *testing.T, ec economy) {
		t.Helper()
		for _, p := range lookupPaths {
			for ext, n := range ec.lookups[p] {
				if n > 1 {
					t.Errorf("%s?external_id=%s looked up %d times in one run", p, ext, n)
				}
			}
		}
	}

	all := append(c.OrderIDs(minimax.Received, ""), c.OrderIDs(minimax.Issued, "")...)
	rep := e.sync(t, planbridge.Watermark{})
	first := measure(e)
	t.Run("first-sync", func(t *testing.T) {
		if first.mmReads > len(all) || first.mmRequests > len(all)+first.mmPages {
			t.Errorf("Minimax: %d requests (%d reads, %d pages) for %d new orders", first.mmRequests, first.mmReads, first.mmPages, len(all))
		}
		lookedUpOnce(t, first)
	})

	e.resetLogs()
	rep = e.sync(t, rep.Next)
	unchanged := measure(e)
	t.Run("unchanged-resync", func(t *testing.T) {
		if unchanged.mmReads != 0 || unchanged.mmRequests != unchanged.mmPages {
			t.Errorf("Minimax: %d requests, %d of them order reads; want only the %d pages of candidates",
				unchanged.mmRequests, unchanged.mmReads, unchanged.mmPages)
		}
		if unchanged.spWrites != 0 {
			t.Errorf("SkyPlanner: %d writes, want 0", unchanged.spWrites)
		}
		if len(rep.Orders) != 0 {
			t.Errorf("the run handled %d orders, want 0", len(rep.Orders))
		}
	})

	ids, err := c.Change(t.Context(), e.editor(t))
	if err != nil {
		t.Fatal(err)
	}
	e.resetLogs()
	rep = e.sync(t, rep.Next)
	changed := measure(e)
	t.Run("changed-10pct", func(t *testing.T) {
		if changed.mmReads > len(ids) || changed.mmRequests > len(ids)+changed.mmPages {
			t.Errorf("Minimax: %d requests (%d reads, %d pages) for %d changed orders", changed.mmRequests, changed.mmReads, changed.mmPages, len(ids))
		}
		if rep.Count(planbridge.OutcomeUpdated) != len(ids) || len(rep.Orders) != len(ids) {
			t.Errorf("the run handled %d orders, %d updated; want the %d changed, all updated",
				len(rep.Orders), rep.Count(planbridge.OutcomeUpdated), len(ids))
		}
		if changed.spWrites == 0 {
			t.Error("SkyPlanner: no write for the changed orders")
		}
		lookedUpOnce(t, changed)
	})
}
