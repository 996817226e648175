package mapping

import (
	"errors"
	"github.com/planbridge/planbridge/internal/deref"
	"testing"

	"github.com/google/go-cmp/cmp"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

func TestWhichOrders(t *testing.T) {
	t.Parallel()
	no := false
	tests := []struct {
		name     string
		opts     Options
		dir      *string
		status   *string
		want     Action
		prospect bool   // for upserts: the rows' is_prospect
		wantPath string // for errors: the one path expected, with ErrUnknownStatus
	}{
		{name: "confirmed", dir: new("P"), status: new("P"), want: ActionUpsert},
		{name: "draft skipped by default", dir: new("P"), status: new("O"), want: ActionSkip},
		{name: "draft included", opts: Options{IncludeDrafts: true}, dir: new("P"), status: new("O"), want: ActionUpsert, prospect: true},
		{name: "completed left alone by default", dir: new("P"), status: new("Z"), want: ActionSkip},
		{name: "completed synced", opts: Options{SyncCompleted: true}, dir: new("P"), status: new("Z"), want: ActionUpsert},
		{name: "invalidated archived by default", dir: new("P"), status: new("R"), want: ActionArchive},
		{name: "invalidated not archived", opts: Options{ArchiveInvalidated: &no}, dir: new("P"), status: new("R"), want: ActionSkip},
		{name: "letters with spaces", dir: new(" P "), status: new("P "), want: ActionUpsert},
		{name: "issued skipped", dir: new("I"), status: new("P"), want: ActionSkip},
		{name: "issued synced when asked", opts: Options{ReceivedIssued: "I"}, dir: new("I"), status: new("P"), want: ActionUpsert},
		{name: "received skipped when issued asked", opts: Options{ReceivedIssued: "I"}, dir: new("P"), status: new("P"), want: ActionSkip},
		{name: "unknown status", dir: new("P"), status: new("X"), wantPath: "Status"},
		{name: "lower-case status", dir: new("P"), status: new("p"), wantPath: "Status"},
		{name: "absent status", dir: new("P"), wantPath: "Status"},
		{name: "empty status", dir: new("P"), status: new(""), wantPath: "Status"},
		{name: "unknown status on a skipped order", dir: new("I"), status: new("Q"), wantPath: "Status"},
		{name: "absent direction", status: new("P"), wantPath: "ReceivedIssued"},
		{name: "unknown direction", dir: new("X"), status: new("P"), wantPath: "ReceivedIssued"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := baseOrder(t)
			o.ReceivedIssued, o.Status = tt.dir, tt.status
			got, err := mustMapper(t, tt.opts).MapOrder(testOrg, o)
			if tt.wantPath != "" {
				if !errors.Is(err, ErrUnknownStatus) {
					t.Fatalf("err = %v, want ErrUnknownStatus", err)
				}
				if diff := cmp.Diff([]string{tt.wantPath}, paths(err)); diff != "" {
					t.Errorf("paths (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(Plan{}, got, cmpOpts); diff != "" {
					t.Errorf("plan of a failed mapping is not zero:\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("MapOrder: %v", err)
			}
			if got.Action != tt.want || got.Reason == "" {
				t.Fatalf("Action, Reason = %q, %q; want %q and a reason", got.Action, got.Reason, tt.want)
			}
			switch tt.want {
			case ActionUpsert:
				if len(got.Rows) != 2 {
					t.Fatalf("rows = %d, want 2", len(got.Rows))
				}
				for i, r := range got.Rows {
					if deref.Of(r.Row.IsProspect) != tt.prospect {
						t.Errorf("Rows[%d].Row.IsProspect = %v, want %v", i, deref.Of(r.Row.IsProspect), tt.prospect)
					}
				}
			default:
				want := Plan{Action: tt.want, Reason: got.Reason, Order: spapi.Order{ExternalID: new("minimax:3840:order:7870")}}
				if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
					t.Errorf("plan (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestSkipAndArchiveNeedLittle(t *testing.T) {
	t.Parallel()
	// A skipped order is not mapped, so its other problems do not matter,
	// and without an ID its plan names no order.
	o := baseOrder(t)
	o.Status, o.OrderID, o.Customer, o.OrderRows = new("O"), nil, nil, nil
	got, err := mustMapper(t, Options{}).MapOrder(testOrg, o)
	if err != nil || got.Action != ActionSkip || got.Order.ExternalID != nil {
		t.Errorf("skipped draft without ID = %+v, %v; want a skip naming no order", got, err)
	}
	o = baseOrder(t)
	o.Status, o.OrderID = new("Z"), nil
	got, err = mustMapper(t, Options{}).MapOrder(testOrg, o)
	if err != nil || got.Action != ActionSkip || deref.Of(got.Order.ExternalID) != "minimax:3840:order:7870" {
		t.Errorf("skipped completed order = %+v, %v; want a skip naming the order its rows belong to", got, err)
	}
	// An archive needs the order's ID, which may come from its rows.
	o = baseOrder(t)
	o.Status, o.OrderID, o.Customer = new("R"), nil, nil
	got, err = mustMapper(t, Options{}).MapOrder(testOrg, o)
	if err != nil || got.Action != ActionArchive || deref.Of(got.Order.ExternalID) != "minimax:3840:order:7870" {
		t.Errorf("archive with the ID from the rows = %+v, %v", got, err)
	}
	o.OrderRows = nil
	_, err = mustMapper(t, Options{}).MapOrder(testOrg, o)
	if !errors.Is(err, ErrMissingField) || cmp.Diff([]string{"OrderId"}, paths(err)) != "" {
		t.Errorf("archive without any ID: err = %v, want OrderId: ErrMissingField", err)
	}
}

func TestOrg(t *testing.T) {
	t.Parallel()
	for _, org := range []int64{0, -1} {
		_, err := mustMapper(t, Options{}).MapOrder(org, baseOrder(t))
		if !errors.Is(err, ErrMissingField) || cmp.Diff([]string{"org"}, paths(err)) != "" {
			t.Errorf("MapOrder(%d): err = %v, want org: ErrMissingField", org, err)
		}
	}
}
