package webhook_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

func TestParseEventType(t *testing.T) {
	t.Parallel()
	tests := map[string]webhook.EventType{
		"JOB_COMPLETED":              webhook.JobCompleted,
		"Job completed":              webhook.JobCompleted,
		"job-completed":              webhook.JobCompleted,
		"  job.completed ":           webhook.JobCompleted,
		"JobCompleted":               webhook.JobCompleted,
		"phaserOrderRowCreated":      webhook.OrderRowCreated,
		"Phaser order row   deleted": webhook.OrderRowDeleted,
		"PHASER_JOB_UPDATED":         webhook.PhaserJobUpdated,
		"Something new":              "SOMETHING_NEW",
	}
	for in, want := range tests {
		if got := webhook.ParseEventType(in); got != want {
			t.Errorf("ParseEventType(%q) = %q, want %q", in, got, want)
		}
	}
	for _, et := range webhook.EventTypes() {
		if !et.Known() || webhook.ParseEventType(string(et)) != et {
			t.Errorf("%s: Known() = %v, reads back as %q", et, et.Known(), webhook.ParseEventType(string(et)))
		}
		if et.Subject() == webhook.SubjectUnknown {
			t.Errorf("%s has no Subject", et)
		}
	}
}

func TestParseEvent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want webhook.Event
	}{
		{
			name: "vendor form",
			body: `{"event":"JOB_COMPLETED","data":{"id":7},"timestamp":1700000000}`,
			want: webhook.Event{Type: webhook.JobCompleted, Name: "JOB_COMPLETED", Data: json.RawMessage(`{"id":7}`), Time: t0},
		},
		{
			name: "human readable name, string timestamp",
			body: `{"event":"Job completed","data":{},"timestamp":"1700000000"}`,
			want: webhook.Event{Type: webhook.JobCompleted, Name: "Job completed", Data: json.RawMessage(`{}`), Time: t0},
		},
		{
			name: "fractional seconds",
			body: `{"event":"JOB_STARTED","data":{},"timestamp":1700000000.25}`,
			want: webhook.Event{Type: webhook.JobStarted, Name: "JOB_STARTED", Data: json.RawMessage(`{}`), Time: t0.Add(250 * time.Millisecond)},
		},
		{
			name: "null data, no timestamp",
			body: `{"event":"PHASER_ORDER_ROW_DELETED","data":null}`,
			want: webhook.Event{Type: webhook.OrderRowDeleted, Name: "PHASER_ORDER_ROW_DELETED", Data: json.RawMessage(`null`)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := webhook.ParseEvent([]byte(tt.body))
			if err != nil {
				t.Fatalf("ParseEvent: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseEvent (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseEventMalformed(t *testing.T) {
	t.Parallel()
	tests := map[string]string{ // body → field named
		``:                           "body",
		`{`:                          "body",
		`[1]`:                        "body",
		`{"event":"X","data":{}} {}`: "body",
		`{"data":{}}`:                "event",
		`{"event":" ","data":{}}`:    "event",
		`{"event":"JOB_STARTED"}`:    "data",
		`{"event":"JOB_STARTED","data":{},"timestamp":"soon"}`: "timestamp",
		`{"event":"JOB_STARTED","data":{},"timestamp":-5}`:     "timestamp",
		`{"event":"JOB_STARTED","data":{},"timestamp":1e9}`:    "timestamp",
	}
	for b, field := range tests {
		_, err := webhook.ParseEvent([]byte(b))
		var fe *webhook.FieldError
		if !errors.As(err, &fe) || fe.Field != field || !errors.Is(err, webhook.ErrMalformed) {
			t.Errorf("ParseEvent(%q) = %v, want a FieldError on %q matching ErrMalformed", b, err, field)
		}
	}
}

func TestReadersOnNullData(t *testing.T) {
	t.Parallel()
	ev, err := webhook.ParseEvent([]byte(`{"event":"PHASER_ORDER_CREATED","data":null}`))
	if err != nil {
		t.Fatalf("ParseEvent: %v", err)
	}
	_, err = ev.Order()
	var fe *webhook.FieldError
	if !errors.As(err, &fe) || fe.Field != "data" {
		t.Errorf("Order() on null data = %v, want a FieldError on data", err)
	}
}
