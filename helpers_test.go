package planbridge_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// env is a sync over both fakes.
type env struct {
	mm    *minimaxtest.Server
	sp    *skyplannertest.Server
	mmc   *minimax.Client
	spc   *skyplanner.Client
	m     *mapping.Mapper
	syncr *planbridge.Syncer
}

type envConfig struct {
	mm      []minimaxtest.Option
	sp      []skyplannertest.Option
	mode    lookupMode
	mmc     []minimax.Option
	mapping mapping.Options
	sync    []planbridge.Option
}

func newEnv(t testing.TB, cfg envConfig) *env {
	t.Helper()
	if cfg.mm == nil {
		cfg.mm = []minimaxtest.Option{minimaxtest.WithDemoData()}
	}
	if cfg.sp == nil {
		cfg.sp = []skyplannertest.Option{skyplannertest.WithDemoData()}
	}
	e := &env{mm: minimaxtest.NewServer(t, cfg.mm...), sp: skyplannertest.NewServer(t, append(cfg.sp, cfg.mode.sp...)...)}
	var err error
	if e.mmc, err = minimax.New(append(append(e.mm.ClientOptions(), minimax.WithRetryPolicy(fastRetries)), cfg.mmc...)...); err != nil {
		t.Fatal(err)
	}
	if e.spc, err = skyplanner.New(append(e.sp.ClientOptions(), skyplanner.WithRetryPolicy(fastRetries))...); err != nil {
		t.Fatal(err)
	}
	if e.m, err = mapping.NewMapper(cfg.mapping); err != nil {
		t.Fatal(err)
	}
	if e.syncr, err = planbridge.NewSyncer(e.mmc, e.spc, e.m, append(cfg.sync, cfg.mode.sync...)...); err != nil {
		t.Fatal(err)
	}
	return e
}

// sync runs Sync from w and fails the test on an error or a failed order.
func (e *env) sync(t testing.TB, w planbridge.Watermark) *planbridge.Report {
	t.Helper()
	rep, err := e.syncr.Sync(t.Context(), w)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Err(); err != nil {
		t.Fatalf("failed orders: %v", err)
	}
	return rep
}

// editOrder changes a Minimax order through the client, as a user would in
// Minimax.
func (e *env) editOrder(t testing.TB, id int64, edit func(*minimax.Order)) {
	t.Helper()
	o, err := e.mmc.GetOrder(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	edit(&o)
	if err := e.mmc.UpdateOrder(t.Context(), o); err != nil {
		t.Fatal(err)
	}
}

// rowByExt returns the SkyPlanner row with an external ID, archived or not.
func (e *env) rowByExt(t testing.TB, ext string) skyplanner.OrderRow {
	t.Helper()
	var found []skyplanner.OrderRow
	for _, r := range e.sp.OrderRows() {
		if r.ExternalID != nil && *r.ExternalID == ext {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d rows with external id %s, want 1", len(found), ext)
	}
	return found[0]
}

// orderByExt returns the SkyPlanner orders with an external ID.
func (e *env) ordersByExt(ext string) []skyplanner.Order {
	var found []skyplanner.Order
	for _, o := range e.sp.Orders() {
		if o.ExternalID != nil && *o.ExternalID == ext {
			found = append(found, o)
		}
	}
	return found
}

// writes counts the requests that changed SkyPlanner.
func (e *env) writes() int {
	n := 0
	for _, r := range e.sp.Requests() {
		if r.Method != "GET" {
			n++
		}
	}
	return n
}

// rowID is the Minimax id of row i of an order.
func rowID(t testing.TB, e *env, order int64, i int) int64 {
	t.Helper()
	o, ok := e.mm.Order(order)
	if !ok || o.OrderRows == nil || len(*o.OrderRows) <= i {
		t.Fatalf("minimax order %d has no row %d", order, i)
	}
	return *(*o.OrderRows)[i].OrderRowID
}

func jobsOf(e *env, rowID int64) []skyplanner.Job {
	var out []skyplanner.Job
	for _, j := range e.sp.Jobs() {
		if j.PhaserOrderRowID != nil && *j.PhaserOrderRowID == rowID && !*j.IsArchive {
			out = append(out, j)
		}
	}
	return out
}

func workstageNames(e *env, jobs []skyplanner.Job) []string {
	names := map[int64]string{}
	for ws, err := range e.spc.ListWorkstages(context.Background(), skyplanner.WorkstageFilter{Limit: 10000}) {
		if err != nil {
			return nil
		}
		names[*ws.ID] = *ws.Name
	}
	var out []string
	for _, j := range jobs {
		out = append(out, names[*j.PhaserWorkstageID])
	}
	return out
}

// only returns the result of order id, failing unless it is the only one.
func only(t testing.TB, rep *planbridge.Report, id int64) planbridge.OrderResult {
	t.Helper()
	if len(rep.Orders) != 1 || rep.Orders[0].Order.ID != id {
		t.Fatalf("report has %+v, want order %d alone", rep.Orders, id)
	}
	return rep.Orders[0]
}

// shape is a report's writes without SkyPlanner ids, which a dry run
// cannot know.
func shape(rep *planbridge.Report) map[int64][]string {
	out := map[int64][]string{}
	for _, o := range rep.Orders {
		for _, w := range o.Writes {
			out[o.Order.ID] = append(out[o.Order.ID], string(w.Op)+" "+string(w.Kind)+" "+w.ExternalID+" "+strings.Join(w.Fields, ","))
		}
		slices.Sort(out[o.Order.ID])
	}
	return out
}

func asField(err error, fe **mapping.FieldError) bool { return errors.As(err, fe) }

// fastRetries retries as the default policy does, without its waits, so
// that tests full of injected faults run in milliseconds.
var fastRetries = minimax.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 4 * time.Millisecond,
	MaxRetryAfter: 10 * time.Millisecond, MaxTotalWait: time.Second}

// lookupMode is a way SkyPlanner may answer lookups: the sync's tests run
// under each, and must end in the same state.
type lookupMode struct {
	name string
	sp   []skyplannertest.Option
	sync []planbridge.Option
}

var lookupModes = []lookupMode{
	{name: "filters honoured"},
	{name: "filters ignored", sp: []skyplannertest.Option{skyplannertest.WithIgnoredFilters()}},
	{name: "default limit", sp: []skyplannertest.Option{skyplannertest.WithDefaultLimit(2)}},
	{name: "ignored and limited", sp: []skyplannertest.Option{skyplannertest.WithIgnoredFilters(), skyplannertest.WithDefaultLimit(2)},
		sync: []planbridge.Option{planbridge.WithLookupLimit(2)}},
}

// inModes runs f once per lookup mode.
func inModes(t *testing.T, f func(t *testing.T, mode lookupMode)) {
	for _, m := range lookupModes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			f(t, m)
		})
	}
}
