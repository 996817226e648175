package main

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/examples/internal/outputtest"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

func TestRun(t *testing.T) {
	mmLn, spLn := listen(t), listen(t)
	ctx, stop := context.WithCancel(t.Context())
	var out strings.Builder
	done := make(chan error)
	go func() { done <- run(ctx, &out, mmLn, spLn) }()

	// Clients built from what the fakes' lines print: a listener accepts
	// before it is served, so there is nothing to wait for.
	mmURL, spURL := "http://"+mmLn.Addr().String(), "http://"+spLn.Addr().String()
	defaults := minimaxtest.NewServer(t) // for the credentials every fake accepts unless told otherwise
	mm, err := minimax.New(minimax.WithBaseURL(mmURL+"/SI/API/"), minimax.WithTokenURL(mmURL+"/SI/AUT/oauth20/token"),
		minimax.WithCredentials(defaults.Credentials()), minimax.WithOrganisation(defaults.Organisation()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mm.GetOrder(t.Context(), 7870); err != nil {
		t.Errorf("the Minimax fake: %v", err)
	}
	sp, err := skyplanner.New(skyplanner.WithBaseURL(spURL+skyplannertest.Prefix), skyplanner.WithToken(skyplannertest.DefaultToken))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sp.GetProduct(t.Context(), 22220); err != nil {
		t.Errorf("the SkyPlanner fake: %v", err)
	}

	stop()
	if err := <-done; err != nil {
		t.Fatalf("run = %v after its context ended, want nil", err)
	}
	outputtest.Lines(t, out.String(),
		"Minimax fake: API "+mmURL+"/SI/API/ token "+mmURL+"/SI/AUT/oauth20/token",
		"SkyPlanner fake: API "+spURL+skyplannertest.Prefix+" Authorization-Token: "+skyplannertest.DefaultToken,
	)
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}
