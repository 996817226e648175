package mapping

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNewMapperRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    Options
		paths   []string
		mention string // a word the message must contain
	}{
		{name: "unknown zone", opts: Options{Location: "Europe/Atlantis"}, paths: []string{"Options.Location"}, mention: "Europe/Atlantis"},
		{name: "machine zone", opts: Options{Location: "Local"}, paths: []string{"Options.Location"}, mention: "IANA"},
		{name: "direction", opts: Options{ReceivedIssued: "X"}, paths: []string{"Options.ReceivedIssued"}, mention: `"X"`},
		{name: "prefix with slash", opts: Options{NumberPrefix: "MM/"}, paths: []string{"Options.NumberPrefix"}, mention: "/"},
		{name: "routing", opts: Options{Routing: map[string][]Step{
			"":     {{WorkstageName: "A"}},
			" B ":  {{WorkstageName: "A"}},
			"B":    {{WorkstageName: "A"}},
			"NZ-1": {{DurationSeconds: math.NaN()}, {WorkstageExternalID: "a", WorkstageName: "Other A", SettingTimeSeconds: -1, Workstations: []int64{-4}}},
			"NZ-2": {{WorkstageExternalID: "a", WorkstageName: "Third A"}},
		}}, paths: []string{
			`Options.Routing[""]`,
			`Options.Routing["B"]`,
			`Options.Routing["NZ-1"][0].WorkstageExternalID`,
			`Options.Routing["NZ-1"][0].DurationSeconds`,
			`Options.Routing["NZ-1"][1].SettingTimeSeconds`,
			`Options.Routing["NZ-1"][1].Workstations[0]`,
			`Options.Routing["NZ-2"][0].WorkstageName`,
		}},
		{name: "all at once", opts: Options{Location: "Nowhere", ReceivedIssued: "p", NumberPrefix: "/"},
			paths: []string{"Options.Location", "Options.ReceivedIssued", "Options.NumberPrefix"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := NewMapper(tt.opts)
			if m != nil || !errors.Is(err, ErrBadOption) && !errors.Is(err, ErrBadRouting) {
				t.Fatalf("NewMapper = %v, %v; want an error", m, err)
			}
			if diff := cmp.Diff(tt.paths, paths(err)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("message %q does not mention %q", err, tt.mention)
			}
		})
	}
}

// TestDefaults: the zero Options, DefaultOptions and the defaults written as
// a configuration file all map the same.
func TestDefaults(t *testing.T) {
	t.Parallel()
	var fromFile Options
	if err := json.Unmarshal([]byte(`{"location": "Europe/Zagreb", "received_issued": "P", "archive_invalidated": true}`), &fromFile); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DefaultOptions(), fromFile); diff != "" {
		t.Errorf("defaults from a file (-want +got):\n%s", diff)
	}
	for _, status := range []string{"P", "O", "Z", "R"} {
		o := baseOrder(t)
		o.Status = &status
		want, wantErr := mustMapper(t, DefaultOptions()).MapOrder(testOrg, o)
		got, err := mustMapper(t, Options{}).MapOrder(testOrg, o)
		if err != nil || wantErr != nil {
			t.Fatal(err, wantErr)
		}
		if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
			t.Errorf("status %s: zero Options vs DefaultOptions (-want +got):\n%s", status, diff)
		}
	}
}

// TestOptionsFromFile: every option can be written in a configuration file.
func TestOptionsFromFile(t *testing.T) {
	t.Parallel()
	const file = `{
	  "location": "Europe/Ljubljana",
	  "received_issued": "P",
	  "include_drafts": true,
	  "archive_invalidated": false,
	  "sync_completed": true,
	  "use_custom_materials": true,
	  "number_prefix": "MM-",
	  "routing": {"NZ-40": [{"workstage_external_id": "ws-rezanje", "workstage_name": "Rezanje", "name": "Rezanje profila",
	    "duration_seconds": 30, "per_piece": true, "setting_time_seconds": 600, "settle_time_seconds": 60, "workstations": [61, 62]},
	    {"workstage_name": "Zavarivanje", "duration_seconds": 3600, "setting_time_seconds": 300}]}
	}`
	dec := json.NewDecoder(strings.NewReader(file))
	dec.DisallowUnknownFields()
	var got Options
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	no := false
	want := Options{Location: "Europe/Ljubljana", ReceivedIssued: "P", IncludeDrafts: true, ArchiveInvalidated: &no,
		SyncCompleted: true, UseCustomMaterials: true, NumberPrefix: "MM-", Routing: testRouting()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	if _, err := NewMapper(got); err != nil {
		t.Error(err)
	}
}

// TestConcurrentAndDeterministic maps one order from many goroutines (run
// with -race) and expects the same plan from each.
func TestConcurrentAndDeterministic(t *testing.T) {
	t.Parallel()
	m := mustMapper(t, Options{Routing: testRouting()}, WithRoutingFunc(func(item ItemRef) ([]Step, bool) {
		if item.Code == "P-2" {
			return []Step{{WorkstageName: "Lakiranje"}, {WorkstageName: "Brušenje"}, {WorkstageName: "Alati"}}, true
		}
		return nil, false
	}))
	want, err := m.MapOrder(testOrg, baseOrder(t))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	var wg sync.WaitGroup
	got := make([][]byte, 16)
	for i := range got {
		o := baseOrder(t)
		wg.Go(func() {
			p, err := m.MapOrder(testOrg, o)
			if err != nil {
				t.Error(err)
			}
			got[i], _ = json.Marshal(p)
		})
	}
	wg.Wait()
	for i, g := range got {
		if string(g) != string(wantJSON) {
			t.Errorf("plan %d differs:\n%s\nwant\n%s", i, g, wantJSON)
		}
	}
	var ids []string
	for _, w := range want.Workstages {
		ids = append(ids, *w.ExternalID)
	}
	if diff := cmp.Diff([]string{"alati", "brušenje", "lakiranje", "ws-rezanje", "zavarivanje"}, ids); diff != "" {
		t.Errorf("workstages not sorted by external ID (-want +got):\n%s", diff)
	}
}
