// Package minimax is the SDK's Minimax client: the calls an order
// integration makes, with authentication, retries, typed errors, paging and
// the service's limits handled.
//
// # Constructing
//
//	c, err := minimax.New(
//		minimax.WithCountry(minimax.Croatia),
//		minimax.WithCredentials(minimax.Credentials{ClientID: ..., ClientSecret: ..., Username: ..., Password: ...}),
//		minimax.WithOrganisation(3840),
//	)
//
// Username and Password are the user's "external application" credentials
// from the Minimax profile page, not the web login.
//
// # Authentication and the lockout
//
// The client uses the OAuth2 password grant, caches the token until shortly
// before it expires (a minute, or half the lifetime of a shorter-lived
// token), and fetches it once however many goroutines need it. The token
// request follows no redirect, as it carries the password. A token the API
// took before and then refuses (401) is replaced and the request sent once
// more; a 401 means it was not processed, so that duplicates nothing. A
// token refused as soon as it is issued means the user lacks the API right
// on the organisation: the client then asks for no token for a few minutes,
// and calls fail at once with an *AccessError (ErrAccessRefused).
// Minimax locks the customer's API application for good after repeated wrong
// passwords, so the first refusal from the token endpoint latches: the client
// makes no further token request and every call returns an *AuthError that
// says why. Fix the credentials and build a new client.
//
// # Errors
//
// A non-2xx answer is an *APIError; match kinds with errors.Is:
// ErrNotFound, ErrUnauthorized, ErrRateLimited, ErrConflict (a stale
// RowVersion: re-read and decide again, never replay), ErrValidation. An
// exhausted daily budget is ErrBudgetExhausted; an answer longer than
// WithMaxResponseBytes is ErrResponseTooLarge. The password, client secret
// and issued tokens are scrubbed from errors, response bodies and the lines
// given to WithLogger, even when a server or proxy echoes them.
//
// # Retries
//
// GET, PUT and DELETE are retried on connection errors, 429 and 5xx; POST
// only on 429 or when it never reached the server, because Minimax has no
// idempotency keys and a repeated create duplicates the record. Retry-After
// is honoured up to a cap, and waits end with the context.
//
// # Lists
//
// Lists are iter.Seq2 sequences that fetch pages as they are consumed.
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
