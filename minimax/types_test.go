package minimax_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/planbridge/planbridge/minimax"
)

// Status and Direction share the letter "P". Distinct named types make
// OrderFilter{Status: minimax.Received} a compile error instead of a filter
// that silently means "confirmed".
func TestStatusAndDirectionAreDistinctTypes(t *testing.T) {
	t.Parallel()
	status, direction := reflect.TypeOf(minimax.StatusConfirmed), reflect.TypeOf(minimax.Received)
	if status == direction {
		t.Fatalf("StatusConfirmed and Received are both %v", status)
	}
	for _, v := range []any{minimax.StatusDraft, minimax.StatusConfirmed, minimax.StatusCompleted, minimax.StatusInvalidated} {
		if got := reflect.TypeOf(v); got != status || got.Name() != "Status" {
			t.Errorf("%v is a %v, want minimax.Status", v, got)
		}
	}
	for _, v := range []any{minimax.Received, minimax.Issued} {
		if got := reflect.TypeOf(v); got != direction || got.Name() != "Direction" {
			t.Errorf("%v is a %v, want minimax.Direction", v, got)
		}
	}
	filter := reflect.TypeFor[minimax.OrderFilter]()
	for field, want := range map[string]reflect.Type{"Status": status, "ReceivedIssued": direction} {
		if f, _ := filter.FieldByName(field); f.Type != want {
			t.Errorf("OrderFilter.%s is a %v, want %v", field, f.Type, want)
		}
	}
}

func TestStatusOfAndDirectionOf(t *testing.T) {
	t.Parallel()
	p, i := "P", "I"
	if got := minimax.StatusOf(&p); got != minimax.StatusConfirmed {
		t.Errorf("StatusOf(P) = %q", got)
	}
	if got := minimax.StatusOf(nil); got != "" {
		t.Errorf("StatusOf(nil) = %q, want empty", got)
	}
	if got := minimax.DirectionOf(&i); got != minimax.Issued {
		t.Errorf("DirectionOf(I) = %q", got)
	}
	if got := minimax.DirectionOf(nil); got != "" {
		t.Errorf("DirectionOf(nil) = %q, want empty", got)
	}
}

// The generated records keep the letters as *string; StatusOf and
// DirectionOf read them as the typed constants, absent as "".
func ExampleStatusOf() {
	var o minimax.Order
	if err := json.Unmarshal([]byte(`{"OrderId":7870,"ReceivedIssued":"P","Status":"Z"}`), &o); err != nil {
		panic(err)
	}
	switch {
	case minimax.DirectionOf(o.ReceivedIssued) != minimax.Received:
		fmt.Println("issued: not ours to plan")
	case minimax.StatusOf(o.Status) == minimax.StatusCompleted:
		fmt.Println("received, completed")
	}
	// Output: received, completed
}
