package skyplannertest_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// The jobs base makes for row 10001, from the chair's four default steps.
const (
	job1, job2, job3, job4 = int64(20001), int64(20002), int64(20003), int64(20004)
	row1, order1           = int64(10001), int64(5001)
)

// exported is base with a settable clock and order 5001 exported.
func exported(t *testing.T, opts ...skyplannertest.Option) (*skyplannertest.Server, *clock) {
	t.Helper()
	clk := newClock("2026-11-24T08:00:00+01:00")
	srv := base(t, append([]skyplannertest.Option{skyplannertest.WithClock(clk.Now)}, opts...)...)
	if a := send(t, srv, "POST", "/phaser-orders/export", `{"ids":[5001]}`); a.status != 200 {
		t.Fatalf("export = %d %s", a.status, a.body)
	}
	return srv, clk
}

func jobStatus(t *testing.T, srv *skyplannertest.Server, id int64) string {
	t.Helper()
	j, ok := srv.Job(id)
	if !ok {
		t.Fatalf("job %d not found", id)
	}
	return deref.Of(j.Status)
}

// scheduledStatus is the "status" the fake writes on a job's scheduled job.
func scheduledStatus(t *testing.T, srv *skyplannertest.Server, id int64) string {
	t.Helper()
	j, _ := srv.Job(id)
	sj, ok := srv.ScheduledJob(deref.Of(j.ProductionPlanningJobID))
	if !ok {
		t.Fatalf("job %d has no scheduled job", id)
	}
	var st string
	if err := json.Unmarshal(sj.AdditionalProperties["status"], &st); err != nil {
		t.Fatalf("scheduled job of %d: status %s: %v", id, sj.AdditionalProperties["status"], err)
	}
	return st
}

func TestShopFloorTransitions(t *testing.T) {
	t.Parallel()
	srv, _ := exported(t)
	steps := []struct {
		name    string
		do      func(int64) error
		wantErr bool   // a *TransitionError
		want    string // the status after
	}{
		{"pause a new job", srv.PauseJob, true, "new"},
		{"resume a new job", srv.ResumeJob, true, "new"},
		{"start", srv.StartJob, false, "started"},
		{"start again", srv.StartJob, true, "started"},
		{"resume a started job", srv.ResumeJob, true, "started"},
		{"pause", srv.PauseJob, false, "paused"},
		{"pause again", srv.PauseJob, true, "paused"},
		{"start a paused job", srv.StartJob, true, "paused"},
		{"resume", srv.ResumeJob, false, "started"},
		{"pause before completing", srv.PauseJob, false, "paused"},
		{"complete a paused job", srv.CompleteJob, false, "completed"},
		{"complete again", srv.CompleteJob, true, "completed"},
		{"start a completed job", srv.StartJob, true, "completed"},
		{"pause a completed job", srv.PauseJob, true, "completed"},
	}
	for _, st := range steps {
		err := st.do(job1)
		if st.wantErr != (err != nil) || (err != nil && !errors.Is(err, skyplannertest.ErrTransition)) {
			t.Fatalf("%s: error %v, want a transition error: %t", st.name, err, st.wantErr)
		}
		if got := jobStatus(t, srv, job1); got != st.want {
			t.Fatalf("%s: job status %q, want %q", st.name, got, st.want)
		}
		if got := scheduledStatus(t, srv, job1); got != st.want {
			t.Fatalf("%s: scheduled job status %q, want %q", st.name, got, st.want)
		}
	}

	// Completing a new job is starting and finishing it.
	if err := srv.CompleteJob(job2); err != nil {
		t.Fatalf("CompleteJob of a new job: %v", err)
	}
	if got := jobStatus(t, srv, job2); got != "completed" {
		t.Errorf("job completed from new: status %q", got)
	}
}

func TestTransitionErrorNamesJobAndStatuses(t *testing.T) {
	t.Parallel()
	srv, _ := exported(t)
	err := srv.PauseJob(job3)
	var te *skyplannertest.TransitionError
	if !errors.As(err, &te) {
		t.Fatalf("PauseJob of a new job: %v, want a *TransitionError", err)
	}
	want := &skyplannertest.TransitionError{JobID: job3, Action: "pause", Status: "new", From: []string{"started"}}
	if diff := cmp.Diff(want, te); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	for _, part := range []string{"20003", `"new"`, "started", "pause"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("message %q does not name %s", err, part)
		}
	}
}

func TestShopFloorNeedsLiveExportedJobs(t *testing.T) {
	t.Parallel()
	srv, _ := exported(t)
	// A job added after the export, and one archived after it.
	if a := send(t, srv, "POST", "/phaser-jobs", `{"phaser_order_row_id":10001,"phaser_workstage_id":101}`); a.status != 200 {
		t.Fatalf("POST /phaser-jobs = %d %s", a.status, a.body)
	}
	if a := send(t, srv, "DELETE", "/phaser-jobs/20004", ""); a.status != 204 {
		t.Fatalf("DELETE /phaser-jobs/20004 = %d %s", a.status, a.body)
	}
	unexported := base(t) // never exported
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"unknown job", func() error { return srv.StartJob(42) }, skyplannertest.ErrNotFound},
		{"archived job", func() error { return srv.CompleteJob(job4) }, skyplannertest.ErrNotFound},
		{"job added after the export", func() error { return srv.StartJob(20005) }, skyplannertest.ErrNotExported},
		{"order never exported", func() error { return unexported.StartJob(job1) }, skyplannertest.ErrNotExported},
		{"row with an unexported job", func() error { return srv.CompleteRow(row1) }, skyplannertest.ErrNotExported},
		{"order with an unexported job", func() error { return srv.CompleteOrder(order1) }, skyplannertest.ErrNotExported},
		{"unknown row", func() error { return srv.CompleteRow(7) }, skyplannertest.ErrNotFound},
		{"unknown order", func() error { return srv.CompleteOrder(7) }, skyplannertest.ErrNotFound},
	}
	for _, tt := range tests {
		err := tt.do()
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	// A refused CompleteRow changes nothing, not even the exported jobs.
	for _, id := range []int64{job1, job2, job3} {
		if got := jobStatus(t, srv, id); got != "new" {
			t.Errorf("job %d after refused completions: %q, want new", id, got)
		}
	}
}

// Each change stamps the job; the row's status follows its live jobs and
// is stamped only when it changes.
func TestShopFloorStampsAndRowStatus(t *testing.T) {
	t.Parallel()
	srv, clk := exported(t)
	if a := send(t, srv, "DELETE", "/phaser-jobs/20004", ""); a.status != 204 {
		t.Fatalf("DELETE /phaser-jobs/20004 = %d %s", a.status, a.body)
	}
	modified := func(d *api.DateTime) time.Time { return d.Time() }
	row := func() api.OrderRow { r, _ := srv.OrderRow(row1); return r }
	before := row()

	clk.Advance(time.Hour)
	started := clk.Now()
	if err := srv.StartJob(job1); err != nil {
		t.Fatal(err)
	}
	j, _ := srv.Job(job1)
	if !modified(j.Modified).Equal(started) {
		t.Errorf("job modified %v, want %v", j.Modified, started)
	}
	if r := row(); deref.Of(r.Status) != api.OrderRowStatusStarted || !modified(r.Modified).Equal(started) {
		t.Errorf("row after a start: %s modified %v, want started at %v (was %s)", deref.Of(r.Status), r.Modified, started, deref.Of(before.Status))
	}

	clk.Advance(time.Hour)
	if err := srv.CompleteJob(job1); err != nil {
		t.Fatal(err)
	}
	if err := srv.CompleteJob(job2); err != nil {
		t.Fatal(err)
	}
	// Still started: the row's status did not change, nor its stamp.
	if r := row(); deref.Of(r.Status) != api.OrderRowStatusStarted || !modified(r.Modified).Equal(started) {
		t.Errorf("row with a job left: %s modified %v, want started at %v", deref.Of(r.Status), r.Modified, started)
	}

	clk.Advance(time.Hour)
	done := clk.Now()
	if err := srv.CompleteJob(job3); err != nil {
		t.Fatal(err)
	}
	// The archived fourth job does not hold the row back.
	if r := row(); deref.Of(r.Status) != api.OrderRowStatusCompleted || !modified(r.Modified).Equal(done) {
		t.Errorf("row with every live job done: %s modified %v, want completed at %v", deref.Of(r.Status), r.Modified, done)
	}
	if j, _ := srv.Job(job4); deref.Of(j.Status) != "new" {
		t.Errorf("archived job: %q, want it left new", deref.Of(j.Status))
	}
}

func TestCompleteRowAndOrder(t *testing.T) {
	t.Parallel()
	srv, _ := exported(t)
	// A second row of the same order, exported with it; and a third
	// without jobs, which CompleteOrder passes over.
	for _, body := range []string{
		`{"phaser_order_id":5001,"production_planning_product_id":22220,"get_default_steps":true,"row_index":2}`,
		`{"phaser_order_id":5001,"row_index":3}`,
	} {
		if a := send(t, srv, "POST", "/phaser-order-rows", body); a.status != 200 {
			t.Fatalf("POST /phaser-order-rows = %d %s", a.status, a.body)
		}
	}
	if a := send(t, srv, "POST", "/phaser-orders/export", `{"ids":[5001]}`); a.status != 200 {
		t.Fatalf("export = %d %s", a.status, a.body)
	}
	if err := srv.StartJob(job1); err != nil {
		t.Fatal(err)
	}
	if err := srv.CompleteRow(row1); err != nil {
		t.Fatalf("CompleteRow: %v", err)
	}
	for _, id := range []int64{job1, job2, job3, job4} {
		if got := jobStatus(t, srv, id); got != "completed" {
			t.Errorf("job %d after CompleteRow: %q", id, got)
		}
	}
	if err := srv.CompleteRow(row1); err != nil {
		t.Errorf("CompleteRow of a completed row: %v, want no-op", err)
	}
	if err := srv.CompleteRow(10003); !errors.Is(err, skyplannertest.ErrNotFound) {
		t.Errorf("CompleteRow of a row without jobs: %v, want ErrNotFound", err)
	}

	if err := srv.CompleteOrder(order1); err != nil {
		t.Fatalf("CompleteOrder: %v", err)
	}
	got := map[int64]api.OrderRowStatus{}
	for _, r := range srv.OrderRows() {
		got[deref.Of(r.ID)] = deref.Of(r.Status)
	}
	want := map[int64]api.OrderRowStatus{10001: "completed", 10002: "completed", 10003: "new"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("row statuses after CompleteOrder (-want +got):\n%s", diff)
	}
}
