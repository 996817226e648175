package skyplanner_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/planbridge/planbridge/skyplanner"
)

func TestCreateOrderRowOptionsReachTheBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []skyplanner.RowOption
		want string
	}{
		{"none", nil, `{"phaser_order_id":7,"production_planning_product_id":22220,"amount":12}`},
		{"default steps", []skyplanner.RowOption{skyplanner.WithDefaultSteps()},
			`{"phaser_order_id":7,"production_planning_product_id":22220,"amount":12,"get_default_steps":true}`},
		{"custom materials", []skyplanner.RowOption{skyplanner.WithCustomMaterials()},
			`{"phaser_order_id":7,"production_planning_product_id":22220,"amount":12,"use_custom_materials":true}`},
		{"both", []skyplanner.RowOption{skyplanner.WithDefaultSteps(), skyplanner.WithCustomMaterials()},
			`{"phaser_order_id":7,"production_planning_product_id":22220,"amount":12,"get_default_steps":true,"use_custom_materials":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, c := newFake(t)
			f.reply(http.MethodPost, "/phaser-order-rows", http.StatusCreated, `{"phaser-order-row":{"id":11,"phaser_order_id":7}}`)
			row := skyplanner.OrderRow{PhaserOrderID: new(int64(7)), ProductionPlanningProductID: new(int64(22220)), Amount: new(12.0)}
			got, err := c.CreateOrderRow(t.Context(), row, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if *got.ID != 11 {
				t.Errorf("created row id = %d", *got.ID)
			}
			jsonEqual(t, tt.want, f.only().Body)
			if row.GetDefaultSteps != nil || row.UseCustomMaterials != nil {
				t.Error("the caller's row was changed")
			}
		})
	}
}

// The README's own snippet: default steps for a row that names no product.
// SkyPlanner refuses it; the client says so first and sends nothing.
func TestCreateOrderRowDefaultStepsNeedAProduct(t *testing.T) {
	t.Parallel()
	for name, product := range map[string]*int64{"absent": nil, "zero": new(int64(0)), "negative": new(int64(-3))} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, c := newFake(t) // answers nothing: any request fails the test
			row := skyplanner.OrderRow{PhaserOrderID: new(int64(7)), ProductionPlanningProductID: product}
			_, err := c.CreateOrderRow(t.Context(), row, skyplanner.WithDefaultSteps())
			var fe *skyplanner.FieldError
			if !errors.As(err, &fe) || fe.Field != "production_planning_product_id" || !errors.Is(err, skyplanner.ErrValidation) {
				t.Errorf("error %v, want a FieldError on production_planning_product_id matching ErrValidation", err)
			}
			if n := len(f.requests()); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}

func TestOrderRowReadsAndWrites(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodPut, "/phaser-order-rows/11", http.StatusOK, `{"phaser-order-row":{"id":11,"status":"started"}}`)
	got, err := c.UpdateOrderRow(t.Context(), 11, skyplanner.OrderRow{Status: new(skyplanner.OrderRowStatusStarted)})
	if err != nil || *got.Status != skyplanner.OrderRowStatusStarted {
		t.Fatalf("UpdateOrderRow: %+v, %v", got, err)
	}
	jsonEqual(t, `{"status":"started"}`, f.only().Body)
}
