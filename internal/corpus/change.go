package corpus

import (
	"context"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"math/rand/v2"
	"slices"

	"github.com/planbridge/planbridge/minimax"
)

// ChangedPercent is the share of ReceivedOrders that Change edits.
const ChangedPercent = 10

// Change edits ChangedPercent of ReceivedOrders in a Minimax loaded with
// the corpus, through mm, as people would in Minimax: confirmed orders
// each get, in turn, a row added, a row removed (a one-row order gets one
// added instead) or a quantity changed. Each edit is one read and one
// update. Which orders and what changes come from the corpus's seed, so a
// corpus loaded afresh changes the same way every time. It returns the
// IDs of the orders changed, in ID order.
func (c Corpus) Change(ctx context.Context, mm *minimax.Client) ([]int64, error) {
	r := rand.New(rand.NewPCG(uint64(c.Seed), streamChange))
	confirmed := c.OrderIDs(minimax.Received, minimax.StatusConfirmed)
	n := ReceivedOrders * ChangedPercent / 100
	if n > len(confirmed) {
		return nil, fmt.Errorf("corpus: change: %d confirmed orders, fewer than the %d to change", len(confirmed), n)
	}
	var ids []int64
	for i, k := range r.Perm(len(confirmed))[:n] {
		id := confirmed[k]
		o, err := mm.GetOrder(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("corpus: change: %w", err)
		}
		rows := deref.Of(o.OrderRows)
		switch {
		case i%3 == 1 && len(rows) > 1:
			j := r.IntN(len(rows))
			rows = slices.Delete(rows, j, j+1)
		case i%3 == 2:
			j := r.IntN(len(rows))
			rows[j].Quantity = new(deref.Of(rows[j].Quantity) + float64(1+r.IntN(10)))
		default:
			rows = append(rows, c.newRow(r, rows))
		}
		o.OrderRows = &rows
		if err := mm.UpdateOrder(ctx, o); err != nil {
			return nil, fmt.Errorf("corpus: change: %w", err)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// newRow is a row of an item the order does not have yet. Minimax gives it
// its ID.
func (c Corpus) newRow(r *rand.Rand, rows []minimax.OrderRow) minimax.OrderRow {
	for {
		it := c.Minimax.Items[r.IntN(len(c.Minimax.Items))]
		if slices.ContainsFunc(rows, func(row minimax.OrderRow) bool { return row.Item != nil && deref.Of(row.Item.ID) == *it.ItemID }) {
			continue
		}
		return minimax.OrderRow{Item: ref(*it.ItemID, deref.Of(it.Name)), ItemCode: it.Code, ItemName: it.Name,
			UnitOfMeasurement: it.UnitOfMeasurement, Quantity: new(float64(1 + r.IntN(20))), Price: new(float64(20 + r.IntN(880)))}
	}
}
