package minimaxtest_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// TestOrderFlow runs the Minimax client against the fake: create an order,
// confirm it, find it in the list of confirmed orders and among the sync
// candidates.
func TestOrderFlow(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData(), minimaxtest.WithStrict())
	c, err := minimax.New(srv.ClientOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	start := srv.Now().Add(-time.Second)

	customer, err := c.FindCustomerByCode(ctx, "SAOP")
	if err != nil {
		t.Fatal(err)
	}
	eur, err := c.FindCurrencyByCode(ctx, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	item, err := c.FindItemByCode(ctx, "STOL-HRAST")
	if err != nil {
		t.Fatal(err)
	}
	qty, price := 6.0, 145.0
	id, err := c.CreateOrder(ctx, minimax.Order{
		ReceivedIssued: new(string(minimax.Received)),
		Date:           api.NewDateTime(srv.Now()),
		Customer:       &minimax.FkField{ID: customer.CustomerID},
		Currency:       &minimax.FkField{ID: eur.CurrencyID},
		OrderRows:      &[]minimax.OrderRow{{Item: &minimax.FkField{ID: item.ItemID}, Quantity: &qty, Price: &price}},
	})
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.GetOrder(ctx, id)
	if err != nil || minimax.StatusOf(o.Status) != minimax.StatusDraft || !o.RecordDtModified.Valid() {
		t.Fatalf("new order: status %v, err %v", o.Status, err)
	}
	if err := c.ConfirmOrder(ctx, id); err != nil {
		t.Fatal(err)
	}
	confirmed, _ := c.GetOrder(ctx, id)
	if minimax.StatusOf(confirmed.Status) != minimax.StatusConfirmed || *confirmed.RowVersion == *o.RowVersion || !confirmed.DateConfirmed.Valid() {
		t.Errorf("after confirm: status %s, RowVersion %s (was %s), DateConfirmed %v",
			*confirmed.Status, *confirmed.RowVersion, *o.RowVersion, confirmed.DateConfirmed)
	}
	// The RowVersion read before the confirm is stale now.
	if err := c.UpdateOrder(ctx, o); !errors.Is(err, minimax.ErrConflict) {
		t.Errorf("update with a stale RowVersion: %v, want ErrConflict", err)
	}

	// Undoing the confirmation clears its date: Minimax answers null, which
	// the repaired document allows (the fake's answers are checked against it).
	if err := c.CancelOrderConfirmation(ctx, id); err != nil {
		t.Fatal(err)
	}
	if back, err := c.GetOrder(ctx, id); err != nil || minimax.StatusOf(back.Status) != minimax.StatusDraft || !back.DateConfirmed.IsNull() {
		t.Fatalf("after cancelling the confirmation: %v, status %v, DateConfirmed %v", err, back.Status, back.DateConfirmed)
	}
	if err := c.ConfirmOrder(ctx, id); err != nil {
		t.Fatal(err)
	}

	var listed []int64
	for row, err := range c.ListOrders(ctx, minimax.OrderFilter{Status: minimax.StatusConfirmed, ReceivedIssued: minimax.Received, PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, *row.OrderID)
	}
	if want := []int64{7870, 7871, 7872, id}; !slices.Equal(listed, want) {
		t.Errorf("confirmed orders = %v, want %v", listed, want)
	}

	var changed []int64
	for sc, err := range c.OrderSyncCandidates(ctx, start) {
		if err != nil {
			t.Fatal(err)
		}
		changed = append(changed, *sc.ID)
	}
	if !slices.Contains(changed, id) {
		t.Errorf("sync candidates since the start = %v, want them to include %d", changed, id)
	}
	if n := srv.Count("GET /api/orgs/{organisationId}/orders"); n != 2 {
		t.Errorf("list requests = %d, want 2 pages", n)
	}
	if n := srv.TokenRequests(); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
}
