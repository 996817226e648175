package skyplanner_test

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/planbridge/planbridge/skyplanner"
)

func TestExportOrders(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	if err := c.ExportOrders(t.Context()); !errors.Is(err, skyplanner.ErrValidation) {
		t.Errorf("ExportOrders(): err = %v; want ErrValidation", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Fatalf("%d requests for an empty export", n)
	}
	f.reply(http.MethodPost, "/phaser-orders/export", http.StatusOK, `{"status":"ok"}`)
	if err := c.ExportOrders(t.Context(), 7, 8); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, `{"ids":[7,8]}`, f.only().Body)
}

func TestScheduledJobTimesOverUnorderedParts(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/jobs/900", http.StatusOK, `{"job":{"id":900,"job_parts":[
		{"planned_start_time":"2026-03-03T06:00:00+00:00","planned_end_time":"2026-03-03T14:00:00+00:00"},
		{"planned_start_time":"2026-03-02T08:00:00+02:00","planned_end_time":"2026-03-02T16:00:00+02:00"},
		{"planned_start_time":null,"planned_end_time":null,"is_planned":false},
		{"planned_start_time":"2026-03-04T06:00:00+00:00","planned_end_time":"2026-03-04T10:00:00+00:00"}]}}`)
	job, err := c.ScheduledJob(t.Context(), 900)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.only().Query.Get("job_parts"); got != "true" {
		t.Errorf("job_parts = %q; want true", got)
	}
	start, okStart := job.Start()
	end, okEnd := job.End()
	wantStart := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	wantEnd := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	if !okStart || !start.Equal(wantStart) {
		t.Errorf("Start() = %v, %v; want %v", start, okStart, wantStart)
	}
	if !okEnd || !end.Equal(wantEnd) {
		t.Errorf("End() = %v, %v; want %v", end, okEnd, wantEnd)
	}
}

func TestListScheduledJobsAsksForParts(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/jobs", http.StatusOK, `{"jobs":[{"id":1,"job_parts":[{"planned_start_time":"2026-03-02T06:00:00+00:00"}]}]}`)
	jobs, err := collect(t, c.ListScheduledJobs(t.Context()))
	if err != nil || len(jobs) != 1 {
		t.Fatalf("%d jobs, %v", len(jobs), err)
	}
	if got := f.only().Query.Get("job_parts"); got != "true" {
		t.Errorf("job_parts = %q; want true", got)
	}
	if _, ok := jobs[0].Start(); !ok {
		t.Error("the listed job has no start")
	}
}
