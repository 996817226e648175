package planbridge_test

import (
	"testing"

	"github.com/planbridge/planbridge"
)

// Every order gets started, then its record events, then one end; the
// callback is never called concurrently (the race detector would see the
// unguarded counter).
func TestEvents(t *testing.T) {
	t.Parallel()
	var events []planbridge.Event
	calls := 0
	e := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithWorkers(8), planbridge.WithEvents(func(ev planbridge.Event) {
		calls++
		events = append(events, ev)
	})}})
	rep := e.sync(t, planbridge.Watermark{})
	state := map[int64]string{}
	records := 0
	for _, ev := range events {
		id := ev.Order.ID
		switch ev.Type {
		case planbridge.EventOrderStarted:
			if state[id] != "" {
				t.Errorf("order %d started twice", id)
			}
			state[id] = "started"
		case planbridge.EventOrderDone, planbridge.EventOrderSkipped, planbridge.EventOrderFailed:
			if state[id] != "started" {
				t.Errorf("order %d ended while %q", id, state[id])
			}
			state[id] = "ended"
		default:
			if state[id] != "started" {
				t.Errorf("record event %s of order %d while %q", ev.Type, id, state[id])
			}
			if ev.Kind == "" || ev.ExternalID == "" {
				t.Errorf("record event without a record: %+v", ev)
			}
			records++
		}
	}
	if len(state) != len(rep.Orders) || calls != len(events) {
		t.Errorf("events for %d orders, report has %d", len(state), len(rep.Orders))
	}
	writes := 0
	for _, tot := range rep.Totals {
		writes += tot.Created + tot.Updated + tot.Archived + tot.Unchanged
	}
	if records != writes {
		t.Errorf("%d record events, totals count %d", records, writes)
	}
}
