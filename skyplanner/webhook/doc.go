// Package webhook receives SkyPlanner's outbound webhooks: it verifies a
// delivery, reads it into a typed Event with the raw data kept, and hands
// it to the funcs registered for its event type, answering SkyPlanner at
// once so that slow work never runs into the vendor's 30-second limit.
package webhook
