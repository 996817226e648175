package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/planbridge/planbridge"
)

// errInterrupted ends a run that a signal (or its context) stopped; the
// run has printed what it did and where to resume.
var errInterrupted = errors.New("interrupted")

// program is one run of the command, with everything it takes from the
// process, so that a test can drive it.
type program struct {
	args           []string
	getenv         func(string) string
	stdout, stderr io.Writer
	// terminal says stdout is a terminal: draw a progress bar.
	terminal bool
	// now times the passes.
	now func() time.Time

	// transport, when set, carries the real services' requests (tests
	// route their hosts to fakes with it).
	transport http.RoundTripper
	// onEvent, when set, sees every event after the display (tests stop a
	// run from it).
	onEvent func(planbridge.Event)
}

// run parses the flags and the environment, connects, and syncs once or
// twice.
func (p *program) run(ctx context.Context) error {
	s, err := parseFlags(p.args, io.Discard)
	if errors.Is(err, flag.ErrHelp) {
		usage(newFlagSet(&settings{}, p.stdout))
		return err
	}
	if err != nil {
		return err
	}
	creds, err := credentialsFrom(p.getenv)
	if err != nil {
		return err
	}
	if err := s.resolve(creds == nil); err != nil {
		return err
	}

	setup := clientSetup{budget: s.budget, transport: p.transport}
	if s.verbose {
		setup.log = slog.New(slog.NewTextHandler(p.stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	var svc *services
	if creds == nil {
		svc, err = startFakes(setup)
	} else {
		svc, err = connect(creds, setup)
	}
	if err != nil {
		return err
	}
	defer svc.close()

	ses, err := p.newSession(svc, s, setup.log)
	if err != nil {
		return err
	}
	return ses.run(ctx)
}
