package planbridge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// finishingEvents are the events after which an order's production may be
// done: a job completed, or a row, job or order changed or archived (the
// last unfinished row may be the one removed).
var finishingEvents = []webhook.EventType{
	webhook.JobCompleted,
	webhook.OrderUpdated,
	webhook.OrderRowUpdated, webhook.OrderRowDeleted,
	webhook.PhaserJobUpdated, webhook.PhaserJobDeleted,
}

// FinishingEvents returns the event types HandleEvent acts on; Register
// subscribes to these.
func FinishingEvents() []webhook.EventType {
	return append([]webhook.EventType(nil), finishingEvents...)
}

// Register has h call HandleEvent for each of FinishingEvents.
func (t *Tracker) Register(h *webhook.Handler) {
	for _, et := range finishingEvents {
		h.On(et, t.HandleEvent)
	}
}

// HandleEvent is CheckEvent as a webhook.HandlerFunc: the outcome is
// logged, and only a failure is returned.
func (t *Tracker) HandleEvent(ctx context.Context, ev webhook.Event) error {
	_, err := t.CheckEvent(ctx, ev)
	return err
}

// CheckEvent finds the SkyPlanner order an event is about and checks it
// with CheckOrder. The event's data only says which order to read: the
// decision is made on what SkyPlanner answers now, so a late, repeated or
// replayed event does no harm. Events that cannot finish an order are
// CompletionIgnored without a request.
//
// The order is found from the data the way the API's records name it: an
// order's id; a row's phaser_order_id (or the row read by its id); a job's
// phaser_order_row_id (or the job read by its id); for JOB_* events, the
// scheduled job's phaser_order_id, phaser_order_row_id or phaser_job_id.
// The vendor does not document the data, so data naming none of these is a
// *webhook.FieldError; Poll finds such changes.
func (t *Tracker) CheckEvent(ctx context.Context, ev webhook.Event) (Completion, error) {
	c := Completion{Event: ev.Type}
	if !slices.Contains(finishingEvents, ev.Type) {
		c.Outcome, c.Reason = CompletionIgnored, fmt.Sprintf("%s cannot finish an order", ev.Type)
		return c, nil
	}
	orderID, err := t.orderOfEvent(ctx, ev)
	if err != nil {
		return c, err
	}
	c, err = t.CheckOrder(ctx, orderID)
	c.Event = ev.Type
	return c, err
}

// orderOfEvent reads the SkyPlanner order id an event's data leads to.
func (t *Tracker) orderOfEvent(ctx context.Context, ev webhook.Event) (int64, error) {
	switch ev.Type.Subject() {
	case webhook.SubjectOrder:
		o, err := ev.Order()
		if err != nil {
			return 0, err
		}
		return need(o.ID, "data.id")
	case webhook.SubjectOrderRow:
		r, err := ev.OrderRow()
		if err != nil {
			return 0, err
		}
		return t.orderOfRow(ctx, r.PhaserOrderID, r.ID, "data.phaser_order_id")
	case webhook.SubjectJob:
		j, err := ev.Job()
		if err != nil {
			return 0, err
		}
		return t.orderOfJob(ctx, j.PhaserOrderRowID, j.ID, "data.phaser_order_row_id")
	case webhook.SubjectScheduledJob:
		sj, err := ev.ScheduledJob()
		if err != nil {
			return 0, err
		}
		// The first of these the data holds decides.
		props := sj.AdditionalProperties
		if order, err := intProp(props, "phaser_order_id"); err != nil || order > 0 {
			return order, err
		}
		row, err := intProp(props, "phaser_order_row_id")
		if err != nil {
			return 0, err
		}
		if row > 0 {
			return t.orderOfRow(ctx, nil, &row, "data.phaser_order_row_id")
		}
		job, err := intProp(props, "phaser_job_id")
		if err != nil {
			return 0, err
		}
		if job > 0 {
			return t.orderOfJob(ctx, nil, &job, "data.phaser_job_id")
		}
		return 0, &webhook.FieldError{Field: "data.phaser_job_id", Err: errors.New("is missing, as are phaser_order_id and phaser_order_row_id: the scheduled job cannot be traced to an order")}
	}
	return 0, &webhook.FieldError{Field: "event", Err: fmt.Errorf("%s is about no record the Tracker knows", ev.Type)}
}

// orderOfRow returns orderID when the data gave it, else reads the row.
func (t *Tracker) orderOfRow(ctx context.Context, orderID, rowID *int64, field string) (int64, error) {
	if deref.Of(orderID) > 0 {
		return *orderID, nil
	}
	id, err := need(rowID, field)
	if err != nil {
		return 0, err
	}
	row, err := t.sp.GetOrderRow(ctx, id, skyplanner.IncludeArchived())
	if err != nil {
		return 0, err
	}
	return need(row.PhaserOrderID, "phaser_order_id of row "+fmt.Sprint(id))
}

// orderOfJob returns the order of the row the data gave, else reads the
// job for its row.
func (t *Tracker) orderOfJob(ctx context.Context, rowID, jobID *int64, field string) (int64, error) {
	if deref.Of(rowID) > 0 {
		return t.orderOfRow(ctx, nil, rowID, field)
	}
	id, err := need(jobID, field)
	if err != nil {
		return 0, err
	}
	job, err := t.sp.GetJob(ctx, id, skyplanner.IncludeArchived())
	if err != nil {
		return 0, err
	}
	return t.orderOfRow(ctx, nil, job.PhaserOrderRowID, "phaser_order_row_id of job "+fmt.Sprint(id))
}

func need(id *int64, field string) (int64, error) {
	if deref.Of(id) <= 0 {
		return 0, &webhook.FieldError{Field: field, Err: errors.New("is missing or not a positive id")}
	}
	return *id, nil
}

// intProp reads an id the schema does not model, written as a number or a
// string of digits; 0 when the data does not hold it.
func intProp(props map[string]json.RawMessage, key string) (int64, error) {
	raw, ok := props[key]
	if !ok || string(raw) == "null" {
		return 0, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, &webhook.FieldError{Field: "data." + key, Err: fmt.Errorf("%s is not an id", raw)}
		}
		n = json.Number(s)
	}
	id, err := n.Int64()
	if err != nil || id <= 0 {
		return 0, &webhook.FieldError{Field: "data." + key, Err: fmt.Errorf("%s is not a positive id", raw)}
	}
	return id, nil
}
