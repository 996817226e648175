package mapping

import (
	"encoding/json"
	"github.com/planbridge/planbridge/internal/deref"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	mmapi "github.com/planbridge/planbridge/minimax/api"
)

// FuzzMapOrder maps arbitrary order JSON, under the defaults and under every
// option at once with routing by table and by function, and checks that the
// mapper does not panic, that every error is made of *FieldErrors that name
// a field, and that every plan is whole, deterministic and marshals.
func FuzzMapOrder(f *testing.F) {
	for _, c := range loadGoldenCases(f) {
		f.Add(c.order)
	}
	f.Add([]byte(baseOrderJSON))
	f.Add([]byte(`{"Status":"P","ReceivedIssued":"P","OrderRows":[{"Quantity":-1},{}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"OrderRows":null,"Customer":null,"DueDate":null}`))

	allOn := Options{IncludeDrafts: true, SyncCompleted: true, UseCustomMaterials: true, NumberPrefix: "MM-",
		Routing: testRouting()}
	byFunc := WithRoutingFunc(func(item ItemRef) ([]Step, bool) {
		if strings.HasPrefix(item.Code, "F") {
			// A routing function may return anything; the mapper checks it.
			return []Step{{WorkstageName: item.Name, DurationSeconds: float64(item.ID), PerPiece: true}, {WorkstageExternalID: item.Code}}, true
		}
		return nil, false
	})
	mappers := []*Mapper{mustMapper(f, Options{}), mustMapper(f, allOn, byFunc)}

	f.Fuzz(func(t *testing.T, data []byte) {
		var o mmapi.Order
		if err := json.Unmarshal(data, &o); err != nil {
			t.Skip()
		}
		for i, m := range mappers {
			plan, err := m.MapOrder(testOrg, o)
			again, err2 := m.MapOrder(testOrg, o)
			if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
				t.Fatalf("mapper %d: errors differ between runs: %v / %v", i, err, err2)
			}
			if diff := cmp.Diff(plan, again, cmpOpts); diff != "" {
				t.Fatalf("mapper %d: plans differ between runs:\n%s", i, diff)
			}
			if err != nil {
				if fes, ok := fieldErrors(err); !ok || len(fes) == 0 {
					t.Fatalf("mapper %d: error is not made of *FieldErrors naming a field: %v", i, err)
				}
				if diff := cmp.Diff(Plan{}, plan, cmpOpts); diff != "" {
					t.Fatalf("mapper %d: an error came with a plan:\n%s", i, diff)
				}
				continue
			}
			checkPlan(t, plan)
		}
	})
}

// checkPlan checks what every plan must be.
func checkPlan(t *testing.T, p Plan) {
	t.Helper()
	if _, err := json.Marshal(p); err != nil {
		t.Fatalf("plan does not marshal: %v", err)
	}
	if p.Reason == "" {
		t.Fatalf("plan without a reason: %+v", p)
	}
	switch p.Action {
	case ActionSkip:
		return
	case ActionArchive:
		if p.Order.ExternalID == nil {
			t.Fatalf("archive without an order: %+v", p)
		}
		return
	case ActionUpsert:
	default:
		t.Fatalf("unknown action %q", p.Action)
	}
	if p.Customer.ExternalID == nil || p.Order.ExternalID == nil || p.Order.Number == nil {
		t.Fatalf("upsert without customer, order or number: %+v", p)
	}
	if strings.Contains(*p.Order.Number, "/") {
		t.Fatalf("number %q contains a slash", *p.Order.Number)
	}
	for i, r := range p.Rows {
		if r.Row.ExternalID == nil || r.Product.ExternalID == nil || r.Row.Amount == nil || !(*r.Row.Amount > 0) {
			t.Fatalf("Rows[%d] is not whole: %+v", i, r)
		}
		if deref.Of(r.Row.GetDefaultSteps) && len(r.Jobs) > 0 {
			t.Fatalf("Rows[%d] asks for default steps and has jobs", i)
		}
		for j, jb := range r.Jobs {
			if jb.WorkstageExternalID == "" || jb.Job.ExternalID == nil {
				t.Fatalf("Rows[%d].Jobs[%d] is not whole: %+v", i, j, jb)
			}
		}
	}
}
