package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// stopAfterFirstOrder cancels the run as soon as its first order ends, as
// Ctrl-C would, and remembers which order that was.
func stopAfterFirstOrder(p *program, cancel context.CancelFunc, first *string) {
	p.onEvent = func(e planbridge.Event) {
		switch e.Type {
		case planbridge.EventOrderDone, planbridge.EventOrderSkipped, planbridge.EventOrderFailed:
			if *first == "" {
				*first = e.Order.Number
				cancel()
			}
		}
	}
}

// deferredIn lists the orders a run deferred.
func deferredIn(outcomes map[string]planbridge.Outcome) []string {
	var out []string
	for number, o := range outcomes {
		if o == planbridge.OutcomeDeferred {
			out = append(out, number)
		}
	}
	return out
}

// printedWatermark reads the watermark the run printed.
func printedWatermark(t *testing.T, out string) planbridge.Watermark {
	t.Helper()
	_, rest, ok := strings.Cut(out, "The watermark to resume from (")
	if !ok {
		t.Fatalf("no watermark printed:\n%s", out)
	}
	_, rest, _ = strings.Cut(rest, "\n")
	var w planbridge.Watermark
	if err := json.NewDecoder(strings.NewReader(rest)).Decode(&w); err != nil {
		t.Fatalf("printed watermark: %v\n%s", err, out)
	}
	return w
}

func TestInterruptFinishesTheOrderInHandAndPrintsTheWatermark(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	p, out, errOut := newProgram([]string{"-workers", "1"}, nil)
	var first string
	stopAfterFirstOrder(p, cancel, &first)

	got := execute(ctx, p, out, errOut)
	if !errors.Is(got.err, errInterrupted) || got.code() != exitInterrupted {
		t.Fatalf("err = %v (exit %d), want errInterrupted and %d\n%s", got.err, got.code(), exitInterrupted, got.stdout)
	}
	outcomes := outcomesIn(got.stdout)
	if outcomes[first] == planbridge.OutcomeDeferred || outcomes[first] == "" {
		t.Errorf("the order in hand, %s, did not finish: %q", first, outcomes[first])
	}
	// The Syncer may have taken one more order in hand before it saw the
	// context end; whatever it did not finish is deferred.
	deferred := deferredIn(outcomes)
	if len(deferred) == 0 {
		t.Fatalf("no order was deferred:\n%s", got.stdout)
	}
	for _, want := range []string{
		"Interrupted: no new order starts",
		fmt.Sprintf("Stopped on request: %d %s finished, %d deferred to the next run.",
			5-len(deferred), plural(5-len(deferred), "order", "orders"), len(deferred)),
		"(offline there is nothing to resume",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, got.stdout)
		}
	}
	if strings.Contains(got.stdout, "Second pass") {
		t.Errorf("a second pass ran after the interrupt:\n%s", got.stdout)
	}
	if w := printedWatermark(t, got.stdout); len(w.Pending) != len(deferred) {
		t.Errorf("printed watermark holds %d pending orders, want %d: %+v", len(w.Pending), len(deferred), w)
	}
}

func TestInterruptedRunSavesTheStateAndTheNextResumes(t *testing.T) {
	w := newRealWorld(t, minimaxtest.DemoData())
	state := filepath.Join(t.TempDir(), "state.json")

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	p, out, errOut := w.program("-apply", "-state", state, "-workers", "1")
	var first string
	stopAfterFirstOrder(p, cancel, &first)
	got := execute(ctx, p, out, errOut)
	if !errors.Is(got.err, errInterrupted) {
		t.Fatalf("err = %v\n%s", got.err, got.stdout)
	}
	if !strings.Contains(got.stdout, "(saved in "+state+"; run the same command again to resume)") {
		t.Errorf("the run does not say the watermark was saved:\n%s", got.stdout)
	}
	saved := loadState(t, state).Watermark
	if diff := cmp.Diff(printedWatermark(t, got.stdout), saved); diff != "" {
		t.Errorf("printed and saved watermarks differ (-printed +saved):\n%s", diff)
	}

	again := w.run(t, "-apply", "-state", state)
	if again.err != nil {
		t.Fatalf("resumed run: %v\n%s", again.err, again.stdout)
	}
	want := maps.Clone(demoOutcomes)
	for number, o := range outcomesIn(got.stdout) {
		if o != planbridge.OutcomeDeferred {
			delete(want, number)
		}
	}
	if _, ok := want[first]; ok {
		t.Errorf("the order in hand, %s, did not finish", first)
	}
	if diff := cmp.Diff(want, outcomesIn(again.stdout)); diff != "" {
		t.Errorf("the resumed run (-want +got):\n%s", diff)
	}
}
