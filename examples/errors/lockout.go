package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// lockout uses a wrong password. Minimax locks the API application for
// good after a few wrong passwords in a row, so the client asks once and
// then refuses every call itself, until it is rebuilt with fixed
// credentials.
func lockout(ctx context.Context, w io.Writer, _ *minimaxtest.Server) error {
	// A fake of its own, to count its token requests alone; like Minimax,
	// it locks the application after three wrong passwords.
	fake, err := minimaxtest.Start(minimaxtest.WithLockoutAfter(3))
	if err != nil {
		return err
	}
	defer fake.Close()
	creds := fake.Credentials()
	creds.Password = "a-wrong-password"
	mm, err := minimax.New(append(fake.ClientOptions(), minimax.WithCredentials(creds))...)
	if err != nil {
		return err
	}

	for call := 1; call <= 3; call++ {
		_, err := mm.GetOrder(ctx, 7870)
		var authErr *minimax.AuthError
		if !errors.As(err, &authErr) {
			return fmt.Errorf("want an *AuthError, got %v", err)
		}
		fmt.Fprintf(w, "  call %d: errors.Is(err, minimax.ErrCredentialsRefused) = %t, Latched = %t, Code = %s\n",
			call, errors.Is(err, minimax.ErrCredentialsRefused), authErr.Latched, authErr.Code)
		if call == 1 {
			fmt.Fprintf(w, "    %v\n", err)
		}
	}
	fmt.Fprintf(w, "  token requests the fake received: %d; application locked: %t\n", fake.TokenRequests(), fake.Locked())
	return nil
}
