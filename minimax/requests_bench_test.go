package minimax_test

import (
	"fmt"
	"testing"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// BenchmarkRequestCounts reports what Minimax's daily budget pays per call,
// counted at the fake: listing 250 orders (pages of 100), running an order
// action (a fresh read for the RowVersion, then the action), and looking
// the same item up by code again and again (cached after the first).
func BenchmarkRequestCounts(b *testing.B) {
	orders := make([]api.Order, 250)
	for i := range orders {
		orders[i] = api.Order{ReceivedIssued: new("P"), Status: new("P"), Year: new(int32(2026)), Number: new(int32(i + 1))}
	}
	srv := minimaxtest.NewServer(b, minimaxtest.WithDemoData(), minimaxtest.WithSeed(minimaxtest.Seed{Orders: orders}))
	c, err := minimax.New(srv.ClientOptions()...)
	if err != nil {
		b.Fatal(err)
	}
	perOp := func(b *testing.B, run func() error) {
		if err := run(); err != nil { // fetch the token outside the count
			b.Fatal(err)
		}
		before := len(srv.Requests())
		for b.Loop() {
			if err := run(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(srv.Requests())-before)/float64(b.N), "requests/op")
	}
	b.Run("ListOrders-255", func(b *testing.B) {
		perOp(b, func() error {
			n := 0
			for _, err := range c.ListOrders(b.Context(), minimax.OrderFilter{}) {
				if err != nil {
					return err
				}
				n++
			}
			if n != 255 {
				return fmt.Errorf("listed %d orders, want 255", n)
			}
			return nil
		})
	})
	b.Run("OrderAction", func(b *testing.B) {
		perOp(b, func() error {
			if err := c.ConfirmOrder(b.Context(), 7873); err != nil {
				return err
			}
			return c.CancelOrderConfirmation(b.Context(), 7873)
		})
	})
	b.Run("FindItemByCode-cached", func(b *testing.B) {
		perOp(b, func() error {
			_, err := c.FindItemByCode(b.Context(), "STOL-HRAST")
			return err
		})
	})
}
