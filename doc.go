// Package planbridge connects Minimax, the online accounting and ERP service
// of SAOP/Seyfor (Slovenia, Croatia, Serbia), with SkyPlanner, the cloud
// production planner: sales orders received in Minimax become production
// orders, order rows and jobs in SkyPlanner. It is for the integrator who
// runs that sync (from cron, a service, or a test) and for Go programs that
// need either API on its own.
//
// # How the packages fit together
//
//	minimax (read orders) → mapping (plan the SkyPlanner records) → planbridge.Syncer → skyplanner (write them)
//	skyplanner (progress, webhooks) → planbridge.Tracker → minimax (complete finished orders)
//
// Each package has one part:
//
//   - minimax is the Minimax client: the OAuth2 password grant with a latch
//     that never risks the service's lockout, retries that never repeat a
//     create, typed errors, lazy paged lists, the order flow with RowVersion
//     checks, cached code lookups and a daily request budget.
//   - mapping turns a Minimax order with its rows into a Plan of SkyPlanner
//     records, each with a stable external ID; it is pure (no I/O).
//   - skyplanner is the SkyPlanner client and its records under plain names
//     (skyplanner.Order, skyplanner.Job, ...), with lookups by external ID
//     and include_archived.
//   - this package's Syncer applies plans: it reads orders from Minimax
//     (never writes there), maps them, and reconciles SkyPlanner with them.
//     Its Tracker goes the other way (see The way back below): when
//     production is planned, and completing finished orders in Minimax.
//   - skyplanner/webhook receives SkyPlanner's webhooks: verified, typed,
//     acknowledged at once and handled in the background.
//   - minimax/minimaxtest and skyplanner/skyplannertest are stateful fakes
//     of both services, with demo data, for your tests and the examples;
//     every example in the module runs offline, most of them on the fakes.
//
// # Construction
//
// A Syncer is built from the two clients, a mapping.Mapper and options.
// Authentication, retries and budgets are the clients' (see their package
// documentation); the Syncer adds none of its own:
//
//	mm, err := minimax.New(minimax.WithCountry(minimax.Croatia),
//		minimax.WithCredentials(creds), minimax.WithOrganisation(3840),
//		minimax.WithDailyBudget(800))
//	sp, err := skyplanner.New(skyplanner.WithSite("acme"), skyplanner.WithToken(token))
//	mapper, err := mapping.NewMapper(mapping.DefaultOptions())
//	store, err := planbridge.NewFileStore("/var/lib/planbridge/state.json")
//	syncer, err := planbridge.NewSyncer(mm, sp, mapper,
//		planbridge.WithStore(store), planbridge.WithExport())
//	report, err := syncer.Resume(ctx) // or Sync(ctx, watermark)
//
// The options, with their defaults: WithWorkers (DefaultWorkers, 4 orders
// at once), WithDryRun (off), WithExport (off), WithEvents and WithLogger
// (silent), WithLock (a LocalLocker), WithStore (none), WithArchivedOrders
// (ArchivedLeave), WithOverlap (DefaultOverlap, 70 minutes),
// WithLookupLimit (DefaultLookupLimit, 500), WithScanLimit
// (DefaultScanLimit, 50,000), WithBudgetReserve (0) and WithGracePeriod
// (DefaultGracePeriod, 30 seconds). An option given a value it cannot use
// makes NewSyncer fail with an error naming it.
//
// # Runs
//
// Sync is incremental: it reads Minimax's sync candidates since a
// Watermark (one request per page), reads in full only the orders changed
// since they were last handled, and returns the next watermark in
// Report.Next; run with the zero Watermark it reads every order. Resume is
// Sync from the watermark a Store holds. SyncOrder syncs one order; Rescan
// every order matching a RescanFilter (a first run against an existing
// Minimax, or a repair). All of them read every status themselves: an order
// invalidated or completed since its last sync is seen by each.
//
// Which orders are synced is the mapping's decision (mapping.Options):
// by default confirmed received orders are created or updated, invalidated
// ones archived, and drafts, completed and issued orders skipped.
//
// # Reconciling
//
// For each order the Syncer reconciles, in the vendor's workflow order,
// customer, order, products, workstages, order rows and jobs. It finds each
// record by its external ID, creates what is missing, updates only the
// fields the plan sets that differ, and leaves everything else alone: a
// planner's edits to other fields, and every status, are never overwritten.
// A row removed in Minimax is archived, a new one created; an invalidated
// order is archived. Nothing is ever deleted (SkyPlanner's deletes of
// customers and products are permanent).
//
// A row that asks for its product's default steps asks only when it is
// created; the jobs SkyPlanner copies then are SkyPlanner's, and later runs
// leave them alone. Jobs from a routing (mapping.Options.Routing) are
// reconciled by external ID like the other records.
//
// Lookups of orders, rows and jobs include archived records
// (include_archived), so an archived record is never created again by
// mistake. An order a planner archived while Minimax still has it
// confirmed is reported as skipped with its reason, and WithArchivedOrders
// decides whether it stays so (ArchivedLeave) or gets a new order
// (ArchivedRecreate). With WithExport, the orders a run changed, or whose
// rows are not yet in production scheduling, are exported at the end of
// the run, a hundred to a request.
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
// itself full is a *LookupError (ErrLookupUncertain), and the order fails
// rather than risk a duplicate. Order rows are read per order
// (phaser_order_id, a vendor filter) and jobs per row, with the same checks.
//
// # Errors
//
// One failing order does not stop the others. Its OrderResult has
// OutcomeFailed and an *OrderError in Err, naming the order and unwrapping
// to the cause: a *mapping.FieldError naming the field for bad data, a
// client's *APIError, a *LookupError. Report.Failed lists those results and
// Report.Err joins their errors; the failed orders wait in
// Report.Next.Pending and come again in the next run. The error a run
// returns is for a run that could not start, could not list its orders, or
// could not save its state.
//
// # Budgets, stopping and resuming
//
// When the Minimax daily budget (minimax.WithDailyBudget) would drop to the
// reserve (WithBudgetReserve), the run starts no further order: the orders
// not reached are OutcomeDeferred, Report.Stopped matches
// minimax.ErrBudgetExhausted, and they wait in the watermark. A run whose
// context ends does the same, with the context's error in Report.Stopped:
// the orders in hand finish within the grace period (WithGracePeriod), so
// SkyPlanner is not left with half an order where that can be helped, and
// the next run goes on from Report.Next. Report.Requests counts what each
// service received during the run.
//
// # Safety
//
// The external ID is the idempotency key: a create whose answer was lost
// is never sent again blindly; the lookup decides. A run stopped at any
// request, for any reason, and run again ends in the state a clean run
// gives. Orders that share a new customer, product or workstage create it
// once (single flight per external ID), and a Locker keyed by external ID
// (in-process by default, distributed with WithLock) lets replicas of a
// service run the same sync.
//
// # State
//
// Between runs a Syncer keeps nothing but a State: the watermark and the
// Minimax budget spent in the rolling day. A Store keeps it (MemoryStore,
// FileStore, or your own for replicas); every other fact lives in the two
// services. With a Store, Sync saves its progress after each order and
// the next watermark at its end; SyncOrder and Rescan add their failures to
// the stored watermark's Pending.
//
// # Watching a run
//
// WithDryRun reports the writes a run would make (OrderResult.Writes)
// without sending one; the same code decides in both modes. WithEvents
// calls a function for every step (an order started, each record created,
// updated, archived or found unchanged, an order done, skipped or failed),
// never concurrently, for a progress display or metrics. WithLogger logs
// each order and write at debug level and what needs attention at warn
// level.
//
// # The way back
//
// A Tracker (NewTracker) carries production's progress from SkyPlanner
// back to Minimax for the orders a Syncer made. It needs no mapping and
// keeps nothing between calls but a saving for polls.
//
// Schedule says when an order's production is planned: the earliest start
// and the latest end over the parts of its scheduled jobs (SkyPlanner
// lists parts in no order), per row and for the order, and whether every
// job is planned yet. It reads 3 + R SkyPlanner requests for an order with
// R rows, never one per job.
//
// An order's production is done when it has a live row and every live row
// is completed: by the row's status, or by every one of its live jobs
// being completed when SkyPlanner has not moved the row's status. With
// WithCompletion, CheckOrder then completes the Minimax order (the
// complete action, as of the RowVersion it just read). It acts only on a
// SkyPlanner order whose external ID the mapping made for this
// organisation (mapping.ParseOrderExternalID), only on a confirmed Minimax
// order, never on an invalidated one or a draft, and leaves a completed
// one alone; a check repeated, concurrent or interrupted anywhere ends in
// one completion. Without WithCompletion a Tracker writes nothing and
// reports such orders as CompletionFinished.
//
// Checks start from webhooks or from polls. Register subscribes a
// webhook.Handler (package skyplanner/webhook) to the events that can
// finish an order, and HandleEvent follows each event's data to its order;
// events only say which order to read, so a duplicate or late delivery
// does no harm. Poll, for those who cannot receive webhooks, lists the
// rows and jobs SkyPlanner shows as modified since a watermark and checks
// their orders; its PollReport.Next never passes a change whose order
// failed. What the vendor confirms about webhooks and what this SDK
// assumes is in the webhook package's documentation.
package planbridge
