package planbridge_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

func event(t testing.TB, typ webhook.EventType, data string) webhook.Event {
	t.Helper()
	body := fmt.Sprintf(`{"event":%q,"data":%s,"timestamp":%d}`, typ, data, time.Now().Unix())
	ev, err := webhook.ParseEvent([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// Each kind of event leads to its order, by the ids its data holds or by
// reading the record it names; the decision is made on what SkyPlanner
// answers, so the same event again changes nothing.
func TestCheckEventFindsTheOrder(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	o := w.order(t, 7870)
	row := w.rows(*o.ID)[0]
	job := jobsOf(w.env, *row.ID)[0]
	w.finishJobs(t, *o.ID, 0)

	cases := []struct {
		name string
		ev   webhook.Event
	}{
		{"scheduled job with its phaser job", event(t, webhook.JobCompleted, fmt.Sprintf(`{"id":%d,"phaser_job_id":%d}`, *job.ProductionPlanningJobID, *job.ID))},
		{"scheduled job with its row as a string", event(t, webhook.JobCompleted, fmt.Sprintf(`{"id":1,"phaser_order_row_id":"%d"}`, *row.ID))},
		{"row with its order", event(t, webhook.OrderRowUpdated, fmt.Sprintf(`{"id":%d,"phaser_order_id":%d}`, *row.ID, *o.ID))},
		{"row by id", event(t, webhook.OrderRowDeleted, fmt.Sprintf(`{"id":%d}`, *row.ID))},
		{"phaser job by id", event(t, webhook.PhaserJobUpdated, fmt.Sprintf(`{"phaser-job":{"id":%d}}`, *job.ID))},
		{"order", event(t, webhook.OrderUpdated, fmt.Sprintf(`{"id":%d}`, *o.ID))},
	}
	for i, tc := range cases {
		c, err := w.tracker.CheckEvent(t.Context(), tc.ev)
		want := planbridge.CompletionAlreadyCompleted
		if i == 0 {
			want = planbridge.CompletionCompleted
		}
		if err != nil || c.Outcome != want || c.OrderID != *o.ID || c.Event != tc.ev.Type {
			t.Errorf("%s: %+v, %v; want %s of order %d", tc.name, c, err, want, *o.ID)
		}
	}
	if n := w.mm.Count(completeOp); n != 1 {
		t.Errorf("%d actions for %d events, want 1", n, len(cases))
	}
}

func TestCheckEventIgnoresAndRejects(t *testing.T) {
	t.Parallel()
	w := newWayBack(t, planbridge.WithCompletion())
	for _, typ := range []webhook.EventType{webhook.JobStarted, webhook.JobPaused, webhook.OrderRowCreated, webhook.OrderArchived, "SOMETHING_NEW"} {
		c, err := w.tracker.CheckEvent(t.Context(), event(t, typ, `{"id":1}`))
		if err != nil || c.Outcome != planbridge.CompletionIgnored {
			t.Errorf("%s: %+v, %v; want ignored", typ, c, err)
		}
	}
	if n := len(w.sp.Requests()) + len(w.mm.Requests()); n != 0 {
		t.Errorf("ignored events cost %d requests", n)
	}
	for _, tc := range []struct {
		typ         webhook.EventType
		data, field string
	}{
		{webhook.JobCompleted, `{"id":5}`, "data.phaser_job_id"},
		{webhook.JobCompleted, `{"phaser_job_id":"x"}`, "data.phaser_job_id"},
		{webhook.JobCompleted, `{"phaser_order_id":-3}`, "data.phaser_order_id"},
		{webhook.JobCompleted, `null`, "data"},
		{webhook.OrderRowUpdated, `{}`, "data.phaser_order_id"},
		{webhook.OrderUpdated, `[1]`, "data"},
		{webhook.PhaserJobUpdated, `{"name":"x"}`, "data.phaser_order_row_id"},
	} {
		_, err := w.tracker.CheckEvent(t.Context(), event(t, tc.typ, tc.data))
		var fe *webhook.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field || !errors.Is(err, webhook.ErrMalformed) {
			t.Errorf("%s %s: %v; want a *webhook.FieldError naming %s", tc.typ, tc.data, err, tc.field)
		}
	}
	fe := planbridge.FinishingEvents()
	if !slices.Contains(fe, webhook.JobCompleted) || slices.Contains(fe, webhook.JobStarted) {
		t.Errorf("FinishingEvents %v: want JOB_COMPLETED in, JOB_STARTED out", fe)
	}
	fe[0] = "CHANGED"
	if planbridge.FinishingEvents()[0] == "CHANGED" {
		t.Error("FinishingEvents hands out its own slice")
	}
}
