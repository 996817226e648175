package corpus

import (
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/minimax"
	"math/rand/v2"
	"slices"

	"github.com/planbridge/planbridge/mapping"
	mmapi "github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// Org is the Minimax organisation the corpus belongs to: minimaxtest's
// default, so the fake needs no option for it.
const Org = 3840

// The corpus's size. Every seed gives exactly these counts; only which
// record is which, and the contents, vary.
const (
	Customers = 30
	// Items are RoutedItems (their routing is in MappingOptions),
	// DefaultStepItems (SkyPlanner has their product, with default steps)
	// and ServiceItems (an empty routing: no jobs).
	Items            = RoutedItems + DefaultStepItems + ServiceItems
	RoutedItems      = 30
	DefaultStepItems = 150
	ServiceItems     = 20
	// ReceivedOrders are the received orders (P): confirmed ones, and
	// Drafts, Invalidated and Completed among them. IssuedOrders (I) come
	// on top; the default mapping skips them.
	ReceivedOrders = 100
	Drafts         = 5
	Invalidated    = 5
	Completed      = 4
	IssuedOrders   = 6
	// MinRows and MaxRows bound the rows of an order.
	MinRows = 1
	MaxRows = 20
)

// Corpus is one generated data set: what the two fakes are loaded with and
// the mapping options that go with them.
type Corpus struct {
	// Seed is the seed the corpus was made from; Change draws from it too.
	Seed int64
	// Minimax is the seed for minimaxtest: code lists, customers, items and
	// orders. Every record has its ID set, order rows included, so a plan
	// can be made from these orders before any fake has seen them.
	Minimax minimaxtest.Seed
	// SkyPlanner is the seed for skyplannertest: what an integration finds
	// already set up (workstations, some workstages, the products of the
	// default-step items with their steps), and nothing it would create.
	SkyPlanner skyplannertest.Seed
	// MappingOptions route the routed items (by item code) through
	// workstages some of which SkyPlanner lacks, so that the sync creates
	// them; service items get an empty routing.
	MappingOptions mapping.Options
}

// Generate makes the corpus of a seed. The same seed always gives the same
// corpus.
func Generate(seed int64) Corpus {
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), streamGenerate))}
	c := Corpus{Seed: seed}
	c.Minimax = g.minimax()
	c.SkyPlanner = g.skyplanner()
	c.MappingOptions = mapping.Options{Routing: g.routing}
	return c
}

// The PCG streams of the corpus's two uses of its seed.
const (
	streamGenerate = 0x636f72707573 // "corpus"
	streamChange   = 0x6368616e6765 // "change"
)

// OrderIDs returns the IDs of the orders of a direction ("P" received, "I"
// issued) and, unless status is "", of that status, in ID order.
func (c Corpus) OrderIDs(receivedIssued minimax.Direction, status minimax.Status) []int64 {
	var out []int64
	for _, o := range c.Minimax.Orders {
		if minimax.DirectionOf(o.ReceivedIssued) == receivedIssued && (status == "" || minimax.StatusOf(o.Status) == status) {
			out = append(out, *o.OrderID)
		}
	}
	slices.Sort(out)
	return out
}

// Needs are the shared SkyPlanner records a set of orders asks a sync for:
// distinct customers, products and workstages.
type Needs struct {
	Customers, Products, Workstages int
}

// Needs counts the shared records the corpus's orders need.
func (c Corpus) Needs() (Needs, error) {
	m, err := mapping.NewMapper(c.MappingOptions)
	if err != nil {
		return Needs{}, err
	}
	return CountNeeds(m, c.Minimax.Orders...)
}

// CountNeeds counts the shared records orders need as m plans them. Orders
// the mapping skips or archives need none.
func CountNeeds(m *mapping.Mapper, orders ...mmapi.Order) (Needs, error) {
	customers, products, workstages := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, o := range orders {
		p, err := m.MapOrder(Org, o)
		if err != nil {
			return Needs{}, fmt.Errorf("corpus: order %d: %w", deref.Of(o.OrderID), err)
		}
		if p.Action != mapping.ActionUpsert {
			continue
		}
		customers[deref.Of(p.Customer.ExternalID)] = true
		for _, rp := range p.Rows {
			products[deref.Of(rp.Product.ExternalID)] = true
		}
		for _, ws := range p.Workstages {
			workstages[deref.Of(ws.ExternalID)] = true
		}
	}
	return Needs{Customers: len(customers), Products: len(products), Workstages: len(workstages)}, nil
}
