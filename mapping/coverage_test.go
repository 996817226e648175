package mapping

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// notMapped lists the fields of the SkyPlanner records a plan leaves unset
// on purpose, with the reason. Every other exported field must be set in the
// full plan below, so a field added to the generated types fails this test
// until it is mapped or listed here.
var notMapped = map[string]string{
	"Customer.ID":                   "SkyPlanner's id, known only once the sync has created the customer",
	"Customer.Modified":             "read-only, set by SkyPlanner",
	"Customer.AdditionalProperties": "properties the document does not model; the plan sends none",

	"Order.ID":                           "SkyPlanner's id, known only after creation",
	"Order.Modified":                     "read-only",
	"Order.IsArchive":                    "read-only; archiving is Plan.Action ActionArchive",
	"Order.ProductionPlanningCustomerID": "a link id; the plan links the order to Plan.Customer",
	"Order.StartEligibilityDate":         "Minimax has no earliest-start date",
	"Order.Status":                       "SkyPlanner owns the order's progress; sending \"new\" on an update could reset it",
	"Order.AdditionalProperties":         "unmodelled properties; the plan sends none",

	"OrderRow.ID":                           "SkyPlanner's id, known only after creation",
	"OrderRow.Modified":                     "read-only",
	"OrderRow.IsArchive":                    "read-only; rows gone from Minimax are the sync's to archive",
	"OrderRow.PhaserOrderID":                "a link id; the row belongs to Plan.Order",
	"OrderRow.ProductionPlanningProductID":  "a link id; the row's product is RowPlan.Product",
	"OrderRow.ProductionPlanningOrderRowID": "read-only, set by an export",
	"OrderRow.ParentID":                     "Minimax rows are flat; there are no sub-products",
	"OrderRow.Position":                     "meaning unknown; row_index carries the position",
	"OrderRow.Worknumber":                   "no Minimax counterpart",
	"OrderRow.StartEligibilityDate":         "Minimax has no earliest-start date",
	"OrderRow.Status":                       "SkyPlanner owns the row's progress",
	"OrderRow.AdditionalProperties":         "unmodelled properties; the plan sends none",

	"Product.ID":                   "SkyPlanner's id, known only after creation",
	"Product.Modified":             "read-only",
	"Product.FreeAmount":           "stock is SkyPlanner's; an order says nothing about it",
	"Product.AdditionalProperties": "unmodelled properties; the plan sends none",

	"Job.ID":                      "SkyPlanner's id, known only after creation",
	"Job.Modified":                "read-only",
	"Job.IsArchive":               "read-only",
	"Job.ProductionPlanningJobID": "read-only, set by an export",
	"Job.PhaserOrderRowID":        "a link id; the job belongs to its RowPlan's row",
	"Job.PhaserWorkstageID":       "a link id; JobPlan.WorkstageExternalID names the workstage",
	"Job.Status":                  "SkyPlanner owns the job's progress",
	"Job.StartEligibilityDate":    "Minimax has no earliest-start date",
	"Job.MinDegree":               "not in a routing step (its unit is uncertain); set it in SkyPlanner",
	"Job.CanSplitJob":             "not in a routing step; set it in SkyPlanner",
	"Job.AdditionalProperties":    "unmodelled properties; the plan sends none",

	"Workstage.ID":                   "SkyPlanner's id, known only after creation",
	"Workstage.Description":          "a routing step has no text for its workstage",
	"Workstage.Workstations":         "a workstage's machines are SkyPlanner's setup; each job carries its own",
	"Workstage.AdditionalProperties": "unmodelled properties; the plan sends none",
}

func TestFieldCoverage(t *testing.T) {
	t.Parallel()
	plan, err := mapBase(t, Options{Routing: testRouting()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Rows) == 0 || len(plan.Rows[0].Jobs) == 0 || len(plan.Workstages) == 0 {
		t.Fatalf("the full plan is not full: %+v", plan)
	}
	records := []struct {
		name string
		v    any
	}{
		{"Plan", plan},
		{"RowPlan", plan.Rows[0]},
		{"JobPlan", plan.Rows[0].Jobs[0]},
		{"Customer", plan.Customer},
		{"Order", plan.Order},
		{"OrderRow", plan.Rows[0].Row},
		{"Product", plan.Rows[0].Product},
		{"Job", plan.Rows[0].Jobs[0].Job},
		{"Workstage", plan.Workstages[0]},
	}
	seen := map[string]bool{}
	for _, r := range records {
		v := reflect.ValueOf(r.v)
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			key := r.name + "." + f.Name
			seen[key] = true
			_, ignored := notMapped[key]
			switch zero := v.Field(i).IsZero(); {
			case zero && !ignored:
				t.Errorf("%s is not mapped: map it, or list it in notMapped with the reason", key)
			case !zero && ignored:
				t.Errorf("%s is mapped but listed in notMapped: take it off the list", key)
			}
		}
	}
	var stale []string
	for key, reason := range notMapped {
		if !seen[key] {
			stale = append(stale, key)
		}
		if strings.TrimSpace(reason) == "" {
			t.Errorf("notMapped[%q] gives no reason", key)
		}
	}
	slices.Sort(stale)
	for _, key := range stale {
		t.Errorf("notMapped lists %s, which is no field of the records", key)
	}
}
