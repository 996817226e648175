// Package skyplanner is the SDK's client for SkyPlanner, the cloud
// production planner of SkyPlanner Oy: customers, production orders, order
// rows, products and their default steps, workstages and jobs, the export
// to production scheduling and the scheduled times. It handles the token,
// retries, typed errors and SkyPlanner's response forms, so a caller sees
// records and errors, never HTTP.
//
// # Where it fits
//
// SkyPlanner is where production is planned. In this module:
//
//	minimax (read orders) → mapping (plan the SkyPlanner records) → planbridge.Syncer → skyplanner (write them)
//
// The Syncer creates and updates records here through this client, finding
// each by its external ID; use the client directly for integrations of
// your own.
//
// # The document behind it
//
// SkyPlanner publishes no machine-readable description of its API. The
// records and the whole typed client are generated, in package
// skyplanner/api, from skyplanner/api/openapi.yaml, a document this project
// owns: rebuilt from the vendor's documentation pages, one third-party
// connector and inference, each operation and field marked with how it is
// known (x-confidence: vendor, third-party or inferred). The host form, the
// header the token travels in and the response envelope are third-party
// knowledge; most list filters other than those of order rows are
// inferred. Treat anything not marked vendor as a guess to check against
// your tenant, and if your tenant's in-app API documentation offers an
// OpenAPI document, prefer it and regenerate the client (go generate).
//
// The names here are aliases of the generated types, so values move
// between the two packages freely. Records keep the fields the document
// does not model (AdditionalProperties holds them as raw JSON), so a
// record read and written back loses nothing. Dates decode from both the
// offset form and the naive "2006-01-02 15:04:05" form the service is known
// to use (DateTime), and workstation lists from their comma-separated wire
// form (Workstations). Answers are read in the resource-keyed envelope
// ({"phaser-order": {...}}) or bare.
//
// # Construction and authentication
//
// New takes the tenant (WithSite, or WithBaseURL for tests and proxies)
// and the API token, which SkyPlanner support issues (WithToken):
//
//	c, err := skyplanner.New(skyplanner.WithSite("acme"), skyplanner.WithToken(token))
//
// WithSite("acme") means https://acme.skyplanner.app/production-planning/api/v3;
// a site that is not a plain host label is refused, so the token can only go
// to a SkyPlanner host. The token travels in the Authorization-Token header
// (not as a Bearer token), added by the client's transport to requests for
// the tenant's host only: a redirect elsewhere does not carry it, and it is
// scrubbed from errors and logs. Bad options make New fail with an error
// naming the option; a Client is safe for concurrent use. The client logs
// nothing unless given WithLogger.
//
// # Errors
//
// A non-2xx answer is an *APIError, carrying the operation, status, the
// service's message and the body; match its kind with errors.Is: ErrNotFound
// (404), ErrUnauthorized (401, 403), ErrRateLimited (429), ErrConflict
// (409), ErrValidation (400, 422). SkyPlanner documents neither its status
// codes nor its error bodies; these are what is expected, not what was
// seen.
//
// Values SkyPlanner is known to reject, such as "/" in an order number,
// are refused before sending with a *FieldError naming the field by its
// JSON name; it matches ErrValidation too. A 2xx answer the client cannot
// use is an *AnswerError (ErrNoRecord when it holds no record). A create
// that SkyPlanner accepted without naming the new record is a
// *CreateUnconfirmedError (ErrCreateUnconfirmed): the record may exist, so
// look it up by its external ID before creating it again.
//
// # Retries
//
// DefaultRetryPolicy retries three times, waiting from half a second and
// never more than a minute in all, on connection errors, 429 and 5xx, and
// honours Retry-After up to 30 seconds; waits end with the context. GET,
// PUT and DELETE are retried; POST only on 429 or when it never reached the
// server, so a create the service may have processed is never sent again.
// WithRetryPolicy changes the
// policy; RetryPolicy{} turns retries off. SkyPlanner documents no rate
// limit and this client keeps no budget; RequestsSent counts what it sent.
//
// # Lists and lookups by external ID
//
// List methods return an iter.Seq2 that makes its request only when ranged
// over and yields an error at most once, as its last value:
//
//	for order, err := range c.ListOrders(ctx, skyplanner.OrderFilter{ExternalOrderNumber: "2026-1"}) {
//		if err != nil {
//			return err
//		}
//		...
//	}
//
// SkyPlanner documents no paging, only a limit, so a list is one request:
// there is no second page to fetch, and a filter's Limit (0 leaves the
// service's own default) may cut the answer short. A limit of 1 has been
// seen to return an arbitrary record; read one record by its id.
//
// External IDs are the integrator's keys. Find…ByExternalID (customers,
// orders, order rows, products, workstages, workstations, jobs) filters by
// external_id and checks the key of every record returned, because for most
// resources the filter is only inferred and a server that ignored it would
// otherwise hand back an unrelated record. Finding none matches ErrNotFound;
// finding several is an *AmbiguousError listing their ids.
//
// # Archived records and include_archived
//
// Orders, order rows and jobs are archived, not deleted: ArchiveOrder,
// ArchiveOrderRow and ArchiveJob are SkyPlanner's DELETE, which sets
// is_archive. An archived record leaves every read, and reads as not found
// by its id, unless the read is given IncludeArchived(); Order.Archived,
// OrderRow.Archived and Job.Archived report the state. Customers (DeleteCustomer) and a product's
// default steps (DeleteProductStep) are deleted permanently: there is no
// undo and no way to read them again.
//
// # Default steps
//
// A product's default steps (ProductSteps, SetProductSteps, AddProductStep)
// are the process steps SkyPlanner copies to a new order row as its jobs
// when the row is created WithDefaultSteps (get_default_steps); the row must
// name its product. The copies are then the row's own jobs: changing the
// product's steps later does not change them. A row created without it gets
// its jobs from CreateJob, each in a workstage (PhaserWorkstageID).
//
// The vendor's guide creates records in this order, and each needs the ids
// of the ones before it: customer, order (ProductionPlanningCustomerID),
// product, order row (PhaserOrderID, ProductionPlanningProductID),
// workstage, job (PhaserOrderRowID, PhaserWorkstageID).
//
// # Two layers
//
// Orders, rows and jobs are the input layer. ExportOrders copies them into
// production scheduling, whose jobs (ScheduledJob) carry the planned times;
// a change to an exported order needs another export.
//
// # Compared with the other client
//
// The Minimax client has the same shape wherever the two services allow
// it: the same shared options, GetX by id, FindX...By a key other than the
// id, ListX as an iter.Seq2, and the same error types and sentinels. Where
// they differ, the services are why:
//
//   - Creates and updates return the record SkyPlanner answers with, ids
//     and defaults filled in; Minimax answers a create with only a Location,
//     so its CreateOrder returns the new ID, and an update with nothing.
//   - Updates take the id apart from the record, since SkyPlanner merges a
//     partial one (members left out stay as they were); Minimax replaces the
//     whole order, so its UpdateOrder takes the order as read, with its
//     RowVersion.
//   - Lookups are by the integrator's external id, through a list filter:
//     they can find several records (*AmbiguousError), and are not cached.
//     Minimax looks records up by their code, one at a time, cached.
//   - Reads of orders, rows and jobs take ReadOptions (IncludeArchived),
//     as only SkyPlanner archives; lists are one request capped by Limit,
//     as SkyPlanner documents no paging.
package skyplanner
