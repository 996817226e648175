package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/planbridge/planbridge"
)

// defaultStateFile keeps the state of runs against the real services when
// -state is not given.
const defaultStateFile = "planbridge-state.json"

// defaultBudget leaves a fifth of Minimax's allowance to everyone else.
const defaultBudget = 800

// settings are the flags, with the defaults that depend on the mode
// already applied by resolve.
type settings struct {
	apply   bool
	twice   bool
	state   string
	since   string
	budget  int
	workers int
	grace   time.Duration
	verbose bool

	// set holds the names of the flags given on the command line.
	set map[string]bool
}

// usageError is a mistake in the flags or the environment: the message
// says what to change, and the exit code is 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// newFlagSet declares the flags into s. Its usage text explains the
// program, the environment and every flag.
func newFlagSet(s *settings, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.BoolVar(&s.apply, "apply", false,
		"with real services, write to SkyPlanner; without it the run reads both services and prints the writes it would make (offline the fakes are always written)")
	fs.BoolVar(&s.twice, "twice", false,
		"sync a second time in the same process, to show it writes nothing (default true offline, false with real services)")
	fs.StringVar(&s.state, "state", "",
		"keep the watermark and the Minimax requests spent today in `FILE`, and resume from it (default "+defaultStateFile+
			" with real services; offline there is nothing to resume, as the fakes start empty in every process)")
	fs.StringVar(&s.since, "since", "",
		"with no saved watermark, sync only the orders modified since `DATE` (such as 2026-11-01, in the organisation's time); default: every order")
	fs.IntVar(&s.budget, "budget", defaultBudget,
		"the most Minimax requests to send in any 24 hours; Minimax allows about 1000 a day per organisation, shared with its web UI and every other integration, so the default leaves them a fifth; the run stops cleanly when it is spent, and the next run goes on")
	fs.IntVar(&s.workers, "workers", planbridge.DefaultWorkers, "how many orders are synced at once (1 to 64)")
	fs.DurationVar(&s.grace, "grace", planbridge.DefaultGracePeriod,
		"how long the orders in hand may take to finish after Ctrl-C")
	fs.BoolVar(&s.verbose, "v", false, "log every request, write and retry to stderr")
	fs.Usage = func() { usage(fs) }
	return fs
}

// usage is what -h prints.
func usage(fs *flag.FlagSet) {
	out := fs.Output()
	fmt.Fprint(out, `Usage: go run ./examples/sync [flags]

Syncs the sales orders received in Minimax into SkyPlanner: each confirmed
order becomes a SkyPlanner order with its customer, products, order rows
and jobs. It prints a line per order and a summary of what was created,
updated, archived and left unchanged, and the requests each service got.

With none of the variables below set, it runs offline: both services are
fakes started in this process with demo data, and it syncs twice to show
that a second pass writes nothing. With all eight set, it talks to the real
services, and writes only with -apply.

Environment:
`)
	for _, v := range envVars {
		for i, line := range wrap(v.help, 52) {
			name := ""
			if i == 0 {
				name = v.name
			}
			fmt.Fprintf(out, "  %-22s  %s\n", name, line)
		}
	}
	fmt.Fprint(out, `
Flags:
`)
	printFlags(fs)
	fmt.Fprint(out, `
Ctrl-C starts no new order, lets the orders in hand finish (see -grace)
and prints the watermark to resume from; a second Ctrl-C stops at once.

Exit status: 0 when every order synced (or the daily budget stopped the run:
the rest waits for the next one), 1 when orders failed or the run could not
start, 2 for bad flags or environment, 130 when interrupted.
`)
}

// printFlags lists the flags as PrintDefaults does, with the
// explanations wrapped to fit a terminal.
func printFlags(fs *flag.FlagSet) {
	out := fs.Output()
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		fmt.Fprintf(out, "  -%s", f.Name)
		if name != "" {
			fmt.Fprintf(out, " %s", name)
		}
		fmt.Fprintln(out)
		if f.DefValue != "" && f.DefValue != "false" {
			text += " (default " + f.DefValue + ")"
		}
		for _, line := range wrap(text, 68) {
			fmt.Fprintf(out, "      %s\n", line)
		}
	})
}

// wrap breaks s into lines of at most width characters, between words.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// parseFlags reads the command line. -h prints the usage and returns
// flag.ErrHelp; a bad flag returns a *usageError.
func parseFlags(args []string, out io.Writer) (settings, error) {
	var s settings
	fs := newFlagSet(&s, out)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return s, err
		}
		return s, usagef("%v (run with -h for help)", err)
	}
	if fs.NArg() > 0 {
		return s, usagef("unexpected argument %q: the program takes flags only (run with -h for help)", strings.Join(fs.Args(), " "))
	}
	s.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { s.set[f.Name] = true })
	switch {
	case s.budget <= 0:
		return s, usagef("-budget %d: want a positive number of requests", s.budget)
	case s.workers < 1 || s.workers > 64:
		return s, usagef("-workers %d: want 1 to 64", s.workers)
	case s.grace < 0:
		return s, usagef("-grace %s: want a duration of 0 or more", s.grace)
	}
	return s, nil
}

// resolve applies the defaults that depend on whether the run is offline,
// and refuses what makes no sense there.
func (s *settings) resolve(offline bool) error {
	if offline {
		if s.state != "" {
			return usagef("-state needs the real services: offline the fakes start empty in every process, so a saved watermark would not match them")
		}
		if s.since != "" {
			return usagef("-since needs the real services: offline every demo order is synced")
		}
		if !s.set["twice"] {
			s.twice = true
		}
		return nil
	}
	if s.twice && !s.apply {
		return usagef("-twice with the real services needs -apply: a dry run sends nothing, so a second pass would plan the same writes again")
	}
	if s.state == "" {
		s.state = defaultStateFile
	}
	return nil
}
