package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
)

// demoOutcomes are what a first sync does with the demo Minimax's orders:
// the three confirmed ones are created, the draft and the invalidated one
// skipped.
var demoOutcomes = map[string]planbridge.Outcome{
	"2026-1": planbridge.OutcomeCreated, "2026-2": planbridge.OutcomeCreated, "2026-3": planbridge.OutcomeCreated,
	"2026-4": planbridge.OutcomeSkipped, "2026-5": planbridge.OutcomeSkipped,
}

func TestOfflineSyncsTheDemoTwice(t *testing.T) {
	got := runOffline(t)
	if got.err != nil {
		t.Fatalf("run: %v\n%s", got.err, got.stdout)
	}
	first, second, ok := strings.Cut(got.stdout, "\nSecond pass:")
	if !ok {
		t.Fatalf("no second pass:\n%s", got.stdout)
	}
	if diff := cmp.Diff(demoOutcomes, outcomesIn(first)); diff != "" {
		t.Errorf("first pass outcomes (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		"runs offline",
		"2026-1     created    (3 rows, 6 writes)",
		"2026-4     skipped    draft order",
		"First pass: 5 orders (3 created, 2 skipped) in 0s",
		"exported   3 orders to production scheduling",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("first pass lacks %q:\n%s", want, first)
		}
	}
	for kind, row := range map[string]string{
		"customers": `3\s+0\s+0\s+0`, "orders": `3\s+0\s+0\s+0`, "products": `1\s+0\s+0\s+5`,
		"rows": `8\s+0\s+0\s+0`, "workstages": `0\s+0\s+0\s+0`, "jobs": `0\s+0\s+0\s+0`,
	} {
		if !regexp.MustCompile(`(?m)^` + kind + `\s+` + row + `$`).MatchString(first) {
			t.Errorf("first summary: row %s is not %s:\n%s", kind, row, first)
		}
	}
	if !regexp.MustCompile(`requests\s+Minimax \d+, SkyPlanner [1-9]\d*`).MatchString(first) {
		t.Errorf("first summary lacks the requests:\n%s", first)
	}

	if n := len(outcomesIn(second)); n != 0 {
		t.Errorf("second pass handled %d orders, want none:\n%s", n, second)
	}
	for _, want := range []string{
		" no order to sync in 0s",
		"SkyPlanner 0\n",
		"The second pass wrote nothing: 0 SkyPlanner requests, 0 orders handled",
	} {
		if !strings.Contains(second, want) {
			t.Errorf("second pass lacks %q:\n%s", want, second)
		}
	}
	if strings.Contains(got.stdout, "\r") {
		t.Errorf("output to a non-terminal holds a carriage return:\n%q", got.stdout)
	}
}

func TestTwiceFalseSyncsOnce(t *testing.T) {
	got := runOffline(t, "-twice=false")
	if got.err != nil {
		t.Fatalf("run: %v", got.err)
	}
	if strings.Contains(got.stdout, "Second pass") {
		t.Errorf("-twice=false ran a second pass:\n%s", got.stdout)
	}
	if !strings.Contains(got.stdout, "\nSync: 5 orders") {
		t.Errorf("no summary of the one pass:\n%s", got.stdout)
	}
}

func TestTerminalGetsABarRedrawnInPlace(t *testing.T) {
	p, out, errOut := newProgram(nil, nil)
	p.terminal = true
	got := execute(t.Context(), p, out, errOut)
	if got.err != nil {
		t.Fatalf("run: %v", got.err)
	}
	if !strings.Contains(got.stdout, "\rsyncing [") {
		t.Fatalf("no progress bar redrawn in place:\n%q", got.stdout)
	}
	if !strings.Contains(got.stdout, "5 done, 0 in hand") {
		t.Errorf("the bar never showed the run done:\n%q", got.stdout)
	}
	// Taking the bar off the screen leaves exactly what a pipe gets.
	plain := regexp.MustCompile(`syncing \[[#-]+\] \d+ done, \d+ in hand`).ReplaceAllString(got.stdout, "")
	plain = regexp.MustCompile(`\r *\r`).ReplaceAllString(plain, "")
	if strings.Contains(plain, "\r") {
		t.Errorf("a carriage return outside the bar:\n%q", plain)
	}
	if diff := cmp.Diff(demoOutcomes, outcomesIn(plain)); diff != "" {
		t.Errorf("order lines around the bar (-want +got):\n%s", diff)
	}
}
