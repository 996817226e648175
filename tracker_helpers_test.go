package planbridge_test

import (
	"testing"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/skyplanner"
)

// completeOp is the Minimax action request, as the fake counts it.
const completeOp = "PUT /api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}"

// wayBack is a sync over both fakes in which every demo item has two
// routing steps, run once with an export, and a Tracker over the same
// clients.
type wayBack struct {
	*env
	tracker *planbridge.Tracker
}

func newWayBack(t testing.TB, opts ...planbridge.TrackerOption) *wayBack {
	t.Helper()
	steps := []mapping.Step{
		{WorkstageName: "Rezanje", DurationSeconds: 1800},
		{WorkstageName: "Pakiranje", DurationSeconds: 600},
	}
	routing := map[string][]mapping.Step{}
	for _, code := range []string{"STOL-HRAST", "STOL-BUKVA", "STOL-BLAG", "ORMAR-2V", "POLICA-80", "MONTAZA"} {
		routing[code] = steps
	}
	e := newEnv(t, envConfig{mapping: mapping.Options{Routing: routing}, sync: []planbridge.Option{planbridge.WithExport()}})
	e.sync(t, planbridge.Watermark{})
	tr, err := planbridge.NewTracker(e.mmc, e.spc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	e.mm.ResetLog()
	e.sp.ResetLog()
	return &wayBack{env: e, tracker: tr}
}

// order returns the live SkyPlanner order synced from a Minimax order.
func (w *wayBack) order(t testing.TB, minimaxID int64) skyplanner.Order {
	t.Helper()
	var live []skyplanner.Order
	for _, o := range w.ordersByExt(mapping.OrderExternalID(org, minimaxID)) {
		if !deref.Of(o.IsArchive) {
			live = append(live, o)
		}
	}
	if len(live) != 1 {
		t.Fatalf("%d live SkyPlanner orders for Minimax order %d, want 1", len(live), minimaxID)
	}
	return live[0]
}

// rows returns the live rows of a SkyPlanner order.
func (w *wayBack) rows(orderID int64) []skyplanner.OrderRow {
	var out []skyplanner.OrderRow
	for _, r := range w.sp.OrderRows() {
		if deref.Of(r.PhaserOrderID) == orderID && !deref.Of(r.IsArchive) {
			out = append(out, r)
		}
	}
	return out
}

// setJobStatus writes a job's status through the API, as an integration
// that reports progress would; SkyPlanner then leaves the row's status as
// it was, so the Tracker has to read the jobs.
func (w *wayBack) setJobStatus(t testing.TB, job skyplanner.Job, status string) {
	t.Helper()
	if _, err := w.spc.UpdateJob(t.Context(), *job.ID, skyplanner.Job{ID: job.ID, Status: &status}); err != nil {
		t.Fatal(err)
	}
}

// finishJobs completes every live job of a SkyPlanner order but skip.
func (w *wayBack) finishJobs(t testing.TB, orderID int64, skip int64) {
	t.Helper()
	for _, r := range w.rows(orderID) {
		for _, j := range jobsOf(w.env, *r.ID) {
			if *j.ID != skip {
				w.setJobStatus(t, j, "completed")
			}
		}
	}
}

// minimaxStatus is the status of a Minimax order in the fake.
func (w *wayBack) minimaxStatus(t testing.TB, id int64) string {
	t.Helper()
	o, ok := w.mm.Order(id)
	if !ok {
		t.Fatalf("no Minimax order %d", id)
	}
	return deref.Of(o.Status)
}

// newFinished is newWayBack with every job of Minimax order 7870's
// SkyPlanner order completed; it returns that order.
func newFinished(t testing.TB, opts ...planbridge.TrackerOption) (*wayBack, skyplanner.Order) {
	t.Helper()
	w := newWayBack(t, opts...)
	o := w.order(t, 7870)
	w.finishJobs(t, *o.ID, 0)
	return w, o
}
