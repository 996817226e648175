package api

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDateTimeDecodesEveryForm(t *testing.T) {
	t.Parallel()
	zagreb, err := time.LoadLocation("Europe/Zagreb")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	tests := []struct {
		in        string
		wantWire  string    // what MarshalJSON writes back
		wantIn    time.Time // the value read in Europe/Zagreb
		hasOffset bool
	}{
		{`"2020-01-01T00:00:00"`, `"2020-01-01T00:00:00"`, time.Date(2020, 1, 1, 0, 0, 0, 0, zagreb), false},
		{`"2020-03-25T10:32:42.14"`, `"2020-03-25T10:32:42.14"`, time.Date(2020, 3, 25, 10, 32, 42, 140e6, zagreb), false},
		{`"2020-03-25T10:32:42.213"`, `"2020-03-25T10:32:42.213"`, time.Date(2020, 3, 25, 10, 32, 42, 213e6, zagreb), false},
		{`"2020-01-01"`, `"2020-01-01T00:00:00"`, time.Date(2020, 1, 1, 0, 0, 0, 0, zagreb), false},
		{`"2020-01-01 08:30:00"`, `"2020-01-01T08:30:00"`, time.Date(2020, 1, 1, 8, 30, 0, 0, zagreb), false},
		// With an offset the value is an instant: converted, not reinterpreted.
		{`"2025-06-05T22:00:00+00:00"`, `"2025-06-05T22:00:00"`, time.Date(2025, 6, 6, 0, 0, 0, 0, zagreb), true},
		{`"2025-06-05T22:00:00Z"`, `"2025-06-05T22:00:00"`, time.Date(2025, 6, 6, 0, 0, 0, 0, zagreb), true},
		{`"2025-06-05T22:00:00.5+0200"`, `"2025-06-05T22:00:00.5"`, time.Date(2025, 6, 5, 22, 0, 0, 5e8, zagreb), true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var d DateTime
			if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if !d.Valid() || d.IsNull() || d.IsZero() {
				t.Fatalf("state: Valid=%v IsNull=%v IsZero=%v, want a value", d.Valid(), d.IsNull(), d.IsZero())
			}
			if d.HasOffset() != tt.hasOffset {
				t.Errorf("HasOffset = %v, want %v", d.HasOffset(), tt.hasOffset)
			}
			if got := d.In(zagreb); !got.Equal(tt.wantIn) {
				t.Errorf("In(Europe/Zagreb) = %v, want %v", got, tt.wantIn)
			}
			out, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.wantWire {
				t.Errorf("Marshal = %s, want %s", out, tt.wantWire)
			}
		})
	}
}

func TestDateTimeRejectsBadValues(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`"2020-13-01T00:00:00"`, `"yesterday"`, `""`, `20200101`, `true`, `"2020-01-01T25:00:00"`} {
		var d DateTime
		err := json.Unmarshal([]byte(in), &d)
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			t.Errorf("Unmarshal(%s) error = %v, want a *json.UnmarshalTypeError", in, err)
		}
		if d.Valid() {
			t.Errorf("Unmarshal(%s) left a value behind", in)
		}
	}
}

func TestDateTimeNullAndAbsent(t *testing.T) {
	t.Parallel()
	type record struct {
		Due  DateTime `json:"Due,omitzero"`
		Done DateTime `json:"Done,omitzero"`
	}
	var r record
	if err := json.Unmarshal([]byte(`{"Done":null}`), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Due.IsZero() || r.Due.IsNull() {
		t.Errorf("absent Due: IsZero=%v IsNull=%v, want absent", r.Due.IsZero(), r.Due.IsNull())
	}
	if !r.Done.IsNull() || r.Done.IsZero() || r.Done.Valid() {
		t.Errorf("null Done: IsNull=%v IsZero=%v Valid=%v, want null", r.Done.IsNull(), r.Done.IsZero(), r.Done.Valid())
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"Done":null}` {
		t.Errorf("re-encoded %s, want the null kept and the absent field left out", out)
	}
	r.Due = NewDateTime(time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC))
	r.Done = DateTime{}
	out, _ = json.Marshal(r)
	if string(out) != `{"Due":"2026-02-01T09:00:00"}` {
		t.Errorf("encoded %s", out)
	}
	if !NullDateTime().Time().IsZero() || NullDateTime().String() != "null" || (DateTime{}).String() != "" {
		t.Error("null or absent DateTime reports a time")
	}
}

func TestDateTimeErrorNamesTheField(t *testing.T) {
	t.Parallel()
	var o Order
	err := json.Unmarshal([]byte(`{"OrderRows":[{"RecordDtModified":"2020-02-30"}]}`), &o)
	if err == nil {
		t.Fatal("an impossible date decoded")
	}
	if !strings.Contains(err.Error(), "RecordDtModified") || !strings.Contains(err.Error(), `"2020-02-30"`) {
		t.Errorf("error %q does not name the field and the value", err)
	}
}

func TestDateTimeText(t *testing.T) {
	t.Parallel()
	var d DateTime
	if err := d.UnmarshalText([]byte("2026-11-24T08:15:00")); err != nil {
		t.Fatal(err)
	}
	b, _ := d.MarshalText()
	if string(b) != "2026-11-24T08:15:00" {
		t.Errorf("MarshalText = %q", b)
	}
	if err := d.UnmarshalText([]byte("24.11.2026")); err == nil {
		t.Error("UnmarshalText accepted a non-ISO date")
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("empty text: err=%v IsZero=%v, want absent", err, d.IsZero())
	}
	if b, _ := NullDateTime().MarshalText(); len(b) != 0 {
		t.Errorf("null MarshalText = %q, want empty", b)
	}
}

func TestDateTimeEqual(t *testing.T) {
	t.Parallel()
	a, _ := ParseDateTime("2020-03-25T10:32:42.14")
	b, _ := ParseDateTime("2020-03-25 10:32:42.140")
	zoned, _ := ParseDateTime("2020-03-25T10:32:42.14Z")
	for _, tt := range []struct {
		x, y DateTime
		want bool
	}{
		{a, b, true},
		{a, zoned, false}, // the same clock reading, but one is an instant
		{DateTime{}, DateTime{}, true},
		{NullDateTime(), NullDateTime(), true},
		{NullDateTime(), DateTime{}, false},
		{a, DateTime{}, false},
	} {
		if got := tt.x.Equal(tt.y); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
	// go-cmp compares whole records through Equal, with no options.
	o1, o2 := Order{Date: a, DueDate: NullDateTime()}, Order{Date: b, DueDate: NullDateTime()}
	if diff := cmp.Diff(o1, o2); diff != "" {
		t.Errorf("equal orders differ:\n%s", diff)
	}
	if cmp.Equal(o1, Order{Date: a}) {
		t.Error("a null DueDate compared equal to an absent one")
	}
}
