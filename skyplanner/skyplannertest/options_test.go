package skyplannertest_test

import (
	"strings"
	"testing"

	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// A value the fake cannot use is refused at the start, naming the option,
// rather than panicking or misbehaving in the middle of a test.
func TestStartRefusesBadOptions(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		opt  skyplannertest.Option
		want string
	}{
		"nil option":       {nil, "option 0 is nil"},
		"nil clock":        {skyplannertest.WithClock(nil), "WithClock"},
		"nil location":     {skyplannertest.WithLocation(nil), "WithLocation"},
		"empty token":      {skyplannertest.WithToken(" "), "WithToken"},
		"no default limit": {skyplannertest.WithDefaultLimit(0), "WithDefaultLimit"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, err := skyplannertest.Start(tt.opt)
			if err == nil {
				srv.Close()
				t.Fatalf("Start succeeded; want an error naming %s", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %s", err, tt.want)
			}
		})
	}
}
