package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/planbridge/planbridge/skyplanner"
)

// EventType names what happened. The vendor lists the types below; a body
// may spell one as the vendor's page does ("JOB_COMPLETED") or in words
// ("Job completed"), and ParseEventType reads both the same way.
type EventType string

// The event types of the vendor's webhook page.
const (
	JobStarted   EventType = "JOB_STARTED"
	JobPaused    EventType = "JOB_PAUSED"
	JobResumed   EventType = "JOB_RESUMED"
	JobCompleted EventType = "JOB_COMPLETED"

	OrderCreated  EventType = "PHASER_ORDER_CREATED"
	OrderUpdated  EventType = "PHASER_ORDER_UPDATED"
	OrderArchived EventType = "PHASER_ORDER_ARCHIVED"

	OrderRowCreated EventType = "PHASER_ORDER_ROW_CREATED"
	OrderRowUpdated EventType = "PHASER_ORDER_ROW_UPDATED"
	OrderRowDeleted EventType = "PHASER_ORDER_ROW_DELETED"

	PhaserJobCreated EventType = "PHASER_JOB_CREATED"
	PhaserJobUpdated EventType = "PHASER_JOB_UPDATED"
	PhaserJobDeleted EventType = "PHASER_JOB_DELETED"
)

// EventTypes lists the types the vendor documents, in the page's order.
func EventTypes() []EventType {
	return []EventType{
		JobStarted, JobPaused, JobResumed, JobCompleted,
		OrderCreated, OrderArchived, OrderUpdated,
		OrderRowCreated, OrderRowDeleted, OrderRowUpdated,
		PhaserJobCreated, PhaserJobDeleted, PhaserJobUpdated,
	}
}

// ParseEventType reads an event name as a body carries it. The vendor's
// page calls the name "human readable" but lists upper-case constants, so
// both spellings are read: case is ignored and each run of spaces, hyphens
// or dots counts as "_". A name the vendor does not list is returned as
// read, with Known false, so that a handler registered with OnAny still
// sees events added after this package was written.
func ParseEventType(s string) EventType {
	var b strings.Builder
	sep := false
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case ' ', '-', '.', '_', '\t':
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteString(strings.ToUpper(string(r)))
	}
	return EventType(b.String())
}

// Known reports whether t is one of EventTypes.
func (t EventType) Known() bool {
	switch t {
	case JobStarted, JobPaused, JobResumed, JobCompleted,
		OrderCreated, OrderUpdated, OrderArchived,
		OrderRowCreated, OrderRowUpdated, OrderRowDeleted,
		PhaserJobCreated, PhaserJobUpdated, PhaserJobDeleted:
		return true
	}
	return false
}

// Subject is the kind of record an event type is about.
type Subject int

// The subjects of events.
const (
	SubjectUnknown      Subject = iota
	SubjectScheduledJob         // JOB_*: a job of production scheduling
	SubjectOrder                // PHASER_ORDER_*
	SubjectOrderRow             // PHASER_ORDER_ROW_*
	SubjectJob                  // PHASER_JOB_*: a job of the input layer
)

// Subject tells which record an event's data holds.
func (t EventType) Subject() Subject {
	s := string(t)
	switch {
	case strings.HasPrefix(s, "PHASER_ORDER_ROW_"):
		return SubjectOrderRow
	case strings.HasPrefix(s, "PHASER_ORDER_"):
		return SubjectOrder
	case strings.HasPrefix(s, "PHASER_JOB_"):
		return SubjectJob
	case strings.HasPrefix(s, "JOB_"):
		return SubjectScheduledJob
	}
	return SubjectUnknown
}

// Event is one webhook delivery's body, {"event", "data", "timestamp"}.
// Data is kept as it came: the vendor's page does not show its fields, so
// the typed readers (Order, OrderRow, Job, ScheduledJob) read it the way
// the API answers those records, and anything else stays reachable here.
type Event struct {
	// Type is the event, read with ParseEventType.
	Type EventType
	// Name is the event name exactly as the body gave it.
	Name string
	// Data is the body's "data", raw.
	Data json.RawMessage
	// Time is the body's "timestamp" (Unix seconds), in UTC.
	Time time.Time
}

// ErrMalformed is matched by every error about an event body that is not
// what the vendor's page describes.
var ErrMalformed = errors.New("webhook: malformed event")

// FieldError is an event body, or a field of its data, that cannot be read.
// It matches ErrMalformed.
type FieldError struct {
	// Field is the JSON path of what is wrong: "event", "timestamp",
	// "data", "data.id".
	Field string
	// Err says what is wrong with it.
	Err error
}

// Error names the field and what is wrong with it.
func (e *FieldError) Error() string { return "webhook: " + e.Field + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }

// Is matches ErrMalformed.
func (e *FieldError) Is(target error) bool { return target == ErrMalformed }

// ParseEvent reads a delivery's body. It requires an "event" name and a
// "data" value; "timestamp" may be a number or a string of digits. An
// unknown event name is not an error (see ParseEventType).
func ParseEvent(body []byte) (Event, error) {
	var raw struct {
		Event     *string         `json:"event"`
		Data      json.RawMessage `json:"data"`
		Timestamp json.RawMessage `json:"timestamp"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil {
		return Event{}, &FieldError{Field: "body", Err: fmt.Errorf("not a JSON object: %w", err)}
	}
	if dec.More() {
		return Event{}, &FieldError{Field: "body", Err: errors.New("holds more than one JSON value")}
	}
	if raw.Event == nil || strings.TrimSpace(*raw.Event) == "" {
		return Event{}, &FieldError{Field: "event", Err: errors.New("is missing or empty")}
	}
	if len(raw.Data) == 0 {
		return Event{}, &FieldError{Field: "data", Err: errors.New("is missing")}
	}
	ev := Event{Type: ParseEventType(*raw.Event), Name: *raw.Event, Data: raw.Data}
	if len(raw.Timestamp) > 0 && string(raw.Timestamp) != "null" {
		sec, err := unixSeconds(raw.Timestamp)
		if err != nil {
			return Event{}, &FieldError{Field: "timestamp", Err: err}
		}
		ev.Time = time.Unix(sec, 0).UTC()
	}
	return ev, nil
}

// unixSeconds reads a JSON number or a string of digits as whole seconds.
func unixSeconds(v json.RawMessage) (int64, error) {
	s := strings.Trim(string(v), `"`)
	sec, err := json.Number(s).Int64()
	if err != nil {
		return 0, fmt.Errorf("%s is not Unix seconds", v)
	}
	return sec, nil
}

// Order reads the data of a PHASER_ORDER_* event.
func (e Event) Order() (skyplanner.Order, error) {
	return read[skyplanner.Order](e, SubjectOrder)
}

// OrderRow reads the data of a PHASER_ORDER_ROW_* event.
func (e Event) OrderRow() (skyplanner.OrderRow, error) {
	return read[skyplanner.OrderRow](e, SubjectOrderRow)
}

// Job reads the data of a PHASER_JOB_* event: a job of the input layer.
func (e Event) Job() (skyplanner.Job, error) {
	return read[skyplanner.Job](e, SubjectJob)
}

// ScheduledJob reads the data of a JOB_* event: a job of production
// scheduling, whose id is the phaser job's ProductionPlanningJobID.
// Fields the schema does not model (a phaser job id, a status) stay in its
// AdditionalProperties.
func (e Event) ScheduledJob() (skyplanner.ScheduledJob, error) {
	return read[skyplanner.ScheduledJob](e, SubjectScheduledJob)
}

// read decodes e.Data as the record of subject want. Data may be the
// record itself or, as the API's answers are, an object with the record
// under one key.
func read[T any](e Event, want Subject) (T, error) {
	var zero T
	if got := e.Type.Subject(); got != want {
		return zero, &FieldError{Field: "event", Err: fmt.Errorf("%s does not carry this record", e.Type)}
	}
	data := bytes.TrimSpace(e.Data)
	if len(data) == 0 || bytes.Equal(data, []byte("null")) || data[0] != '{' {
		return zero, &FieldError{Field: "data", Err: fmt.Errorf("is %s, not an object", describe(data))}
	}
	if inner, ok := envelope(data, want); ok {
		data = inner
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return zero, &FieldError{Field: "data", Err: err}
	}
	return v, nil
}

// envelopeKeys are the keys the API's answers put each record under.
var envelopeKeys = map[Subject]string{
	SubjectOrder:        "phaser-order",
	SubjectOrderRow:     "phaser-order-row",
	SubjectJob:          "phaser-job",
	SubjectScheduledJob: "job",
}

// envelope returns the record under its answer key when data is an object
// holding only that key.
func envelope(data []byte, s Subject) (json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil || len(m) != 1 {
		return nil, false
	}
	inner, ok := m[envelopeKeys[s]]
	if !ok || len(bytes.TrimSpace(inner)) == 0 || bytes.TrimSpace(inner)[0] != '{' {
		return nil, false
	}
	return inner, true
}

func describe(data []byte) string {
	switch {
	case len(data) == 0:
		return "empty"
	case bytes.Equal(data, []byte("null")):
		return "null"
	case len(data) > 32:
		return fmt.Sprintf("%.32s…", data)
	}
	return string(data)
}
