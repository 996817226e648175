package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/planbridge/planbridge"
)

// startingPoint is the watermark the first pass starts from: the one the
// state file holds, or for a first run the -since date (the zero watermark,
// every order, without it).
func startingPoint(ctx context.Context, store *planbridge.FileStore, s settings, zone *time.Location) (planbridge.Watermark, error) {
	var from planbridge.Watermark
	if store != nil {
		st, err := store.Load(ctx)
		if err != nil {
			return from, err
		}
		from = st.Watermark
	}
	if s.since == "" {
		return from, nil
	}
	if !isZero(from) {
		return from, usagef("-since %s: %s already holds a watermark (the latest change seen is of %s); leave out -since to resume from it, or remove the file to start over",
			s.since, s.state, from.Since.Format("2006-01-02 15:04"))
	}
	day, err := time.ParseInLocation("2006-01-02", s.since, zone)
	if err != nil {
		return from, usagef("-since %q: want a date such as 2026-11-01", s.since)
	}
	return planbridge.Watermark{Since: day}, nil
}

// isZero says whether w is the watermark of a first run.
func isZero(w planbridge.Watermark) bool {
	return w.Since.IsZero() && len(w.Done) == 0 && len(w.Pending) == 0
}

// describeStart says where a run with a state file starts.
func describeStart(w io.Writer, path string, from planbridge.Watermark) {
	switch {
	case isZero(from):
		fmt.Fprintf(w, "State: %s holds no watermark yet, so every order in Minimax is read.\n\n", path)
	case from.Since.IsZero():
		fmt.Fprintf(w, "State: %s; %d orders are pending from earlier runs.\n\n", path, len(from.Pending))
	default:
		fmt.Fprintf(w, "State: %s; resuming from the changes since %s, with %d %s pending from earlier runs.\n\n",
			path, from.Since.Format("2006-01-02 15:04:05 MST"), len(from.Pending), plural(len(from.Pending), "order", "orders"))
	}
}
