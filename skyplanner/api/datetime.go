package api

import (
	"reflect"
	"time"

	"github.com/planbridge/planbridge/internal/wiretime"
)

// DateTime is a SkyPlanner date-time.
//
// The API writes RFC 3339 with an offset ("2025-06-05T22:00:00+00:00"), and
// the naive form "2025-06-05 22:00:00" has been seen in requests a
// third-party client sends. DateTime decodes both (and a bare date). It
// encodes an instant with its offset, the form the vendor's pages show, and a
// naive value in the naive form it came in, so a record read and written back
// says what it said.
//
// Read a value in a zone with In; Valid, IsNull, IsZero, HasOffset and Time
// report the rest.
type DateTime struct {
	v wiretime.Value
}

const (
	offsetLayout = "2006-01-02T15:04:05.999999999-07:00"
	naiveLayout  = "2006-01-02 15:04:05.999999999"
)

// NewDateTime returns a DateTime holding the instant t.
func NewDateTime(t time.Time) DateTime { return DateTime{v: wiretime.Of(t)} }

// ParseDateTime parses any of the forms DateTime decodes.
func ParseDateTime(s string) (DateTime, error) {
	v, err := wiretime.Parse(s)
	return DateTime{v: v}, err
}

func (d DateTime) layout() string {
	if d.HasOffset() {
		return offsetLayout
	}
	return naiveLayout
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
		return d.v.Format(d.layout())
	case d.IsNull():
		return "null"
	}
	return ""
}

// MarshalJSON encodes an instant with its offset and a naive value naively.
func (d DateTime) MarshalJSON() ([]byte, error) { return wiretime.EncodeJSON(d.v, d.layout()), nil }

// UnmarshalJSON decodes any form ParseDateTime accepts, or null. A bad value
// is a *json.UnmarshalTypeError, so encoding/json names the field.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	v, err := wiretime.DecodeJSON(b, reflect.TypeFor[DateTime]())
	d.v = v
	return err
}

// MarshalText encodes the wire form; the generated client uses it for query
// parameters such as modified. An absent or null DateTime is empty.
func (d DateTime) MarshalText() ([]byte, error) { return wiretime.EncodeText(d.v, d.layout()), nil }

// UnmarshalText decodes any form ParseDateTime accepts; empty text is absent.
func (d *DateTime) UnmarshalText(b []byte) error {
	v, err := wiretime.DecodeText(b)
	d.v = v
	return err
}
