package mapping

import (
	"strings"
	"time"

	mmapi "github.com/planbridge/planbridge/minimax/api"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// ptr returns a pointer to a copy of v.

// text returns the string p points to without surrounding spaces; nil is "".
func text(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// textOrNil returns a pointer to s, or nil when s is empty: the plan leaves
// a field unset rather than sending an empty string.
func textOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// firstText returns the first non-blank of the strings pointed to.
func firstText(ps ...*string) string {
	for _, p := range ps {
		if s := text(p); s != "" {
			return s
		}
	}
	return ""
}

// joinText joins the non-blank strings with a blank line between them.
func joinText(ps ...*string) string {
	var parts []string
	for _, p := range ps {
		if s := text(p); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// refName returns the Name of a reference, or nil.
func refName(f *mmapi.FkField) *string {
	if f == nil {
		return nil
	}
	return f.Name
}

// fkID returns the ID of a reference and whether there is a reference with an
// ID at all; the ID may still be zero or negative.
func fkID(f *mmapi.FkField) (int64, bool) {
	if f == nil || f.ID == nil {
		return 0, false
	}
	return *f.ID, true
}

// dateIn turns a Minimax date into a SkyPlanner one with an offset. A
// zone-less Minimax date is a wall-clock reading in loc (see wallClock); one
// that came with an offset is that instant, shown in loc. An absent or null
// date is nil.
func dateIn(d mmapi.DateTime, loc *time.Location) *spapi.DateTime {
	if !d.Valid() {
		return nil
	}
	var t time.Time
	if d.HasOffset() {
		t = d.Time().In(loc)
	} else {
		t = wallClock(d.Time(), loc)
	}
	return new(spapi.NewDateTime(t))
}

// wallClock returns the instant at which clocks in loc show the reading w
// (w's own location is ignored), with a fixed rule for the two readings a
// daylight-saving change makes awkward, where time.Date leaves the choice
// open:
//
//   - a reading that does not exist (the hour skipped in spring, such as
//     02:30 on 2026-03-29 in Europe/Zagreb) is read with the offset in force
//     before the change, which is the same as moving it forward by the gap:
//     03:30+02:00;
//   - a reading that happens twice (the hour repeated in autumn, such as
//     02:30 on 2026-10-25) is the first of the two: 02:30+02:00.
func wallClock(w time.Time, loc *time.Location) time.Time {
	y, mo, d := w.Date()
	h, mi, s := w.Clock()
	want := time.Date(y, mo, d, h, mi, s, w.Nanosecond(), time.UTC)
	t := time.Date(y, mo, d, h, mi, s, w.Nanosecond(), loc)
	if got := asUTC(t); !got.Equal(want) {
		// Skipped reading. Whichever side time.Date took, the instant we
		// want shows a clock later than the reading by the gap.
		if gap := want.Sub(got); gap > 0 {
			t = t.Add(gap)
		}
		return t
	}
	// Repeated reading: if the period before t's also shows this clock, it
	// does so earlier.
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		return t
	}
	_, before := start.Add(-time.Nanosecond).In(loc).Zone()
	if alt := want.Add(-time.Duration(before) * time.Second).In(loc); alt.Before(t) && asUTC(alt).Equal(want) {
		return alt
	}
	return t
}

// asUTC returns the clock reading of t as the same reading in UTC.
func asUTC(t time.Time) time.Time {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), time.UTC)
}
