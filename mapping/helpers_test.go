package mapping

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	mmapi "github.com/planbridge/planbridge/minimax/api"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// testOrg is the organisation of the tests (the one in the seed's URLs).
const testOrg = 3840

// baseOrderJSON is a confirmed received order of a Croatian metalworks
// customer with two rows; tests change one thing in it at a time.
const baseOrderJSON = `{
  "OrderId": 7870,
  "ReceivedIssued": "P",
  "Year": 2026,
  "Number": 42,
  "Date": "2026-03-02T00:00:00",
  "Customer": {"ID": 399631, "Name": "Kovina d.o.o.", "ResourceUrl": "/api/orgs/3840/customers/399631"},
  "CustomerName": "Kovina d.o.o.",
  "CustomerAddress": "Ilica 12",
  "CustomerPostalCode": "10000",
  "CustomerCity": "Zagreb",
  "CustomerCountry": {"ID": 95, "Name": "HR"},
  "DueDate": "2026-04-15T00:00:00",
  "Reference": "NAR-2026-118",
  "Notes": "Isporuka na paleti.",
  "Status": "P",
  "OrderRows": [
    {"OrderRowId": 1001, "Order": {"ID": 7870, "Name": "2026-42"}, "Item": {"ID": 501, "Name": "Nosač NZ-40"},
     "ItemName": "Nosač NZ-40 (pocinčan)", "ItemCode": "NZ-40", "Description": "Pocinčano, pakirano po 20",
     "Quantity": 120, "Price": 4.5, "UnitOfMeasurement": "kom"},
    {"OrderRowId": 1002, "Order": {"ID": 7870, "Name": "2026-42"}, "Item": {"ID": 502, "Name": "Ploča P-2"},
     "ItemName": "Ploča P-2", "ItemCode": "P-2", "Description": "",
     "Quantity": 10, "Price": 31, "UnitOfMeasurement": "kom"}
  ]
}`

// baseOrder returns a fresh copy of the base order.
func baseOrder(t testing.TB) mmapi.Order {
	t.Helper()
	var o mmapi.Order
	if err := json.Unmarshal([]byte(baseOrderJSON), &o); err != nil {
		t.Fatalf("base order: %v", err)
	}
	return o
}

// testRouting routes the base order's first item through two workstages and
// leaves the second to SkyPlanner's default steps.
func testRouting() map[string][]Step {
	return map[string][]Step{
		"NZ-40": {
			{WorkstageExternalID: "ws-rezanje", WorkstageName: "Rezanje", Name: "Rezanje profila",
				DurationSeconds: 30, PerPiece: true, SettingTimeSeconds: 600, SettleTimeSeconds: 60, Workstations: []int64{61, 62}},
			{WorkstageName: "Zavarivanje", DurationSeconds: 3600, SettingTimeSeconds: 300},
		},
	}
}

func mustMapper(t testing.TB, opts Options, mopts ...MapperOption) *Mapper {
	t.Helper()
	m, err := NewMapper(opts, mopts...)
	if err != nil {
		t.Fatalf("NewMapper: %v", err)
	}
	return m
}

// cmpOpts compares SkyPlanner date-times by what they put on the wire.
var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b spapi.DateTime) bool { return a.String() == b.String() }),
}

// fieldErrors returns the *FieldErrors err is made of, and whether every
// leaf of err is one with a non-empty Path.
func fieldErrors(err error) ([]*FieldError, bool) {
	if err == nil {
		return nil, true
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*FieldError
		all := true
		for _, e := range j.Unwrap() {
			fes, ok := fieldErrors(e)
			out = append(out, fes...)
			all = all && ok
		}
		return out, all
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		return nil, false
	}
	return []*FieldError{fe}, fe.Path != ""
}

// paths returns the paths of err's field errors.
func paths(err error) []string {
	fes, _ := fieldErrors(err)
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Path)
	}
	return out
}

// dt is the wire form of a SkyPlanner date, "" when nil.
func dt(d *spapi.DateTime) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
