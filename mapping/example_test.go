package mapping_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/planbridge/planbridge/mapping"
	mmapi "github.com/planbridge/planbridge/minimax/api"
)

// confirmedOrder is a confirmed order as Minimax's GetOrder returns it
// (shortened): a row of oak chairs and a row of benches.
const confirmedOrder = `{
  "OrderId": 7870, "ReceivedIssued": "P", "Status": "P", "Year": 2026, "Number": 1,
  "DueDate": "2026-12-01T00:00:00", "Reference": "PO-2026-118",
  "Customer": {"ID": 399631, "Name": "Saop d.o.o."},
  "OrderRows": [
    {"OrderRowId": 53530, "Item": {"ID": 384501, "Name": "Hrastov stol"}, "ItemCode": "STOL-HRAST",
     "Quantity": 12, "UnitOfMeasurement": "kom"},
    {"OrderRowId": 53531, "Item": {"ID": 384560, "Name": "Vrtna klupa"}, "ItemCode": "KLUPA",
     "Quantity": 5, "UnitOfMeasurement": "kom"}
  ]
}`

func readOrder(s string) mmapi.Order {
	var o mmapi.Order
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		log.Fatal(err)
	}
	return o
}

// The plan of a confirmed order. The bench has a routing, so its row gets
// those steps as jobs; the chair has none, so its row asks SkyPlanner for
// the product's default steps. Every record carries its external ID.
func ExampleMapper_MapOrder() {
	opts := mapping.DefaultOptions()
	opts.Routing = map[string][]mapping.Step{"KLUPA": {
		{WorkstageName: "Rezanje", DurationSeconds: 600, PerPiece: true, Workstations: []int64{61}},
		{WorkstageName: "Zavarivanje", DurationSeconds: 1800, SettingTimeSeconds: 300},
	}}
	m, err := mapping.NewMapper(opts)
	if err != nil {
		log.Fatal(err)
	}

	plan, err := m.MapOrder(3840, readOrder(confirmedOrder))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(plan.Action, "-", plan.Reason)
	fmt.Println("customer", *plan.Customer.ExternalID, *plan.Customer.Name)
	fmt.Println("order", *plan.Order.ExternalID, *plan.Order.Number, "due", plan.Order.DeliveryDate)
	for _, r := range plan.Rows {
		fmt.Println("row", *r.Row.ExternalID, *r.Row.Amount, *r.Product.Code, "default steps:", *r.Row.GetDefaultSteps)
		for _, j := range r.Jobs {
			fmt.Println("  job", *j.Job.ExternalID, *j.Job.Name, "in", j.WorkstageExternalID, "for", *j.Job.Duration, "s")
		}
	}
	for _, w := range plan.Workstages {
		fmt.Println("workstage", *w.ExternalID, *w.Name)
	}
	// Output:
	// upsert - confirmed order (status P)
	// customer minimax:3840:customer:399631 Saop d.o.o.
	// order minimax:3840:order:7870 2026-1 due 2026-12-01T00:00:00+01:00
	// row minimax:3840:row:53530 12 STOL-HRAST default steps: true
	// row minimax:3840:row:53531 5 KLUPA default steps: false
	//   job minimax:3840:row:53531:job:1 Rezanje in rezanje for 3000 s
	//   job minimax:3840:row:53531:job:2 Zavarivanje in zavarivanje for 1800 s
	// workstage rezanje Rezanje
	// workstage zavarivanje Zavarivanje
}

// Decide applies the rules about which orders to sync to the two letters a
// list entry carries, so a sync needs no full read to skip or archive.
func ExampleMapper_Decide() {
	m, err := mapping.NewMapper(mapping.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	for _, letters := range [][2]string{{"P", "P"}, {"P", "O"}, {"P", "Z"}, {"P", "R"}, {"I", "P"}, {"P", "X"}} {
		action, reason, err := m.Decide(letters[0], letters[1])
		if err != nil {
			fmt.Println(letters, "error:", err)
			continue
		}
		fmt.Println(letters, action, "-", reason)
	}
	// Output:
	// [P P] upsert - confirmed order (status P)
	// [P O] skip - draft order (status O); drafts are not synced
	// [P Z] skip - completed order (status Z); left in SkyPlanner as it is
	// [P R] archive - invalidated order (status R)
	// [I P] skip - ReceivedIssued is I; only orders with P are synced
	// [P X] error: Status: want P (confirmed), O (draft), Z (completed) or R (invalidated), got "X"
}

// NewMapper checks every option at once and names each bad one.
func ExampleNewMapper() {
	_, err := mapping.NewMapper(mapping.Options{
		Location:     "Local",
		NumberPrefix: "MM/",
		Routing:      map[string][]mapping.Step{"KLUPA": {{DurationSeconds: -1}}},
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, mapping.ErrBadOption), errors.Is(err, mapping.ErrBadRouting))
	// Output:
	// Options.Location: "Local" depends on the machine; name an IANA zone such as "Europe/Zagreb"
	// Options.NumberPrefix: SkyPlanner rejects "/" in order numbers, got "MM/"
	// Options.Routing["KLUPA"][0].WorkstageExternalID: names no workstage: set WorkstageExternalID or a WorkstageName with letters or digits
	// Options.Routing["KLUPA"][0].DurationSeconds: must be a finite number of seconds, zero or more, got -1
	// true true
}

// An order that cannot be mapped is refused whole, with every problem in
// it, each a *FieldError naming the field and wrapping a kind for
// errors.Is.
func ExampleFieldError() {
	m, err := mapping.NewMapper(mapping.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	bad := strings.NewReplacer(`"Quantity": 5`, `"Quantity": -1`, `"Customer": {"ID": 399631, "Name": "Saop d.o.o."},`, "").
		Replace(confirmedOrder)

	_, err = m.MapOrder(3840, readOrder(bad))
	fmt.Println(err)
	fmt.Println("bad quantity:", errors.Is(err, mapping.ErrBadQuantity))
	var fe *mapping.FieldError
	if errors.As(err, &fe) {
		fmt.Println("first field:", fe.Path)
	}
	// Output:
	// Customer: missing; every SkyPlanner order needs a customer
	// OrderRows[1].Quantity: must be positive, got -1
	// bad quantity: true
	// first field: Customer
}

// A routing function decides by anything about the item; here every item
// whose code starts with STOL- is cut and sanded. Others fall through to
// the Options.Routing table, then to SkyPlanner's default steps.
func ExampleWithRoutingFunc() {
	chairs := func(item mapping.ItemRef) ([]mapping.Step, bool) {
		if !strings.HasPrefix(item.Code, "STOL-") {
			return nil, false
		}
		return []mapping.Step{
			{WorkstageExternalID: "rezanje", DurationSeconds: 300, PerPiece: true},
			{WorkstageExternalID: "brušenje", DurationSeconds: 240, PerPiece: true},
		}, true
	}
	m, err := mapping.NewMapper(mapping.DefaultOptions(), mapping.WithRoutingFunc(chairs))
	if err != nil {
		log.Fatal(err)
	}
	plan, err := m.MapOrder(3840, readOrder(confirmedOrder))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range plan.Rows {
		fmt.Println(*r.Product.Code, "jobs:", len(r.Jobs), "default steps:", *r.Row.GetDefaultSteps)
	}
	// Output:
	// STOL-HRAST jobs: 2 default steps: false
	// KLUPA jobs: 0 default steps: true
}

// The external IDs are stable keys made from the Minimax organisation and
// record IDs; a sync finds what it created before by them.
func ExampleOrderExternalID() {
	fmt.Println(mapping.OrderExternalID(3840, 7870))
	fmt.Println(mapping.RowExternalID(3840, 53530))
	fmt.Println(mapping.JobExternalID(3840, 53530, 2))
	fmt.Println(mapping.WorkstageExternalID(mapping.Step{WorkstageName: "Savijanje lima"}))
	// Output:
	// minimax:3840:order:7870
	// minimax:3840:row:53530
	// minimax:3840:row:53530:job:2
	// savijanje-lima
}
