// Package transport builds the HTTP stack both clients share: a host-guarded
// authoriser, a User-Agent, and go-retryablehttp configured to retry only
// what is safe to repeat, over the caller's own transport.
//
// The order matters. Authentication is outermost, so every attempt carries
// the same credentials and a redirect to another host (which the caller's
// http.Client follows by calling the stack again) never gets them. Retries
// sit under it and over the caller's transport; the inner client does not
// follow redirects itself, because it would copy the credentials along.
package transport
