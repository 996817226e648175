package minimaxtest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// A value the fake cannot use is refused at the start, naming the option,
// rather than panicking or misbehaving in the middle of a test.
func TestStartRefusesBadOptions(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		opt  minimaxtest.Option
		want string
	}{
		"nil option":           {nil, "option 0 is nil"},
		"nil clock":            {minimaxtest.WithClock(nil), "WithClock"},
		"partial credentials":  {minimaxtest.WithCredentials(minimax.Credentials{ClientID: "x"}), "WithCredentials"},
		"negative lockout":     {minimaxtest.WithLockoutAfter(-1), "WithLockoutAfter"},
		"no token lifetime":    {minimaxtest.WithTokenLifetime(0), "WithTokenLifetime"},
		"organisation 0":       {minimaxtest.WithOrganisation(0, "Demo"), "WithOrganisation"},
		"unnamed organisation": {minimaxtest.WithOrganisation(1, ""), "WithOrganisation"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, err := minimaxtest.Start(tt.opt)
			if err == nil {
				srv.Close()
				t.Fatalf("Start succeeded; want an error naming %s", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
		})
	}
	srv, err := minimaxtest.Start(minimaxtest.WithTokenLifetime(time.Minute), minimaxtest.WithOrganisation(7, "Acme d.o.o."))
	if err != nil {
		t.Fatalf("valid options: %v", err)
	}
	srv.Close()
}
