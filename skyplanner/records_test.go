package skyplanner_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner"
)

// TestEnvelopeAndBareForms runs every read against both answers SkyPlanner
// may give: the record (or list) under its resource key, and bare.
func TestEnvelopeAndBareForms(t *testing.T) {
	t.Parallel()
	type result struct {
		IDs []int64
	}
	ids := func(ps ...*int64) result {
		var r result
		for _, p := range ps {
			r.IDs = append(r.IDs, *p)
		}
		return r
	}
	listIDs := func(t *testing.T, get func() ([]*int64, error)) result {
		got, err := get()
		if err != nil {
			t.Fatal(err)
		}
		return ids(got...)
	}
	tests := []struct {
		name, path, key, bare string
		read                  func(t *testing.T, c *skyplanner.Client) result
		want                  result
	}{
		{"GetCustomer", "/customers/5", "customer", `{"id":5}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetCustomer(t.Context(), 5)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{5}}},
		{"GetOrder", "/phaser-orders/7", "phaser-order", `{"id":7,"number":"2026-1"}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetOrder(t.Context(), 7)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{7}}},
		{"GetOrderRow", "/phaser-order-rows/11", "phaser-order-row", `{"id":11}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetOrderRow(t.Context(), 11)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{11}}},
		{"GetJob", "/phaser-jobs/21", "phaser-job", `{"id":21,"workstations":"61,62"}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetJob(t.Context(), 21)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{21}}},
		{"GetProduct", "/products/22220", "product", `{"id":22220,"type":"product"}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetProduct(t.Context(), 22220)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{22220}}},
		{"GetSaldo", "/saldos/3", "saldo", `{"id":3}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetSaldo(t.Context(), 3)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{3}}},
		{"GetWorkstage", "/workstages/4", "workstage", `{"id":4}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetWorkstage(t.Context(), 4)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{4}}},
		// A bare workstation with a member named like the envelope key: the
		// generated typed parse would fail on it.
		{"GetWorkstation", "/workstations/61", "workstation", `{"id":61,"workstation":"old name"}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.GetWorkstation(t.Context(), 61)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{61}}},
		{"ScheduledJob", "/jobs/900", "job", `{"id":900,"job_parts":[]}`, func(t *testing.T, c *skyplanner.Client) result {
			v, err := c.ScheduledJob(t.Context(), 900)
			if err != nil {
				t.Fatal(err)
			}
			return ids(v.ID)
		}, result{[]int64{900}}},
		{"ListCustomers", "/customers", "customers", `[{"id":1},{"id":2}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListCustomers(t.Context(), skyplanner.CustomerFilter{}), func(v skyplanner.Customer) *int64 { return v.ID }))
		}, result{[]int64{1, 2}}},
		{"ListOrders", "/phaser-orders", "phaser-orders", `[{"id":1},{"id":2}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListOrders(t.Context(), skyplanner.OrderFilter{}), func(v skyplanner.Order) *int64 { return v.ID }))
		}, result{[]int64{1, 2}}},
		{"ListOrderRows", "/phaser-order-rows", "phaser-order-rows", `[{"id":3}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{}), func(v skyplanner.OrderRow) *int64 { return v.ID }))
		}, result{[]int64{3}}},
		{"ListJobs", "/phaser-jobs", "phaser-jobs", `[{"id":4},{"id":5}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListJobs(t.Context(), skyplanner.JobFilter{}), func(v skyplanner.Job) *int64 { return v.ID }))
		}, result{[]int64{4, 5}}},
		{"ListProducts", "/products", "products", `[{"id":6}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListProducts(t.Context(), skyplanner.ProductFilter{}), func(v skyplanner.Product) *int64 { return v.ID }))
		}, result{[]int64{6}}},
		{"ListSaldos", "/saldos", "saldos", `[{"id":7}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListSaldos(t.Context(), skyplanner.SaldoFilter{}), func(v skyplanner.Saldo) *int64 { return v.ID }))
		}, result{[]int64{7}}},
		{"ListWorkstages", "/workstages", "workstages", `[{"id":8}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListWorkstages(t.Context(), skyplanner.WorkstageFilter{}), func(v skyplanner.Workstage) *int64 { return v.ID }))
		}, result{[]int64{8}}},
		{"ListWorkstations", "/workstations", "workstations", `[{"id":9}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListWorkstations(t.Context(), skyplanner.WorkstationFilter{}), func(v skyplanner.Workstation) *int64 { return v.ID }))
		}, result{[]int64{9}}},
		{"ListScheduledJobs", "/jobs", "jobs", `[{"id":10}]`, func(t *testing.T, c *skyplanner.Client) result {
			return listIDs(t, idsOf(t, c.ListScheduledJobs(t.Context()), func(v skyplanner.ScheduledJob) *int64 { return v.ID }))
		}, result{[]int64{10}}},
		{"ProductSteps", "/products/jobs/22220", "product-jobs", `[{"order_number":1},{"order_number":2}]`, func(t *testing.T, c *skyplanner.Client) result {
			steps, err := c.ProductSteps(t.Context(), 22220)
			if err != nil {
				t.Fatal(err)
			}
			var r result
			for _, s := range steps {
				r.IDs = append(r.IDs, int64(*s.OrderNumber))
			}
			return r
		}, result{[]int64{1, 2}}},
	}
	for _, tt := range tests {
		for form, body := range map[string]string{
			"envelope": `{"` + tt.key + `":` + tt.bare + `}`,
			"bare":     tt.bare,
		} {
			t.Run(tt.name+"/"+form, func(t *testing.T) {
				t.Parallel()
				f, c := newFake(t)
				f.reply(http.MethodGet, tt.path, http.StatusOK, body)
				if diff := cmp.Diff(tt.want, tt.read(t, c)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				if got := f.only(); got.Method != http.MethodGet || got.Path != tt.path {
					t.Errorf("sent %s %s, want GET %s", got.Method, got.Path, tt.path)
				}
			})
		}
	}
}

func idsOf[T any](t *testing.T, seq func(func(T, error) bool), id func(T) *int64) func() ([]*int64, error) {
	return func() ([]*int64, error) {
		vs, err := collect(t, seq)
		out := make([]*int64, len(vs))
		for i, v := range vs {
			out[i] = id(v)
		}
		return out, err
	}
}

func TestRecordsKeepUnmodelledFields(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/phaser-orders/7", http.StatusOK,
		`{"phaser-order":{"id":7,"number":"2026-1","priority":{"level":2},"delivery_date":"2026-02-01 12:00:00"}}`)
	f.reply(http.MethodPut, "/phaser-orders/7", http.StatusOK, `{"phaser-order":{"id":7}}`)
	order, err := c.GetOrder(t.Context(), 7)
	if err != nil {
		t.Fatal(err)
	}
	order.Description = new("rush")
	if _, err := c.UpdateOrder(t.Context(), 7, order); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, `{"id":7,"number":"2026-1","priority":{"level":2},"delivery_date":"2026-02-01 12:00:00","description":"rush"}`,
		f.requests()[1].Body)
}

func TestStatusesMatchSentinels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status   int
		body     string
		want     error
		notWant  error
		fieldMsg []skyplanner.FieldMessage
	}{
		{http.StatusNotFound, `{"message":"Record not found"}`, skyplanner.ErrNotFound, skyplanner.ErrValidation, nil},
		{http.StatusUnprocessableEntity, `{"message":"Invalid data","ModelState":{"number":["is required"]}}`,
			skyplanner.ErrValidation, skyplanner.ErrNotFound, []skyplanner.FieldMessage{{Field: "number", Message: "is required"}}},
		{http.StatusBadRequest, `{"message":"bad"}`, skyplanner.ErrValidation, skyplanner.ErrConflict, nil},
		{http.StatusConflict, ``, skyplanner.ErrConflict, skyplanner.ErrValidation, nil},
		{http.StatusTooManyRequests, ``, skyplanner.ErrRateLimited, skyplanner.ErrNotFound, nil},
		{http.StatusForbidden, ``, skyplanner.ErrUnauthorized, skyplanner.ErrNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			t.Parallel()
			f, c := newFake(t)
			f.reply(http.MethodPost, "/phaser-orders", tt.status, tt.body)
			_, err := c.CreateOrder(t.Context(), skyplanner.Order{Number: new("2026-1")})
			if !errors.Is(err, tt.want) || errors.Is(err, tt.notWant) {
				t.Errorf("err = %v; want it to match %v and not %v", err, tt.want, tt.notWant)
			}
			var apiErr *skyplanner.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %T; want an *APIError", err)
			}
			if apiErr.Operation != "skyplanner.CreateOrder" || apiErr.StatusCode != tt.status {
				t.Errorf("APIError = %s %d", apiErr.Operation, apiErr.StatusCode)
			}
			if diff := cmp.Diff(tt.fieldMsg, apiErr.Fields); diff != "" {
				t.Errorf("Fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBadBodyIsAnErrorNamingTheOperation(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"not JSON":         `<html>maintenance</html>`,
		"empty":            ``,
		"wrong field type": `{"phaser-order":{"id":"seven"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, c := newFake(t)
			f.reply(http.MethodGet, "/phaser-orders/7", http.StatusOK, body)
			_, err := c.GetOrder(t.Context(), 7)
			if err == nil || !strings.HasPrefix(err.Error(), "skyplanner.GetOrder: ") {
				t.Errorf("err = %v; want an error naming skyplanner.GetOrder", err)
			}
		})
	}
	f, c := newFake(t)
	f.reply(http.MethodGet, "/phaser-jobs", http.StatusOK, `{"phaser-jobs":{"id":1}}`)
	if _, err := collect(t, c.ListJobs(t.Context(), skyplanner.JobFilter{})); err == nil || !strings.HasPrefix(err.Error(), "skyplanner.ListJobs: ") {
		t.Errorf("list err = %v; want an error naming skyplanner.ListJobs", err)
	}
}

func TestIncludeArchivedOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	type read func(c *skyplanner.Client, t *testing.T, opts ...skyplanner.ReadOption) error
	tests := []struct {
		name, path, body string
		read             read
	}{
		{"GetOrder", "/phaser-orders/7", `{"id":7}`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := c.GetOrder(t.Context(), 7, o...)
			return err
		}},
		{"ListOrders", "/phaser-orders", `[]`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := collect(t, c.ListOrders(t.Context(), skyplanner.OrderFilter{}, o...))
			return err
		}},
		{"FindOrderByExternalID", "/phaser-orders", `[{"id":7,"external_id":"E"}]`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := c.FindOrderByExternalID(t.Context(), "E", o...)
			return err
		}},
		{"GetOrderRow", "/phaser-order-rows/11", `{"id":11}`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := c.GetOrderRow(t.Context(), 11, o...)
			return err
		}},
		{"ListOrderRows", "/phaser-order-rows", `[]`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := collect(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{OrderID: 7}, o...))
			return err
		}},
		{"GetJob", "/phaser-jobs/21", `{"id":21}`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := c.GetJob(t.Context(), 21, o...)
			return err
		}},
		{"ListJobs", "/phaser-jobs", `[]`, func(c *skyplanner.Client, t *testing.T, o ...skyplanner.ReadOption) error {
			_, err := collect(t, c.ListJobs(t.Context(), skyplanner.JobFilter{}, o...))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, c := newFake(t)
			f.reply(http.MethodGet, tt.path, http.StatusOK, tt.body)
			if err := tt.read(c, t); err != nil {
				t.Fatal(err)
			}
			if err := tt.read(c, t, skyplanner.IncludeArchived()); err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			if reqs[0].Query.Has("include_archived") {
				t.Errorf("without the option: query %v has include_archived", reqs[0].Query)
			}
			if got := reqs[1].Query["include_archived"]; len(got) != 1 || got[0] != "true" {
				t.Errorf("with IncludeArchived: include_archived = %v, want [true]", got)
			}
		})
	}
}

func TestListFiltersBecomeQueryParameters(t *testing.T) {
	t.Parallel()
	since := time.Date(2025, 6, 5, 22, 0, 0, 0, time.UTC)
	f, c := newFake(t)
	f.reply(http.MethodGet, "/phaser-order-rows", http.StatusOK, `{"phaser-order-rows":[]}`)
	_, err := collect(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{
		OrderID:               7,
		ExternalID:            "ERP-1",
		Status:                skyplanner.OrderRowStatusStarted,
		Worknumber:            "W 12",
		DeliveryDate:          since.Add(24 * time.Hour),
		DeliveryDateCondition: skyplanner.ConditionLess,
		ModifiedSince:         since,
		Limit:                 50,
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"phaser_order_id":         {"7"},
		"external_id":             {"ERP-1"},
		"status":                  {"started"},
		"worknumber":              {"W 12"},
		"delivery_date":           {"2025-06-06T22:00:00+00:00"},
		"delivery_date_condition": {"<"},
		"modified":                {"2025-06-05T22:00:00+00:00"},
		"modifiedCondition":       {">="},
		"limit":                   {"50"},
	}
	if diff := cmp.Diff(want, map[string][]string(f.only().Query)); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}

	// A zero filter sends no parameters at all.
	f2, c2 := newFake(t)
	f2.reply(http.MethodGet, "/phaser-order-rows", http.StatusOK, `[]`)
	if _, err := collect(t, c2.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{})); err != nil {
		t.Fatal(err)
	}
	if q := f2.only().Query; len(q) != 0 {
		t.Errorf("zero filter sent %v", q)
	}
}

func TestBadFiltersAreRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	checks := map[string]error{}
	_, checks["negative limit"] = collect(t, c.ListOrders(t.Context(), skyplanner.OrderFilter{Limit: -1}))
	_, checks["huge limit"] = collect(t, c.ListCustomers(t.Context(), skyplanner.CustomerFilter{Limit: 1 << 40}))
	_, checks["bad status"] = collect(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{Status: "done"}))
	_, checks["bad condition"] = collect(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{DeliveryDate: time.Now(), DeliveryDateCondition: "=="}))
	_, checks["condition without date"] = collect(t, c.ListOrderRows(t.Context(), skyplanner.OrderRowFilter{DeliveryDateCondition: skyplanner.ConditionLess}))
	_, checks["bad product type"] = collect(t, c.ListProducts(t.Context(), skyplanner.ProductFilter{Type: "tool"}))
	for name, err := range checks {
		var fe *skyplanner.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, skyplanner.ErrValidation) {
			t.Errorf("%s: err = %v; want a *FieldError matching ErrValidation", name, err)
		}
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent for refused filters", n)
	}
}

func TestUpdateRefusesAnotherRecordsID(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	_, err := c.UpdateCustomer(t.Context(), 5, skyplanner.Customer{ID: new(int64(6))})
	var fe *skyplanner.FieldError
	if !errors.As(err, &fe) || fe.Field != "id" {
		t.Errorf("err = %v; want a *FieldError for id", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}

	f.reply(http.MethodPut, "/customers/5", http.StatusOK, `{"customer":{"id":5,"name":"Acme"}}`)
	got, err := c.UpdateCustomer(t.Context(), 5, skyplanner.Customer{ID: new(int64(5)), Name: new("Acme")})
	if err != nil || *got.Name != "Acme" {
		t.Errorf("UpdateCustomer with its own id: %+v, %v", got, err)
	}
}

func TestWritesSendTheRecord(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodPost, "/customers", http.StatusCreated, `{"customer":{"id":5,"name":"Acme"}}`)
	f.reply(http.MethodDelete, "/customers/5", http.StatusNoContent, ``)
	f.reply(http.MethodDelete, "/phaser-orders/7", http.StatusOK, `{"message":"archived"}`)
	f.reply(http.MethodDelete, "/phaser-order-rows/11", http.StatusNoContent, ``)
	f.reply(http.MethodDelete, "/phaser-jobs/21", http.StatusNoContent, ``)
	f.reply(http.MethodPost, "/phaser-jobs", http.StatusOK, `{"phaser-job":{"id":21}}`)
	f.reply(http.MethodPost, "/workstages", http.StatusOK, `{"workstage":{"id":4}}`)
	f.reply(http.MethodPost, "/products", http.StatusOK, `{"product":{"id":6}}`)

	ctx := t.Context()
	customer, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: new("Acme"), ExternalID: new("C-1")})
	if err != nil || *customer.ID != 5 {
		t.Fatalf("CreateCustomer: %+v, %v", customer, err)
	}
	ws := skyplanner.Workstations{61, 62}
	steps := []error{
		c.DeleteCustomer(ctx, 5),
		c.ArchiveOrder(ctx, 7),
		c.ArchiveOrderRow(ctx, 11),
		c.ArchiveJob(ctx, 21),
	}
	_, err = c.CreateJob(ctx, skyplanner.Job{PhaserOrderRowID: new(int64(11)), PhaserWorkstageID: new(int64(4)), Workstations: &ws})
	steps = append(steps, err)
	_, err = c.CreateWorkstage(ctx, skyplanner.Workstage{Name: new("Cutting")})
	steps = append(steps, err)
	_, err = c.CreateProduct(ctx, skyplanner.Product{Type: new(skyplanner.ProductTypeMaterial)})
	steps = append(steps, err)
	if err := errors.Join(steps...); err != nil {
		t.Fatal(err)
	}

	type call struct{ Method, Path, Body string }
	var got []call
	for _, r := range f.requests() {
		got = append(got, call{r.Method, r.Path, r.Body})
	}
	want := []call{
		{"POST", "/customers", `{"external_id":"C-1","name":"Acme"}`},
		{"DELETE", "/customers/5", ""},
		{"DELETE", "/phaser-orders/7", ""},
		{"DELETE", "/phaser-order-rows/11", ""},
		{"DELETE", "/phaser-jobs/21", ""},
		{"POST", "/phaser-jobs", `{"phaser_order_row_id":11,"phaser_workstage_id":4,"workstations":"61,62"}`},
		{"POST", "/workstages", `{"name":"Cutting"}`},
		{"POST", "/products", `{"type":"material"}`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
