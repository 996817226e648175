// Package apierror defines the errors the Minimax and SkyPlanner clients
// share. Most code never imports it: each client re-exports these names
// (minimax.APIError, skyplanner.ErrNotFound, ...) as aliases of the ones
// here, so that one errors.Is or errors.As serves both clients. It is a
// package of its own so that `go doc` shows the fields and methods, which an
// alias does not.
//
// Three things can go wrong with a call, each with its own error:
//
//   - the service refuses it (non-2xx): an *Error, which matches
//     ErrNotFound, ErrUnauthorized, ErrRateLimited, ErrConflict or
//     ErrValidation by its status;
//   - the service accepts it (2xx) but answers something the client cannot
//     use: an *AnswerError, which matches ErrNoRecord when no record came;
//   - the answer is longer than the client reads (WithMaxResponseBytes): a
//     *ResponseTooLargeError, which matches ErrResponseTooLarge.
//
// A value the client refuses before sending anything is a *FieldError that
// names the field; it matches ErrValidation. Transport failures (refused
// connections, timeouts, a cancelled context) come back as the net/http
// error, wrapped with the operation's name.
package apierror
