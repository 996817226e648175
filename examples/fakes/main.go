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
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

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

// run serves the fakes on the two listeners until ctx ends, and closes them.
func run(ctx context.Context, stdout io.Writer, mmLn, spLn net.Listener) error {
	// Start also serves each fake on a loopback port of its own, which
	// goes unused here: the fakes have no constructor that does not listen.
	mm, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		return err
	}
	defer mm.Close()
	sp, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		return err
	}
	defer sp.Close()

	creds := mm.Credentials()
	fmt.Fprintf(stdout, "Minimax fake:    API http://%s/SI/API/  token http://%s/SI/AUT/oauth20/token\n", mmLn.Addr(), mmLn.Addr())
	fmt.Fprintf(stdout, "                 client %s / %s, user %s / %s, organisation %d\n",
		creds.ClientID, creds.ClientSecret, creds.Username, creds.Password, mm.Organisation())
	fmt.Fprintf(stdout, "SkyPlanner fake: API http://%s%s  Authorization-Token: %s\n", spLn.Addr(), skyplannertest.Prefix, sp.Token())

	servers := []*http.Server{
		{Handler: mm.Handler(), ReadHeaderTimeout: 10 * time.Second},
		{Handler: sp.Handler(), ReadHeaderTimeout: 10 * time.Second},
	}
	errs := make(chan error, 2)
	go func() { errs <- servers[0].Serve(mmLn) }()
	go func() { errs <- servers[1].Serve(spLn) }()
	var served error
	select {
	case <-ctx.Done():
	case served = <-errs:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range servers {
		_ = s.Shutdown(shutdown)
	}
	if errors.Is(served, http.ErrServerClosed) {
		return nil
	}
	return served
}
