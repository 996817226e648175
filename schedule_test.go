package planbridge_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// splitParts serves the fake, but answers the list of scheduled jobs with
// each job cut into three parts, listed latest first, the middle one
// unplanned when a job's id is in unplanned: SkyPlanner does not order the
// parts, and a job may be planned in part.
func splitParts(t *testing.T, fake *skyplannertest.Server, unplanned map[int64]bool) *skyplanner.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !strings.HasSuffix(r.URL.Path, "/jobs") {
			fake.Handler().ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		fake.Handler().ServeHTTP(rec, r)
		var body struct {
			Jobs []skyplanner.ScheduledJob `json:"jobs"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Errorf("the fake's scheduled jobs: %v", err)
		}
		for i, sj := range body.Jobs {
			p := deref.Of(sj.JobParts)[0]
			start, end := p.PlannedStartTime.Time(), p.PlannedEndTime.Time()
			third := end.Sub(start) / 3
			at := func(d time.Duration) *skyplanner.DateTime { return new(api.NewDateTime(start.Add(d))) }
			parts := []skyplanner.JobPart{
				{PlannedStartTime: at(2 * third), PlannedEndTime: p.PlannedEndTime, IsPlanned: new(true)},
				{PlannedStartTime: at(third), PlannedEndTime: at(2 * third), IsPlanned: new(!unplanned[*sj.ID])},
				{PlannedStartTime: p.PlannedStartTime, PlannedEndTime: at(third), IsPlanned: new(true)},
			}
			body.Jobs[i].JobParts = &parts
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(body)
	}))
	t.Cleanup(srv.Close)
	c, err := skyplanner.New(skyplanner.WithBaseURL(srv.URL+skyplannertest.Prefix), skyplanner.WithToken(fake.Token()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestScheduleSpansUnorderedParts(t *testing.T) {
	t.Parallel()
	w := newWayBack(t)
	o := w.order(t, 7870)
	rows := w.rows(*o.ID)

	// What the fake planned, per row, from its own records.
	type span struct{ start, end time.Time }
	want := map[int64]span{}
	var first, last time.Time
	var oneJob int64
	for _, r := range rows {
		var s span
		for _, j := range jobsOf(w.env, *r.ID) {
			sj, ok := w.sp.ScheduledJob(*j.ProductionPlanningJobID)
			if !ok {
				t.Fatalf("job %d is not scheduled", *j.ID)
			}
			start, end := sj.StartTime.Time(), sj.EndTime.Time()
			if s.start.IsZero() || start.Before(s.start) {
				s.start = start
			}
			if end.After(s.end) {
				s.end = end
			}
			oneJob = *sj.ID
		}
		want[*r.ID] = s
		if first.IsZero() || s.start.Before(first) {
			first = s.start
		}
		if s.end.After(last) {
			last = s.end
		}
	}

	tr, err := planbridge.NewTracker(w.mmc, splitParts(t, w.sp, nil))
	if err != nil {
		t.Fatal(err)
	}
	w.sp.ResetLog()
	s, err := tr.Schedule(t.Context(), 7870)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Start.Equal(first) || !s.Finish.Equal(last) || !s.Planned || s.OrderID != *o.ID {
		t.Errorf("order: %v to %v, planned %v, order %d; want %v to %v, planned, order %d", s.Start, s.Finish, s.Planned, s.OrderID, first, last, *o.ID)
	}
	if len(s.Rows) != len(rows) {
		t.Fatalf("%d rows, want %d", len(s.Rows), len(rows))
	}
	for _, rs := range s.Rows {
		if ws := want[rs.RowID]; !rs.Start.Equal(ws.start) || !rs.Finish.Equal(ws.end) || !rs.Planned || rs.Jobs != 2 || rs.PlannedJobs != 2 {
			t.Errorf("row %d: %+v; want %v to %v, 2 of 2 jobs planned", rs.RowID, rs, ws.start, ws.end)
		}
	}
	// The order, its rows, the jobs of each row and one list of the
	// scheduled jobs: 3 + rows, however many jobs there are.
	if got, want := len(w.sp.Requests()), 3+len(rows); got != want {
		t.Errorf("%d SkyPlanner requests, want %d", got, want)
	}

	// One job planned in part: the order is not planned whole, the span
	// still covers what is.
	tr, _ = planbridge.NewTracker(w.mmc, splitParts(t, w.sp, map[int64]bool{oneJob: true}))
	s, err = tr.Schedule(t.Context(), 7870)
	if err != nil {
		t.Fatal(err)
	}
	if s.Planned || !s.Start.Equal(first) || !s.Finish.Equal(last) {
		t.Errorf("with a part unplanned: planned %v, %v to %v; want not planned, %v to %v", s.Planned, s.Start, s.Finish, first, last)
	}
}

func TestScheduleBeforeExportAndUnsynced(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envConfig{})
	e.sync(t, planbridge.Watermark{})
	tr, err := planbridge.NewTracker(e.mmc, e.spc)
	if err != nil {
		t.Fatal(err)
	}
	e.sp.ResetLog()
	s, err := tr.Schedule(t.Context(), 7870)
	if err != nil {
		t.Fatal(err)
	}
	if s.Planned || !s.Start.IsZero() || !s.Finish.IsZero() || len(s.Rows) == 0 {
		t.Errorf("unexported order: %+v; want rows, nothing planned", s)
	}
	if n := e.sp.Count("GET /jobs"); n != 0 {
		t.Errorf("read the scheduled jobs %d times with no job exported", n)
	}
	if _, err := tr.Schedule(t.Context(), 99999); !errors.Is(err, planbridge.ErrNotSynced) {
		t.Errorf("an order never synced: %v, want ErrNotSynced", err)
	}
}

// Schedules shares one list of the scheduled jobs among its orders and
// comes to what Schedule says of each.
func TestSchedulesShareTheScheduledJobs(t *testing.T) {
	t.Parallel()
	w := newWayBack(t)
	var want []planbridge.Schedule
	rows := 0
	for _, id := range []int64{7871, 7870} {
		s, err := w.tracker.Schedule(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, s)
		rows += len(s.Rows)
	}
	w.sp.ResetLog()
	got, err := w.tracker.Schedules(t.Context(), 7871, 7870)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Schedules differs from Schedule (-want +got):\n%s", diff)
	}
	if n, want := len(w.sp.Requests()), 1+2*2+rows; n != want {
		t.Errorf("%d SkyPlanner requests, want %d", n, want)
	}
	if n := w.sp.Count("GET /jobs"); n != 1 {
		t.Errorf("%d lists of scheduled jobs, want 1", n)
	}
	if _, err := w.tracker.Schedules(t.Context(), 7870, 99999); !errors.Is(err, planbridge.ErrNotSynced) {
		t.Errorf("with an unsynced order: %v, want ErrNotSynced", err)
	}
}
