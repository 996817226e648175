package webhook_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// readID reads ev's record with the reader its subject names and returns
// the record's id.
func readID(ev webhook.Event) (*int64, error) {
	switch ev.Type.Subject() {
	case webhook.SubjectOrder:
		r, err := ev.Order()
		return r.ID, err
	case webhook.SubjectOrderRow:
		r, err := ev.OrderRow()
		return r.ID, err
	case webhook.SubjectJob:
		r, err := ev.Job()
		return r.ID, err
	case webhook.SubjectScheduledJob:
		r, err := ev.ScheduledJob()
		return r.ID, err
	}
	return nil, errors.New("no reader")
}

func TestReaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		event webhook.EventType
		data  string
	}{
		{webhook.OrderCreated, `{"id":7,"number":"A-1"}`},
		{webhook.OrderUpdated, `{"phaser-order":{"id":7}}`},
		{webhook.OrderRowDeleted, `{"id":7}`},
		{webhook.OrderRowCreated, `{"phaser-order-row":{"id":7}}`},
		{webhook.PhaserJobUpdated, `{"phaser-job":{"id":7,"name":"Cut"}}`},
		{webhook.JobCompleted, `{"job":{"id":7}}`},
		{webhook.JobStarted, `{"id":7}`},
	}
	for _, tt := range tests {
		ev := webhook.Event{Type: tt.event, Data: json.RawMessage(tt.data)}
		id, err := readID(ev)
		if err != nil || id == nil || *id != 7 {
			t.Errorf("%s %s: id %v, error %v; want 7", tt.event, tt.data, id, err)
		}
	}
}

func TestReadersRefuse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		ev    webhook.Event
		field string
	}{
		{"other subject", webhook.Event{Type: webhook.JobCompleted, Data: json.RawMessage(`{"id":7}`)}, "event"},
		{"array", webhook.Event{Type: webhook.OrderCreated, Data: json.RawMessage(`[1,2]`)}, "data"},
		{"long string", webhook.Event{Type: webhook.OrderCreated, Data: json.RawMessage(`"` + string(make([]byte, 40)) + `"`)}, "data"},
		{"empty", webhook.Event{Type: webhook.OrderCreated}, "data"},
		{"wrong field type", webhook.Event{Type: webhook.OrderCreated, Data: json.RawMessage(`{"id":"seven"}`)}, "data"},
	}
	for _, tt := range tests {
		_, err := tt.ev.Order()
		var fe *webhook.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || fe.Unwrap() == nil {
			t.Errorf("%s: Order() = %v, want a FieldError on %s", tt.name, err, tt.field)
		}
	}
}
