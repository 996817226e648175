package corpus_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/corpus"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// asJSON is how the fakes see a corpus: comparing it catches any field
// that differs, unexported ones of the date types included.
func asJSON(t *testing.T, c corpus.Corpus) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, v := range map[string]any{"minimax": c.Minimax, "skyplanner": c.SkyPlanner, "mapping": c.MappingOptions} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	return out
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := asJSON(t, corpus.Generate(7)), asJSON(t, corpus.Generate(7))
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("seed 7 made two corpora (-first +second):\n%s", diff)
	}
	if cmp.Equal(a, asJSON(t, corpus.Generate(8))) {
		t.Fatal("seeds 7 and 8 made the same corpus")
	}
}

func TestGenerateCounts(t *testing.T) {
	for _, seed := range []int64{1, 2, 42} {
		c := corpus.Generate(seed)
		mm := c.Minimax
		if len(mm.Customers) != corpus.Customers || len(mm.Items) != corpus.Items {
			t.Errorf("seed %d: %d customers, %d items; want %d and %d", seed, len(mm.Customers), len(mm.Items), corpus.Customers, corpus.Items)
		}
		got := map[string]int{}
		minRows, maxRows := corpus.MaxRows, corpus.MinRows
		for _, o := range mm.Orders {
			got[*o.ReceivedIssued+*o.Status]++
			n := len(*o.OrderRows)
			minRows, maxRows = min(minRows, n), max(maxRows, n)
		}
		want := map[string]int{
			"PP": corpus.ReceivedOrders - corpus.Drafts - corpus.Invalidated - corpus.Completed,
			"PO": corpus.Drafts, "PR": corpus.Invalidated, "PZ": corpus.Completed, "IP": corpus.IssuedOrders,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("seed %d: orders by direction and status (-want +got):\n%s", seed, diff)
		}
		if minRows != corpus.MinRows || maxRows != corpus.MaxRows {
			t.Errorf("seed %d: orders have %d to %d rows, want %d to %d", seed, minRows, maxRows, corpus.MinRows, corpus.MaxRows)
		}
		if n := len(c.SkyPlanner.Products); n != corpus.DefaultStepItems {
			t.Errorf("seed %d: %d SkyPlanner products, want one per default-step item (%d)", seed, n, corpus.DefaultStepItems)
		}
		if n := len(c.MappingOptions.Routing); n != corpus.RoutedItems+corpus.ServiceItems {
			t.Errorf("seed %d: %d routings, want %d", seed, n, corpus.RoutedItems+corpus.ServiceItems)
		}
	}
}

// The routings name workstages SkyPlanner has, by the slug of their name,
// and others the sync must create; every default-step item's product is in
// SkyPlanner with steps.
func TestGenerateRoutingAndProducts(t *testing.T) {
	c := corpus.Generate(1)
	have := map[string]bool{}
	for _, ws := range c.SkyPlanner.Workstages {
		have[*ws.ExternalID] = true
	}
	found, missing := 0, 0
	for _, steps := range c.MappingOptions.Routing {
		for _, s := range steps {
			if have[mapping.WorkstageExternalID(s)] {
				found++
			} else {
				missing++
			}
		}
	}
	if found == 0 || missing == 0 {
		t.Errorf("routing steps: %d in existing workstages, %d in new ones; want some of each", found, missing)
	}
	products := map[string]int64{}
	for _, p := range c.SkyPlanner.Products {
		products[*p.ExternalID] = *p.ID
	}
	routed, withSteps := 0, 0
	for _, it := range c.Minimax.Items {
		if _, ok := c.MappingOptions.Routing[*it.Code]; ok {
			routed++
			continue
		}
		id, ok := products[mapping.ItemExternalID(corpus.Org, *it.ItemID)]
		if !ok || len(c.SkyPlanner.ProductSteps[id]) == 0 {
			t.Errorf("item %s has no routing and no SkyPlanner product with steps", *it.Code)
			continue
		}
		withSteps++
	}
	if routed != corpus.RoutedItems+corpus.ServiceItems || withSteps != corpus.DefaultStepItems {
		t.Errorf("%d routed items, %d with default steps", routed, withSteps)
	}
}

func TestEveryOrderMaps(t *testing.T) {
	c := corpus.Generate(1)
	m, err := mapping.NewMapper(c.MappingOptions)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[mapping.Action]int{}
	jobs := 0
	for _, o := range c.Minimax.Orders {
		p, err := m.MapOrder(corpus.Org, o)
		if err != nil {
			t.Fatalf("order %d: %v", *o.OrderID, err)
		}
		actions[p.Action]++
		for _, rp := range p.Rows {
			jobs += len(rp.Jobs)
		}
	}
	want := map[mapping.Action]int{
		mapping.ActionUpsert:  corpus.ReceivedOrders - corpus.Drafts - corpus.Invalidated - corpus.Completed,
		mapping.ActionArchive: corpus.Invalidated,
		mapping.ActionSkip:    corpus.Drafts + corpus.Completed + corpus.IssuedOrders,
	}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if jobs == 0 {
		t.Error("no order has a routed row")
	}
	needs, err := c.Needs()
	if err != nil {
		t.Fatal(err)
	}
	if needs.Customers == 0 || needs.Customers > corpus.Customers || needs.Products == 0 || needs.Products > corpus.Items ||
		needs.Workstages == 0 {
		t.Errorf("needs %+v", needs)
	}
}

// fakes are both fakes loaded with a corpus, with clients.
type fakes struct {
	mm  *minimaxtest.Server
	sp  *skyplannertest.Server
	mmc *minimax.Client
	spc *skyplanner.Client
}

func load(t *testing.T, c corpus.Corpus) fakes {
	t.Helper()
	f := fakes{mm: minimaxtest.NewServer(t, minimaxtest.WithSeed(c.Minimax)), sp: skyplannertest.NewServer(t, skyplannertest.WithSeed(c.SkyPlanner))}
	var err error
	if f.mmc, err = minimax.New(f.mm.ClientOptions()...); err != nil {
		t.Fatal(err)
	}
	if f.spc, err = skyplanner.New(f.sp.ClientOptions()...); err != nil {
		t.Fatal(err)
	}
	return f
}

// The corpus loads into both fakes, which serve it back through the
// clients as it was generated.
func TestLoadsIntoFakes(t *testing.T) {
	c := corpus.Generate(1)
	f := load(t, c)
	n := 0
	for e, err := range f.mmc.ListOrders(t.Context(), minimax.OrderFilter{PageSize: 300}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		o, err := f.mmc.GetOrder(t.Context(), *e.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := f.mm.Order(*e.OrderID)
		if len(*o.OrderRows) != len(*want.OrderRows) || *(*o.OrderRows)[0].OrderRowID != *(*want.OrderRows)[0].OrderRowID {
			t.Fatalf("order %d read back with other rows", *e.OrderID)
		}
	}
	if n != len(c.Minimax.Orders) {
		t.Errorf("Minimax lists %d orders, want %d", n, len(c.Minimax.Orders))
	}
	if got := len(f.sp.Products()); got != len(c.SkyPlanner.Products) {
		t.Errorf("SkyPlanner has %d products, want %d", got, len(c.SkyPlanner.Products))
	}
	if got := len(f.sp.Workstages()); got != len(c.SkyPlanner.Workstages) {
		t.Errorf("SkyPlanner has %d workstages, want %d", got, len(c.SkyPlanner.Workstages))
	}
}

// Change edits the same orders the same way on a corpus loaded afresh,
// and each edit is what it says: a row more, a row fewer, or a quantity.
func TestChangeIsDeterministic(t *testing.T) {
	c := corpus.Generate(1)
	run := func() (ids []int64, rows map[int64][]string) {
		f := load(t, c)
		ids, err := c.Change(t.Context(), f.mmc)
		if err != nil {
			t.Fatal(err)
		}
		rows = map[int64][]string{}
		for _, id := range ids {
			o, _ := f.mm.Order(id)
			for _, r := range *o.OrderRows {
				b, _ := json.Marshal(map[string]any{"item": *r.Item.ID, "qty": *r.Quantity, "id": *r.OrderRowID})
				rows[id] = append(rows[id], string(b))
			}
		}
		return ids, rows
	}
	ids, first := run()
	if want := corpus.ReceivedOrders * corpus.ChangedPercent / 100; len(ids) != want {
		t.Fatalf("changed %d orders, want %d", len(ids), want)
	}
	_, second := run()
	if diff := cmp.Diff(first, second); diff != "" {
		t.Fatalf("two runs of Change differ (-first +second):\n%s", diff)
	}
	seeded := map[int64]int{}
	for _, o := range c.Minimax.Orders {
		seeded[*o.OrderID] = len(*o.OrderRows)
	}
	kinds := map[string]int{}
	for _, id := range ids {
		switch d := len(first[id]) - seeded[id]; d {
		case 1:
			kinds["added"]++
		case -1:
			kinds["removed"]++
		case 0:
			kinds["quantity"]++
		default:
			t.Errorf("order %d: %d rows more", id, d)
		}
	}
	if kinds["added"] == 0 || kinds["removed"] == 0 || kinds["quantity"] == 0 {
		t.Errorf("edits %v, want each kind", kinds)
	}
}

// The naive baseline creates every order's records, duplicates included:
// one customer per order, one product per row.
func TestNaive(t *testing.T) {
	c := corpus.Generate(1)
	f := load(t, c)
	m, err := mapping.NewMapper(c.MappingOptions)
	if err != nil {
		t.Fatal(err)
	}
	n, err := corpus.Naive(t.Context(), f.mmc, f.spc, m)
	if err != nil {
		t.Fatal(err)
	}
	confirmed := c.OrderIDs(minimax.Received, minimax.StatusConfirmed)
	rows := 0
	for _, o := range c.Minimax.Orders {
		if minimax.DirectionOf(o.ReceivedIssued) == minimax.Received && minimax.StatusOf(o.Status) == minimax.StatusConfirmed {
			rows += len(*o.OrderRows)
		}
	}
	got := []int{n, len(f.sp.Orders()), len(f.sp.Customers()), len(f.sp.OrderRows()), len(f.sp.Products()) - len(c.SkyPlanner.Products)}
	want := []int{len(confirmed), len(confirmed), len(confirmed), rows, rows}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("[created, orders, customers, rows, new products] (-want +got):\n%s", diff)
	}
}
