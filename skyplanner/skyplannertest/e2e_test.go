package skyplannertest_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// jobSummary is what a job copied from a default step must carry over.
type jobSummary struct {
	OrderNumber int32
	Workstage   int64
	Name        string
	Duration    float64
	Setting     float64
}

// TestOrderFlow runs the SkyPlanner client against the fake, in both
// response forms: customer, order, a row with the product's default steps
// as jobs, export to scheduling, archive.
func TestOrderFlow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opts []skyplannertest.Option
	}{
		{"enveloped", nil},
		{"bare", []skyplannertest.Option{skyplannertest.WithBareResponses()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			clk := newClock("2026-11-24T08:00:00+01:00")
			opts := append([]skyplannertest.Option{skyplannertest.WithDemoData(), skyplannertest.WithStrict(),
				skyplannertest.WithClock(clk.Now)}, tc.opts...)
			srv := skyplannertest.NewServer(t, opts...)
			c := newClient(t, srv)
			ctx := t.Context()

			product, err := c.FindProductByExternalID(ctx, "minimax:3840:item:384501")
			if err != nil {
				t.Fatal(err)
			}
			if got := *product.Code; got != "STOL-HRAST" {
				t.Errorf("product code = %q, want STOL-HRAST", got)
			}
			customer, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o."), ExternalID: new("minimax:3840:customer:399631")})
			if err != nil {
				t.Fatal(err)
			}
			order, err := c.CreateOrder(ctx, skyplanner.Order{ProductionPlanningCustomerID: customer.ID, Number: new("2026-1"),
				ExternalID: new("minimax:3840:order:7870")})
			if err != nil {
				t.Fatal(err)
			}
			if order.ID == nil || order.Archived() || !order.Modified.Time().Equal(clk.Now()) {
				t.Errorf("new order: id %v, archived %v, modified %v; want an id, not archived, modified at the clock's %v",
					order.ID, order.Archived(), order.Modified, clk.Now())
			}
			row, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, ProductionPlanningProductID: product.ID,
				Amount: new(12.0), ExternalID: new("minimax:3840:row:1")}, skyplanner.WithDefaultSteps())
			if err != nil {
				t.Fatal(err)
			}

			// The product's default steps are now the row's jobs.
			var want []jobSummary
			for _, st := range srv.ProductSteps(*product.ID) {
				ws, _ := srv.Workstage(*st.PhaserWorkstageID)
				want = append(want, jobSummary{*st.OrderNumber, *st.PhaserWorkstageID, *ws.Name, *st.Duration, *st.Settingtime})
			}
			var got []jobSummary
			var jobIDs []int64
			for j, err := range c.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}) {
				if err != nil {
					t.Fatal(err)
				}
				if *j.PhaserOrderRowID != *row.ID {
					t.Errorf("job %d belongs to row %d, want %d", *j.ID, *j.PhaserOrderRowID, *row.ID)
				}
				got = append(got, jobSummary{*j.OrderNumber, *j.PhaserWorkstageID, *j.Name, *j.Duration, *j.Settingtime})
				jobIDs = append(jobIDs, *j.ID)
			}
			if len(want) != 4 {
				t.Fatalf("demo product has %d steps, want 4", len(want))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("jobs of the row (-steps +jobs):\n%s", diff)
			}

			// Export: the jobs are planned one after another from the clock.
			if err := c.ExportOrders(ctx, *order.ID); err != nil {
				t.Fatal(err)
			}
			first, err := c.GetJob(ctx, jobIDs[0])
			if err != nil || first.ProductionPlanningJobID == nil {
				t.Fatalf("first job after export: %+v, %v; want a production_planning_job_id", first, err)
			}
			sj, err := c.ScheduledJob(ctx, *first.ProductionPlanningJobID)
			if err != nil {
				t.Fatal(err)
			}
			start, okStart := sj.Start()
			end, okEnd := sj.End()
			wantEnd := clk.Now().Add(time.Duration(want[0].Setting+want[0].Duration) * time.Second)
			if !okStart || !okEnd || !start.Equal(clk.Now()) || !end.Equal(wantEnd) {
				t.Errorf("scheduled job: start %v (%v), end %v (%v); want %v to %v", start, okStart, end, okEnd, clk.Now(), wantEnd)
			}
			if parts := *sj.JobParts; len(parts) != 1 || *parts[0].PlannedWorkstationID != 61 {
				t.Errorf("parts = %+v, want one on workstation 61", parts)
			}
			if _, offset := start.Zone(); offset != 3600 {
				t.Errorf("planned start %v: offset %d s, want +01:00 (Europe/Zagreb in November)", start, offset)
			}

			// Archive: gone from reads, back with IncludeArchived.
			if err := c.ArchiveOrder(ctx, *order.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := c.GetOrder(ctx, *order.ID); !errors.Is(err, skyplanner.ErrNotFound) {
				t.Errorf("GetOrder of an archived order: %v, want ErrNotFound", err)
			}
			if ids := orderIDs(t, c, false); slices.Contains(ids, *order.ID) {
				t.Errorf("ListOrders = %v, want the archived order %d left out", ids, *order.ID)
			}
			archived, err := c.GetOrder(ctx, *order.ID, skyplanner.IncludeArchived())
			if err != nil || !archived.Archived() {
				t.Errorf("GetOrder(IncludeArchived) = archived %v, %v; want the archived order", archived.Archived(), err)
			}
			if ids := orderIDs(t, c, true); !slices.Contains(ids, *order.ID) {
				t.Errorf("ListOrders(IncludeArchived) = %v, want it to hold %d", ids, *order.ID)
			}
			if _, err := c.FindOrderByExternalID(ctx, "minimax:3840:order:7870"); !errors.Is(err, skyplanner.ErrNotFound) {
				t.Errorf("FindOrderByExternalID of an archived order: %v, want ErrNotFound", err)
			}
		})
	}
}

func orderIDs(t *testing.T, c *skyplanner.Client, archived bool) []int64 {
	t.Helper()
	var opts []skyplanner.ReadOption
	if archived {
		opts = append(opts, skyplanner.IncludeArchived())
	}
	var ids []int64
	for o, err := range c.ListOrders(t.Context(), skyplanner.OrderFilter{}, opts...) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *o.ID)
	}
	return ids
}

// The two answer forms differ on the wire, not in what the client reads.
func TestBareResponses(t *testing.T) {
	t.Parallel()
	enveloped := skyplannertest.NewServer(t, skyplannertest.WithDemoData(), skyplannertest.WithStrict())
	bare := skyplannertest.NewServer(t, skyplannertest.WithDemoData(), skyplannertest.WithStrict(), skyplannertest.WithBareResponses())
	for _, tc := range []struct {
		srv        *skyplannertest.Server
		path       string
		wantPrefix string
	}{
		{enveloped, "/workstages", `{"workstages":[`},
		{enveloped, "/workstages/101", `{"workstage":{`},
		{bare, "/workstages", `[{`},
		{bare, "/workstages/101", `{"description":"Cutting"`},
		{bare, "/phaser-orders", `[]`},
	} {
		a := send(t, tc.srv, "GET", tc.path, "")
		if a.status != 200 || len(a.body) < len(tc.wantPrefix) || a.body[:len(tc.wantPrefix)] != tc.wantPrefix {
			t.Errorf("GET %s = %d %s, want 200 starting %s", tc.path, a.status, a.body, tc.wantPrefix)
		}
		if h := a.header.Get("X-Skyplannertest-Envelope"); h != "" {
			t.Errorf("GET %s leaked the internal header (%q)", tc.path, h)
		}
	}
	// Errors look the same in both forms.
	if a := send(t, bare, "GET", "/workstages/9", ""); a.status != 404 || a.body != "{\"message\":\"workstage 9 not found\"}\n" {
		t.Errorf("bare 404 = %d %s", a.status, a.body)
	}
}

// Scheduling is deterministic: a second order's jobs wait for the
// workstations the first one holds, a row's jobs wait for each other
// (settle time included), and a re-export keeps the scheduled jobs' ids.
func TestExportPlan(t *testing.T) {
	t.Parallel()
	clk := newClock("2026-11-24T08:00:00+01:00")
	srv := skyplannertest.NewServer(t, skyplannertest.WithDemoData(), skyplannertest.WithStrict(), skyplannertest.WithClock(clk.Now))
	c := newClient(t, srv)
	ctx := t.Context()
	customer, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: new("Hotel Adria d.d.")})
	if err != nil {
		t.Fatal(err)
	}
	newOrder := func(number string, product int64) (order, row int64) {
		o, err := c.CreateOrder(ctx, skyplanner.Order{ProductionPlanningCustomerID: customer.ID, Number: &number})
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: o.ID, ProductionPlanningProductID: &product}, skyplanner.WithDefaultSteps())
		if err != nil {
			t.Fatal(err)
		}
		return *o.ID, *r.ID
	}
	shelfOrder, shelfRow := newOrder("2026-2", 22224) // POLICA-80: cut 900+1800, sand 300+1200, lacquer 600+1800 (+7200 settle)
	chairOrder, chairRow := newOrder("2026-3", 22220) // STOL-HRAST: cut 900+3600, ...
	if err := c.ExportOrders(ctx, shelfOrder, chairOrder); err != nil {
		t.Fatal(err)
	}

	at := func(s int) string { return clk.Now().Add(time.Duration(s) * time.Second).Format(time.RFC3339) }
	type slot struct {
		Workstation int64
		Start, End  string
	}
	plan := func(row int64) []slot {
		var out []slot
		for _, j := range srv.Jobs() {
			if *j.PhaserOrderRowID != row {
				continue
			}
			sj, ok := srv.ScheduledJob(*j.ProductionPlanningJobID)
			if !ok {
				t.Fatalf("job %d: no scheduled job %d", *j.ID, *j.ProductionPlanningJobID)
			}
			p := (*sj.JobParts)[0]
			out = append(out, slot{*p.PlannedWorkstationID, p.PlannedStartTime.Time().Format(time.RFC3339),
				p.PlannedEndTime.Time().Format(time.RFC3339)})
		}
		return out
	}
	wantShelf := []slot{{61, at(0), at(2700)}, {63, at(2700), at(4200)}, {64, at(4200), at(6600)}}
	if diff := cmp.Diff(wantShelf, plan(shelfRow)); diff != "" {
		t.Errorf("shelf plan (-want +got):\n%s", diff)
	}
	// The chair's cutting waits for the saw (61) the shelf holds until 2700;
	// its lacquering waits for the spray booth until the shelf's is done;
	// assembly waits out the lacquer's 7200 s settle time.
	wantChair := []slot{{61, at(2700), at(7200)}, {63, at(7200), at(10200)}, {64, at(10200), at(14400)}, {65, at(21600), at(23400)}}
	if diff := cmp.Diff(wantChair, plan(chairRow)); diff != "" {
		t.Errorf("chair plan (-want +got):\n%s", diff)
	}

	// Re-export after archiving one job: the same scheduled ids, one fewer.
	before := scheduledIDs(srv)
	jobs := srv.Jobs()
	if err := c.ArchiveJob(ctx, *jobs[len(jobs)-1].ID); err != nil {
		t.Fatal(err)
	}
	clk.Advance(24 * time.Hour)
	if err := c.ExportOrders(ctx, chairOrder); err != nil {
		t.Fatal(err)
	}
	if after := scheduledIDs(srv); !slices.Equal(after, before[:len(before)-1]) {
		t.Errorf("scheduled jobs after re-export = %v, want %v", after, before[:len(before)-1])
	}
	var n int
	for sj, err := range c.ListScheduledJobs(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if start, ok := sj.Start(); ok && !start.Before(clk.Now()) {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d scheduled jobs start at or after the re-export, want the chair's 3", n)
	}
}

func scheduledIDs(srv *skyplannertest.Server) []int64 {
	var ids []int64
	for _, sj := range srv.ScheduledJobs() {
		ids = append(ids, *sj.ID)
	}
	return ids
}
