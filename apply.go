package planbridge

import (
	"context"
	"errors"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"net/http"

	"github.com/planbridge/planbridge/skyplanner"
)

// ensure makes SkyPlanner hold want. With no record (have nil) it creates
// one; otherwise it updates the members of want that differ, and nothing
// else. In a dry run it records the write instead of sending it, and
// returns want (with no id) for a create, so that the same code decides in
// both modes.
//
// A create whose answer never came (a dropped connection, a 5xx, a reply
// without an id) may still have happened; it is not sent again: refind
// looks the record up by its external ID, and only what it finds counts.
func ensure[T any](ctx context.Context, o *orderWork, k *recordKind[T], want T, have *T,
	refind func(context.Context) (*T, error)) (T, error) {
	ext := deref.Of(k.ext(&want))
	if have == nil {
		w := Write{Op: OpCreate, Kind: k.kind, ExternalID: ext, Fields: setMembers(want, nil)}
		if o.r.dry {
			o.wrote(w)
			k.setID(&want, o.r.placeholder())
			return want, nil
		}
		got, err := k.create(ctx, want)
		if err != nil {
			found, ferr := afterFailedCreate(ctx, refind, err)
			if ferr != nil {
				return got, fmt.Errorf("creating %s %s: %w", k.kind, ext, ferr)
			}
			got = *found
		}
		w.ID = deref.Of(k.id(&got))
		o.wrote(w)
		return got, nil
	}
	id := deref.Of(k.id(have))
	fields, patch, err := diff(want, *have, k.createOnly)
	if err != nil {
		return *have, fmt.Errorf("%s %s: %w", k.kind, ext, err)
	}
	if len(fields) == 0 {
		o.unchanged(k.kind, ext, id)
		return *have, nil
	}
	w := Write{Op: OpUpdate, Kind: k.kind, ExternalID: ext, ID: id, Fields: fields}
	if o.r.dry {
		o.wrote(w)
		return *have, nil
	}
	got, err := k.update(ctx, id, patch)
	if err != nil {
		return *have, fmt.Errorf("updating %s %s (id %d): %w", k.kind, ext, id, err)
	}
	o.wrote(w)
	return got, nil
}

// placeholder is the id a dry run gives a record it would create:
// negative, so it can never be taken for a real one.
func (r *run) placeholder() int64 { return -r.placeholders.Add(1) }

// realID is an id fit for a report: 0 for a dry run's placeholder.
func realID(id int64) int64 { return max(id, 0) }

// retire archives a live record the plan no longer has.
func retire[T any](ctx context.Context, o *orderWork, k *recordKind[T], rec *T) error {
	ext, id := deref.Of(k.ext(rec)), deref.Of(k.id(rec))
	w := Write{Op: OpArchive, Kind: k.kind, ExternalID: ext, ID: id}
	if !o.r.dry {
		if err := k.archive(ctx, id); err != nil && !errors.Is(err, skyplanner.ErrNotFound) {
			// Not found: archived in the meantime, which is what was wanted.
			return fmt.Errorf("archiving %s %s (id %d): %w", k.kind, ext, id, err)
		}
	}
	o.wrote(w)
	return nil
}

// afterFailedCreate decides about a create that returned an error. A
// refusal (4xx but 408 and 429) did nothing; anything else may have made
// the record, so it is looked up, and a record found is the create's
// result. The original error stands when nothing is found: the next run
// looks again before creating.
func afterFailedCreate[T any](ctx context.Context, refind func(context.Context) (*T, error), err error) (*T, error) {
	var apiErr *skyplanner.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 &&
		apiErr.StatusCode != http.StatusRequestTimeout && apiErr.StatusCode != http.StatusTooManyRequests {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, err
	}
	found, ferr := refind(ctx)
	if ferr != nil {
		return nil, errors.Join(err, fmt.Errorf("looking it up afterwards: %w", ferr))
	}
	if found == nil {
		return nil, err
	}
	return found, nil
}

// pick chooses the record a lookup by external ID stands for: the live one
// when there is one (a recreated order leaves its archived predecessor
// behind), else the newest archived one. Two live records with one external
// ID are an *skyplanner.AmbiguousError: the data needs a person.
func pick[T any](k *recordKind[T], matches []T) (*T, error) {
	var live, archived []*T
	for i := range matches {
		if k.archived != nil && k.archived(&matches[i]) {
			archived = append(archived, &matches[i])
		} else {
			live = append(live, &matches[i])
		}
	}
	switch {
	case len(live) == 1:
		return live[0], nil
	case len(live) > 1:
		e := &skyplanner.AmbiguousError{Operation: "planbridge lookup of " + string(k.kind), ExternalID: deref.Of(k.ext(live[0]))}
		for _, v := range live {
			e.IDs = append(e.IDs, deref.Of(k.id(v)))
		}
		return nil, e
	case len(archived) > 0:
		newest := archived[0]
		for _, v := range archived[1:] {
			if deref.Of(k.id(v)) > deref.Of(k.id(newest)) {
				newest = v
			}
		}
		return newest, nil
	}
	return nil, nil
}

// findByExt looks a record up by external ID, archived ones included.
func findByExt[T any](ctx context.Context, k *recordKind[T], src *source[T], ext string) (*T, error) {
	matches, err := src.match(ctx, ext)
	if err != nil {
		return nil, err
	}
	return pick(k, matches)
}

// refindLive looks a record up again after a create that may have been
// made. Only a live record counts: an archived one with the same external
// ID is the record the create replaces.
func refindLive[T any](k *recordKind[T], find func(context.Context) ([]T, error)) func(context.Context) (*T, error) {
	return func(ctx context.Context) (*T, error) {
		matches, err := find(ctx)
		if err != nil {
			return nil, err
		}
		found, err := pick(k, matches)
		if err != nil || found == nil || (k.archived != nil && k.archived(found)) {
			return nil, err
		}
		return found, nil
	}
}

// withExt keeps the records with external ID ext.
func withExt[T any](k *recordKind[T], recs []T, ext string) []T {
	var out []T
	for i := range recs {
		if deref.Of(k.ext(&recs[i])) == ext {
			out = append(out, recs[i])
		}
	}
	return out
}

// archivedByPlanner decides about a record the plan has but a planner
// archived in SkyPlanner: with ArchivedLeave it stays archived, noted in
// the report (leave is true); with ArchivedRecreate the caller makes a new
// one in its place (have becomes nil).
func archivedByPlanner[T any](o *orderWork, k *recordKind[T], have *T) (leave bool, still *T) {
	if have == nil || k.archived == nil || !k.archived(have) {
		return false, have
	}
	if o.r.s.cfg.archived == ArchivedRecreate {
		return false, nil
	}
	o.note(fmt.Sprintf("%s %s archived in SkyPlanner (id %d) while Minimax still has it; left archived (WithArchivedOrders decides)",
		k.kind, deref.Of(k.ext(have)), deref.Of(k.id(have))))
	return true, have
}
