package api

import (
	"encoding/json"
	"testing"
	"time"
)

func TestArchived(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{`{}`, false},
		{`{"is_archive":null}`, false},
		{`{"is_archive":false}`, false},
		{`{"is_archive":true}`, true},
	} {
		var o Order
		var r OrderRow
		var j Job
		for _, v := range []any{&o, &r, &j} {
			if err := json.Unmarshal([]byte(tt.in), v); err != nil {
				t.Fatal(err)
			}
		}
		if o.Archived() != tt.want || r.Archived() != tt.want || j.Archived() != tt.want {
			t.Errorf("%s: Archived() = order %v, row %v, job %v; want %v", tt.in, o.Archived(), r.Archived(), j.Archived(), tt.want)
		}
	}
}

func TestScheduledJobStartAndEnd(t *testing.T) {
	t.Parallel()
	utc := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name             string
		in               string
		start, end       time.Time
		hasStart, hasEnd bool
	}{
		{"parts out of order", `{"job_parts":[
			{"planned_start_time":"2026-03-03T06:00:00+00:00","planned_end_time":"2026-03-03T14:00:00+00:00"},
			{"planned_start_time":"2026-03-04T06:00:00+00:00","planned_end_time":"2026-03-04T09:00:00+00:00"},
			{"planned_start_time":"2026-03-02T06:00:00+00:00","planned_end_time":"2026-03-02T14:00:00+00:00"}]}`,
			utc(2, 6), utc(4, 9), true, true},
		// The earliest start is not the earliest clock reading: +02:00.
		{"offsets compare as instants", `{"job_parts":[
			{"planned_start_time":"2026-03-02T07:00:00+00:00","planned_end_time":"2026-03-02T17:00:00+00:00"},
			{"planned_start_time":"2026-03-02T08:00:00+02:00","planned_end_time":"2026-03-02T18:00:00+02:00"}]}`,
			utc(2, 6), utc(2, 17), true, true},
		{"parts without times are skipped", `{"job_parts":[
			{"planned_start_time":null},
			{"planned_end_time":"2026-03-05T10:00:00+00:00"},
			{"planned_start_time":"2026-03-04T06:00:00+00:00"}]}`,
			utc(4, 6), utc(5, 10), true, true},
		{"a single part", `{"job_parts":[{"planned_start_time":"2026-03-04 06:00:00","planned_end_time":"2026-03-04 07:00:00"}]}`,
			utc(4, 6), utc(4, 7), true, true},
		{"no planned part", `{"job_parts":[{"is_planned":false,"planned_start_time":null,"planned_end_time":null}]}`,
			time.Time{}, time.Time{}, false, false},
		{"empty parts", `{"job_parts":[]}`, time.Time{}, time.Time{}, false, false},
		{"read without parts", `{"id":9,"start_time":"2026-03-02T06:00:00+00:00"}`, time.Time{}, time.Time{}, false, false},
	}
	for _, tt := range tests {
		var j ScheduledJob
		if err := json.Unmarshal([]byte(tt.in), &j); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		start, okStart := j.Start()
		end, okEnd := j.End()
		if okStart != tt.hasStart || !start.Equal(tt.start) {
			t.Errorf("%s: Start() = %v, %v; want %v, %v", tt.name, start, okStart, tt.start, tt.hasStart)
		}
		if okEnd != tt.hasEnd || !end.Equal(tt.end) {
			t.Errorf("%s: End() = %v, %v; want %v, %v", tt.name, end, okEnd, tt.end, tt.hasEnd)
		}
	}
}
