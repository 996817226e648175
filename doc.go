// Package planbridge connects Minimax, the online accounting and ERP service
// of SAOP/Seyfor (Slovenia, Croatia, Serbia), with SkyPlanner, the cloud
// production planner: sales orders received in Minimax become production
// orders, order rows and jobs in SkyPlanner.
//
// The module is organised by API, and this package ties them together:
//
//   - minimax is the Minimax client: the OAuth2 password grant with a latch
//     that never risks the service's lockout, retries that never repeat a
//     create, typed errors, lazy lists, the order flow with RowVersion
//     checks, cached code lookups and a daily request budget.
//   - skyplanner is the SkyPlanner client and its records under plain names
//     (skyplanner.Order, skyplanner.Job, ...).
//   - mapping turns a Minimax order with its rows into a Plan of SkyPlanner
//     records, each with a stable external ID; it is pure.
//   - this package's Syncer applies plans: it reads orders from Minimax,
//     maps them, and reconciles SkyPlanner with the plans.
//   - minimax/minimaxtest and skyplanner/skyplannertest are stateful fakes
//     of both services, for your tests and the examples.
//
// # The sync
//
// A Syncer is built from the two clients, a mapping.Mapper and options:
//
//	syncer, err := planbridge.NewSyncer(mm, sp, mapper,
//		planbridge.WithStore(store), planbridge.WithExport())
//	report, err := syncer.Resume(ctx) // or Sync(ctx, watermark)
//
// Sync is incremental: it reads Minimax's sync candidates since a
// Watermark, reads in full only the orders changed since they were last
// handled, and returns the next watermark. SyncOrder syncs one order;
// Rescan every order matching a filter (a first run, or a repair). All
// three read every status themselves: an order invalidated or completed
// since its last sync is seen by each.
//
// For each order the Syncer reconciles, in the vendor's workflow order,
// customer, order, products, workstages, order rows and jobs. It finds each
// record by its external ID, creates what is missing, updates only the
// fields the plan sets that differ, and leaves everything else alone: a
// planner's edits to other fields, and every status, are never overwritten.
// A row removed in Minimax is archived, a new one created; an invalidated
// order is archived. Nothing is ever deleted (SkyPlanner's deletes of
// customers and products are permanent). A row that asks for its product's
// default steps asks only when it is created; the jobs SkyPlanner copies
// then are SkyPlanner's. Jobs from a routing (mapping.Options.Routing) are
// reconciled by external ID. An order a planner archived while Minimax
// still has it confirmed is reported, and WithArchivedOrders decides what
// happens to it.
//
// # Lookups
//
// SkyPlanner's external_id filter is confirmed by the vendor for some
// resources and only inferred for others, and its lists have no paging. So
// every lookup sends an explicit limit (the server's own default never
// applies), checks the key of every record returned, and treats an answer
// that holds another key (the filter was ignored) or that is as long as the
// limit (it may be cut short) as unreliable: from then on that kind is read
// whole, with the larger scan limit, and filtered here. A scan that is
// itself full is a *LookupError, and the order fails rather than risk a
// duplicate. Order rows are read per order (phaser_order_id, a vendor
// filter) and jobs per row, with the same checks.
//
// # Safety
//
// The external ID is the idempotency key: a create whose answer was lost
// is never sent again blindly; the lookup decides. A run stopped at any
// request, for any reason, and run again ends in the state a clean run
// gives. Orders that share a new customer, product or workstage create it
// once (single flight per external ID), and a Locker keyed by external ID
// (in-process by default, distributed with WithLock) lets replicas of a
// service run the same sync. One failing order does not stop the others:
// its *OrderError is in the report, naming the order and, for bad data,
// the field. When the Minimax daily budget (minimax.WithDailyBudget) runs
// low, the run stops cleanly and the orders not reached wait in the
// watermark.
//
// # State
//
// Between runs a Syncer keeps nothing but a State: the watermark and the
// Minimax budget spent in the rolling day. A Store keeps it (MemoryStore,
// FileStore, or your own for replicas); every other fact lives in the two
// services. WithDryRun reports the writes a run would make without sending
// one.
package planbridge
