package main

import (
	"fmt"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/skyplanner"
)

// connect builds clients for the real services. It sends nothing: the
// first request is the sync's own.
func connect(c *credentials, setup clientSetup) (*services, error) {
	mm, err := minimax.New(append(setup.minimax(),
		minimax.WithCountry(c.country),
		minimax.WithCredentials(c.minimax),
		minimax.WithOrganisation(c.org),
	)...)
	if err != nil {
		return nil, usagef("the Minimax settings are refused: %v", err)
	}
	sp, err := skyplanner.New(append(setup.skyplanner(),
		skyplanner.WithSite(c.site),
		skyplanner.WithToken(c.token),
	)...)
	if err != nil {
		// The error names the option (WithSite, WithToken) and why, never
		// the token.
		return nil, usagef("SKYPLANNER_SITE or SKYPLANNER_TOKEN is refused: %v", err)
	}
	return &services{
		mm: mm, sp: sp, close: func() {},
		where: fmt.Sprintf("Minimax %s, organisation %d, and SkyPlanner site %s", c.country, c.org, c.site),
	}, nil
}
