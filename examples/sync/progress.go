package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/planbridge/planbridge"
)

// barWidth is the width of the progress bar, in characters.
const barWidth = 24

// progress shows a run as it goes: a line per order as it ends and, on a
// terminal, a bar below the lines, redrawn in place. The Syncer serialises
// its events, but notes come from other goroutines, hence the lock.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	terminal bool

	// inHand tallies the orders started and not yet ended.
	inHand map[int64]*tally
	// seen and ended count the orders the run has named so far: Sync does
	// not say up front how many it will handle, so the bar's total grows
	// as orders start.
	seen, ended map[int64]bool
	// drawn is the width of the bar on screen; 0 when none is.
	drawn int
}

// tally is what an order in hand has touched so far.
type tally struct {
	rows   map[string]bool // by external ID
	writes int
	// planned is set when the writes were a dry run's, not sent.
	planned bool
}

func newProgress(w io.Writer, terminal bool) *progress {
	p := &progress{w: w, terminal: terminal}
	p.reset()
	return p
}

// reset forgets the previous pass.
func (p *progress) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inHand, p.seen, p.ended = map[int64]*tally{}, map[int64]bool{}, map[int64]bool{}
}

// event takes one event of the Syncer (see planbridge.WithEvents).
func (p *progress) event(e planbridge.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	id := e.Order.ID
	switch e.Type {
	case planbridge.EventOrderStarted:
		p.seen[id] = true
		p.inHand[id] = &tally{rows: map[string]bool{}}
	case planbridge.EventRecordCreated, planbridge.EventRecordUpdated, planbridge.EventRecordArchived, planbridge.EventRecordUnchanged:
		t := p.inHand[id]
		if t == nil {
			break
		}
		if e.Kind == planbridge.KindRow {
			t.rows[e.ExternalID] = true
		}
		if e.Type != planbridge.EventRecordUnchanged {
			t.writes++
			t.planned = t.planned || e.DryRun
		}
	case planbridge.EventOrderDone, planbridge.EventOrderSkipped, planbridge.EventOrderFailed:
		// An order deferred before it started ends without starting; an
		// order whose export failed ends a second time, as failed.
		p.seen[id], p.ended[id] = true, true
		p.println(orderLine(e, p.inHand[id]))
		delete(p.inHand, id)
	}
	p.drawBar()
}

// note prints a line of its own between the order lines.
func (p *progress) note(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.println(s)
	p.drawBar()
}

// finish takes the bar off the screen, so what follows starts on a clean
// line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearBar()
}

// println prints a line above the bar.
func (p *progress) println(s string) {
	p.clearBar()
	fmt.Fprintln(p.w, s)
}

func (p *progress) clearBar() {
	if p.drawn > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.drawn))
		p.drawn = 0
	}
}

// drawBar redraws the bar on a terminal: the orders ended out of those the
// run has named so far, and how many are in hand.
func (p *progress) drawBar() {
	if !p.terminal || len(p.seen) == 0 {
		return
	}
	done, total := len(p.ended), len(p.seen)
	fill := barWidth * done / total
	bar := fmt.Sprintf("syncing [%s%s] %d done, %d in hand", strings.Repeat("#", fill), strings.Repeat("-", barWidth-fill), done, len(p.inHand))
	p.clearBar()
	fmt.Fprint(p.w, bar)
	p.drawn = len(bar)
}

// orderLine is the line an order gets when it ends:
//
//	2026-1     created    (3 rows, 5 writes)
func orderLine(e planbridge.Event, t *tally) string {
	var detail string
	switch e.Outcome {
	case planbridge.OutcomeFailed:
		detail = cause(e.Err).Error()
	case planbridge.OutcomeSkipped, planbridge.OutcomeDeferred:
		detail = e.Reason
	default:
		rows, writes, planned := 0, 0, ""
		if t != nil {
			rows, writes = len(t.rows), t.writes
			if t.planned {
				planned = ", not sent"
			}
		}
		detail = fmt.Sprintf("(%d %s, %d %s%s)", rows, plural(rows, "row", "rows"), writes, plural(writes, "write", "writes"), planned)
		if e.Reason != "" {
			detail += " " + e.Reason
		}
	}
	return strings.TrimRight(fmt.Sprintf("%-10s %-10s %s", orderName(e.Order), e.Outcome, detail), " ")
}

// orderName is the order's Minimax number, or its ID before it was read.
func orderName(o planbridge.OrderRef) string {
	if o.Number != "" {
		return o.Number
	}
	return fmt.Sprintf("id %d", o.ID)
}

// cause is the error of a failed order without the order's name, which
// the line already starts with.
func cause(err error) error {
	var oe *planbridge.OrderError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	if err == nil {
		return errors.New("failed")
	}
	return err
}
