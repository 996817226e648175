package planbridge_test

import (
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// The release a user sees in go doc is the one in the changelog and the
// one both clients tell the services.
func TestVersionIsTheReleaseBothClientsSend(t *testing.T) {
	t.Parallel()
	if !regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`).MatchString(planbridge.Version) {
		t.Fatalf("Version %q is not a semantic version", planbridge.Version)
	}
	changelog, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(changelog), "## ["+planbridge.Version+"]") {
		t.Errorf("CHANGELOG.md has no entry \"## [%s]\"", planbridge.Version)
	}

	want := "acme-erp-sync/2.3 planbridge/" + planbridge.Version
	// The header as it leaves the client: the caller's transport sits under
	// the SDK's stack, after the User-Agent is set.
	var mu sync.Mutex
	var sent []string
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		sent = append(sent, r.Header.Get("User-Agent"))
		mu.Unlock()
		return http.DefaultTransport.RoundTrip(r)
	})
	hc := &http.Client{Transport: rt}

	mm := minimaxtest.NewServer(t)
	mmc, err := minimax.New(append(mm.ClientOptions(), minimax.WithHTTPClient(hc), minimax.WithUserAgent("acme-erp-sync/2.3"))...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mmc.Organisations(t.Context()); err != nil {
		t.Fatal(err)
	}
	sp := skyplannertest.NewServer(t)
	spc, err := skyplanner.New(append(sp.ClientOptions(), skyplanner.WithHTTPClient(hc), skyplanner.WithUserAgent("acme-erp-sync/2.3"))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range spc.ListCustomers(t.Context(), skyplanner.CustomerFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(sent) < 2 {
		t.Fatalf("saw %d requests, want the API calls of both clients", len(sent))
	}
	for _, ua := range sent {
		if ua != want {
			t.Errorf("User-Agent %q, want %q", ua, want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
