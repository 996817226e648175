package skyplannertest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// received is one delivery as the receiver saw it.
type received struct {
	header http.Header
	body   []byte
	event  webhook.Event
}

// receiver is a webhook endpoint that keeps what it receives and answers
// status (200 unless set), after calling on when that is set.
type receiver struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	got    []received
	status int
	on     func(webhook.Event)
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	rc := &receiver{t: t, status: http.StatusOK}
	rc.srv = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		rc.t.Errorf("receiver: reading the body: %v", err)
	}
	ev, err := webhook.ParseEvent(body)
	if err != nil {
		rc.t.Errorf("receiver: %v in %s", err, body)
	}
	rc.mu.Lock()
	rc.got = append(rc.got, received{header: r.Header.Clone(), body: body, event: ev})
	on, status := rc.on, rc.status
	rc.mu.Unlock()
	if on != nil {
		on(ev)
	}
	w.WriteHeader(status)
}

func (rc *receiver) received() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

// hooked is exported with webhooks to url from now on: the setup's own
// events are not sent.
func hooked(t *testing.T, url string, secret []byte, scheme webhook.Scheme) (*skyplannertest.Server, *clock) {
	t.Helper()
	srv, clk := exported(t)
	if err := srv.SetWebhook(url, secret, scheme); err != nil {
		t.Fatal(err)
	}
	return srv, clk
}

func (rc *receiver) types() []webhook.EventType {
	var out []webhook.EventType
	for _, r := range rc.received() {
		out = append(out, r.event.Type)
	}
	return out
}

// Every scheme signs a delivery so that webhook.Verify accepts it, and the
// vendor's headers come with it.
func TestDeliveriesAreSignedPerScheme(t *testing.T) {
	t.Parallel()
	secret := []byte("s3cret")
	for _, scheme := range webhook.Schemes() {
		t.Run(scheme.String(), func(t *testing.T) {
			t.Parallel()
			rc := newReceiver(t)
			srv, clk := hooked(t, rc.srv.URL, secret, scheme)
			if err := srv.StartJob(job1); err != nil {
				t.Fatal(err)
			}
			got := rc.received()
			if len(got) != 2 {
				t.Fatalf("received %v, want JOB_STARTED and PHASER_ORDER_ROW_UPDATED", rc.types())
			}
			wantTS := strconv.FormatInt(clk.Now().Unix(), 10)
			for _, r := range got {
				ts := r.header.Get(webhook.HeaderTimestamp)
				if err := webhook.Verify(scheme, secret, ts, r.body, r.header.Get(webhook.HeaderSignature)); err != nil {
					t.Errorf("%s: %v", r.event.Type, err)
				}
				head := map[string]string{}
				for _, k := range []string{"Content-Type", "User-Agent", webhook.HeaderSource, webhook.HeaderTimestamp} {
					head[k] = r.header.Get(k)
				}
				wantHead := map[string]string{"Content-Type": "application/json", "User-Agent": "Skyplanner-Webhook/1.0",
					webhook.HeaderSource: "Skyplanner", webhook.HeaderTimestamp: wantTS}
				if diff := cmp.Diff(wantHead, head); diff != "" {
					t.Errorf("%s headers (-want +got):\n%s", r.event.Type, diff)
				}
				if !r.event.Time.Equal(clk.Now()) {
					t.Errorf("%s timestamp %v, want %v", r.event.Type, r.event.Time, clk.Now())
				}
			}
		})
	}
}

func TestDeliveriesUnsignedWithoutSecret(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	srv, _ := hooked(t, rc.srv.URL, nil, webhook.SchemeHexBody)
	if err := srv.StartJob(job1); err != nil {
		t.Fatal(err)
	}
	got := rc.received()
	if len(got) == 0 {
		t.Fatal("nothing delivered")
	}
	for _, r := range got {
		if sig, ok := r.header[webhook.HeaderSignature]; ok {
			t.Errorf("%s carries %s %q without a secret", r.event.Type, webhook.HeaderSignature, sig)
		}
	}
}

// The shop floor's events come in the order things happened, with the
// scheduled job (and the row) as data.
func TestShopFloorEvents(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	srv, _ := hooked(t, rc.srv.URL, []byte("k"), webhook.SchemeHexBody)
	for _, step := range []func(int64) error{srv.StartJob, srv.PauseJob, srv.ResumeJob, srv.CompleteJob} {
		if err := step(job1); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.CompleteJob(job1); err == nil {
		t.Fatal("second completion succeeded")
	}
	if err := srv.CompleteRow(row1); err != nil {
		t.Fatal(err)
	}
	want := []webhook.EventType{
		webhook.JobStarted, webhook.OrderRowUpdated, webhook.JobPaused, webhook.JobResumed, webhook.JobCompleted,
		// CompleteRow: jobs 2 to 4, each new, so started and completed;
		// the row completes with the last.
		webhook.JobStarted, webhook.JobCompleted, webhook.JobStarted, webhook.JobCompleted,
		webhook.JobStarted, webhook.JobCompleted, webhook.OrderRowUpdated,
	}
	if diff := cmp.Diff(want, rc.types()); diff != "" {
		t.Fatalf("events (-want +got):\n%s", diff)
	}

	got := rc.received()
	job, _ := srv.Job(job1)
	sj, err := got[4].event.ScheduledJob()
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]string{}
	for k, v := range sj.AdditionalProperties {
		props[k] = string(v)
	}
	wantProps := map[string]string{"status": `"completed"`, "phaser_job_id": "20001", "phaser_order_row_id": "10001",
		"phaser_order_id": "5001", "name": strconv.Quote(deref.Of(job.Name))}
	if diff := cmp.Diff(wantProps, props); diff != "" {
		t.Errorf("JOB_COMPLETED data's unmodelled fields (-want +got):\n%s", diff)
	}
	if deref.Of(sj.ID) != deref.Of(job.ProductionPlanningJobID) || sj.JobParts == nil || len(*sj.JobParts) == 0 {
		t.Errorf("JOB_COMPLETED data: id %d with parts %v, want the scheduled job %d with its parts",
			deref.Of(sj.ID), sj.JobParts, deref.Of(job.ProductionPlanningJobID))
	}
	row, err := got[len(got)-1].event.OrderRow()
	if err != nil || deref.Of(row.ID) != row1 || deref.Of(row.Status) != "completed" {
		t.Errorf("last PHASER_ORDER_ROW_UPDATED: %+v, %v; want row 10001 completed", row, err)
	}
}

// The API's writes of orders, rows and jobs send their events, with the
// record as the API answers it, without the envelope.
func TestAPIWriteEvents(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	srv := skyplannertest.NewServer(t, skyplannertest.WithDemoData(), skyplannertest.WithBareResponses(),
		skyplannertest.WithWebhook(rc.srv.URL, nil, webhook.SchemeHexBody))
	for _, r := range []struct{ method, path, body string }{
		{"POST", "/customers", `{"name":"Saop d.o.o."}`},
		{"POST", "/phaser-orders", `{"production_planning_customer_id":1001,"number":"2026-1"}`},
		{"PUT", "/phaser-orders/5001", `{"number":"2026-2"}`},
		{"POST", "/phaser-order-rows", `{"phaser_order_id":5001,"production_planning_product_id":22220,"get_default_steps":true}`},
		{"PUT", "/phaser-order-rows/10001", `{"amount":3}`},
		{"PUT", "/phaser-jobs/20001", `{"duration":60}`},
		{"GET", "/phaser-jobs/20001", ``},
		{"DELETE", "/phaser-jobs/20001", ``},
		{"DELETE", "/phaser-order-rows/10001", ``},
		{"DELETE", "/phaser-orders/5001", ``},
	} {
		if a := send(t, srv, r.method, r.path, r.body); a.status >= 300 {
			t.Fatalf("%s %s = %d %s", r.method, r.path, a.status, a.body)
		}
	}
	want := []webhook.EventType{
		webhook.OrderCreated, webhook.OrderUpdated,
		webhook.OrderRowCreated, webhook.PhaserJobCreated, webhook.PhaserJobCreated, webhook.PhaserJobCreated, webhook.PhaserJobCreated,
		webhook.OrderRowUpdated, webhook.PhaserJobUpdated,
		webhook.PhaserJobDeleted, webhook.OrderRowDeleted, webhook.OrderArchived,
	}
	if diff := cmp.Diff(want, rc.types()); diff != "" {
		t.Fatalf("events (-want +got):\n%s", diff)
	}
	got := rc.received()
	for _, r := range got {
		var data map[string]json.RawMessage
		if err := json.Unmarshal(r.event.Data, &data); err != nil || data["id"] == nil {
			t.Errorf("%s data %s: want a bare record with an id", r.event.Type, r.event.Data)
		}
	}
	order, err := got[1].event.Order()
	if err != nil || deref.Of(order.Number) != "2026-2" {
		t.Errorf("PHASER_ORDER_UPDATED data: %+v, %v; want number 2026-2", order, err)
	}
	job, err := got[9].event.Job()
	if err != nil || deref.Of(job.ID) != job1 || !deref.Of(job.IsArchive) {
		t.Errorf("PHASER_JOB_DELETED data: %+v, %v; want job 20001 archived", job, err)
	}
}

// A receiver may call back into the fake, through the API or its Go
// methods, while a delivery is under way: nothing deadlocks, and what the
// callback changes is delivered after the event in hand.
func TestReceiverCallsBackIntoTheFake(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	srv, _ := hooked(t, rc.srv.URL, nil, webhook.SchemeHexBody)
	var mu sync.Mutex
	var seen []string // what the receiver's callbacks got
	rc.on = func(ev webhook.Event) {
		mu.Lock()
		defer mu.Unlock()
		if ev.Type != webhook.JobCompleted {
			return
		}
		sj, err := ev.ScheduledJob()
		if err != nil {
			t.Error(err)
			return
		}
		a := send(t, srv, "GET", "/jobs/"+strconv.FormatInt(deref.Of(sj.ID), 10), "")
		seen = append(seen, strconv.Itoa(a.status))
		a = send(t, srv, "PUT", "/phaser-orders/5001", `{"description":"done"}`)
		seen = append(seen, strconv.Itoa(a.status))
		seen = append(seen, strconv.Itoa(len(srv.Deliveries())))
		if err := srv.StartJob(job2); err != nil {
			t.Error(err)
		}
	}
	if err := srv.CompleteJob(job1); err != nil {
		t.Fatal(err)
	}
	want := []webhook.EventType{webhook.JobStarted, webhook.OrderRowUpdated, webhook.JobCompleted,
		webhook.OrderUpdated, webhook.JobStarted}
	if diff := cmp.Diff(want, rc.types()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{"200", "200", "2"}, seen); diff != "" {
		t.Errorf("the receiver's callbacks (-want +got):\n%s", diff)
	}
	if got := len(srv.Deliveries()); got != len(want) {
		t.Errorf("%d deliveries recorded, want %d", got, len(want))
	}
}

// Redeliver repeats a delivery byte for byte, even after the clock moved.
func TestRedeliverIsByteIdentical(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	srv, clk := hooked(t, rc.srv.URL, []byte("k"), webhook.SchemeBase64TimestampBody)
	if err := srv.CompleteJob(job1); err != nil {
		t.Fatal(err)
	}
	clk.Advance(3600e9)
	if err := srv.Redeliver(2); err != nil {
		t.Fatalf("Redeliver: %v", err)
	}
	got := rc.received()
	if len(got) != 4 {
		t.Fatalf("received %v, want 3 events and a repeat", rc.types())
	}
	first, again := got[2], got[3]
	if first.event.Type != webhook.JobCompleted || !bytes.Equal(first.body, again.body) {
		t.Errorf("repeat of %s: body\n%s\nwant\n%s", first.event.Type, again.body, first.body)
	}
	for _, k := range []string{webhook.HeaderSignature, webhook.HeaderTimestamp, "Content-Type", "User-Agent", webhook.HeaderSource} {
		if a, b := first.header.Get(k), again.header.Get(k); a != b || a == "" {
			t.Errorf("repeat's %s = %q, first %q", k, b, a)
		}
	}
	ds := srv.Deliveries()
	if len(ds) != 4 || !ds[3].Redelivery || ds[2].Redelivery || ds[3].Status != http.StatusOK {
		t.Errorf("deliveries: %+v; want the fourth a redelivery answered 200", ds)
	}
	if err := srv.Redeliver(4); !errors.Is(err, skyplannertest.ErrNoDelivery) {
		t.Errorf("Redeliver(4) of 4: %v, want ErrNoDelivery", err)
	}
}

// A failed delivery is recorded and not retried.
func TestFailedDeliveries(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t)
	rc.status = http.StatusInternalServerError
	srv, _ := hooked(t, rc.srv.URL, nil, webhook.SchemeHexBody)
	if err := srv.StartJob(job1); err != nil {
		t.Fatal(err)
	}
	if n := len(rc.received()); n != 2 {
		t.Errorf("receiver got %d requests, want 2 (no retries)", n)
	}
	if err := srv.Redeliver(0); !errors.Is(err, skyplannertest.ErrDeliveryFailed) || !strings.Contains(err.Error(), "500") {
		t.Errorf("Redeliver to a failing receiver: %v, want ErrDeliveryFailed naming 500", err)
	}

	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()
	if err := srv.SetWebhook(gone.URL, nil, webhook.SchemeHexBody); err != nil {
		t.Fatal(err)
	}
	if err := srv.PauseJob(job1); err != nil {
		t.Fatal(err)
	}
	ds := srv.Deliveries()
	last := ds[len(ds)-1]
	if len(ds) != 4 || last.Event != webhook.JobPaused || last.Status != 0 || last.Err == "" || last.OK() {
		t.Errorf("delivery to a closed receiver: %+v (of %d); want status 0 with an error", last, len(ds))
	}
}

// A receiver made after the fake (knowing its URL needs the fake) is set
// with SetWebhook; events before it are not kept.
func TestSetWebhookLater(t *testing.T) {
	t.Parallel()
	srv, _ := exported(t)
	if err := srv.StartJob(job1); err != nil {
		t.Fatal(err)
	}
	rc := newReceiver(t)
	if err := srv.SetWebhook(rc.srv.URL, nil, webhook.SchemeHexBody); err != nil {
		t.Fatal(err)
	}
	if err := srv.CompleteJob(job1); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]webhook.EventType{webhook.JobCompleted}, rc.types()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if err := srv.SetWebhook("", nil, webhook.SchemeHexBody); err != nil {
		t.Fatal(err)
	}
	if err := srv.StartJob(job2); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Deliveries()); n != 1 {
		t.Errorf("%d deliveries after turning webhooks off, want 1", n)
	}
}

func TestWebhookSettingsAreChecked(t *testing.T) {
	t.Parallel()
	srv := skyplannertest.NewServer(t)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"not a URL", srv.SetWebhook("ftp://x", nil, webhook.SchemeHexBody), "SetWebhook: url"},
		{"unknown scheme", srv.SetWebhook("http://127.0.0.1:1/", nil, webhook.Scheme(9)), "SetWebhook: scheme"},
		{"option without url", startErr(skyplannertest.WithWebhook("", nil, webhook.SchemeHexBody)), "WithWebhook: empty url"},
		{"option with a bad scheme", startErr(skyplannertest.WithWebhook("http://127.0.0.1:1/", nil, -1)), "WithWebhook: scheme"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error naming %q", tt.name, tt.err, tt.want)
		}
	}
}

func startErr(opt skyplannertest.Option) error {
	srv, err := skyplannertest.Start(opt)
	if err == nil {
		srv.Close()
	}
	return err
}
