package skyplanner_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/skyplanner"
)

func TestSlashInOrderNumberIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	// No responder: any request fails the test.
	f, c := newFake(t)
	order := skyplanner.Order{Number: new("2026/17"), ProductionPlanningCustomerID: new(int64(5))}
	_, createErr := c.CreateOrder(t.Context(), order)
	_, updateErr := c.UpdateOrder(t.Context(), 7, order)
	for op, err := range map[string]error{"skyplanner.CreateOrder": createErr, "skyplanner.UpdateOrder": updateErr} {
		var fe *skyplanner.FieldError
		if !errors.As(err, &fe) || fe.Field != "number" {
			t.Errorf("%s: err = %v; want a *FieldError for number", op, err)
		}
		if !errors.Is(err, skyplanner.ErrValidation) {
			t.Errorf("%s: err = %v does not match ErrValidation", op, err)
		}
		if err != nil && (!strings.HasPrefix(err.Error(), op+": ") || !strings.Contains(err.Error(), `"2026/17"`)) {
			t.Errorf("%s: error %q does not name the operation and the value", op, err)
		}
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestCreateOrderSendsTheOrder(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodPost, "/phaser-orders", http.StatusCreated, `{"phaser-order":{"id":7,"number":"2026-17","production_planning_customer_id":5}}`)
	got, err := c.CreateOrder(t.Context(), skyplanner.Order{Number: new("2026-17"), ProductionPlanningCustomerID: new(int64(5))})
	if err != nil {
		t.Fatal(err)
	}
	want := skyplanner.Order{ID: new(int64(7)), Number: new("2026-17"), ProductionPlanningCustomerID: new(int64(5))}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	req := f.only()
	jsonEqual(t, `{"number":"2026-17","production_planning_customer_id":5}`, req.Body)
	if ct := req.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestArchivedOrderNeedsIncludeArchived(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.mt.RegisterResponder(http.MethodGet, testBase+"/phaser-orders/7", func(req *http.Request) (*http.Response, error) {
		f.record(req)
		if req.URL.Query().Get("include_archived") != "true" {
			return newJSONResponse(http.StatusNotFound, `{"message":"not found"}`), nil
		}
		return newJSONResponse(http.StatusOK, `{"phaser-order":{"id":7,"is_archive":true}}`), nil
	})
	if _, err := c.GetOrder(t.Context(), 7); !errors.Is(err, skyplanner.ErrNotFound) {
		t.Fatalf("without IncludeArchived: err = %v; want ErrNotFound", err)
	}
	order, err := c.GetOrder(t.Context(), 7, skyplanner.IncludeArchived())
	if err != nil {
		t.Fatal(err)
	}
	if !order.Archived() {
		t.Error("the order read with IncludeArchived is not Archived()")
	}
}

func newJSONResponse(status int, body string) *http.Response {
	resp := httpmock.NewStringResponse(status, body)
	resp.Header.Set("Content-Type", "application/json")
	return resp
}
