// Package outputtest checks what an example printed, for the examples'
// tests: CI runs every example, so a change to the SDK that breaks one, or
// changes what it shows, fails there and not in a newcomer's first minutes.
package outputtest

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Run runs an example's run function and checks its output with Lines.
func Run(t *testing.T, run func(context.Context, io.Writer) error, want ...string) {
	t.Helper()
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("run: %v; the output:\n%s", err, out.String())
	}
	Lines(t, out.String(), want...)
}

// Lines fails tb unless every line of want is a line of out, in want's
// order; other lines may come between them. Runs of spaces count as one,
// so a change of column widths does not fail a test.
func Lines(tb testing.TB, out string, want ...string) {
	tb.Helper()
	got := strings.Split(strings.TrimSpace(out), "\n")
	for i := range got {
		got[i] = squeeze(got[i])
	}
	next := 0
	for _, w := range want {
		i := indexFrom(got, next, squeeze(w))
		if i < 0 {
			tb.Errorf("the output lacks the line %q after line %d; want lines (-) against the output (+):\n%s",
				w, next, cmp.Diff(want, got))
			return
		}
		next = i + 1
	}
}

func indexFrom(lines []string, from int, line string) int {
	for i := from; i < len(lines); i++ {
		if lines[i] == line {
			return i
		}
	}
	return -1
}

// squeeze drops leading and trailing spaces and makes every other run of
// spaces one.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
