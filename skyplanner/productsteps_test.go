package skyplanner_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner"
)

// step is a product step with the fields these tests care about.
func step(n int32, workstage int64, duration float64) skyplanner.ProductStep {
	return skyplanner.ProductStep{OrderNumber: &n, PhaserWorkstageID: &workstage, Duration: &duration}
}

type sent struct {
	Method, Query, Body string
}

func sentRequests(f *fakeAPI) []sent {
	var out []sent
	for _, r := range f.requests() {
		out = append(out, sent{r.Method, r.Query.Encode(), r.Body})
	}
	return out
}

func TestSetProductStepsRequestSequence(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	// The product has steps 1 to 5; the service adds fields of its own.
	f.reply(http.MethodGet, "/products/jobs/22220", http.StatusOK, `{"product-jobs":[
		{"order_number":5,"phaser_workstage_id":9,"duration":10,"id":105},
		{"order_number":1,"phaser_workstage_id":4,"duration":60,"id":101,"settingtime":30},
		{"order_number":4,"phaser_workstage_id":9,"duration":10,"id":104},
		{"order_number":2,"phaser_workstage_id":5,"duration":120,"id":102}]}`)
	f.reply(http.MethodPost, "/products/jobs/22220", http.StatusCreated, `{"product-job":{"order_number":3}}`)
	f.reply(http.MethodPut, "/products/jobs/22220", http.StatusOK, `{"product-job":{"order_number":2}}`)
	f.reply(http.MethodDelete, "/products/jobs/22220", http.StatusNoContent, ``)

	// Wanted: 1 as it is, 2 longer, 3 new, given out of order; 4 and 5 go.
	err := c.SetProductSteps(t.Context(), 22220, []skyplanner.ProductStep{
		step(3, 6, 30),
		step(1, 4, 60),
		step(2, 5, 90),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []sent{
		{"GET", "", ""},
		{"PUT", "", `{"duration":90,"order_number":2,"phaser_workstage_id":5}`},
		{"POST", "", `{"duration":30,"order_number":3,"phaser_workstage_id":6}`},
		{"DELETE", "order_number=5", ""},
		{"DELETE", "order_number=4", ""},
	}
	if diff := cmp.Diff(want, sentRequests(f)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestSetProductStepsWhenNothingChanged(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/products/jobs/22220", http.StatusOK,
		`[{"order_number":1,"phaser_workstage_id":4,"duration":60,"workstations":"61,62","id":101}]`)
	s := step(1, 4, 60)
	s.Workstations = &skyplanner.Workstations{61, 62}
	if err := c.SetProductSteps(t.Context(), 22220, []skyplanner.ProductStep{s}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]sent{{"GET", "", ""}}, sentRequests(f)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestSetProductStepsToNone(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/products/jobs/22220", http.StatusOK, `[{"order_number":1},{"order_number":2}]`)
	f.reply(http.MethodDelete, "/products/jobs/22220", http.StatusOK, `{}`)
	if err := c.SetProductSteps(t.Context(), 22220, nil); err != nil {
		t.Fatal(err)
	}
	want := []sent{{"GET", "", ""}, {"DELETE", "order_number=2", ""}, {"DELETE", "order_number=1", ""}}
	if diff := cmp.Diff(want, sentRequests(f)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestSetProductStepsStopsAtTheFirstFailure(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/products/jobs/22220", http.StatusOK, `[{"order_number":9}]`)
	f.reply(http.MethodPost, "/products/jobs/22220", http.StatusUnprocessableEntity, `{"message":"unknown workstage"}`)
	err := c.SetProductSteps(t.Context(), 22220, []skyplanner.ProductStep{step(1, 404, 60), step(2, 4, 60)})
	if !errors.Is(err, skyplanner.ErrValidation) || !strings.Contains(err.Error(), "adding step 1") {
		t.Errorf("err = %v; want the 422 of step 1", err)
	}
	if diff := cmp.Diff([]sent{{"GET", "", ""}, {"POST", "", `{"duration":60,"order_number":1,"phaser_workstage_id":404}`}},
		sentRequests(f)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestSetProductStepsRefusesUnaddressableSteps(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	tests := map[string][]skyplanner.ProductStep{
		"no order number": {{PhaserWorkstageID: new(int64(4))}},
		"repeated number": {step(1, 4, 60), step(1, 5, 60)},
	}
	for name, steps := range tests {
		err := c.SetProductSteps(t.Context(), 22220, steps)
		var fe *skyplanner.FieldError
		if !errors.As(err, &fe) || fe.Field != "order_number" {
			t.Errorf("%s: err = %v; want a *FieldError for order_number", name, err)
		}
	}
	if _, err := c.AddProductStep(t.Context(), 22220, skyplanner.ProductStep{}); !errors.Is(err, skyplanner.ErrValidation) {
		t.Errorf("AddProductStep without order_number: %v", err)
	}
	if _, err := c.UpdateProductStep(t.Context(), 22220, skyplanner.ProductStep{}); !errors.Is(err, skyplanner.ErrValidation) {
		t.Errorf("UpdateProductStep without order_number: %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
