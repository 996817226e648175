package api

import (
	"reflect"
	"time"

	"github.com/planbridge/planbridge/internal/wiretime"
)

// DateTime is a Minimax date-time.
//
// The service writes wall-clock times without a zone ("2020-01-01T00:00:00",
// "2020-03-25T10:32:42.14"), which time.Time cannot decode. DateTime decodes
// those, a bare date, a space instead of the T, and RFC 3339 with an offset.
// It always encodes the zone-less form the service expects, with as many
// fractional digits as needed.
//
// A DateTime also remembers whether the field was absent or null: the zero
// value is absent and is left out when encoding (the generated structs tag
// date-time fields omitzero), NullDateTime encodes as null, and a decoded
// null stays null. An update can so clear a date without sending null for
// every other date it does not set.
//
// Read a value in the organisation's zone with In; Valid, IsNull, IsZero,
// HasOffset and Time report the rest.
type DateTime struct {
	v wiretime.Value
}

// wireLayout is the form the service writes and expects.
const wireLayout = "2006-01-02T15:04:05.999999999"

// NewDateTime returns a DateTime holding t. It is sent as t's wall clock in
// t's location, so convert t to the organisation's zone first.
func NewDateTime(t time.Time) DateTime { return DateTime{v: wiretime.Of(t)} }

// NullDateTime returns a DateTime that encodes as JSON null, to clear a date.
func NullDateTime() DateTime { return DateTime{v: wiretime.Null()} }

// ParseDateTime parses any of the forms DateTime decodes.
func ParseDateTime(s string) (DateTime, error) {
	v, err := wiretime.Parse(s)
	return DateTime{v: v}, err
}

// Valid reports whether d holds a time (it is neither absent nor null).
func (d DateTime) Valid() bool { return d.v.Valid() }

// IsNull reports whether d is an explicit null.
func (d DateTime) IsNull() bool { return d.v.IsNull() }

// IsZero reports whether d is absent; encoding/json's omitzero uses it.
func (d DateTime) IsZero() bool { return d.v.IsZero() }

// HasOffset reports whether d is an instant (it had an offset, or was made
// from a time.Time) rather than a zone-less wall-clock reading.
func (d DateTime) HasOffset() bool { return d.v.HasOffset() }

// Time returns the time d holds: an instant as it is, a zone-less reading as
// the same clock reading in UTC (use In to place it in its zone). It is the
// zero time when d is absent or null.
func (d DateTime) Time() time.Time { return d.v.Time() }

// In returns d as a time in loc: an instant converted to loc, a zone-less
// reading read as a wall-clock time in loc.
func (d DateTime) In(loc *time.Location) time.Time { return d.v.In(loc) }

// Equal reports whether d and o are both absent, both null, or the same
// time read the same way. go-cmp uses it to compare records.
func (d DateTime) Equal(o DateTime) bool { return d.v.Equal(o.v) }

// String returns the wire form, "null", or "" when absent.
func (d DateTime) String() string {
	switch {
	case d.Valid():
		return d.v.Format(wireLayout)
	case d.IsNull():
		return "null"
	}
	return ""
}

// MarshalJSON encodes the zone-less wire form, or null.
func (d DateTime) MarshalJSON() ([]byte, error) { return wiretime.EncodeJSON(d.v, wireLayout), nil }

// UnmarshalJSON decodes any form ParseDateTime accepts, or null. A bad value
// is a *json.UnmarshalTypeError, so encoding/json names the field.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	v, err := wiretime.DecodeJSON(b, reflect.TypeFor[DateTime]())
	d.v = v
	return err
}

// MarshalText encodes the wire form; the generated client uses it for query
// parameters. An absent or null DateTime is empty.
func (d DateTime) MarshalText() ([]byte, error) { return wiretime.EncodeText(d.v, wireLayout), nil }

// UnmarshalText decodes any form ParseDateTime accepts; empty text is absent.
func (d *DateTime) UnmarshalText(b []byte) error {
	v, err := wiretime.DecodeText(b)
	d.v = v
	return err
}
