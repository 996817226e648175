package api

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// jsonEqual compares two JSON documents by meaning, not by bytes.
func jsonEqual(t *testing.T, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("bad want JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("bad got JSON: %v\n%s", err, got)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("JSON differs (-want +got):\n%s", diff)
	}
}

func TestRecordsKeepUnknownFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		decode func([]byte) ([]byte, error)
	}{
		{"order", `{"id":7,"number":"2020-1","production_planning_customer_id":3,
			"delivery_date":"2026-02-01T12:00:00+01:00","priority":{"level":2,"tags":["rush"]},
			"custom_big_id":9007199254740993,"is_archive":false}`, roundTrip[Order]},
		{"order row", `{"id":11,"phaser_order_id":7,"amount":12.5,"status":"started","unit_price":"4.20","notes":null}`, roundTrip[OrderRow]},
		{"job", `{"id":21,"phaser_workstage_id":4,"workstations":"61,62,63","color":"#ff0000"}`, roundTrip[Job]},
		{"workstage", `{"id":4,"name":"Rezanje","workstations":"61","capacity":{"shifts":2}}`, roundTrip[Workstage]},
		{"product", `{"id":22220,"type":"product","is_active":true,"free_amount":0,"ean":"3830000000001"}`, roundTrip[Product]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := tt.decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			jsonEqual(t, []byte(tt.in), out)
		})
	}
}

func roundTrip[T any](in []byte) ([]byte, error) {
	var v T
	if err := json.Unmarshal(in, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func TestUnknownFieldsSurviveAnEdit(t *testing.T) {
	t.Parallel()
	var o Order
	if err := json.Unmarshal([]byte(`{"id":7,"number":"A-1","priority":3}`), &o); err != nil {
		t.Fatal(err)
	}
	n := "A-2"
	o.Number = &n
	out, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, []byte(`{"id":7,"number":"A-2","priority":3}`), out)
}

func TestBothDateFormsDecode(t *testing.T) {
	t.Parallel()
	want := time.Date(2025, 6, 5, 22, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ in, wire string }{
		{`"2025-06-05T22:00:00+00:00"`, `"2025-06-05T22:00:00+00:00"`},
		{`"2025-06-05T22:00:00Z"`, `"2025-06-05T22:00:00+00:00"`},
		{`"2025-06-06T00:00:00+02:00"`, `"2025-06-06T00:00:00+02:00"`},
		{`"2025-06-05 22:00:00"`, `"2025-06-05 22:00:00"`},
	} {
		var row OrderRow
		if err := json.Unmarshal([]byte(`{"delivery_date":`+tt.in+`}`), &row); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := row.DeliveryDate.In(time.UTC); !got.Equal(want) {
			t.Errorf("%s decoded as %v, want %v", tt.in, got, want)
		}
		out, _ := json.Marshal(row.DeliveryDate)
		if string(out) != tt.wire {
			t.Errorf("%s re-encoded as %s, want %s", tt.in, out, tt.wire)
		}
	}
}

func TestBadFieldIsNamed(t *testing.T) {
	t.Parallel()
	for in, field := range map[string]string{
		`{"delivery_date":"5.6.2025"}`: "delivery_date",
		`{"amount":"a dozen"}`:         "amount",
		`{"workstations":"61,x"}`:      "workstations",
	} {
		var row OrderRow
		var job Job
		err := json.Unmarshal([]byte(in), &row)
		if field == "workstations" {
			err = json.Unmarshal([]byte(in), &job)
		}
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("decoding %s: error %v does not name %s", in, err, field)
		}
	}
}

func TestEnvelopeAndBareFormsDecode(t *testing.T) {
	t.Parallel()
	wantOrder := Order{ID: new(int64(7)), Number: new("2020-1")}
	for _, body := range []string{
		`{"phaser-order":{"id":7,"number":"2020-1"}}`,
		`{"id":7,"number":"2020-1"}`,
		"  \n{\"phaser-order\":{\"id\":7,\"number\":\"2020-1\"}}\n",
	} {
		got, err := DecodeOne[Order]([]byte(body), "phaser-order")
		if err != nil {
			t.Fatalf("DecodeOne(%s): %v", body, err)
		}
		if diff := cmp.Diff(wantOrder, got); diff != "" {
			t.Errorf("DecodeOne(%s) (-want +got):\n%s", body, diff)
		}
	}
	// A bare record with more than the key is not mistaken for an envelope.
	got, err := DecodeOne[Workstation]([]byte(`{"id":5,"workstation":"legacy name"}`), "workstation")
	if err != nil || *got.ID != 5 {
		t.Errorf("bare record with a member named like the key: %+v, %v", got, err)
	}

	for _, body := range []string{
		`{"phaser-orders":[{"id":1},{"id":2}]}`,
		`[{"id":1},{"id":2}]`,
	} {
		list, err := DecodeList[Order]([]byte(body), "phaser-orders")
		if err != nil || len(list) != 2 || *list[1].ID != 2 {
			t.Errorf("DecodeList(%s) = %+v, %v", body, list, err)
		}
	}
	for _, empty := range []string{`{"phaser-orders":[]}`, `[]`, ` {"total":0, "phaser-orders": [ ] } `} {
		if list, err := DecodeList[Order]([]byte(empty), "phaser-orders"); err != nil || list == nil || len(list) != 0 {
			t.Errorf("DecodeList(%s) = %#v, %v; want an empty list", empty, list, err)
		}
	}
	if list, err := DecodeList[Order]([]byte(`{"phaser-orders":[{"id":1}],"total":1}`), "phaser-orders"); err != nil || len(list) != 1 {
		t.Errorf("an envelope with a count: %v, %v", list, err)
	}
	for _, bad := range []string{``, `{"phaser-orders":`, `{"phaser-orders":{"id":1}}`, `"text"`} {
		if _, err := DecodeList[Order]([]byte(bad), "phaser-orders"); err == nil {
			t.Errorf("DecodeList(%q) succeeded, want an error", bad)
		}
	}

	// The generated envelope types decode the enveloped form too.
	var env OrderEnvelope
	if err := json.Unmarshal([]byte(`{"phaser-order":{"id":7,"number":"2020-1"}}`), &env); err != nil || *env.PhaserOrder.ID != 7 {
		t.Errorf("OrderEnvelope: %+v, %v", env, err)
	}
}
