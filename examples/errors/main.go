// Command errors shows how to handle the Minimax client's errors, offline,
// against the Minimax fake and its demo data:
//
//	go run ./examples/errors
//
// It shows four cases:
//
//   - a stale RowVersion: errors.Is(err, minimax.ErrConflict), and the loop
//     that reads the order again and applies the change again;
//   - wrong credentials: the client makes one token request and latches a
//     *minimax.AuthError (errors.Is(err, minimax.ErrCredentialsRefused)), as
//     repeated wrong passwords lock the Minimax API application for good;
//   - the daily budget: past minimax.WithDailyBudget a call fails at once
//     with a *minimax.BudgetError (minimax.ErrBudgetExhausted) that says
//     when the next request may go;
//   - a refusal: errors.As to *minimax.APIError for the status and the
//     fields the service names, and *minimax.FieldError for bad input the
//     client refuses before sending.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"

	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, stdout io.Writer) error {
	fake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		return err
	}
	defer fake.Close()

	for _, section := range []struct {
		title string
		show  func(context.Context, io.Writer, *minimaxtest.Server) error
	}{
		{"A stale RowVersion", conflict},
		{"Wrong credentials", lockout},
		{"The daily budget", budget},
		{"A refusal", refusal},
	} {
		fmt.Fprintf(stdout, "%s:\n", section.title)
		if err := section.show(ctx, stdout, fake); err != nil {
			return fmt.Errorf("%s: %w", section.title, err)
		}
		fmt.Fprintln(stdout)
	}
	return nil
}
