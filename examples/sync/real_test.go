package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

func TestRealServicesDryRunPrintsThePlanAndWritesNothing(t *testing.T) {
	w := newRealWorld(t, minimaxtest.DemoData())
	state := filepath.Join(t.TempDir(), "state.json")

	got := w.run(t, "-state", state)
	if got.err != nil {
		t.Fatalf("dry run: %v\n%s", got.err, got.stdout)
	}
	for _, want := range []string{
		"Syncing Minimax SI, organisation 3840, and SkyPlanner site demo.",
		"A dry run: both services are only read",
		"2026-1     created    (3 rows, 6 writes, not sent)",
		"The plan (a dry run: nothing was sent; add -apply to send it):",
		"order 2026-1 (Minimax 7870), created:",
		"    create order minimax:3840:order:7870 [",
		"A dry run saves nothing: the next run starts from the same watermark.",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, got.stdout)
		}
	}
	if _, err := os.Stat(state); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dry run saved a state (stat: %v)", err)
	}

	// Nothing was written: the real run that follows creates every order.
	applied := w.run(t, "-state", state, "-apply")
	if applied.err != nil {
		t.Fatalf("apply: %v\n%s", applied.err, applied.stdout)
	}
	if diff := cmp.Diff(demoOutcomes, outcomesIn(applied.stdout)); diff != "" {
		t.Errorf("outcomes after the dry run (-want +got):\n%s", diff)
	}
	if strings.Contains(applied.stdout, "The plan") {
		t.Errorf("-apply printed a plan:\n%s", applied.stdout)
	}
}

func TestRealServicesApplyTwiceKeepsTheState(t *testing.T) {
	w := newRealWorld(t, minimaxtest.DemoData())
	state := filepath.Join(t.TempDir(), "state.json")

	got := w.run(t, "-state", state, "-apply", "-twice")
	if got.err != nil {
		t.Fatalf("run: %v\n%s", got.err, got.stdout)
	}
	for _, want := range []string{
		"State: " + state + " holds no watermark yet, so every order in Minimax is read.",
		"First pass: 5 orders (3 created, 2 skipped)",
		"The second pass wrote nothing: 0 SkyPlanner requests, 0 orders handled",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, got.stdout)
		}
	}
	st := loadState(t, state)
	if st.Watermark.Since.IsZero() || len(st.Budget) == 0 {
		t.Errorf("saved state has no watermark or no budget: %+v", st)
	}

	again := w.run(t, "-state", state, "-apply")
	if again.err != nil {
		t.Fatalf("third run: %v\n%s", again.err, again.stdout)
	}
	if !strings.Contains(again.stdout, "State: "+state+"; resuming from the changes since ") ||
		!strings.Contains(again.stdout, "Sync: no order to sync") {
		t.Errorf("a new process did not resume from the state:\n%s", again.stdout)
	}

	since := w.run(t, "-state", state, "-since", "2026-11-01")
	if since.code() != exitUsage || !strings.Contains(since.err.Error(), "already holds a watermark") {
		t.Errorf("-since over a saved watermark: %v (exit %d)", since.err, since.code())
	}
}

func TestRealServicesTwiceNeedsApply(t *testing.T) {
	w := newRealWorld(t, minimaxtest.DemoData())
	got := w.run(t, "-state", filepath.Join(t.TempDir(), "s.json"), "-twice")
	if got.code() != exitUsage || !strings.Contains(got.err.Error(), "-twice with the real services needs -apply") {
		t.Errorf("err = %v (exit %d)", got.err, got.code())
	}
}

// A row with a negative quantity fails its order, and only its order; the
// run lists it with the field and exits 1.
func TestFailedOrderIsListedWithTheFieldAndExitsOne(t *testing.T) {
	seed := minimaxtest.DemoData()
	rows := *seed.Orders[1].OrderRows // 2026-2
	rows[0].Quantity = new(-4.0)
	w := newRealWorld(t, seed)

	got := w.run(t, "-state", filepath.Join(t.TempDir(), "s.json"), "-apply")
	if got.code() != exitFailed {
		t.Fatalf("exit %d (err %v), want %d\n%s", got.code(), got.err, exitFailed, got.stdout)
	}
	want := map[string]planbridge.Outcome{
		"2026-1": planbridge.OutcomeCreated, "2026-2": planbridge.OutcomeFailed, "2026-3": planbridge.OutcomeCreated,
		"2026-4": planbridge.OutcomeSkipped, "2026-5": planbridge.OutcomeSkipped,
	}
	if diff := cmp.Diff(want, outcomesIn(got.stdout)); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		"2026-2     failed     OrderRows[0].Quantity: must be positive",
		"1 order failed; the next run tries again:\n  order 2026-2 (Minimax 7871): OrderRows[0].Quantity: must be positive",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, got.stdout)
		}
	}
	if got.err.Error() != "1 order failed" {
		t.Errorf("err = %q", got.err)
	}
}

// A budget too small for the run stops it cleanly: the orders not reached
// wait in the watermark, and the exit code is 0.
func TestBudgetStopsTheRunCleanly(t *testing.T) {
	w := newRealWorld(t, minimaxtest.DemoData())
	state := filepath.Join(t.TempDir(), "s.json")
	got := w.run(t, "-state", state, "-apply", "-budget", "3", "-workers", "1")
	if got.err != nil {
		t.Fatalf("run: %v\n%s", got.err, got.stdout)
	}
	for _, want := range []string{"Stopped: ", "deferred to the next run", "The watermark to resume from (saved in " + state} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, got.stdout)
		}
	}
	if st := loadState(t, state); len(st.Watermark.Pending) == 0 {
		t.Errorf("no order waits in the saved watermark: %+v", st.Watermark)
	}
}

func loadState(t *testing.T, path string) planbridge.State {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st planbridge.State
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	return st
}
