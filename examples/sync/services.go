package main

import (
	"log/slog"
	"net/http"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// services are the two clients a run uses, offline or real.
type services struct {
	mm *minimax.Client
	sp *skyplanner.Client
	// offline is set when both are fakes in this process.
	offline bool
	// where says in a line what the clients talk to.
	where string
	// close stops what the services started (the fakes).
	close func()
}

// clientSetup is what both modes give both clients beyond their address
// and credentials.
type clientSetup struct {
	budget int
	// transport carries the requests; nil is net/http's default. Tests
	// route the real services' hosts to fakes with it.
	transport http.RoundTripper
	// log receives the clients' retries; nil keeps them silent.
	log *slog.Logger
}

func (c clientSetup) minimax() []minimax.Option {
	opts := []minimax.Option{minimax.WithDailyBudget(c.budget)}
	if c.transport != nil {
		opts = append(opts, minimax.WithHTTPClient(&http.Client{Transport: c.transport}))
	}
	if c.log != nil {
		opts = append(opts, minimax.WithLogger(c.log))
	}
	return opts
}

func (c clientSetup) skyplanner() []skyplanner.Option {
	var opts []skyplanner.Option
	if c.transport != nil {
		opts = append(opts, skyplanner.WithHTTPClient(&http.Client{Transport: c.transport}))
	}
	if c.log != nil {
		opts = append(opts, skyplanner.WithLogger(c.log))
	}
	return opts
}
