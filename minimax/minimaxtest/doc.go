// Package minimaxtest is an in-memory, stateful fake of the Minimax API for
// tests and examples: the OAuth2 token endpoint (with the lockout after
// repeated wrong passwords), the current user's organisations, orders
// (create, read, update, delete, list with paging and filters, the actions
// that move Status, sync candidates) and the code lists an order needs
// (customers, items, countries, currencies, report templates).
//
// One line starts it for a test, on a loopback port, stopped when the test
// ends:
//
//	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
//	c, err := minimax.New(srv.ClientOptions()...)
//
// Every request is checked against the project's OpenAPI document of
// Minimax; an invalid one is answered 400 with a message naming the problem
// (and fails the test in strict mode), and every answer the fake gives is
// checked too. Faults can be injected (FailNth, FailMatching, SetLatency,
// SetRateLimit), before the request acts or, with Fault.AfterHandler, after
// it (the answer is then lost or replaced); Requests and Count tell a test
// what reached the fake, and Actions which order actions it carried out
// (refused ones are not listed), so a test can show that an order was
// completed exactly once however often an integration tried.
//
// Records are written the way Minimax writes them: dates as wall-clock time
// in the organisation's zone, without an offset; an order's unset dates and
// references as null, as in the vendor's example; list rows in the shapes
// of the vendor's document (items as ItemSearch, with Title). New order rows
// get the fake's own IDs, whatever a create sends. A test in this package
// holds every request and answer to the vendor's document as published.
package minimaxtest
