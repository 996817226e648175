package minimax_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/vendordoc"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// sentBodies records the bodies of the writes that pass through it.
type sentBodies struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen []string // "POST {...}"
}

func (s *sentBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		if r.Body != nil && r.GetBody != nil {
			b, err := r.GetBody()
			if err != nil {
				return nil, err
			}
			body, _ := io.ReadAll(b)
			s.mu.Lock()
			s.seen = append(s.seen, r.Method+" "+string(body))
			s.mu.Unlock()
		}
	}
	return s.next.RoundTrip(r)
}

func (s *sentBodies) last(t *testing.T, method string) map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.seen) - 1; i >= 0; i-- {
		if body, ok := strings.CutPrefix(s.seen[i], method+" "); ok && body != "" {
			var m map[string]any
			if err := json.Unmarshal([]byte(body), &m); err != nil {
				t.Fatal(err)
			}
			return m
		}
	}
	t.Fatalf("no %s with a body was sent", method)
	return nil
}

// vendorChecked is a client of a fake whose every request and answer is
// checked against the vendor's document, as sent on the wire.
type vendorChecked struct {
	srv     *minimaxtest.Server
	c       *minimax.Client
	sent    *sentBodies
	mu      sync.Mutex
	refused []string
}

func newVendorChecked(t *testing.T) *vendorChecked {
	t.Helper()
	doc, err := vendordoc.Load("/SI/API")
	if err != nil {
		t.Fatal(err)
	}
	v := &vendorChecked{srv: minimaxtest.NewServer(t, minimaxtest.WithDemoData())}
	v.sent = &sentBodies{next: http.DefaultTransport}
	checker := doc.Transport("/SI/API", v.sent, func(err error) {
		v.mu.Lock()
		defer v.mu.Unlock()
		v.refused = append(v.refused, err.Error())
	})
	v.c, err = minimax.New(append(v.srv.ClientOptions(), minimax.WithHTTPClient(&http.Client{Transport: checker}))...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// takeRefused returns and forgets what the vendor's document refused.
func (v *vendorChecked) takeRefused() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	r := v.refused
	v.refused = nil
	return r
}

// vendorExample is the example order of the vendor's Order help page, with
// the demo data's currency (the example's HRK is not in it).
func vendorExample(t *testing.T) minimax.Order {
	t.Helper()
	src, err := os.ReadFile("api/testdata/order-seed.json")
	if err != nil {
		t.Fatal(err)
	}
	var o minimax.Order
	if err := json.Unmarshal(src, &o); err != nil {
		t.Fatal(err)
	}
	o.Currency.ID = new(int64(7))
	return o
}

// everyReference is an order with every reference set, name and URL
// included as a read gives them, and every date null.
func everyReference(t *testing.T) minimax.Order {
	t.Helper()
	ref := func(id int64) *minimax.FkField {
		return &minimax.FkField{ID: &id, Name: new("read"), ResourceURL: new("/api/orgs/3840/x/1")}
	}
	o := minimax.Order{ReceivedIssued: new(string(minimax.Received)), Date: api.NewDateTime(minimaxtestDate()),
		OrderRows: &[]minimax.OrderRow{{Quantity: new(1.0)}}}
	fill := func(v reflect.Value) {
		for i := range v.NumField() {
			f := v.Field(i)
			switch f.Type() {
			case reflect.TypeFor[*minimax.FkField]():
				f.Set(reflect.ValueOf(ref(1)))
			case reflect.TypeFor[minimax.DateTime]():
				if f.Interface().(minimax.DateTime).IsZero() {
					f.Set(reflect.ValueOf(api.NullDateTime()))
				}
			}
		}
	}
	fill(reflect.ValueOf(&o).Elem())
	fill(reflect.ValueOf(&(*o.OrderRows)[0]).Elem())
	// References the fake checks must exist.
	o.Customer, o.Currency, (*o.OrderRows)[0].Item = ref(399631), ref(7), ref(384501)
	return o
}

func minimaxtestDate() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }

// nullsEverywhere is an order as a JSON reader may hold it: null dates and
// null references.
func nullsEverywhere(t *testing.T) minimax.Order {
	t.Helper()
	var o minimax.Order
	err := json.Unmarshal([]byte(`{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","DueDate":null,
		"DateConfirmed":null,"DateCompleted":null,"DateCanceled":null,"RecordDtModified":null,
		"Customer":{"ID":399631},"Currency":{"ID":7},"Analytic":null,"RecipientCountry":null,
		"OrderRows":[{"Item":{"ID":384501},"Quantity":2,"Warehouse":null,"RecordDtModified":null}]}`), &o)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestWritesMatchTheVendorDocument sends orders of every provenance through
// CreateOrder and UpdateOrder and holds each request, as sent, to the
// vendor's document: no read-only field, no null it forbids.
func TestWritesMatchTheVendorDocument(t *testing.T) {
	t.Parallel()
	v := newVendorChecked(t)
	ctx := t.Context()

	for name, o := range map[string]minimax.Order{
		"the vendor's example": vendorExample(t),
		"every reference set":  everyReference(t),
		"null dates and nulls": nullsEverywhere(t),
		"a read order copied":  func() minimax.Order { o, _ := v.c.GetOrder(ctx, 7870); o.OrderID = nil; return o }(),
		"a minimal order":      {ReceivedIssued: new(string(minimax.Received)), Date: api.NewDateTime(minimaxtestDate()), Customer: &minimax.FkField{ID: new(int64(399631))}, Currency: &minimax.FkField{ID: new(int64(7))}},
	} {
		before := snapshot(t, o)
		id, err := v.c.CreateOrder(ctx, o)
		if err != nil {
			t.Errorf("create %s: %v", name, err)
			continue
		}
		if diff := cmp.Diff(before, snapshot(t, o)); diff != "" {
			t.Errorf("create %s changed the caller's order (-before +after):\n%s", name, diff)
		}
		sent := v.sent.last(t, http.MethodPost)
		for _, row := range rowsOf(sent) {
			for _, k := range []string{"OrderRowId", "RowVersion", "Order"} {
				if _, ok := row[k]; ok {
					t.Errorf("create %s sent a row's %s: %v", name, k, row)
				}
			}
		}
		if _, ok := sent["RowVersion"]; ok {
			t.Errorf("create %s sent a RowVersion", name)
		}

		read, err := v.c.GetOrder(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		before = snapshot(t, read)
		if err := v.c.UpdateOrder(ctx, read); err != nil {
			t.Errorf("update %s as read back: %v", name, err)
		}
		if diff := cmp.Diff(before, snapshot(t, read)); diff != "" {
			t.Errorf("update %s changed the caller's order (-before +after):\n%s", name, diff)
		}
		sent = v.sent.last(t, http.MethodPut)
		if sent["OrderId"] != float64(id) || sent["RowVersion"] != *read.RowVersion {
			t.Errorf("update %s sent OrderId %v, RowVersion %v; want %d, %s", name, sent["OrderId"], sent["RowVersion"], id, *read.RowVersion)
		}
		for i, row := range rowsOf(sent) {
			want := (*read.OrderRows)[i]
			if row["OrderRowId"] != float64(*want.OrderRowID) || row["RowVersion"] != *want.RowVersion {
				t.Errorf("update %s row %d sent %v, want its OrderRowId %d and RowVersion %s", name, i, row, *want.OrderRowID, *want.RowVersion)
			}
		}
	}
	for _, r := range v.takeRefused() {
		t.Error(r)
	}

	// The check is real: the document refuses what a write must not send.
	org := v.srv.Organisation()
	for name, body := range map[string]string{
		"Status":          `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Customer":{"ID":399631},"Currency":{"ID":7},"Status":"O"}`,
		"a reference URL": `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Customer":{"ID":399631,"ResourceUrl":"/x"},"Currency":{"ID":7}}`,
		"a null date":     `{"ReceivedIssued":"P","Date":"2026-11-24T00:00:00","Customer":{"ID":399631},"Currency":{"ID":7},"DueDate":null}`,
	} {
		if _, err := v.c.API().AddOrderWithBodyWithResponse(ctx, org, "application/json", strings.NewReader(body)); err != nil {
			t.Fatal(err)
		}
		if refused := v.takeRefused(); len(refused) != 1 {
			t.Errorf("sending %s: the vendor's document refused %q, want one refusal", name, refused)
		}
	}
}

// snapshot is o as JSON, to see whether anything changed it.
func snapshot(t *testing.T, o minimax.Order) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func rowsOf(order map[string]any) []map[string]any {
	list, _ := order["OrderRows"].([]any)
	rows := make([]map[string]any, len(list))
	for i, r := range list {
		rows[i], _ = r.(map[string]any)
	}
	return rows
}
