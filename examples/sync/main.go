// Command sync syncs the sales orders received in Minimax into SkyPlanner,
// and shows what it did, order by order, and in a summary.
//
// With no credentials in the environment it needs nothing at all: it starts
// both services' fakes in this process, with their demo data, syncs, and
// syncs again to show that the second pass writes nothing:
//
//	go run ./examples/sync
//
// With the eight MINIMAX_* and SKYPLANNER_* variables set it talks to the
// real services; it then only reads, and prints the writes it would make,
// unless given -apply:
//
//	go run ./examples/sync -h      # the flags and variables
//	go run ./examples/sync         # a dry run: the plan
//	go run ./examples/sync -apply  # the sync
//
// Ctrl-C starts no new order, lets the orders in hand finish and prints the
// watermark to resume from; a second Ctrl-C stops at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// The process's exit codes.
const (
	exitOK          = 0
	exitFailed      = 1 // orders failed, or the run could not start
	exitUsage       = 2 // bad flags or environment
	exitInterrupted = 130
)

func main() {
	os.Exit(realMain())
}

// realMain wires the program to the process: its arguments, environment,
// streams and signals. It is apart from main so that deferred calls run
// before the exit.
func realMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Once the first signal has asked for a clean stop, a second one gets
	// the default handling back, which ends the process at once.
	context.AfterFunc(ctx, stop)
	p := &program{
		args:     os.Args[1:],
		getenv:   os.Getenv,
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		terminal: isTerminal(os.Stdout),
		now:      time.Now,
	}
	return exitCode(p.run(ctx), os.Stderr)
}

// isTerminal says whether f is a terminal, where a progress bar can be
// redrawn in place; a pipe or a file gets plain lines.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// exitCode prints what the user needs to know about err and returns the
// process's exit code for it.
func exitCode(err error, stderr io.Writer) int {
	var usage *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "sync: %v\n", err)
		return exitUsage
	case errors.Is(err, errInterrupted):
		return exitInterrupted // the run said so, with the watermark
	}
	fmt.Fprintf(stderr, "sync: %v\n", err)
	return exitFailed
}
