package main

import (
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
)

func TestRun(t *testing.T) {
	outputtest.Run(t, run,
		"Ivo's update as read: errors.Is(err, minimax.ErrConflict) = true",
		"minimax.UpdateOrder: 400 Bad Request: Concurrency error - record changed by another action (RowVersion)",
		"Ivo's update through updateOrder: written on attempt 2; the notes now:",
		`"Ana: deliver to the back entrance\nIvo: call before delivery"`,

		"call 1: errors.Is(err, minimax.ErrCredentialsRefused) = true, Latched = true, Code = invalid_grant",
		"call 3: errors.Is(err, minimax.ErrCredentialsRefused) = true, Latched = true, Code = invalid_grant",
		"token requests the fake received: 1; application locked: false",

		"call 3: read; 3 of 3 requests used",
		"call 4: errors.Is(err, minimax.ErrBudgetExhausted) = true, Limit = 3",
		"requests the fake received: 3 (the refused call sent nothing)",

		`CreateOrder: errors.Is(err, minimax.ErrValidation) = true, status 400, "The request is invalid."`,
		"order.Customer: Customer 999 does not exist.",
		"order.Date: The Date field is required.",
		"UpdateOrder without a RowVersion, refused before sending: field Order.RowVersion, errors.Is(err, minimax.ErrValidation) = true",
	)
}
