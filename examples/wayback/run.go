package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/mapping"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// order is the demo order the example follows: 2026-1.
const order = 7870

// secret is the webhook secret configured in SkyPlanner and in the Handler.
var secret = []byte("an example secret, shared with SkyPlanner")

// services are the two fakes and the clients pointed at them.
type services struct {
	mmFake *minimaxtest.Server
	spFake *skyplannertest.Server
	mm     *minimax.Client
	sp     *skyplanner.Client
}

func run(ctx context.Context, stdout io.Writer) error {
	s, err := start()
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.sync(ctx, stdout); err != nil {
		return err
	}
	tracker, err := planbridge.NewTracker(s.mm, s.sp, planbridge.WithCompletion())
	if err != nil {
		return err
	}
	schedule, err := tracker.Schedule(ctx, order)
	if err != nil {
		return err
	}
	printSchedule(stdout, schedule)

	recv, err := listen(tracker)
	if err != nil {
		return err
	}
	if err := s.spFake.SetWebhook(recv.url, secret, webhook.SchemeHexBody); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nThe shop floor completes the order's jobs; SkyPlanner sends a signed webhook for each step:")
	if err := s.spFake.CompleteOrder(schedule.OrderID); err != nil {
		return err
	}
	// The same JOB_COMPLETED again, byte for byte, as a sender that retries.
	deliveries := s.spFake.Deliveries()
	if err := s.spFake.Redeliver(lastOf(deliveries, webhook.JobCompleted)); err != nil {
		return err
	}
	// Close answers no more deliveries and waits for the events in hand.
	closing, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := recv.close(closing); err != nil {
		return err
	}
	printDeliveries(stdout, s.spFake.Deliveries(), recv.h.Stats())
	if errs := recv.errors(); len(errs) > 0 {
		return fmt.Errorf("the Tracker failed: %w", errors.Join(errs...))
	}
	if err := s.report(ctx, stdout); err != nil {
		return err
	}

	fmt.Fprintln(stdout, "\nA poll, the way for those who cannot receive webhooks, comes to the same:")
	poll, err := tracker.Poll(ctx, time.Time{})
	if err != nil {
		return err
	}
	printPoll(stdout, poll)
	return nil
}

func start() (*services, error) {
	var s services
	var err error
	if s.mmFake, err = minimaxtest.Start(minimaxtest.WithDemoData()); err != nil {
		return nil, err
	}
	if s.spFake, err = skyplannertest.Start(skyplannertest.WithDemoData()); err != nil {
		s.mmFake.Close()
		return nil, err
	}
	if s.mm, err = minimax.New(s.mmFake.ClientOptions()...); err == nil {
		s.sp, err = skyplanner.New(s.spFake.ClientOptions()...)
	}
	if err != nil {
		s.close()
		return nil, err
	}
	return &s, nil
}

func (s *services) close() {
	s.spFake.Close()
	s.mmFake.Close()
}

// sync makes SkyPlanner hold the confirmed orders, exported to scheduling.
// Montaža (assembly) has no default steps in the demo data, so the mapping
// gives it a routing of one step.
func (s *services) sync(ctx context.Context, stdout io.Writer) error {
	opts := mapping.DefaultOptions()
	opts.Routing = map[string][]mapping.Step{"MONTAZA": {{WorkstageName: "Montaža", DurationSeconds: 3600, PerPiece: true}}}
	mapper, err := mapping.NewMapper(opts)
	if err != nil {
		return err
	}
	syncer, err := planbridge.NewSyncer(s.mm, s.sp, mapper, planbridge.WithExport())
	if err != nil {
		return err
	}
	rep, err := syncer.Sync(ctx, planbridge.Watermark{})
	if err != nil {
		return err
	}
	if err := rep.Err(); err != nil {
		return err
	}
	created := 0
	for _, o := range rep.Orders {
		if o.Outcome == planbridge.OutcomeCreated {
			created++
		}
	}
	fmt.Fprintf(stdout, "Synced %d confirmed Minimax orders into SkyPlanner and exported them to scheduling.\n", created)
	return nil
}

// report prints the Minimax order and the actions Minimax ran.
func (s *services) report(ctx context.Context, stdout io.Writer) error {
	o, err := s.mm.GetOrder(ctx, order)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nMinimax order %d-%d is now %s.\n", *o.Year, *o.Number, statusName(minimax.StatusOf(o.Status)))
	for _, a := range s.mmFake.Actions() {
		fmt.Fprintf(stdout, "Minimax ran %q on order %d: %s -> %s\n", a.Name, a.OrderID, a.StatusBefore, a.StatusAfter)
	}
	return nil
}

// receiver is the webhook endpoint: a Handler on a loopback listener.
type receiver struct {
	h   *webhook.Handler
	srv *http.Server
	url string

	mu     sync.Mutex
	failed []error
}

func listen(tracker *planbridge.Tracker) (*receiver, error) {
	r := &receiver{}
	h, err := webhook.NewHandler(webhook.WithSecret(secret), webhook.WithErrorFunc(r.fail))
	if err != nil {
		return nil, err
	}
	tracker.Register(h)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r.h, r.url = h, "http://"+ln.Addr().String()+"/skyplanner/webhook"
	mux := http.NewServeMux()
	mux.Handle("POST /skyplanner/webhook", h)
	r.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

func (r *receiver) fail(_ webhook.Event, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = append(r.failed, err)
}

func (r *receiver) errors() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

// close stops the server, then lets the Handler finish the queued events.
func (r *receiver) close(ctx context.Context) error {
	if err := r.srv.Shutdown(ctx); err != nil {
		return err
	}
	return r.h.Close(ctx)
}

func lastOf(ds []skyplannertest.Delivery, t webhook.EventType) int {
	last := -1
	for i, d := range ds {
		if d.Event == t {
			last = i
		}
	}
	return last
}
