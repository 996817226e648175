// Package planbridge connects Minimax, the online accounting and ERP service
// of SAOP/Seyfor (Slovenia, Croatia, Serbia), with SkyPlanner, the cloud
// production planner: sales orders received in Minimax become production
// orders, items and jobs in SkyPlanner.
//
// The module is organised by API:
//
//   - minimax/api is the Minimax client generated from the vendor's Swagger
//     document: every operation as a typed method, every schema as a Go type.
//     Minimax sends date-times without a zone; api.DateTime handles them.
//   - internal/mmspec is the reproducible repair of that document (see its
//     package comment), run by `go generate ./...`.
//   - skyplanner/api is the SkyPlanner client generated from a document this
//     project writes (SkyPlanner publishes none), which marks what is
//     confirmed by the vendor and what is inferred; package skyplanner names
//     its records plainly (skyplanner.Order, skyplanner.Job, ...).
//
// The hand-written client layers, the in-memory fakes of both services and
// the order mapping build on these packages.
package planbridge
