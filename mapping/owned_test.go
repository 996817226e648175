package mapping

import (
	"cmp"
	"errors"
	"strings"
	"testing"

	mmapi "github.com/planbridge/planbridge/minimax/api"
)

func TestExternalIDPrefixes(t *testing.T) {
	row := RowExternalID(3840, 61201)
	if p := RowExternalIDPrefix(3840); !strings.HasPrefix(row, p) || p != "minimax:3840:row:" {
		t.Errorf("prefix %q of %q", p, row)
	}
	if strings.HasPrefix(RowExternalID(38401, 1), RowExternalIDPrefix(3840)) {
		t.Error("another organisation's row has organisation 3840's prefix")
	}
	if job := JobExternalID(3840, 61201, 2); !strings.HasPrefix(job, row+JobExternalIDSeparator) {
		t.Errorf("job %q does not start with its row and the separator", job)
	}
}

// Decide says what MapOrder decides from the letters alone, for every
// combination, including the letters MapOrder refuses.
func TestDecideAgreesWithMapOrder(t *testing.T) {
	archive := false
	for _, opts := range []Options{DefaultOptions(), {IncludeDrafts: true, SyncCompleted: true, ArchiveInvalidated: &archive, ReceivedIssued: "I"}} {
		m, err := NewMapper(opts)
		if err != nil {
			t.Fatal(err)
		}
		if m.ReceivedIssued() != cmp.Or(opts.ReceivedIssued, "P") {
			t.Errorf("ReceivedIssued() = %q", m.ReceivedIssued())
		}
		for _, dir := range []string{"P", "I", "", "X"} {
			for _, status := range []string{"O", "P", "Z", "R", "", "Q"} {
				action, reason, err := m.Decide(dir, status)
				o := mmapi.Order{OrderID: new(int64(7)), ReceivedIssued: &dir, Status: &status}
				plan, mapErr := m.MapOrder(3840, o)
				switch {
				case err != nil:
					var fe *FieldError
					if mapErr == nil || !errors.As(err, &fe) || !errors.Is(err, ErrUnknownStatus) {
						t.Errorf("%q/%q: Decide %v, MapOrder %v", dir, status, err, mapErr)
					}
				case action == ActionUpsert:
					// MapOrder needs the rows; Decide says to read them.
					if mapErr == nil {
						t.Errorf("%q/%q: MapOrder of an order without rows succeeded", dir, status)
					}
				case mapErr != nil || plan.Action != action || plan.Reason != reason:
					t.Errorf("%q/%q: Decide %s %q, MapOrder %s %q %v", dir, status, action, reason, plan.Action, plan.Reason, mapErr)
				}
			}
		}
	}
}
