package mapping

import (
	"errors"
	"github.com/planbridge/planbridge/internal/deref"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	mmapi "github.com/planbridge/planbridge/minimax/api"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// wantRoutedJobs are the jobs of the base order's first row under testRouting.
func wantRoutedJobs() []JobPlan {
	return []JobPlan{{
		Job: spapi.Job{ExternalID: new("minimax:3840:row:1001:job:1"), Name: new("Rezanje profila"), OrderNumber: new(int32(1)),
			Duration: new(3600.0), Settingtime: new(600.0), Settletime: new(60.0), Workstations: new(spapi.Workstations{61, 62})},
		WorkstageExternalID: "ws-rezanje",
	}, {
		Job: spapi.Job{ExternalID: new("minimax:3840:row:1001:job:2"), Name: new("Zavarivanje"), OrderNumber: new(int32(2)),
			Duration: new(3600.0), Settingtime: new(300.0), Settletime: new(0.0)},
		WorkstageExternalID: "zavarivanje",
	}}
}

func wantRoutedWorkstages() []spapi.Workstage {
	return []spapi.Workstage{
		{ExternalID: new("ws-rezanje"), Name: new("Rezanje")},
		{ExternalID: new("zavarivanje"), Name: new("Zavarivanje")},
	}
}

func TestRouting(t *testing.T) {
	t.Parallel()
	fromFunc := func(item ItemRef) ([]Step, bool) {
		if item.ID == 501 && item.Code == "NZ-40" && item.Name == "Nosač NZ-40" {
			return testRouting()["NZ-40"], true
		}
		return nil, false
	}
	tests := []struct {
		name           string
		opts           Options
		mopts          []MapperOption
		wantJobs       [2][]JobPlan
		wantDefault    [2]bool
		wantWorkstages []spapi.Workstage
	}{
		{name: "default steps", wantDefault: [2]bool{true, true}},
		{name: "table by item code", opts: Options{Routing: testRouting()},
			wantJobs: [2][]JobPlan{wantRoutedJobs(), nil}, wantDefault: [2]bool{false, true}, wantWorkstages: wantRoutedWorkstages()},
		{name: "function", mopts: []MapperOption{WithRoutingFunc(fromFunc)},
			wantJobs: [2][]JobPlan{wantRoutedJobs(), nil}, wantDefault: [2]bool{false, true}, wantWorkstages: wantRoutedWorkstages()},
		{name: "function before table", opts: Options{Routing: map[string][]Step{"NZ-40": {{WorkstageName: "Other"}}}},
			mopts:    []MapperOption{WithRoutingFunc(fromFunc)},
			wantJobs: [2][]JobPlan{wantRoutedJobs(), nil}, wantDefault: [2]bool{false, true}, wantWorkstages: wantRoutedWorkstages()},
		{name: "table when the function has none", opts: Options{Routing: testRouting()},
			mopts:    []MapperOption{WithRoutingFunc(func(ItemRef) ([]Step, bool) { return nil, false })},
			wantJobs: [2][]JobPlan{wantRoutedJobs(), nil}, wantDefault: [2]bool{false, true}, wantWorkstages: wantRoutedWorkstages()},
		{name: "nil function", mopts: []MapperOption{WithRoutingFunc(nil), nil}, wantDefault: [2]bool{true, true}},
		{name: "empty routing: no jobs and no default steps", opts: Options{Routing: map[string][]Step{"P-2": {}}},
			wantDefault: [2]bool{true, false}},
		{name: "one workstage for both rows", opts: Options{Routing: map[string][]Step{
			"NZ-40": {{WorkstageExternalID: "ws-lak", DurationSeconds: 10}},
			"P-2":   {{WorkstageExternalID: " ws-lak", WorkstageName: " Lakiranje ", Name: "Lak ", DurationSeconds: 2, PerPiece: true}},
		}},
			wantJobs: [2][]JobPlan{
				{{Job: spapi.Job{ExternalID: new("minimax:3840:row:1001:job:1"), Name: new("ws-lak"), OrderNumber: new(int32(1)),
					Duration: new(10.0), Settingtime: new(0.0), Settletime: new(0.0)}, WorkstageExternalID: "ws-lak"}},
				{{Job: spapi.Job{ExternalID: new("minimax:3840:row:1002:job:1"), Name: new("Lak"), OrderNumber: new(int32(1)),
					Duration: new(20.0), Settingtime: new(0.0), Settletime: new(0.0)}, WorkstageExternalID: "ws-lak"}},
			},
			wantWorkstages: []spapi.Workstage{{ExternalID: new("ws-lak"), Name: new("Lakiranje")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mustMapper(t, tt.opts, tt.mopts...).MapOrder(testOrg, baseOrder(t))
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				if diff := cmp.Diff(tt.wantJobs[i], got.Rows[i].Jobs, cmpOpts); diff != "" {
					t.Errorf("Rows[%d].Jobs (-want +got):\n%s", i, diff)
				}
				if d := deref.Of(got.Rows[i].Row.GetDefaultSteps); d != tt.wantDefault[i] {
					t.Errorf("Rows[%d].Row.GetDefaultSteps = %v, want %v", i, d, tt.wantDefault[i])
				}
			}
			if diff := cmp.Diff(tt.wantWorkstages, got.Workstages, cmpOpts); diff != "" {
				t.Errorf("Workstages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRoutingFuncProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		steps []Step
		qty   float64
		kind  error
		paths []string
	}{
		{name: "bad step values", steps: []Step{
			{WorkstageName: "Rezanje"},
			{WorkstageName: "Savijanje", DurationSeconds: -1, SettingTimeSeconds: math.NaN(), SettleTimeSeconds: math.Inf(1), Workstations: []int64{61, 0}},
			{WorkstageName: " - "},
		}, qty: 1, kind: ErrBadRouting, paths: []string{
			"OrderRows[0].Steps[1].DurationSeconds", "OrderRows[0].Steps[1].SettingTimeSeconds",
			"OrderRows[0].Steps[1].SettleTimeSeconds", "OrderRows[0].Steps[1].Workstations[1]",
			"OrderRows[0].Steps[2].WorkstageExternalID",
			// the second row gets the same routing
			"OrderRows[1].Steps[1].DurationSeconds", "OrderRows[1].Steps[1].SettingTimeSeconds",
			"OrderRows[1].Steps[1].SettleTimeSeconds", "OrderRows[1].Steps[1].Workstations[1]",
			"OrderRows[1].Steps[2].WorkstageExternalID",
		}},
		{name: "one workstage, two names", steps: []Step{
			{WorkstageExternalID: "ws-1", WorkstageName: "Rezanje"},
			{WorkstageExternalID: "ws-1"},
			{WorkstageExternalID: "ws-1", WorkstageName: "Piljenje"},
		}, qty: 1, kind: ErrInconsistent, paths: []string{"OrderRows[0].Steps[2].WorkstageName", "OrderRows[1].Steps[2].WorkstageName"}},
		{name: "per-piece duration overflows", steps: []Step{{WorkstageName: "Rezanje", DurationSeconds: 1e300, PerPiece: true}},
			qty: 1e300, kind: ErrBadQuantity, paths: []string{"OrderRows[0].Quantity", "OrderRows[1].Quantity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := mustMapper(t, Options{}, WithRoutingFunc(func(ItemRef) ([]Step, bool) { return tt.steps, true }))
			o := baseOrder(t)
			for i := range *o.OrderRows {
				(*o.OrderRows)[i].Quantity = &tt.qty
			}
			_, err := m.MapOrder(testOrg, o)
			checkErr(t, err, tt.kind, tt.paths...)
		})
	}
}

func TestCustomMaterials(t *testing.T) {
	t.Parallel()
	for _, use := range []bool{false, true} {
		got, err := mapBase(t, Options{UseCustomMaterials: use, Routing: testRouting()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range got.Rows {
			if r.Row.UseCustomMaterials == nil || *r.Row.UseCustomMaterials != use {
				t.Errorf("UseCustomMaterials %v: Rows[%d].Row.UseCustomMaterials = %v", use, i, r.Row.UseCustomMaterials)
			}
		}
	}
}

// TestPlanSharesNothing: the plan shares no memory with the options, the
// routing function's steps or an earlier plan, so changing one cannot
// change another.
func TestPlanSharesNothing(t *testing.T) {
	t.Parallel()
	opts := Options{Routing: testRouting()}
	m := mustMapper(t, opts)
	funcSteps := testRouting()["NZ-40"]
	mf := mustMapper(t, Options{}, WithRoutingFunc(func(ItemRef) ([]Step, bool) { return funcSteps, true }))

	first, err := m.MapOrder(testOrg, baseOrder(t))
	if err != nil {
		t.Fatal(err)
	}
	opts.Routing["NZ-40"][0].Workstations[0] = 999
	opts.Routing["NZ-40"][0].DurationSeconds = 1
	opts.Routing["P-2"] = []Step{{WorkstageName: "Nova"}}
	(*first.Rows[0].Jobs[0].Job.Workstations)[1] = 998
	*first.Rows[0].Row.DeliveryDate = spapi.DateTime{}

	second, err := m.MapOrder(testOrg, baseOrder(t))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantRoutedJobs(), second.Rows[0].Jobs, cmpOpts); diff != "" {
		t.Errorf("after changing the options and the first plan (-want +got):\n%s", diff)
	}
	if second.Rows[1].Jobs != nil || dt(second.Order.DeliveryDate) == "" {
		t.Errorf("the second plan changed: %+v", second)
	}

	viaFunc, err := mf.MapOrder(testOrg, baseOrder(t))
	if err != nil {
		t.Fatal(err)
	}
	(*viaFunc.Rows[0].Jobs[0].Job.Workstations)[0] = 997
	if funcSteps[0].Workstations[0] != 61 {
		t.Error("the plan shares workstations with the routing function's steps")
	}
}

func TestRoutingFuncSeesTheItem(t *testing.T) {
	t.Parallel()
	var seen []ItemRef
	m := mustMapper(t, Options{}, WithRoutingFunc(func(item ItemRef) ([]Step, bool) {
		seen = append(seen, item)
		return nil, false
	}))
	_, err := m.MapOrder(testOrg, baseOrder(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []ItemRef{{ID: 501, Code: "NZ-40", Name: "Nosač NZ-40"}, {ID: 502, Code: "P-2", Name: "Ploča P-2"}}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	// A row with a bad item never reaches the function.
	seen = nil
	_, err = m.MapOrder(testOrg, func() mmapi.Order {
		o := baseOrder(t)
		(*o.OrderRows)[0].Item = nil
		return o
	}())
	if !errors.Is(err, ErrMissingReference) || len(seen) != 1 {
		t.Errorf("err = %v, function saw %v", err, seen)
	}
}
