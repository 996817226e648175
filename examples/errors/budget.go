package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// budget spends a daily budget of three requests. Minimax allows about
// 1,000 a day per organisation, shared with the web UI and every other
// integration; a budget well under that leaves them room.
func budget(ctx context.Context, w io.Writer, fake *minimaxtest.Server) error {
	mm, err := minimax.New(append(fake.ClientOptions(), minimax.WithDailyBudget(3))...)
	if err != nil {
		return err
	}
	fake.ResetLog()
	for call := 1; call <= 4; call++ {
		_, err := mm.GetOrder(ctx, 7870)
		var budgetErr *minimax.BudgetError
		switch {
		case err == nil:
			used, limit := mm.BudgetUsed()
			fmt.Fprintf(w, "  call %d: read; %d of %d requests used\n", call, used, limit)
		case errors.As(err, &budgetErr):
			fmt.Fprintf(w, "  call %d: errors.Is(err, minimax.ErrBudgetExhausted) = %t, Limit = %d\n",
				call, errors.Is(err, minimax.ErrBudgetExhausted), budgetErr.Limit)
			fmt.Fprintf(w, "    the next request may go at %s, in %s\n",
				budgetErr.RetryAt.Format(time.RFC3339), time.Until(budgetErr.RetryAt).Round(time.Minute))
		default:
			return err
		}
	}
	fmt.Fprintf(w, "  requests the fake received: %d (the refused call sent nothing)\n", fake.Count("GET /api/orgs/{organisationId}/orders/{orderId}"))
	return nil
}
