// Package skyplanner is the SDK's side of SkyPlanner, the cloud production
// planner: the records an order integration works with, under their plain
// names (skyplanner.Order, skyplanner.OrderRow, skyplanner.Job, ...).
//
// The records are generated, with the whole typed client, in package
// skyplanner/api from a document this project owns (SkyPlanner publishes
// none); the names here are aliases of those types, so values move between
// the two packages freely.
//
// Records keep the fields the document does not model (AdditionalProperties
// holds them as raw JSON), so a record read and written back loses nothing.
// Dates decode from both the offset form and the naive "2006-01-02 15:04:05"
// form the service is known to use (DateTime), and workstation lists from
// their comma-separated wire form (Workstations).
package skyplanner
