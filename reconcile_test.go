package planbridge_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

const org = 3840

// A changed quantity updates exactly the fields that carry it; a planner's
// own edits to the row (its work number, its status) stay.
func TestChangedQuantityUpdatesOnlyOwnedFields(t *testing.T) {
	t.Parallel()
	inModes(t, func(t *testing.T, mode lookupMode) {
		e := newEnv(t, envConfig{mode: mode})
		rep := e.sync(t, planbridge.Watermark{})
		ext := mapping.RowExternalID(org, rowID(t, e, 7870, 0))
		row := e.rowByExt(t, ext)
		if _, err := e.spc.UpdateOrderRow(t.Context(), *row.ID, skyplanner.OrderRow{Worknumber: new("WN-17"), Status: new(skyplanner.OrderRowStatusStarted)}); err != nil {
			t.Fatal(err)
		}
		e.editOrder(t, 7870, func(o *minimax.Order) { (*o.OrderRows)[0].Quantity = new(15.0) })

		e.sp.ResetLog()
		rep = e.sync(t, rep.Next)
		res := only(t, rep, 7870)
		want := []planbridge.Write{{Op: planbridge.OpUpdate, Kind: planbridge.KindRow, ExternalID: ext, ID: *row.ID, Fields: []string{"amount", "ordered_amount"}}}
		if diff := cmp.Diff(want, res.Writes); diff != "" {
			t.Errorf("writes (-want +got):\n%s", diff)
		}
		got := e.rowByExt(t, ext)
		if *got.Amount != 15 || *got.OrderedAmount != 15 || *got.Worknumber != "WN-17" || *got.Status != skyplanner.OrderRowStatusStarted {
			t.Errorf("row after sync: amount %v ordered %v worknumber %v status %v", *got.Amount, *got.OrderedAmount, *got.Worknumber, *got.Status)
		}
		if n := e.writes(); n != 1 {
			t.Errorf("%d writes reached SkyPlanner, want 1", n)
		}
	})
}

// A row removed in Minimax is archived, a new one created; the jobs the
// new row gets from its product's default steps are SkyPlanner's.
func TestRemovedRowArchivedNewRowCreated(t *testing.T) {
	t.Parallel()
	inModes(t, func(t *testing.T, mode lookupMode) {
		e := newEnv(t, envConfig{mode: mode})
		rep := e.sync(t, planbridge.Watermark{})
		removed := mapping.RowExternalID(org, rowID(t, e, 7871, 2))
		e.editOrder(t, 7871, func(o *minimax.Order) {
			rows := (*o.OrderRows)[:2]
			rows = append(rows, minimax.OrderRow{Item: &minimax.FkField{ID: new(int64(384501))}, Quantity: new(6.0), Price: new(145.0)})
			o.OrderRows = &rows
		})
		rep = e.sync(t, rep.Next)
		res := only(t, rep, 7871)
		ops := map[planbridge.Op]int{}
		for _, w := range res.Writes {
			ops[w.Op]++
		}
		if ops[planbridge.OpArchive] != 1 || ops[planbridge.OpCreate] != 1 || ops[planbridge.OpUpdate] != 0 {
			t.Errorf("writes %v, want one archive and one create", res.Writes)
		}
		if r := e.rowByExt(t, removed); !*r.IsArchive {
			t.Errorf("removed row %s is not archived", removed)
		}
		added := mapping.RowExternalID(org, rowID(t, e, 7871, 2))
		r := e.rowByExt(t, added)
		if jobs := jobsOf(e, *r.ID); len(jobs) != 4 {
			t.Errorf("new row has %d jobs, want the product's 4 default steps", len(jobs))
		}
		again := e.sync(t, rep.Next)
		if len(again.Orders) != 0 {
			t.Errorf("third run handled %d orders, want 0", len(again.Orders))
		}
	})
}

// An order invalidated in Minimax is archived in SkyPlanner, once.
func TestInvalidatedOrderArchived(t *testing.T) {
	t.Parallel()
	inModes(t, func(t *testing.T, mode lookupMode) {
		e := newEnv(t, envConfig{mode: mode})
		rep := e.sync(t, planbridge.Watermark{})
		if err := e.mmc.InvalidateOrder(t.Context(), 7872); err != nil {
			t.Fatal(err)
		}
		rep = e.sync(t, rep.Next)
		if res := only(t, rep, 7872); res.Outcome != planbridge.OutcomeArchived {
			t.Errorf("outcome %s, want archived", res.Outcome)
		}
		orders := e.ordersByExt(mapping.OrderExternalID(org, 7872))
		if len(orders) != 1 || !*orders[0].IsArchive {
			t.Fatalf("SkyPlanner orders for 7872: %+v, want one archived", orders)
		}
		rescan, err := e.syncr.SyncOrder(t.Context(), 7872)
		if err != nil {
			t.Fatal(err)
		}
		if res := only(t, rescan, 7872); res.Outcome != planbridge.OutcomeUnchanged || len(res.Writes) != 0 {
			t.Errorf("syncing the archived order again: %s with %v, want unchanged and no write", res.Outcome, res.Writes)
		}
	})
}

// An order a planner archived is not revived unless the option says so.
func TestPlannerArchivedOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		policy planbridge.ArchivedPolicy
		want   planbridge.Outcome
		orders int
	}{
		{"leave", planbridge.ArchivedLeave, planbridge.OutcomeSkipped, 1},
		{"recreate", planbridge.ArchivedRecreate, planbridge.OutcomeCreated, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithArchivedOrders(tc.policy)}})
			e.sync(t, planbridge.Watermark{})
			ext := mapping.OrderExternalID(org, 7870)
			if err := e.spc.ArchiveOrder(t.Context(), *e.ordersByExt(ext)[0].ID); err != nil {
				t.Fatal(err)
			}
			rep, err := e.syncr.SyncOrder(t.Context(), 7870)
			if err != nil {
				t.Fatal(err)
			}
			res := only(t, rep, 7870)
			if res.Outcome != tc.want {
				t.Errorf("outcome %s (%s), want %s", res.Outcome, res.Reason, tc.want)
			}
			if tc.want == planbridge.OutcomeSkipped && !strings.Contains(res.Reason, "archived in SkyPlanner") {
				t.Errorf("reason %q does not say the order was archived in SkyPlanner", res.Reason)
			}
			if n := len(e.ordersByExt(ext)); n != tc.orders {
				t.Errorf("%d SkyPlanner orders with %s, want %d", n, ext, tc.orders)
			}
			again, err := e.syncr.SyncOrder(t.Context(), 7870)
			if err != nil {
				t.Fatal(err)
			}
			if res := only(t, again, 7870); len(res.Writes) != 0 {
				t.Errorf("second SyncOrder wrote %v", res.Writes)
			}
		})
	}
}

// A dry run reports the writes of a real run and sends none.
func TestDryRun(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithDryRun(), planbridge.WithExport()}})
	rep, err := e.syncr.Sync(t.Context(), planbridge.Watermark{})
	if err != nil {
		t.Fatal(err)
	}
	if n := e.writes(); n != 0 {
		t.Fatalf("a dry run sent %d writes", n)
	}
	if !rep.DryRun || !rep.Next.Since.IsZero() {
		t.Errorf("DryRun %v, Next %+v; want true and the watermark given", rep.DryRun, rep.Next)
	}
	real := newEnv(t, envConfig{sync: []planbridge.Option{planbridge.WithExport()}})
	want := real.sync(t, planbridge.Watermark{})
	if diff := cmp.Diff(shape(want), shape(rep)); diff != "" {
		t.Errorf("dry run's writes differ from a real run's (-real +dry):\n%s", diff)
	}
}

// Routed rows get their jobs by external ID; a changed routing updates and
// archives them, and jobs SkyPlanner copied from default steps are left
// alone.
func TestRoutedJobs(t *testing.T) {
	t.Parallel()
	routing := func(cutDuration float64, withSanding bool) mapping.Options {
		steps := []mapping.Step{{WorkstageName: "Rezanje", DurationSeconds: cutDuration}}
		if withSanding {
			steps = append(steps, mapping.Step{WorkstageName: "Brušenje", DurationSeconds: 600})
		}
		steps = append(steps, mapping.Step{WorkstageName: "Pakiranje", DurationSeconds: 300})
		return mapping.Options{Routing: map[string][]mapping.Step{"STOL-HRAST": steps}}
	}
	e := newEnv(t, envConfig{mapping: routing(3600, true)})
	rep := e.sync(t, planbridge.Watermark{})
	rowExt := mapping.RowExternalID(org, rowID(t, e, 7870, 0))
	row := e.rowByExt(t, rowExt)
	jobs := jobsOf(e, *row.ID)
	if len(jobs) != 3 {
		t.Fatalf("routed row has %d jobs, want 3", len(jobs))
	}
	if got := workstageNames(e, jobs); !slices.Equal(got, []string{"Rezanje", "Brušenje", "Pakiranje"}) {
		t.Errorf("workstages %v", got)
	}

	// A new mapper: the routing changed (cut longer, sanding dropped).
	m, err := mapping.NewMapper(routing(5400, false))
	if err != nil {
		t.Fatal(err)
	}
	s2, err := planbridge.NewSyncer(e.mmc, e.spc, m)
	if err != nil {
		t.Fatal(err)
	}
	rep2, err := s2.SyncOrder(t.Context(), 7870)
	if err != nil {
		t.Fatal(err)
	}
	res := only(t, rep2, 7870)
	var got []string
	for _, w := range res.Writes {
		got = append(got, string(w.Op)+" "+w.ExternalID+" "+strings.Join(w.Fields, ","))
	}
	want := []string{
		"update " + rowExt + ":job:1 duration",
		"update " + rowExt + ":job:2 duration,name,phaser_workstage_id",
		"archive " + rowExt + ":job:3 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("writes (-want +got):\n%s", diff)
	}
	// The default-step jobs of the other rows are untouched.
	other := e.rowByExt(t, mapping.RowExternalID(org, rowID(t, e, 7870, 1)))
	if n := len(jobsOf(e, *other.ID)); n != 4 {
		t.Errorf("default-step row has %d jobs, want 4", n)
	}
	_ = rep
}

// Bad data fails one order, named with the field, and the others go on.
func TestBadOrderFailsAlone(t *testing.T) {
	t.Parallel()
	inModes(t, func(t *testing.T, mode lookupMode) {
		e := newEnv(t, envConfig{mode: mode})
		e.editOrder(t, 7871, func(o *minimax.Order) { (*o.OrderRows)[1].Quantity = new(-3.0) })
		rep, err := e.syncr.Sync(t.Context(), planbridge.Watermark{})
		if err != nil {
			t.Fatal(err)
		}
		failed := rep.Failed()
		if len(failed) != 1 || failed[0].Order.ID != 7871 {
			t.Fatalf("failed %+v, want 7871 alone", failed)
		}
		var fe *mapping.FieldError
		if !asField(failed[0].Err, &fe) || fe.Path != "OrderRows[1].Quantity" {
			t.Errorf("error %v does not name OrderRows[1].Quantity", failed[0].Err)
		}
		if !strings.Contains(failed[0].Err.Error(), "2026-2") {
			t.Errorf("error %q does not name the order", failed[0].Err)
		}
		if rep.Count(planbridge.OutcomeCreated) != 2 {
			t.Errorf("created %d orders, want the other 2", rep.Count(planbridge.OutcomeCreated))
		}
		if _, ok := rep.Next.Pending[7871]; !ok {
			t.Errorf("the failed order is not pending in %+v", rep.Next)
		}
		if n := len(e.ordersByExt(mapping.OrderExternalID(org, 7871))); n != 0 {
			t.Errorf("the bad order left %d SkyPlanner orders behind", n)
		}
		// Fixed in Minimax, it goes through.
		e.editOrder(t, 7871, func(o *minimax.Order) { (*o.OrderRows)[1].Quantity = new(3.0) })
		again := e.sync(t, rep.Next)
		if res := only(t, again, 7871); res.Outcome != planbridge.OutcomeCreated {
			t.Errorf("fixed order: %s", res.Outcome)
		}
	})
}

// A routing step without a workstage name does not rename the workstage a
// planner named: the name the mapping makes from the external ID is for a
// new workstage only.
func TestUnnamedStepKeepsTheWorkstageName(t *testing.T) {
	t.Parallel()
	opts := mapping.Options{Routing: map[string][]mapping.Step{"STOL-HRAST": {
		{WorkstageExternalID: "rezanje", DurationSeconds: 60},
		{WorkstageExternalID: "poliranje", DurationSeconds: 60},
	}}}
	e := newEnv(t, envConfig{mapping: opts})
	rep := e.sync(t, planbridge.Watermark{})
	names := map[string]string{}
	for ws, err := range e.spc.ListWorkstages(t.Context(), skyplanner.WorkstageFilter{Limit: 100}) {
		if err != nil {
			t.Fatal(err)
		}
		names[*ws.ExternalID] = *ws.Name
	}
	if names["rezanje"] != "Rezanje" || names["poliranje"] != "poliranje" {
		t.Errorf("workstage names %v: want the seeded Rezanje kept and the new one named by its external ID", names)
	}
	if tot := rep.Totals[planbridge.KindWorkstage]; tot.Updated != 0 || tot.Created != 1 {
		t.Errorf("workstages %+v, want 1 created and none updated", tot)
	}
}
