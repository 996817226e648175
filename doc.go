// Package planbridge connects Minimax, the online accounting and ERP service
// of SAOP/Seyfor (Slovenia, Croatia, Serbia), with SkyPlanner, the cloud
// production planner: sales orders received in Minimax become production
// orders, order rows and jobs in SkyPlanner.
//
// The module is organised by API:
//
//   - minimax is the Minimax client: the OAuth2 password grant with a latch
//     that never risks the service's lockout, retries that never repeat a
//     create, typed errors, lazy lists, the order flow with RowVersion
//     checks, cached code lookups and a daily request budget.
//     minimax/api is the client generated from the vendor's Swagger
//     document (all 178 operations), repaired reproducibly by
//     internal/mmspec.
//   - skyplanner is the SkyPlanner client and its records under plain names
//     (skyplanner.Order, skyplanner.Job, ...). SkyPlanner publishes no API
//     description, so skyplanner/api is generated from a document this
//     project writes, which marks what the vendor confirms and what is
//     inferred.
//   - mapping turns a Minimax order with its rows into a Plan of SkyPlanner
//     records, each with a stable external ID; it is pure.
//   - minimax/minimaxtest and skyplanner/skyplannertest are stateful fakes
//     of both services that validate every request against the documents,
//     for your tests and for the examples (go run ./examples/fakes serves
//     them).
//
// Every call takes a context first, options are typed and validated,
// errors match with errors.Is and errors.As, lists are iter.Seq2, logging
// is a *slog.Logger (silent by default), and credentials live in the
// http.RoundTripper, sent only to the configured host.
package planbridge
