package api

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
)

// DateTime is a Minimax date-time.
//
// The service writes wall-clock times without a zone ("2020-01-01T00:00:00",
// "2020-03-25T10:32:42.14"), which time.Time cannot decode. DateTime decodes
// those, a bare date, a space instead of the T, and any RFC 3339 form with an
// offset. It encodes the zone-less form the service expects, with as many
// fractional digits as needed.
//
// A DateTime also remembers whether the field was absent or null: the zero
// value is absent and is left out when encoding (the generated structs tag
// date-time fields omitzero), NullDateTime encodes as null, and a decoded
// null stays null. That lets an update clear a date without the other
// absent dates being sent as null.
type DateTime struct {
	t     time.Time
	state dateTimeState
	zoned bool // the value carried an offset, so t is an instant
}

type dateTimeState uint8

const (
	dateTimeAbsent dateTimeState = iota
	dateTimeNull
	dateTimeSet
)

// wireLayout is the form the service writes and expects.
const wireLayout = "2006-01-02T15:04:05.999999999"

// parseLayouts are tried in order; each one also accepts fractional seconds.
var parseLayouts = []struct {
	layout string
	zoned  bool
}{
	{wireLayout, false},
	{time.RFC3339Nano, true},
	{"2006-01-02 15:04:05.999999999", false},
	{"2006-01-02T15:04:05.999999999Z0700", true},
	{"2006-01-02", false},
}

// NewDateTime returns a DateTime holding t. It is sent as t's wall clock in
// t's location, so convert t to the organisation's zone first.
func NewDateTime(t time.Time) DateTime {
	return DateTime{t: t, state: dateTimeSet, zoned: true}
}

// NullDateTime returns a DateTime that is encoded as JSON null, to clear a
// date on the service.
func NullDateTime() DateTime {
	return DateTime{state: dateTimeNull}
}

// ParseDateTime parses any of the forms DateTime decodes.
func ParseDateTime(s string) (DateTime, error) {
	for _, l := range parseLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return DateTime{t: t, state: dateTimeSet, zoned: l.zoned}, nil
		}
	}
	return DateTime{}, &time.ParseError{Layout: wireLayout, Value: s, LayoutElem: wireLayout, ValueElem: s,
		Message: ": want a date-time such as 2020-03-25T10:32:42.14, optionally with an offset"}
}

// Valid reports whether d holds a time (it is neither absent nor null).
func (d DateTime) Valid() bool { return d.state == dateTimeSet }

// IsNull reports whether d is an explicit null.
func (d DateTime) IsNull() bool { return d.state == dateTimeNull }

// IsZero reports whether d is absent. encoding/json's omitzero uses it.
func (d DateTime) IsZero() bool { return d.state == dateTimeAbsent }

// HasOffset reports whether d was given as an instant (with an offset or by
// NewDateTime) rather than as a zone-less wall-clock time.
func (d DateTime) HasOffset() bool { return d.zoned }

// Time returns the time d holds. A zone-less wall-clock time is returned in
// UTC with the same clock reading; use In to place it in its real zone. Time
// returns the zero time when d is absent or null.
func (d DateTime) Time() time.Time {
	if !d.Valid() {
		return time.Time{}
	}
	return d.t
}

// In returns d as a time in loc. A zone-less value is read as a wall-clock
// time in loc (the organisation's zone, such as Europe/Ljubljana); a value
// with an offset is converted to loc.
func (d DateTime) In(loc *time.Location) time.Time {
	if !d.Valid() {
		return time.Time{}
	}
	if d.zoned {
		return d.t.In(loc)
	}
	y, mo, day := d.t.Date()
	h, mi, s := d.t.Clock()
	return time.Date(y, mo, day, h, mi, s, d.t.Nanosecond(), loc)
}

// String returns the wire form, "null", or "" when absent.
func (d DateTime) String() string {
	switch d.state {
	case dateTimeSet:
		return d.t.Format(wireLayout)
	case dateTimeNull:
		return "null"
	}
	return ""
}

// MarshalJSON encodes the zone-less wire form, or null.
func (d DateTime) MarshalJSON() ([]byte, error) {
	if !d.Valid() {
		return []byte("null"), nil
	}
	return strconv.AppendQuote(nil, d.t.Format(wireLayout)), nil
}

// UnmarshalJSON decodes any form ParseDateTime accepts, or null. A bad value
// is reported as a *json.UnmarshalTypeError, so encoding/json names the field.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*d = NullDateTime()
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[DateTime]()}
	}
	v, err := ParseDateTime(s)
	if err != nil {
		return &json.UnmarshalTypeError{Value: "string " + strconv.Quote(s), Type: reflect.TypeFor[DateTime]()}
	}
	*d = v
	return nil
}

// MarshalText encodes the wire form; the generated client uses it for query
// parameters. An absent or null DateTime encodes as the empty string.
func (d DateTime) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, nil
	}
	return []byte(d.t.Format(wireLayout)), nil
}

// UnmarshalText decodes any form ParseDateTime accepts; empty text is absent.
func (d *DateTime) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = DateTime{}
		return nil
	}
	v, err := ParseDateTime(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
