// Package minimax is the SDK's client for Minimax, the online accounting and
// ERP service of SAOP/Seyfor, for the calls an order integration makes:
// listing and reading sales orders, their status actions, the code lists an
// order refers to, and the incremental "sync candidates". It handles the
// password grant, retries, typed errors, paging and the service's daily
// request limit, so a caller sees records and errors, never HTTP.
//
// # Where it fits
//
// Minimax is where sales orders are received. In this module:
//
//	minimax (read orders) → mapping (plan the SkyPlanner records) → planbridge.Syncer → skyplanner (write them)
//
// The Syncer only reads Minimax; the writes here (CreateOrder, UpdateOrder,
// the actions) are for integrations of your own.
//
// # Construction
//
// New needs a deployment and the credentials; it sends nothing until the
// first call:
//
//	c, err := minimax.New(
//		minimax.WithCountry(minimax.Croatia), // Slovenia, Croatia or Serbia
//		minimax.WithCredentials(minimax.Credentials{
//			ClientID: id, ClientSecret: secret, // from Minimax support
//			Username: user, Password: password, // the profile page's "external application" pair
//		}),
//		minimax.WithOrganisation(3840), // else the user's only organisation, asked once
//		minimax.WithDailyBudget(800),   // optional; see Budgets
//	)
//
// Each deployment (moj.minimax.si, .hr, .rs) has its own API and token
// endpoint (Deployment.APIURL, Deployment.TokenURL); WithBaseURL and
// WithTokenURL override them for proxies and tests. ClientID and
// ClientSecret are issued per integrator by Minimax support. Username and
// Password are not the web login: the user creates them on the Minimax
// profile page, under the passwords for external applications ("Gesla za
// dostop zunanjih aplikacij", "Lozinke za pristup vanjskim aplikacijama",
// "Lozinke za pristup spoljnim aplikacijama"), and needs the API right on
// the organisation. Organisations lists what the user reaches. Bad options
// make New fail with an error naming the option or the missing field; a
// Client is safe for concurrent use.
//
// # Authentication and the lockout
//
// The client uses the OAuth2 password grant with the scope minimax.si, which
// the vendor's samples send on every deployment (WithScope changes it). It
// caches the token until shortly before it expires (a minute, or half the
// lifetime of a shorter-lived token) and fetches it once however many
// goroutines need it. The token request follows no redirect, as it carries
// the password. A token the API took before and then refuses (401) is
// replaced and the request sent once more; a 401 means it was not
// processed, so that duplicates nothing. A token refused as soon as it is
// issued means the user lacks the API right on the organisation: the client
// then asks for no token for five minutes, and calls fail at once with an
// *AccessError (ErrAccessRefused).
//
// Minimax locks the customer's API application for good after repeated wrong
// passwords, so the first refusal from the token endpoint latches: the
// client makes no further token request and every call returns the same
// *AuthError (ErrCredentialsRefused), which says why. Fix the credentials
// and build a new client.
//
// # Errors
//
// A non-2xx answer is an *APIError, carrying the operation, status, the
// service's message and its validation messages; match kinds with
// errors.Is:
//
//   - ErrNotFound (404), ErrUnauthorized (401, 403, and the two auth errors
//     above), ErrRateLimited (429), ErrValidation (400, 422);
//   - ErrConflict: a stale RowVersion, which Minimax reports as a 409 or as
//     a 400 naming a concurrency error. Read the record again and decide
//     again; never resend the stale one (see the UpdateOrder example);
//   - ErrBudgetExhausted (*BudgetError), ErrResponseTooLarge
//     (*ResponseTooLargeError, past WithMaxResponseBytes, 32 MiB by default)
//     and ErrCreateUnconfirmed (*CreateUnconfirmedError: a create accepted without
//     saying which record it made, so do not simply create it again).
//
// Bad input caught before sending is a *FieldError naming the field (an
// unknown OrderFilter.Status, a PageSize outside 1..1000); it matches
// ErrValidation. The password, the client secret and every token issued are
// scrubbed from errors, response bodies and the lines given to WithLogger,
// even when a server or proxy echoes them.
//
// How Minimax words its errors is not documented: the statuses above are
// those peers observed, and an error's Message is the first text the body
// offers.
//
// # Retries
//
// DefaultRetryPolicy retries three times, waiting from half a second and
// never more than a minute in all, on connection errors, 429 and 5xx, and
// honours Retry-After up to 30 seconds; waits end with the context.
// WithRetryPolicy changes it, and RetryPolicy{} turns retries off. GET, PUT
// and DELETE are retried; POST only on 429 or when it never reached the
// server, because Minimax has no idempotency keys and a repeated create
// duplicates the record.
//
// # Budgets
//
// Minimax is said to allow about 1,000 requests per organisation in a
// rolling 24 hours (and 20,000 a month), shared by every integration and
// the web UI. No official page states these figures; they come from other
// clients' documentation, and what the service does past them (presumably a
// 429) has not been seen. WithDailyBudget(n) caps this client at n requests
// in any 24 hours, every try counted and token requests not: past it a call
// fails at once with a *BudgetError saying when the next request may go,
// and nothing is sent. BudgetUsed reports the count, BudgetSnapshot the send
// times, which WithBudgetHistory and MergeBudget give to a client in a later
// process, so that a restart does not start a fresh day. RequestsSent
// counts every request the client has sent.
//
// # Lists and paging
//
// ListOrders and OrderSyncCandidates return iter.Seq2 sequences that fetch
// a page only when the loop reaches it; breaking out fetches no more, and
// ranging again starts from the first page. Pages hold 100 rows unless
// OrderFilter.PageSize says otherwise (1..1000; Minimax documents no
// maximum, and 300 is the largest seen honoured). The list follows
// TotalRows, so a server that caps the page size still yields everything,
// and ends with an error rather than repeat a row or ask forever.
//
// A list entry (OrderSearch) has no rows and no RowVersion: GetOrder reads
// one order whole. OrderSyncCandidates yields the orders modified since a
// time, with their RowVersion, on the organisation's wall clock
// (WithLocation, Central European time by default).
//
// # Orders
//
// Status and Direction are typed letters (StatusConfirmed "P",
// StatusDraft "O", StatusCompleted "Z", StatusInvalidated "R"; Received
// "P", Issued "I"), so a filter cannot confuse the two "P"s; StatusOf and
// DirectionOf read them from the generated records. CreateOrder and
// UpdateOrder send only what the service lets a client write. The actions
// (ConfirmOrder, CompleteOrder, InvalidateOrder, their Cancel… forms,
// CreateIssuedInvoiceFromOrder, OrderPDF, RunOrderAction) read the order
// first for its RowVersion, so each costs two requests.
// FindCustomerByCode, FindItemByCode, FindCountryByCode, FindCurrencyByCode
// and FindReportTemplate look records up by code, since IDs differ between
// organisations, and cache the answer until ForgetLookups.
//
// Minimax has no include_archived and no default steps: those are
// SkyPlanner's (see package skyplanner). An invalidated order stays readable
// here with its status; the sync archives its SkyPlanner copy.
//
// # The generated client
//
// The records are the generated types of package minimax/api under plain
// names (Order, OrderRow, Customer, ...), so values pass between the two
// packages freely. The generated calls share this client's authentication,
// retries and budget, but nothing checks their answers: look at the status
// yourself, as the Client.API example does.
//
// The generated client for all 178 operations stays reachable through
// Client.API.
//
// # Compared with the other client
//
// The SkyPlanner client has the same shape wherever the two services allow
// it: New with the same shared options (WithBaseURL, WithHTTPClient,
// WithUserAgent, WithLogger, WithRetryPolicy, WithMaxResponseBytes,
// WithRequestEditor), GetX by ID, FindX...By a key other than the ID, ListX
// as an iter.Seq2, and the same error types and sentinels, so one
// errors.Is or errors.As serves both. Where they differ, Minimax is why:
//
//   - CreateOrder returns the new ID, not the order: Minimax answers a
//     create with only a Location header, and reading the order back would
//     spend a request of the daily budget. Call GetOrder when you need it.
//   - UpdateOrder takes the order as GetOrder read it, OrderID and
//     RowVersion included, and returns only an error: Minimax replaces the
//     whole record, refuses a stale RowVersion and documents no answer.
//     SkyPlanner's updates take the id apart and merge a partial record.
//   - Lookups are by code (FindCustomerByCode, FindItemByCode, ...) and
//     cached until ForgetLookups, as codes and code lists rarely change;
//     SkyPlanner's by external ID are not, as a sync creates those records.
//   - ListOrders yields OrderSearch rows, the shorter shape Minimax's lists
//     answer with, fetched page by page (OrderFilter.PageSize); SkyPlanner
//     answers whole records in one request, capped by a Limit.
//   - DeleteOrder deletes; SkyPlanner archives its orders instead.
package minimax
