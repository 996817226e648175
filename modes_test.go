package planbridge_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax"
)

// However SkyPlanner answers lookups (filters ignored, lists capped by a
// default limit, both, with tiny lookup limits that force the scans), a
// sync, changes in Minimax and another sync end in the same state, with no
// record twice.
func TestLookupModesEndAlike(t *testing.T) {
	t.Parallel()
	var want string
	for i, mode := range lookupModes {
		t.Run(mode.name, func(t *testing.T) {
			e := newEnv(t, envConfig{mode: mode, sync: []planbridge.Option{planbridge.WithExport()}})
			rep := e.sync(t, planbridge.Watermark{})
			e.editOrder(t, 7870, func(o *minimax.Order) { (*o.OrderRows)[2].Quantity = new(9.0) })
			e.editOrder(t, 7872, func(o *minimax.Order) {
				rows := (*o.OrderRows)[1:]
				o.OrderRows = &rows
			})
			e.sync(t, rep.Next)
			if _, err := e.syncr.Rescan(t.Context(), planbridge.RescanFilter{}); err != nil {
				t.Fatal(err)
			}
			for _, r := range e.sp.Requests() {
				if r.Method == "DELETE" && !strings.HasPrefix(r.Path, "/phaser-") {
					t.Errorf("a permanent delete: %s %s", r.Method, r.Path)
				}
			}
			got := snapshot(t, e)
			if i == 0 {
				want = got
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("state differs from the honoured-filter run (-want +got):\n%s", diff)
			}
		})
	}
}
