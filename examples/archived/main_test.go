package main

import (
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
)

func TestRun(t *testing.T) {
	outputtest.Run(t, run,
		"Order 2026-1 (id 5001) has row 10001 with 4 jobs.",
		"ArchiveJob 20001 (Rezanje):",
		"GetJob: not found (errors.Is(err, skyplanner.ErrNotFound))",
		"GetJob with IncludeArchived(): found, Archived() = true",
		"ListJobs of the row: 3",
		"ListJobs of the row with IncludeArchived(): 4",
		"GetOrderRow: not found (errors.Is(err, skyplanner.ErrNotFound))",
		"GetOrderRow with IncludeArchived(): found, Archived() = true",
		"GetOrder: not found (errors.Is(err, skyplanner.ErrNotFound))",
		"GetOrder with IncludeArchived(): found, Archived() = true",
		"ListOrders: 0",
		"ListOrders with IncludeArchived(): 1",
		"DeleteCustomer 1002 (a duplicate of customer 1001):",
		"GetCustomer: not found, for good: customers are deleted, not archived,",
		"ListCustomers: 1001 Saop d.o.o.",
		"1 customer left",
	)
}
