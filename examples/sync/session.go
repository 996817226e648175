package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
)

// session is a run connected to its services: the Syncer, the display,
// and where the state is kept.
type session struct {
	p       *program
	out     io.Writer
	svc     *services
	s       settings
	syncer  *planbridge.Syncer
	display *progress
	// store is nil when no state is kept (offline).
	store *planbridge.FileStore
	// dry is set when nothing is written (real services without -apply).
	dry bool
}

// newSession builds the Syncer with the flags' options, and opens the
// state file when there is one.
func (p *program) newSession(svc *services, s settings, log *slog.Logger) (*session, error) {
	ses := &session{p: p, out: p.stdout, svc: svc, s: s, display: newProgress(p.stdout, p.terminal), dry: !svc.offline && !s.apply}
	mapper, err := mapping.NewMapper(mapping.DefaultOptions())
	if err != nil {
		return nil, err
	}
	opts := []planbridge.Option{
		planbridge.WithWorkers(s.workers),
		planbridge.WithGracePeriod(s.grace),
		planbridge.WithExport(),
		planbridge.WithEvents(func(e planbridge.Event) {
			ses.display.event(e)
			if p.onEvent != nil {
				p.onEvent(e)
			}
		}),
	}
	if ses.dry {
		opts = append(opts, planbridge.WithDryRun())
	}
	if s.state != "" {
		if ses.store, err = planbridge.NewFileStore(s.state); err != nil {
			return nil, usagef("-state: %v", err)
		}
		opts = append(opts, planbridge.WithStore(ses.store))
	}
	if log != nil {
		opts = append(opts, planbridge.WithLogger(log))
	}
	if ses.syncer, err = planbridge.NewSyncer(svc.mm, svc.sp, mapper, opts...); err != nil {
		return nil, err
	}
	return ses, nil
}

// run syncs once, or twice with -twice when the first pass went well.
func (ses *session) run(ctx context.Context) error {
	ses.header()
	from, err := startingPoint(ctx, ses.store, ses.s, ses.svc.mm.Location())
	if err != nil {
		return err
	}
	if ses.store != nil {
		describeStart(ses.out, ses.s.state, from)
	}
	title := "Sync"
	if ses.s.twice {
		title = "First pass"
	}
	first, err := ses.pass(ctx, title, from)
	if err != nil {
		return ses.failedToRun(ctx, err, from)
	}
	if ses.dry {
		printPlan(ses.out, first)
	}
	if err := ses.settle(ctx, first); err != nil || !ses.s.twice {
		ses.closing(first)
		return err
	}

	second, err := ses.pass(ctx, "Second pass", first.Next)
	if err != nil {
		return ses.failedToRun(ctx, err, first.Next)
	}
	if n := writes(second); n == 0 {
		fmt.Fprintf(ses.out, "\nThe second pass wrote nothing: %d SkyPlanner requests, %d orders handled; Minimax was only asked what changed since the watermark.\n",
			second.Requests.SkyPlanner, len(second.Orders))
	} else {
		fmt.Fprintf(ses.out, "\nThe second pass wrote %d %s: Minimax or SkyPlanner changed between the passes.\n", n, plural(n, "record", "records"))
	}
	err = ses.settle(ctx, second)
	ses.closing(second)
	return err
}

// closing says where the next run starts, after a run that went to its
// end; a stopped one has printed its watermark.
func (ses *session) closing(last *planbridge.Report) {
	switch {
	case last.Stopped != nil:
	case ses.dry:
		fmt.Fprintln(ses.out, "\nA dry run saves nothing: the next run starts from the same watermark.")
	case ses.store != nil:
		fmt.Fprintf(ses.out, "\nThe watermark is saved in %s: the next run resumes from it.\n", ses.s.state)
	}
}

// header says what the run talks to and whether it writes.
func (ses *session) header() {
	switch {
	case ses.svc.offline:
		fmt.Fprintf(ses.out, "No MINIMAX_* or SKYPLANNER_* variables are set, so this runs offline, on %s,\n"+
			"both started in this process with demo data. Run with -h to see how to sync the real services.\n\n", ses.svc.where)
	case ses.dry:
		fmt.Fprintf(ses.out, "Syncing %s.\nA dry run: both services are only read, and the plan is printed at the end. Add -apply to write.\n\n", ses.svc.where)
	default:
		fmt.Fprintf(ses.out, "Syncing %s.\n\n", ses.svc.where)
	}
}

// pass syncs from a watermark and prints the summary. A nil report comes
// with the error of a run that could not start or could not save.
func (ses *session) pass(ctx context.Context, title string, from planbridge.Watermark) (*planbridge.Report, error) {
	ses.display.reset()
	noted := make(chan struct{})
	stopNote := context.AfterFunc(ctx, func() {
		defer close(noted)
		ses.display.note(fmt.Sprintf("Interrupted: no new order starts, and the orders in hand finish within %s. Ctrl-C again stops at once.", ses.s.grace))
	})
	start := ses.p.now()
	rep, err := ses.syncer.Sync(ctx, from)
	took := ses.p.now().Sub(start)
	if !stopNote() {
		<-noted // the note belongs before the summary
	}
	ses.display.finish()
	if rep == nil || (err != nil && len(rep.Orders) == 0) {
		return nil, fmt.Errorf("the sync failed: %w", err)
	}
	used, limit := ses.svc.mm.BudgetUsed()
	printSummary(ses.out, rep, passFacts{title: title, took: took, budgetUsed: used, budgetLimit: limit})
	if err != nil {
		return nil, err // the state could not be saved; the summary says what was done
	}
	return rep, nil
}

// settle prints what a finished pass needs beyond its summary: the failed
// orders, why it stopped and where the next run starts. Its error decides
// the exit code.
func (ses *session) settle(ctx context.Context, rep *planbridge.Report) error {
	printFailures(ses.out, rep)
	deferred := rep.Count(planbridge.OutcomeDeferred)
	finished := len(rep.Orders) - deferred
	switch {
	case rep.Stopped != nil && ctx.Err() != nil:
		fmt.Fprintf(ses.out, "\nStopped on request: %d %s finished, %d deferred to the next run.\n",
			finished, plural(finished, "order", "orders"), deferred)
		printWatermark(ses.out, rep.Next, ses.kept())
		return errInterrupted
	case errors.Is(rep.Stopped, minimax.ErrBudgetExhausted):
		fmt.Fprintf(ses.out, "\nStopped: %v.\n%d %s deferred to the next run, which goes on from the watermark.\n",
			rep.Stopped, deferred, plural(deferred, "order", "orders"))
		printWatermark(ses.out, rep.Next, ses.kept())
		return nil
	case rep.Stopped != nil:
		printWatermark(ses.out, rep.Next, ses.kept())
		return fmt.Errorf("the run stopped early: %w", rep.Stopped)
	}
	if n := len(rep.Failed()); n > 0 {
		return fmt.Errorf("%d %s failed", n, plural(n, "order", "orders"))
	}
	return nil
}

// failedToRun reports a pass that could not run at all: reading Minimax's
// changes failed, or ctx ended first.
func (ses *session) failedToRun(ctx context.Context, err error, from planbridge.Watermark) error {
	if ctx.Err() != nil {
		fmt.Fprintln(ses.out, "Stopped on request before any order was read.")
		printWatermark(ses.out, from, ses.kept())
		return errInterrupted
	}
	return err
}

// kept says whether, and where, the watermark of the run is kept.
func (ses *session) kept() string {
	switch {
	case ses.dry:
		return "a dry run saves nothing"
	case ses.store == nil:
		return "offline there is nothing to resume: the fakes start afresh in every process"
	}
	return "saved in " + ses.s.state + "; run the same command again to resume"
}
