package skyplanner_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/planbridge/planbridge/skyplanner"
)

// replyAs answers method on path with status, the given Content-Type
// (none when empty) and body.
func (f *fakeAPI) replyAs(method, path string, status int, contentType, body string) {
	f.mt.RegisterResponder(method, testBase+path, func(req *http.Request) (*http.Response, error) {
		f.record(req)
		resp := httpmock.NewStringResponse(status, body)
		if contentType != "" {
			resp.Header.Set("Content-Type", contentType)
		}
		return resp, nil
	})
}

// wantNoRecord fails unless err is an *AnswerError matching ErrNoRecord and
// not ErrNotFound (which would tell a sync to create the record).
func wantNoRecord(t *testing.T, what string, err error) {
	t.Helper()
	var ae *skyplanner.AnswerError
	if !errors.As(err, &ae) || !errors.Is(err, skyplanner.ErrNoRecord) {
		t.Errorf("%s: err = %v; want an *AnswerError matching ErrNoRecord", what, err)
	}
	if errors.Is(err, skyplanner.ErrNotFound) {
		t.Errorf("%s: err = %v matches ErrNotFound", what, err)
	}
}

func TestReadWithoutARecordIsAnError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		``, `null`, `{}`, `{"phaser-order":null}`, `{"phaser-order":{}}`,
		`{"phaser-order":{"number":"2026-17"}}`, `{"number":"2026-17","id":0}`,
	} {
		f, c := newFake(t)
		f.reply(http.MethodGet, "/phaser-orders/7", http.StatusOK, body)
		got, err := c.GetOrder(t.Context(), 7)
		wantNoRecord(t, "GetOrder answered "+body, err)
		if got.Number != nil {
			t.Errorf("GetOrder answered %s returned %+v with the error", body, got)
		}
	}
	f, c := newFake(t)
	f.reply(http.MethodGet, "/products/3", http.StatusOK, `{"product":{"name":"no id"}}`)
	_, err := c.GetProduct(t.Context(), 3)
	wantNoRecord(t, "GetProduct without an id", err)
	if err != nil && !strings.Contains(err.Error(), "id is missing") {
		t.Errorf("GetProduct without an id: %q does not name the field", err)
	}
}

func TestListWithoutAListIsAnError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{``, `null`, `{}`, `{"phaser-orders":null}`, `{"count":0}`} {
		f, c := newFake(t)
		f.reply(http.MethodGet, "/phaser-orders", http.StatusOK, body)
		_, err := collect(t, c.ListOrders(t.Context(), skyplanner.OrderFilter{}))
		wantNoRecord(t, "ListOrders answered "+body, err)
		_, err = c.FindOrderByExternalID(t.Context(), "mm-1")
		wantNoRecord(t, "FindOrderByExternalID answered "+body, err)
	}
	f, c := newFake(t)
	f.reply(http.MethodGet, "/phaser-orders", http.StatusOK, `{"phaser-orders":[]}`)
	if _, err := c.FindOrderByExternalID(t.Context(), "mm-1"); !errors.Is(err, skyplanner.ErrNotFound) {
		t.Errorf("an empty list: err = %v; want ErrNotFound", err)
	}
}

func TestCreateWithoutAnIDIsUnconfirmed(t *testing.T) {
	t.Parallel()
	ext := new("mm-42")
	creates := []struct {
		op, path, key, finder string
		call                  func(context.Context, *skyplanner.Client) error
	}{
		{"CreateCustomer", "/customers", "customer", "FindCustomerByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateCustomer(ctx, skyplanner.Customer{ExternalID: ext})
			return err
		}},
		{"CreateOrder", "/phaser-orders", "phaser-order", "FindOrderByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateOrder(ctx, skyplanner.Order{ExternalID: ext})
			return err
		}},
		{"CreateOrderRow", "/phaser-order-rows", "phaser-order-row", "FindOrderRowByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{ExternalID: ext})
			return err
		}},
		{"CreateProduct", "/products", "product", "FindProductByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateProduct(ctx, skyplanner.Product{ExternalID: ext})
			return err
		}},
		{"CreateJob", "/phaser-jobs", "phaser-job", "FindJobByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateJob(ctx, skyplanner.Job{ExternalID: ext})
			return err
		}},
		{"CreateWorkstage", "/workstages", "workstage", "FindWorkstageByExternalID", func(ctx context.Context, c *skyplanner.Client) error {
			_, err := c.CreateWorkstage(ctx, skyplanner.Workstage{ExternalID: ext})
			return err
		}},
	}
	for _, tc := range creates {
		for _, answer := range []struct{ contentType, body string }{
			{"", ""},
			{"application/json", `{}`},
			{"application/json", `{"` + tc.key + `":{}}`},
			{"application/json", `{"` + tc.key + `":null}`},
			{"application/json", `{"` + tc.key + `":{"external_id":"mm-42"}}`},
			{"text/plain", `created`},
		} {
			f, c := newFake(t)
			f.replyAs(http.MethodPost, tc.path, http.StatusCreated, answer.contentType, answer.body)
			err := tc.call(t.Context(), c)
			var ce *skyplanner.CreateUnconfirmedError
			if !errors.As(err, &ce) || !errors.Is(err, skyplanner.ErrCreateUnconfirmed) {
				t.Errorf("%s answered %q: err = %v; want a *CreateUnconfirmedError", tc.op, answer.body, err)
				continue
			}
			if ce.Operation != "skyplanner."+tc.op || ce.ExternalID != "mm-42" || ce.Received != answer.body {
				t.Errorf("%s answered %q: %+v", tc.op, answer.body, ce)
			}
			for _, part := range []string{"may have been created", `"mm-42"`, tc.finder} {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("%s answered %q: %q does not say %q", tc.op, answer.body, err, part)
				}
			}
		}
	}

	// A step has no external id; the advice still says to look first.
	f, c := newFake(t)
	f.reply(http.MethodPost, "/products/jobs/5", http.StatusCreated, `{"product-job":{}}`)
	_, err := c.AddProductStep(t.Context(), 5, skyplanner.ProductStep{OrderNumber: new(int32(1))})
	if !errors.Is(err, skyplanner.ErrCreateUnconfirmed) || !strings.Contains(err.Error(), "look for it") {
		t.Errorf("AddProductStep answered with an empty step: %v", err)
	}

	// A refusal is not unconfirmed: nothing was created.
	f, c = newFake(t)
	f.reply(http.MethodPost, "/phaser-orders", http.StatusUnprocessableEntity, `{"message":"bad"}`)
	if _, err := c.CreateOrder(t.Context(), skyplanner.Order{ExternalID: ext}); errors.Is(err, skyplanner.ErrCreateUnconfirmed) {
		t.Errorf("a 422 is unconfirmed: %v", err)
	}
}

func TestUpdateWithoutARecordIsAnError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{``, `{}`, `{"phaser-order":null}`} {
		f, c := newFake(t)
		f.reply(http.MethodPut, "/phaser-orders/7", http.StatusOK, body)
		_, err := c.UpdateOrder(t.Context(), 7, skyplanner.Order{Number: new("2026-17")})
		wantNoRecord(t, "UpdateOrder answered "+body, err)
		if errors.Is(err, skyplanner.ErrCreateUnconfirmed) {
			t.Errorf("UpdateOrder answered %q: an update is not a create: %v", body, err)
		}
	}
}

// TestJSONAsTextIsDescribed: a body of the wrong type is reported as what it
// is, with its first bytes, not as a missing body.
func TestJSONAsTextIsDescribed(t *testing.T) {
	t.Parallel()
	const body = `{"phaser-order":{"id":7,"number":"2026-17"}}`
	f, c := newFake(t)
	f.replyAs(http.MethodGet, "/phaser-orders/7", http.StatusOK, "text/plain; charset=utf-8", body)
	f.replyAs(http.MethodGet, "/phaser-orders", http.StatusOK, "text/plain", `[`+body+`]`)
	_, getErr := c.GetOrder(t.Context(), 7)
	_, listErr := collect(t, c.ListOrders(t.Context(), skyplanner.OrderFilter{}))
	for what, err := range map[string]error{"GetOrder": getErr, "ListOrders": listErr} {
		var ae *skyplanner.AnswerError
		if !errors.As(err, &ae) || !strings.HasPrefix(ae.ContentType, "text/plain") {
			t.Errorf("%s: err = %v; want an *AnswerError with the Content-Type", what, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "text/plain") || !strings.Contains(msg, `{\"phaser-order\":{\"id\":7`) || strings.Contains(msg, "no JSON body") {
			t.Errorf("%s: %q does not say what came", what, msg)
		}
	}
}
