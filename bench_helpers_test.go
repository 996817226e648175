package planbridge_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/corpus"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// corpusSeed is the seed of the reference corpus the economy and
// concurrency figures are measured on; changing it changes the figures.
const corpusSeed = 1

// newCorpusEnv is a sync over both fakes loaded with c.
func newCorpusEnv(tb testing.TB, c corpus.Corpus, opts ...planbridge.Option) *env {
	tb.Helper()
	return newEnv(tb, envConfig{
		mm:      []minimaxtest.Option{minimaxtest.WithSeed(c.Minimax)},
		sp:      []skyplannertest.Option{skyplannertest.WithSeed(c.SkyPlanner)},
		mapping: c.MappingOptions,
		sync:    opts,
	})
}

// close stops the fakes before the test ends, so that a benchmark's
// iterations do not pile them up.
func (e *env) close() {
	e.mm.Close()
	e.sp.Close()
}

// resetLogs forgets what the fakes received so far: a scenario's set-up.
func (e *env) resetLogs() {
	e.mm.ResetLog()
	e.sp.ResetLog()
}

// The Minimax operations the economy counts.
const (
	opSyncCandidates = "GET /api/orgs/{organisationId}/orders/synccandidates"
	opGetOrder       = "GET /api/orgs/{organisationId}/orders/{orderId}"
	opListOrders     = "GET /api/orgs/{organisationId}/orders"
)

// lookupPaths are the SkyPlanner lists of the shared records, which the
// sync looks up by external ID.
var lookupPaths = []string{"/customers", "/products", "/workstages"}

// economy is what a scenario cost, counted from the fakes' request logs.
type economy struct {
	mmRequests int // every request Minimax received
	mmPages    int // pages of a list of orders: sync candidates, or GetOrders for the naive run
	mmReads    int // orders read in full
	spRequests int
	spWrites   int // requests that are not GET
	spReads    int
	// lookups counts the filtered reads of each shared record, by list
	// path and external ID.
	lookups map[string]map[string]int
	// too429 is set when either fake refused a request for its rate.
	too429 bool
}

func measure(e *env) economy {
	ec := economy{lookups: map[string]map[string]int{}}
	for _, r := range e.mm.Requests() {
		ec.mmRequests++
		switch r.Operation {
		case opSyncCandidates, opListOrders:
			ec.mmPages++
		case opGetOrder:
			ec.mmReads++
		}
		ec.too429 = ec.too429 || r.Status == http.StatusTooManyRequests
	}
	for _, r := range e.sp.Requests() {
		ec.spRequests++
		ec.too429 = ec.too429 || r.Status == http.StatusTooManyRequests
		if r.Method != http.MethodGet {
			ec.spWrites++
			continue
		}
		ec.spReads++
		q, err := url.ParseQuery(r.Query)
		if ext := q.Get("external_id"); err == nil && ext != "" && slices.Contains(lookupPaths, r.Path) {
			if ec.lookups[r.Path] == nil {
				ec.lookups[r.Path] = map[string]int{}
			}
			ec.lookups[r.Path][ext]++
		}
	}
	return ec
}

// lookupsOf is how many lookups of one kind the scenario made, and the
// most any one record had.
func (ec economy) lookupsOf(path string) (total, most int) {
	for _, n := range ec.lookups[path] {
		total += n
		most = max(most, n)
	}
	return total, most
}

// scenario is one run to measure. prepare sets it up on fresh fakes (not
// counted, not timed) and returns the watermark the run starts from and
// the orders that count as changed for it: new, or edited since the run
// before.
type scenario struct {
	name    string
	prepare func(tb testing.TB, c corpus.Corpus, e *env) (planbridge.Watermark, []int64)
	run     func(tb testing.TB, e *env, w planbridge.Watermark)
}

var scenarios = []scenario{
	{
		name: "first-sync",
		prepare: func(_ testing.TB, c corpus.Corpus, _ *env) (planbridge.Watermark, []int64) {
			return planbridge.Watermark{}, append(c.OrderIDs(minimax.Received, ""), c.OrderIDs(minimax.Issued, "")...)
		},
		run: runSync,
	},
	{
		name: "unchanged-resync",
		prepare: func(tb testing.TB, _ corpus.Corpus, e *env) (planbridge.Watermark, []int64) {
			return e.sync(tb, planbridge.Watermark{}).Next, nil
		},
		run: runSync,
	},
	{
		name: "changed-10pct",
		prepare: func(tb testing.TB, c corpus.Corpus, e *env) (planbridge.Watermark, []int64) {
			w := e.sync(tb, planbridge.Watermark{}).Next
			ids, err := c.Change(tb.Context(), e.editor(tb))
			if err != nil {
				tb.Fatal(err)
			}
			return w, ids
		},
		run: runSync,
	},
	{
		name: "naive-first",
		prepare: func(_ testing.TB, c corpus.Corpus, _ *env) (planbridge.Watermark, []int64) {
			return planbridge.Watermark{}, c.OrderIDs(minimax.Received, minimax.StatusConfirmed)
		},
		run: func(tb testing.TB, e *env, _ planbridge.Watermark) {
			if _, err := corpus.Naive(tb.Context(), e.mmc, e.spc, e.m); err != nil {
				tb.Fatal(err)
			}
		},
	},
}

func runSync(tb testing.TB, e *env, w planbridge.Watermark) { e.sync(tb, w) }

// editor is a Minimax client of its own, as the people editing orders in
// Minimax have, so that their requests are not the sync's.
func (e *env) editor(tb testing.TB) *minimax.Client {
	tb.Helper()
	c, err := minimax.New(e.mm.ClientOptions()...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// measured is a scenario run once on fresh fakes: what it cost, and what
// its changed orders needed.
type measured struct {
	economy
	changed int
	needs   corpus.Needs
}

// runScenario runs sc on fresh fakes loaded with c. The fakes are closed
// when it returns. Around the run itself it calls timed(true) and
// timed(false), for a benchmark's timer.
func runScenario(tb testing.TB, c corpus.Corpus, sc scenario, timed func(bool)) measured {
	tb.Helper()
	e := newCorpusEnv(tb, c)
	defer e.close()
	w, changed := sc.prepare(tb, c, e)
	e.resetLogs()
	timed(true)
	sc.run(tb, e, w)
	timed(false)
	return measured{economy: measure(e), changed: len(changed), needs: needsOf(tb, e, changed)}
}

// needsOf counts the shared records the orders need, as Minimax holds
// them now.
func needsOf(tb testing.TB, e *env, ids []int64) corpus.Needs {
	tb.Helper()
	var orders []minimax.Order
	for _, id := range ids {
		o, ok := e.mm.Order(id)
		if !ok {
			tb.Fatalf("Minimax has no order %d", id)
		}
		orders = append(orders, o)
	}
	n, err := corpus.CountNeeds(e.m, orders...)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
