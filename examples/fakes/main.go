// Command fakes serves the in-memory Minimax and SkyPlanner fakes, with their
// demo data, as a standalone process, so that programs and tools outside Go
// tests can talk to them:
//
//	go run ./examples/fakes -minimax 127.0.0.1:8081 -skyplanner 127.0.0.1:8082
//
// It prints the URLs and credentials to use and runs until interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"

	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

func main() {
	mmAddr := flag.String("minimax", "127.0.0.1:8081", "address of the Minimax fake")
	spAddr := flag.String("skyplanner", "127.0.0.1:8082", "address of the SkyPlanner fake")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	mmLn, err := net.Listen("tcp", *mmAddr)
	if err != nil {
		log.Fatal(err)
	}
	spLn, err := net.Listen("tcp", *spAddr)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(ctx, os.Stdout, mmLn, spLn); err != nil {
		log.Fatal(err)
	}
}

// run serves the fakes on the two listeners until ctx ends, then stops
// them (which closes the listeners).
func run(ctx context.Context, stdout io.Writer, mmLn, spLn net.Listener) error {
	mm, err := minimaxtest.Start(minimaxtest.WithDemoData(), minimaxtest.WithListener(mmLn))
	if err != nil {
		return err
	}
	defer mm.Close()
	sp, err := skyplannertest.Start(skyplannertest.WithDemoData(), skyplannertest.WithListener(spLn))
	if err != nil {
		return err
	}
	defer sp.Close()

	creds := mm.Credentials()
	fmt.Fprintf(stdout, "Minimax fake:    API %s  token %s\n", mm.BaseURL(), mm.TokenURL())
	fmt.Fprintf(stdout, "                 client %s / %s, user %s / %s, organisation %d\n",
		creds.ClientID, creds.ClientSecret, creds.Username, creds.Password, mm.Organisation())
	fmt.Fprintf(stdout, "SkyPlanner fake: API %s  Authorization-Token: %s\n", sp.BaseURL(), sp.Token())
	<-ctx.Done()
	return nil
}
