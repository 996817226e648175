// Package wiretime is the date-time both APIs put on the wire, less its
// encoding: each client package wraps Value in its own DateTime type that
// writes the form its service expects.
//
// Minimax writes wall-clock times without a zone; SkyPlanner writes RFC 3339
// with an offset but has been seen to take (and third-party code to send)
// naive "2006-01-02 15:04:05". A Value decodes all of these, remembers
// whether it had an offset, and tells an explicit null apart from an absent
// field.
package wiretime

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
)

// Value is a decoded date-time. The zero Value is absent.
type Value struct {
	t     time.Time
	state state
	zoned bool // the value carried an offset, so t is an instant
}

type state uint8

const (
	absent state = iota
	null
	set
)

// layouts are tried in order; each accepts optional fractional seconds.
var layouts = []struct {
	layout string
	zoned  bool
}{
	{"2006-01-02T15:04:05.999999999", false},
	{time.RFC3339Nano, true},
	{"2006-01-02 15:04:05.999999999", false},
	{"2006-01-02T15:04:05.999999999Z0700", true},
	{"2006-01-02 15:04:05.999999999Z07:00", true},
	{"2006-01-02", false},
}

// Of returns a Value holding the instant t.
func Of(t time.Time) Value { return Value{t: t, state: set, zoned: true} }

// Null returns an explicit null.
func Null() Value { return Value{state: null} }

// Parse reads any accepted form. The error names the value and the forms
// that would have been accepted.
func Parse(s string) (Value, error) {
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return Value{t: t, state: set, zoned: l.zoned}, nil
		}
	}
	return Value{}, &time.ParseError{Value: s, Layout: layouts[0].layout,
		Message: ": want a date-time such as 2020-03-25T10:32:42.14, 2025-06-05 22:00:00 or 2025-06-05T22:00:00+00:00"}
}

// Valid reports whether the value holds a time (it is neither absent nor null).
func (v Value) Valid() bool { return v.state == set }

// IsNull reports whether the value is an explicit null.
func (v Value) IsNull() bool { return v.state == null }

// IsZero reports whether the value is absent; encoding/json's omitzero uses it.
func (v Value) IsZero() bool { return v.state == absent }

// HasOffset reports whether the value is an instant (it had an offset, or
// was made from a time.Time) rather than a zone-less wall-clock reading.
func (v Value) HasOffset() bool { return v.zoned }

// Time returns the time held: an instant as it is, a zone-less reading as
// the same clock reading in UTC (use In to place it in its real zone). It is
// the zero time when the value is absent or null.
func (v Value) Time() time.Time {
	if !v.Valid() {
		return time.Time{}
	}
	return v.t
}

// In returns the value as a time in loc: an instant converted to loc, a
// zone-less reading read as a wall-clock time in loc.
func (v Value) In(loc *time.Location) time.Time {
	switch {
	case !v.Valid():
		return time.Time{}
	case v.zoned:
		return v.t.In(loc)
	}
	y, mo, d := v.t.Date()
	h, mi, s := v.t.Clock()
	return time.Date(y, mo, d, h, mi, s, v.t.Nanosecond(), loc)
}

// Equal reports whether both values are absent, both null, or both the
// same time read the same way (both instants, or both wall-clock readings).
func (v Value) Equal(o Value) bool {
	if v.state != o.state {
		return false
	}
	return v.state != set || (v.zoned == o.zoned && v.t.Equal(o.t))
}

// Format writes a valid value with layout, as the time's own wall clock.
func (v Value) Format(layout string) string { return v.t.Format(layout) }

// DecodeJSON decodes a JSON string in any accepted form, or null. A bad
// value is reported as a *json.UnmarshalTypeError of typ, so that
// encoding/json adds the name of the field it was decoding.
func DecodeJSON(b []byte, typ reflect.Type) (Value, error) {
	if bytes.Equal(b, []byte("null")) {
		return Null(), nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Value{}, &json.UnmarshalTypeError{Value: string(b), Type: typ}
	}
	v, err := Parse(s)
	if err != nil {
		return Value{}, &json.UnmarshalTypeError{Value: "string " + strconv.Quote(s), Type: typ}
	}
	return v, nil
}

// EncodeJSON writes a valid value as a JSON string in layout, and an absent
// or null one as null.
func EncodeJSON(v Value, layout string) []byte {
	if !v.Valid() {
		return []byte("null")
	}
	return strconv.AppendQuote(nil, v.t.Format(layout))
}

// EncodeText writes a valid value in layout; an absent or null one is empty.
func EncodeText(v Value, layout string) []byte {
	if !v.Valid() {
		return nil
	}
	return []byte(v.t.Format(layout))
}

// DecodeText decodes text in any accepted form; empty text is absent.
func DecodeText(b []byte) (Value, error) {
	if len(b) == 0 {
		return Value{}, nil
	}
	return Parse(string(b))
}
