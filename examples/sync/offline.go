package main

import (
	"fmt"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// startFakes starts both fakes on loopback with their demo data — a small
// furniture maker's Minimax, and the SkyPlanner it plans production in,
// with workstages and products but no orders yet — and returns clients
// that talk to them.
func startFakes(setup clientSetup) (*services, error) {
	mmFake, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		return nil, fmt.Errorf("starting the Minimax fake: %w", err)
	}
	spFake, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		mmFake.Close()
		return nil, fmt.Errorf("starting the SkyPlanner fake: %w", err)
	}
	stop := func() { mmFake.Close(); spFake.Close() }
	// The fakes' own options come last: they choose where to send.
	mm, err := minimax.New(append(setup.minimax(), mmFake.ClientOptions()...)...)
	if err != nil {
		stop()
		return nil, err
	}
	sp, err := skyplanner.New(append(setup.skyplanner(), spFake.ClientOptions()...)...)
	if err != nil {
		stop()
		return nil, err
	}
	return &services{
		mm: mm, sp: sp, offline: true, close: stop,
		where: fmt.Sprintf("the Minimax fake (organisation %d) at %s and the SkyPlanner fake at %s", mmFake.Organisation(), mmFake.URL(), spFake.URL()),
	}, nil
}
