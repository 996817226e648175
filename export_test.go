package planbridge_test

import (
	"testing"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

const exportOp = "POST /phaser-orders/export"

// Whether to export is read from SkyPlanner: an order synced without an
// export is exported by the first run that sees it with WithExport, once,
// and an export that failed is made by the next run.
func TestExportFollowsSkyPlanner(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envConfig{})
	first := e.sync(t, planbridge.Watermark{})
	if n := e.sp.Count(exportOp); n != 0 {
		t.Fatalf("%d exports without WithExport", n)
	}

	exporting := e.secondSyncer(t, planbridge.WithExport())
	e.sp.FailMatching(skyplannertest.Match{Method: "POST", Operation: "/phaser-orders/export"}, skyplannertest.Fault{Status: 503}, -1)
	rep, err := exporting.Rescan(t.Context(), planbridge.RescanFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Failed()); n != 3 {
		t.Fatalf("%d orders failed with the export down, want 3: %+v", n, rep.Orders)
	}
	e.sp.ClearFaults()
	e.sp.ResetLog()

	// A Sync from the watermark of the first run: nothing changed in
	// Minimax, but the rows are still outside scheduling.
	rep, err = exporting.Sync(t.Context(), planbridge.Watermark{Since: first.Next.Since, Done: first.Next.Done, Pending: pendingOf(rep)})
	if err != nil || rep.Err() != nil {
		t.Fatal(err, rep.Err())
	}
	if n := e.sp.Count(exportOp); n != 1 {
		t.Errorf("%d export requests, want 1 for all three orders", n)
	}
	for _, row := range e.sp.OrderRows() {
		if row.ProductionPlanningOrderRowID == nil {
			t.Errorf("row %s not exported", *row.ExternalID)
		}
	}
	e.sp.ResetLog()
	again, err := exporting.Rescan(t.Context(), planbridge.RescanFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n := e.sp.Count(exportOp); n != 0 || again.Err() != nil {
		t.Errorf("a rescan with nothing new exported %d times (%v)", n, again.Err())
	}
}

// pendingOf is the Pending a run would have saved for its failed orders.
func pendingOf(rep *planbridge.Report) map[int64]planbridge.Pending {
	out := map[int64]planbridge.Pending{}
	for _, o := range rep.Failed() {
		out[o.Order.ID] = planbridge.Pending{Export: true}
	}
	return out
}
