package mapping

import (
	"errors"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	mmapi "github.com/planbridge/planbridge/minimax/api"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// mapBase maps the base order after change, with opts.
func mapBase(t *testing.T, opts Options, change func(o *mmapi.Order)) (Plan, error) {
	t.Helper()
	o := baseOrder(t)
	if change != nil {
		change(&o)
	}
	return mustMapper(t, opts).MapOrder(testOrg, o)
}

// checkErr checks that err has exactly the paths want, each of kind.
func checkErr(t *testing.T, err error, kind error, want ...string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("errors.As(%v, *FieldError) = false", err)
	}
}

func TestCustomer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		change   func(o *mmapi.Order)
		want     spapi.Customer
		wantPath string
	}{
		{name: "name printed on the order", change: func(o *mmapi.Order) { o.CustomerName = new(" Kovina d.o.o. Zagreb ") },
			want: spapi.Customer{ExternalID: new("minimax:3840:customer:399631"), Name: new("Kovina d.o.o. Zagreb"), Address: new("Ilica 12"), PostalCode: new("10000"), City: new("Zagreb"), Country: new("HR")}},
		{name: "name of the reference when CustomerName absent", change: func(o *mmapi.Order) { o.CustomerName = nil },
			want: spapi.Customer{ExternalID: new("minimax:3840:customer:399631"), Name: new("Kovina d.o.o."), Address: new("Ilica 12"), PostalCode: new("10000"), City: new("Zagreb"), Country: new("HR")}},
		{name: "name of the reference when CustomerName blank", change: func(o *mmapi.Order) { o.CustomerName = new("  ") },
			want: spapi.Customer{ExternalID: new("minimax:3840:customer:399631"), Name: new("Kovina d.o.o."), Address: new("Ilica 12"), PostalCode: new("10000"), City: new("Zagreb"), Country: new("HR")}},
		{name: "no name and no address", change: func(o *mmapi.Order) {
			o.CustomerName, o.Customer.Name, o.CustomerAddress, o.CustomerPostalCode, o.CustomerCity, o.CustomerCountry = nil, nil, nil, nil, new(" "), nil
		}, want: spapi.Customer{ExternalID: new("minimax:3840:customer:399631")}},
		{name: "country name printed on the order wins over the reference", change: func(o *mmapi.Order) { o.CustomerCountryName = new("Republika Hrvatska") },
			want: spapi.Customer{ExternalID: new("minimax:3840:customer:399631"), Name: new("Kovina d.o.o."),
				Address: new("Ilica 12"), PostalCode: new("10000"), City: new("Zagreb"), Country: new("Republika Hrvatska")}},
		{name: "nil customer", change: func(o *mmapi.Order) { o.Customer = nil }, wantPath: "Customer"},
		{name: "customer without ID", change: func(o *mmapi.Order) { o.Customer.ID = nil }, wantPath: "Customer.ID"},
		{name: "customer ID zero", change: func(o *mmapi.Order) { o.Customer.ID = new(int64(0)) }, wantPath: "Customer.ID"},
		{name: "customer ID negative", change: func(o *mmapi.Order) { o.Customer.ID = new(int64(-7)) }, wantPath: "Customer.ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, Options{}, tt.change)
			if tt.wantPath != "" {
				checkErr(t, err, ErrMissingReference, tt.wantPath)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got.Customer, cmpOpts); diff != "" {
				t.Errorf("Customer (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOrderNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		opts      Options
		change    func(o *mmapi.Order)
		want      string // number; external_order_number is always "2026-42"
		wantPaths []string
	}{
		{name: "year and number", want: "2026-42"},
		{name: "prefix", opts: Options{NumberPrefix: "MM-"}, want: "MM-2026-42"},
		{name: "missing year", change: func(o *mmapi.Order) { o.Year = nil }, wantPaths: []string{"Year"}},
		{name: "missing number", change: func(o *mmapi.Order) { o.Number = nil }, wantPaths: []string{"Number"}},
		{name: "both missing", change: func(o *mmapi.Order) { o.Year, o.Number = nil, nil }, wantPaths: []string{"Year", "Number"}},
		{name: "zero year", change: func(o *mmapi.Order) { o.Year = new(int32(0)) }, wantPaths: []string{"Year"}},
		{name: "negative number", change: func(o *mmapi.Order) { o.Number = new(int32(-1)) }, wantPaths: []string{"Number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, tt.opts, tt.change)
			if tt.wantPaths != nil {
				checkErr(t, err, ErrBadNumber, tt.wantPaths...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n, ext := deref.Of(got.Order.Number), deref.Of(got.Order.ExternalOrderNumber); n != tt.want || ext != "2026-42" {
				t.Errorf("number, external_order_number = %q, %q; want %q, %q", n, ext, tt.want, "2026-42")
			}
		})
	}
}

// TestNumberNeverHasSlash: whatever the year and number, and whatever
// prefix NewMapper accepts, the number SkyPlanner gets has no "/".
func TestNumberNeverHasSlash(t *testing.T) {
	t.Parallel()
	for _, prefix := range []string{"", "MM-", "2026/", "/"} {
		m, err := NewMapper(Options{NumberPrefix: prefix})
		if strings.Contains(prefix, "/") {
			if !errors.Is(err, ErrBadOption) || cmp.Diff([]string{"Options.NumberPrefix"}, paths(err)) != "" {
				t.Errorf("NewMapper(prefix %q): err = %v, want Options.NumberPrefix: ErrBadOption", prefix, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, yn := range [][2]int32{{1, 1}, {2020, 1}, {math.MaxInt32, math.MaxInt32}, {9999, 100000}} {
			o := baseOrder(t)
			o.Year, o.Number = &yn[0], &yn[1]
			p, err := m.MapOrder(testOrg, o)
			if err != nil {
				t.Fatal(err)
			}
			if n := deref.Of(p.Order.Number); n == "" || strings.Contains(n, "/") {
				t.Errorf("number for %v with prefix %q = %q", yn, prefix, n)
			}
		}
	}
	// The last line of defence, should a prefix ever get past NewMapper.
	var ps problems
	if _, ok := prefixedNumber("A/", "2020-1", &ps); ok || !errors.Is(ps.err(), ErrBadNumber) {
		t.Errorf("prefixedNumber with a slash: ok = %v, err = %v", ok, ps.err())
	}
}

func TestOrderID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		change   func(o *mmapi.Order)
		want     string
		kind     error
		wantPath []string
	}{
		{name: "OrderId", want: "minimax:3840:order:7870"},
		{name: "from the rows when OrderId absent", change: func(o *mmapi.Order) { o.OrderID = nil }, want: "minimax:3840:order:7870"},
		{name: "rows without back-reference", change: func(o *mmapi.Order) {
			for i := range *o.OrderRows {
				(*o.OrderRows)[i].Order = nil
			}
		}, want: "minimax:3840:order:7870"},
		{name: "no ID anywhere", change: func(o *mmapi.Order) {
			o.OrderID = nil
			for i := range *o.OrderRows {
				(*o.OrderRows)[i].Order = nil
			}
		}, kind: ErrMissingField, wantPath: []string{"OrderId"}},
		{name: "OrderId zero", change: func(o *mmapi.Order) { o.OrderID = new(int64(0)) }, kind: ErrMissingField, wantPath: []string{"OrderId"}},
		{name: "row of another order", change: func(o *mmapi.Order) { (*o.OrderRows)[1].Order.ID = new(int64(9999)) },
			kind: ErrInconsistent, wantPath: []string{"OrderRows[1].Order.ID"}},
		{name: "rows disagree without OrderId", change: func(o *mmapi.Order) {
			o.OrderID = nil
			(*o.OrderRows)[1].Order.ID = new(int64(9999))
		}, kind: ErrInconsistent, wantPath: []string{"OrderRows[1].Order.ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, Options{}, tt.change)
			if tt.kind != nil {
				checkErr(t, err, tt.kind, tt.wantPath...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id := deref.Of(got.Order.ExternalID); id != tt.want {
				t.Errorf("Order.ExternalID = %q, want %q", id, tt.want)
			}
		})
	}
}

func TestDescription(t *testing.T) {
	t.Parallel()
	tests := []struct {
		reference, notes *string
		want             *string
	}{
		{new("NAR-118"), new("Isporuka na paleti."), new("NAR-118\n\nIsporuka na paleti.")},
		{new("NAR-118"), nil, new("NAR-118")},
		{nil, new(" Hitno "), new("Hitno")},
		{new(""), new("  "), nil},
		{nil, nil, nil},
	}
	for _, tt := range tests {
		got, err := mapBase(t, Options{}, func(o *mmapi.Order) { o.Reference, o.Notes = tt.reference, tt.notes })
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got.Order.Description); diff != "" {
			t.Errorf("Reference %v, Notes %v: description (-want +got):\n%s", deref.Of(tt.reference), deref.Of(tt.notes), diff)
		}
	}
}

func TestDueDate(t *testing.T) {
	t.Parallel()
	null := mmapi.NullDateTime()
	tests := []struct {
		name     string
		location string
		due      *string // nil: absent
		null     bool
		want     string // the wire form on order and rows; "" for none
	}{
		{name: "absent", want: ""},
		{name: "null", null: true, want: ""},
		{name: "winter", due: new("2020-02-01T00:00:00"), want: "2020-02-01T00:00:00+01:00"},
		{name: "summer", due: new("2026-07-15T00:00:00"), want: "2026-07-15T00:00:00+02:00"},
		{name: "fraction and bare date", due: new("2026-07-15"), want: "2026-07-15T00:00:00+02:00"},
		{name: "skipped hour moves forward", due: new("2026-03-29T02:30:00"), want: "2026-03-29T03:30:00+02:00"},
		{name: "repeated hour is the first", due: new("2026-10-25T02:30:00"), want: "2026-10-25T02:30:00+02:00"},
		{name: "just after the repeat", due: new("2026-10-25T03:00:00"), want: "2026-10-25T03:00:00+01:00"},
		{name: "with an offset is that instant", due: new("2026-06-01T10:00:00Z"), want: "2026-06-01T12:00:00+02:00"},
		{name: "other location", location: "Europe/Helsinki", due: new("2026-06-05T00:00:00"), want: "2026-06-05T00:00:00+03:00"},
		{name: "UTC", location: "UTC", due: new("2026-06-05T08:00:00"), want: "2026-06-05T08:00:00+00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, Options{Location: tt.location}, func(o *mmapi.Order) {
				switch {
				case tt.null:
					o.DueDate = null
				case tt.due == nil:
					o.DueDate = mmapi.DateTime{}
				default:
					d, err := mmapi.ParseDateTime(*tt.due)
					if err != nil {
						t.Fatal(err)
					}
					o.DueDate = d
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if d := dt(got.Order.DeliveryDate); d != tt.want {
				t.Errorf("Order.DeliveryDate = %q, want %q", d, tt.want)
			}
			for i, r := range got.Rows {
				if d := dt(r.Row.DeliveryDate); d != tt.want {
					t.Errorf("Rows[%d].Row.DeliveryDate = %q, want %q", i, d, tt.want)
				}
				if tt.want != "" && r.Row.DeliveryDate == got.Order.DeliveryDate {
					t.Errorf("Rows[%d] shares the order's DeliveryDate pointer", i)
				}
			}
		})
	}
}

func TestQuantity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		q       *float64
		wantMsg string // "" when valid
	}{
		{new(5.0), ""},
		{new(0.25), ""},
		{new(1e300), ""},
		{nil, "OrderRows[1].Quantity: missing"},
		{new(0.0), "OrderRows[1].Quantity: must be positive, got 0"},
		{new(-1.0), "OrderRows[1].Quantity: must be positive, got -1"},
		{new(math.NaN()), "OrderRows[1].Quantity: must be a finite positive number, got NaN"},
		{new(math.Inf(1)), "OrderRows[1].Quantity: must be a finite positive number, got +Inf"},
		{new(math.Inf(-1)), "OrderRows[1].Quantity: must be a finite positive number, got -Inf"},
	}
	for _, tt := range tests {
		name := "nil"
		if tt.q != nil {
			name = fmt.Sprint(*tt.q)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, Options{}, func(o *mmapi.Order) { (*o.OrderRows)[1].Quantity = tt.q })
			if tt.wantMsg == "" {
				if err != nil {
					t.Fatal(err)
				}
				if a, oa := deref.Of(got.Rows[1].Row.Amount), deref.Of(got.Rows[1].Row.OrderedAmount); a != *tt.q || oa != *tt.q {
					t.Errorf("amount, ordered_amount = %v, %v; want %v", a, oa, *tt.q)
				}
				return
			}
			checkErr(t, err, ErrBadQuantity, "OrderRows[1].Quantity")
			if err.Error() != tt.wantMsg {
				t.Errorf("message = %q, want %q", err, tt.wantMsg)
			}
		})
	}
}

func TestRowFields(t *testing.T) {
	t.Parallel()
	got, err := mapBase(t, Options{UseCustomMaterials: true}, func(o *mmapi.Order) {
		(*o.OrderRows)[1].Item.Name = nil          // the product is named by ItemName then
		(*o.OrderRows)[1].ItemCode = new("  ")     // a blank code is no code
		(*o.OrderRows)[1].UnitOfMeasurement = nil  // and an absent unit no unit
		(*o.OrderRows)[1].Description = new(" x ") // trimmed
	})
	if err != nil {
		t.Fatal(err)
	}
	due := spapi.NewDateTime(mustTime(t, "2026-04-15T00:00:00+02:00"))
	want := []RowPlan{{
		Product: spapi.Product{ExternalID: new("minimax:3840:item:501"), Code: new("NZ-40"), Name: new("Nosač NZ-40"),
			Unit: new("kom"), Type: new(spapi.ProductTypeProduct), IsActive: new(true)},
		Row: spapi.OrderRow{ExternalID: new("minimax:3840:row:1001"), RowIndex: new(int32(1)), Amount: new(120.0), OrderedAmount: new(120.0),
			Description: new("Pocinčano, pakirano po 20"), DeliveryDate: &due, IsProspect: new(false),
			GetDefaultSteps: new(true), UseCustomMaterials: new(true)},
	}, {
		Product: spapi.Product{ExternalID: new("minimax:3840:item:502"), Name: new("Ploča P-2"),
			Type: new(spapi.ProductTypeProduct), IsActive: new(true)},
		Row: spapi.OrderRow{ExternalID: new("minimax:3840:row:1002"), RowIndex: new(int32(2)), Amount: new(10.0), OrderedAmount: new(10.0),
			Description: new("x"), DeliveryDate: &due, IsProspect: new(false),
			GetDefaultSteps: new(true), UseCustomMaterials: new(true)},
	}}
	if diff := cmp.Diff(want, got.Rows, cmpOpts); diff != "" {
		t.Errorf("Rows (-want +got):\n%s", diff)
	}
	if got.Workstages != nil {
		t.Errorf("Workstages = %v, want none without routing", got.Workstages)
	}
}

func TestRowProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(o *mmapi.Order)
		kind   error
		paths  []string
	}{
		{name: "rows absent", change: func(o *mmapi.Order) { o.OrderRows = nil }, kind: ErrMissingField, paths: []string{"OrderRows"}},
		{name: "nil item", change: func(o *mmapi.Order) { (*o.OrderRows)[0].Item = nil }, kind: ErrMissingReference, paths: []string{"OrderRows[0].Item"}},
		{name: "item without ID", change: func(o *mmapi.Order) { (*o.OrderRows)[0].Item.ID = nil }, kind: ErrMissingReference, paths: []string{"OrderRows[0].Item.ID"}},
		{name: "item ID zero", change: func(o *mmapi.Order) { (*o.OrderRows)[1].Item.ID = new(int64(0)) }, kind: ErrMissingReference, paths: []string{"OrderRows[1].Item.ID"}},
		{name: "row without ID", change: func(o *mmapi.Order) { (*o.OrderRows)[1].OrderRowID = nil }, kind: ErrMissingField, paths: []string{"OrderRows[1].OrderRowId"}},
		{name: "row ID negative", change: func(o *mmapi.Order) { (*o.OrderRows)[1].OrderRowID = new(int64(-3)) }, kind: ErrMissingField, paths: []string{"OrderRows[1].OrderRowId"}},
		{name: "two rows with one ID", change: func(o *mmapi.Order) { (*o.OrderRows)[1].OrderRowID = new(int64(1001)) }, kind: ErrInconsistent, paths: []string{"OrderRows[1].OrderRowId"}},
		{name: "every problem of every row", change: func(o *mmapi.Order) {
			o.Customer = nil
			(*o.OrderRows)[0].Item = nil
			(*o.OrderRows)[0].Quantity = new(-2.0)
			(*o.OrderRows)[1].Quantity = nil
		}, kind: ErrBadQuantity, paths: []string{"Customer", "OrderRows[0].Item", "OrderRows[0].Quantity", "OrderRows[1].Quantity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := mapBase(t, Options{}, tt.change)
			checkErr(t, err, tt.kind, tt.paths...)
			if diff := cmp.Diff(Plan{}, got, cmpOpts); diff != "" {
				t.Errorf("a failed mapping returned a plan:\n%s", diff)
			}
		})
	}
}

func TestEmptyRows(t *testing.T) {
	t.Parallel()
	got, err := mapBase(t, Options{}, func(o *mmapi.Order) { o.OrderRows = &[]mmapi.OrderRow{} })
	if err != nil || got.Action != ActionUpsert || got.Rows != nil || got.Order.ExternalID == nil {
		t.Errorf("order with no rows = %+v, %v; want an upsert of the order alone", got, err)
	}
}

// TestErrorMessage is the message the issue asks for, and the ways to take
// it apart.
func TestErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := mapBase(t, Options{}, func(o *mmapi.Order) {
		rows := *o.OrderRows
		r := rows[1]
		for i := 3; i <= 4; i++ {
			r.OrderRowID = new(int64(1000 + i))
			rows = append(rows, r)
		}
		rows[3].Quantity = new(-1.0)
		o.OrderRows = &rows
	})
	if got, want := err.Error(), "OrderRows[3].Quantity: must be positive, got -1"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Path != "OrderRows[3].Quantity" || !errors.Is(fe, ErrBadQuantity) || errors.Is(err, ErrBadNumber) {
		t.Errorf("errors.As/Is on %v: %+v", err, fe)
	}
	if got := (&FieldError{Path: "X"}).Error(); got != "X: invalid" {
		t.Errorf("FieldError without Err = %q", got)
	}
}
