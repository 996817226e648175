// Package skyplanner is the SDK's side of SkyPlanner, the cloud production
// planner: a client for the calls an order integration makes, and the
// records it works with under their plain names (skyplanner.Order,
// skyplanner.OrderRow, skyplanner.Job, ...).
//
// The records are generated, with the whole typed client, in package
// skyplanner/api from a document this project owns (SkyPlanner publishes
// none); the names here are aliases of those types, so values move between
// the two packages freely, and Client.API reaches the generated client for
// anything this package does not wrap.
//
// Records keep the fields the document does not model (AdditionalProperties
// holds them as raw JSON), so a record read and written back loses nothing.
// Dates decode from both the offset form and the naive "2006-01-02 15:04:05"
// form the service is known to use (DateTime), and workstation lists from
// their comma-separated wire form (Workstations).
//
// # Construction and authentication
//
// New takes the tenant (WithSite, or WithBaseURL) and the API token
// SkyPlanner support issues (WithToken):
//
//	c, err := skyplanner.New(skyplanner.WithSite("acme"), skyplanner.WithToken(token))
//
// The token travels in the Authorization-Token header, added by the client's
// transport to requests for the tenant's host only: a redirect elsewhere
// does not carry it, and it is kept out of errors and logs. The client
// retries what is safe to repeat (DefaultRetryPolicy) and logs nothing
// unless given WithLogger.
//
// # Errors
//
// A non-2xx answer is an *APIError; test its kind with errors.Is and the
// sentinels (ErrNotFound, ErrUnauthorized, ErrRateLimited, ErrConflict,
// ErrValidation). Values SkyPlanner is known to reject, such as "/" in an
// order number, are refused before sending with a *FieldError, which also
// matches ErrValidation. A Find...ByExternalID that finds nothing matches
// ErrNotFound, and one that finds several is an *AmbiguousError.
//
// # Lists
//
// List methods return an iter.Seq2 that makes its request only when ranged
// over and yields an error at most once, as its last value:
//
//	for order, err := range c.ListOrders(ctx, skyplanner.OrderFilter{}) {
//		if err != nil {
//			return err
//		}
//		...
//	}
//
// SkyPlanner documents no paging, only a limit, so a list is one request.
//
// # Deleting
//
// Orders, order rows and jobs are archived, not deleted (ArchiveOrder, ...):
// they leave every read but come back with IncludeArchived. Customers and a
// product's default steps are deleted permanently.
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
