package planbridge

// EventType says what an Event reports.
type EventType string

// The events, in the order a run sends them for one order: started, then a
// record event per record checked or written, then one of done, skipped or
// failed.
const (
	EventOrderStarted    EventType = "order started"
	EventOrderDone       EventType = "order done"
	EventOrderSkipped    EventType = "order skipped"
	EventOrderFailed     EventType = "order failed"
	EventRecordCreated   EventType = "record created"
	EventRecordUpdated   EventType = "record updated"
	EventRecordArchived  EventType = "record archived"
	EventRecordUnchanged EventType = "record unchanged"
	EventOrderExported   EventType = "order exported"
)

// Event is a step of a run, given to the WithEvents callback. The callback
// is never called concurrently, so it needs no lock of its own; it should
// return quickly, as workers wait for it.
type Event struct {
	Type  EventType
	Order OrderRef
	// Outcome is set on EventOrderDone, Skipped and Failed.
	Outcome Outcome
	// Reason says why an order was skipped or archived.
	Reason string
	// Kind, ExternalID, ID and Fields describe the record of a record event
	// (Fields: the members written).
	Kind       Kind
	ExternalID string
	ID         int64
	Fields     []string
	// Err is set on EventOrderFailed.
	Err error
	// DryRun marks record events of writes that were not sent.
	DryRun bool
}
