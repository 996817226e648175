package api

import "time"

// Archived reports whether the order has been archived, the soft delete
// SkyPlanner's DELETE does; such an order is read only on request.
func (o Order) Archived() bool { return o.IsArchive != nil && *o.IsArchive }

// Archived reports whether the order row has been archived (soft-deleted).
func (r OrderRow) Archived() bool { return r.IsArchive != nil && *r.IsArchive }

// Archived reports whether the job has been archived (soft-deleted).
func (j Job) Archived() bool { return j.IsArchive != nil && *j.IsArchive }

// Start is when the job is planned to start: the earliest planned start of
// its parts. SkyPlanner lists the parts in no particular order, so the
// first part is not the start. It reports false when no part has a planned
// start (the job is not planned, or was read without its parts).
//
// A zone-less time compares as the same clock reading in UTC.
func (j ScheduledJob) Start() (time.Time, bool) {
	return j.bound(func(p JobPart) *DateTime { return p.PlannedStartTime }, time.Time.Before)
}

// End is when the job is planned to end: the latest planned end of its
// parts, whatever their order. It reports false when no part has one.
func (j ScheduledJob) End() (time.Time, bool) {
	return j.bound(func(p JobPart) *DateTime { return p.PlannedEndTime }, time.Time.After)
}

// bound returns the part time that wins against every other by better.
func (j ScheduledJob) bound(field func(JobPart) *DateTime, better func(a, b time.Time) bool) (time.Time, bool) {
	if j.JobParts == nil {
		return time.Time{}, false
	}
	var best time.Time
	found := false
	for _, p := range *j.JobParts {
		d := field(p)
		if d == nil || !d.Valid() {
			continue
		}
		if t := d.Time(); !found || better(t, best) {
			best, found = t, true
		}
	}
	return best, found
}
