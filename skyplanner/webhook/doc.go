// Package webhook receives SkyPlanner's outbound webhooks: it verifies a
// delivery, reads it into a typed Event with the raw data kept, and hands
// it to the funcs registered for its event type, answering SkyPlanner at
// once so that slow work never runs into the vendor's 30-second limit.
//
// # Flow
//
// NewHandler returns a Handler, an http.Handler to mount on the URL
// configured for the webhook in SkyPlanner. For each request it:
//
//  1. refuses anything but POST (405, with Allow: POST) and, once Close
//     has been called, everything (503);
//  2. reads at most the body limit (413 past it, without reading on);
//  3. with a secret: reads X-Webhook-Timestamp (401 when missing or not
//     Unix seconds) and verifies X-Webhook-Signature with the Scheme (401
//     when missing, unreadable or wrong). Nothing of the body is read
//     before this holds;
//  4. reads the body with ParseEvent (400 with the FieldError's text,
//     naming the field, when it is not JSON or lacks "event" or "data");
//  5. with a secret: checks the signed time against the clock (401
//     "stale" when further than the tolerance either way). That is the
//     header's time when the Scheme signs it; otherwise the body's
//     "timestamp", the only signed time there is, and a body without one
//     is refused (401). A byte-identical delivery already accepted within
//     the tolerance is answered 200 and not dispatched again;
//  6. queues the event and answers 202 Accepted, or 503 with Retry-After
//     when the queue is full.
//
// Answers are short plain text and never hold the secret or the expected
// signature. A Content-Type other than JSON is logged and the body read
// anyway: the vendor sends application/json, a proxy may not.
//
// Workers take events from the queue in order and call the funcs registered
// with On for the event's type, then those registered with OnAny (which
// also see types this package does not know). Each func gets a context
// that ends when Close's context does. An error it returns, or a panic,
// which is recovered as a *PanicError, is logged and given to WithErrorFunc;
// the event is not retried and the other funcs still run. Close stops
// accepting, lets the workers drain the queue and waits for them or its
// context. The queue lives in memory: an event accepted but not yet
// handled when the process dies is lost, as SkyPlanner was already
// answered 202. Stats counts deliveries received, accepted, replayed and
// refused (by Reason), and events dispatched, failed and dropped.
//
// # Options and their defaults
//
//   - WithSecret or WithUnsigned: one is required; there is no default, so
//     that a receiver never runs unverified by accident. Without a secret
//     no time is checked and no replay is recognised: nothing is signed.
//   - WithScheme: SchemeHexBody (unconfirmed, see below).
//   - WithTolerance: DefaultTolerance, 5 minutes either way.
//   - WithMaxBodyBytes: DefaultMaxBodyBytes, 1 MiB.
//   - WithQueue: DefaultQueue, 256 events.
//   - WithWorkers: DefaultWorkers, 1, so events reach the funcs in the
//     order they arrived; with more, they may not.
//   - WithReplayWindow: DefaultReplayWindow, 4096 signatures; 0 turns
//     replay detection off.
//   - WithLogger: nothing is logged.
//   - WithClock: time.Now.
//   - WithErrorFunc: none; failures are only logged and counted.
//
// A value out of range makes NewHandler fail with an error naming the
// option (it matches ErrOption).
//
// # What is confirmed and what is assumed
//
// Confirmed by the vendor's webhook page: the event names (EventTypes), the
// body's keys "event", "data" and "timestamp", the headers
// X-Webhook-Signature, X-Webhook-Timestamp and X-Webhook-Source
// ("Skyplanner", with User-Agent Skyplanner-Webhook/1.0 and Content-Type
// application/json), that the signature is an HMAC-SHA256 when a secret
// is configured, and that the receiver must answer 2xx within 30 seconds.
//
// Assumed, because the page does not say or is cut off:
//
//   - the signed string and its encoding. The Schemes are the usual
//     candidates; the default, SchemeHexBody, is a guess. Find the right one
//     as below before relying on a secret;
//   - the shape of "data". The readers (Event.Order, OrderRow, Job,
//     ScheduledJob) read it as the API answers those records, bare or
//     under the answer's key; Event.Data keeps it raw. A "data" of null is
//     accepted and dispatched; the readers then report a FieldError;
//   - whether SkyPlanner retries a delivery that is not answered 2xx, and
//     how often. Refusals use the status a retry could fix (503 with
//     Retry-After) only when retrying could help;
//   - that timestamps are Unix seconds (a decimal fraction is accepted;
//     milliseconds are not guessed at), and event names as the page lists
//     them; "Job completed" or "JobCompleted" are read as JOB_COMPLETED all
//     the same (ParseEventType).
//
// # Finding the scheme
//
// Configure the webhook in SkyPlanner with a secret you know, and log one
// real delivery: its raw body, byte for byte, and its X-Webhook-Timestamp
// and X-Webhook-Signature headers (a Handler made WithUnsigned and a func
// that logs, or any server that dumps requests, will do). Then
//
//	s, ok := webhook.DetectScheme(secret, timestamp, body, signature)
//
// returns the Scheme to pass to WithScheme; ok false means no candidate
// matches (a wrong secret, a body changed in transit, or a scheme this
// package does not know: Verify each by hand to see how they fail).
//
// # Duplicates
//
// Handle every event idempotently: a func may be called twice for one
// event. Replay detection only recognises a byte-identical signed delivery
// within the tolerance, and only the last WithReplayWindow of them; a
// retry the vendor re-signs, with a new timestamp, is a new delivery, and
// so is everything when the Handler runs unsigned or on more than one
// process.
package webhook
