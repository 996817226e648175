package skyplannertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// DeliveryTimeout is how long the fake waits for a webhook receiver to
// answer: the limit the vendor's page gives its receivers.
const DeliveryTimeout = 30 * time.Second

// UserAgent is the User-Agent of a webhook delivery, from the vendor's page.
const UserAgent = "Skyplanner-Webhook/1.0"

// hook is where deliveries go and how they are signed.
type hook struct {
	url    string // "" sends nothing
	secret []byte // empty sends unsigned deliveries
	scheme webhook.Scheme
}

// outgoing is an event queued for delivery: its body is fixed when the
// change happens, so the data is what the change left, not what a later
// one made of it.
type outgoing struct {
	event     webhook.EventType
	body      []byte
	timestamp string
}

// Delivery is one attempt to deliver a webhook event, as Deliveries
// returns it.
type Delivery struct {
	// Event is the event type the body names.
	Event webhook.EventType
	// URL is where the event was sent.
	URL string
	// Body is the request body, {"event", "data", "timestamp"}.
	Body []byte
	// Header holds the request headers the fake set.
	Header http.Header
	// Status is the receiver's answer, 0 when none came (see Err).
	Status int
	// Err says why no answer came; it is empty when one did, whatever its
	// status.
	Err string
	// Redelivery is set on the attempts Redeliver made.
	Redelivery bool
}

// OK reports whether the receiver answered 2xx.
func (d Delivery) OK() bool { return d.Status >= 200 && d.Status < 300 }

// ErrNoDelivery is matched by the error of Redeliver given an index
// Deliveries does not have.
var ErrNoDelivery = errors.New("skyplannertest: no such delivery")

// ErrDeliveryFailed is matched by the error of Redeliver when the receiver
// did not answer 2xx.
var ErrDeliveryFailed = errors.New("skyplannertest: webhook delivery failed")

// WithWebhook makes the fake deliver webhook events to url, signed with
// secret by scheme (unsigned when secret is empty). See the package
// documentation for the events and how they are sent; SetWebhook changes
// the receiver later.
func WithWebhook(url string, secret []byte, scheme webhook.Scheme) Option {
	return func(s *Server) error {
		h, err := newHook("WithWebhook", url, secret, scheme)
		if err != nil {
			return err
		}
		if h.url == "" {
			return errors.New("skyplannertest: WithWebhook: empty url")
		}
		s.hook = h
		return nil
	}
}

// SetWebhook points deliveries at url, signed with secret by scheme, from
// the next event on: for a receiver started after the fake. An empty url
// stops deliveries; events while it is empty are not kept.
func (s *Server) SetWebhook(url string, secret []byte, scheme webhook.Scheme) error {
	h, err := newHook("SetWebhook", url, secret, scheme)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = h
	return nil
}

func newHook(op, rawURL string, secret []byte, scheme webhook.Scheme) (hook, error) {
	if !slices.Contains(webhook.Schemes(), scheme) {
		return hook{}, fmt.Errorf("skyplannertest: %s: scheme: unknown signature scheme %d", op, int(scheme))
	}
	if rawURL != "" {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return hook{}, fmt.Errorf("skyplannertest: %s: url: %q is not an http(s) URL", op, rawURL)
		}
	}
	return hook{url: rawURL, secret: bytes.Clone(secret), scheme: scheme}, nil
}

// Deliveries returns every delivery attempt so far, oldest first, copies.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, len(s.deliveries))
	for i, d := range s.deliveries {
		out[i] = d.clone()
	}
	return out
}

func (d Delivery) clone() Delivery {
	d.Body, d.Header = bytes.Clone(d.Body), d.Header.Clone()
	return d
}

// Redeliver sends delivery i of Deliveries again, byte for byte: the same
// URL, body, timestamp and signature, as a sender that retries or repeats
// itself would. The attempt is recorded as a new Delivery. The error
// matches ErrNoDelivery for an index out of range and ErrDeliveryFailed
// when the receiver did not answer 2xx.
func (s *Server) Redeliver(i int) error {
	s.mu.Lock()
	if i < 0 || i >= len(s.deliveries) {
		n := len(s.deliveries)
		s.mu.Unlock()
		return fmt.Errorf("%w: Redeliver(%d) with %d deliveries", ErrNoDelivery, i, n)
	}
	d := s.deliveries[i].clone()
	s.mu.Unlock()

	d.Redelivery = true
	d.Status, d.Err = s.post(d.URL, d.Header, d.Body)
	s.record(d)
	if !d.OK() {
		return fmt.Errorf("%w: Redeliver(%d) of %s: %s", ErrDeliveryFailed, i, d.Event, d.outcome())
	}
	return nil
}

func (d Delivery) outcome() string {
	if d.Err != "" {
		return d.Err
	}
	return "the receiver answered " + strconv.Itoa(d.Status)
}

// emit queues an event about data, the record as the API answers it (no
// envelope). Call with s.mu held, and deliver after releasing it. Nothing
// is queued while no webhook is set.
func (s *Server) emit(event webhook.EventType, data any) {
	if s.hook.url == "" {
		return
	}
	raw, err := json.Marshal(data)
	if err != nil {
		panic(fmt.Sprintf("skyplannertest: %s data: %v", event, err)) // the fake's own records always marshal
	}
	now := s.now().Unix()
	body, err := json.Marshal(struct {
		Event     webhook.EventType `json:"event"`
		Data      json.RawMessage   `json:"data"`
		Timestamp int64             `json:"timestamp"`
	}{event, raw, now})
	if err != nil {
		panic(fmt.Sprintf("skyplannertest: %s body: %v", event, err))
	}
	s.outbox = append(s.outbox, outgoing{event: event, body: body, timestamp: strconv.FormatInt(now, 10)})
}

// deliver sends the queued events, one at a time in the order they were
// queued. Call it without s.mu held: a receiver may call back into the
// fake. When another goroutine is delivering already (a receiver whose
// callback queued more events, or a concurrent request), deliver leaves
// the events to it and returns at once, which keeps the order and cannot
// deadlock.
func (s *Server) deliver() {
	s.mu.Lock()
	if s.sending {
		s.mu.Unlock()
		return
	}
	s.sending = true
	for len(s.outbox) > 0 {
		ev, h := s.outbox[0], s.hook
		s.outbox = s.outbox[1:]
		if h.url == "" {
			continue
		}
		s.mu.Unlock()
		s.record(s.send(h, ev))
		s.mu.Lock()
	}
	s.outbox, s.sending = nil, false
	s.mu.Unlock()
}

// send posts one event to h.
func (s *Server) send(h hook, ev outgoing) Delivery {
	header := http.Header{}
	header.Set("Content-Type", "application/json")
	header.Set("User-Agent", UserAgent)
	header.Set(webhook.HeaderSource, "Skyplanner")
	header.Set(webhook.HeaderTimestamp, ev.timestamp)
	if len(h.secret) > 0 {
		sig, err := webhook.Sign(h.scheme, h.secret, ev.timestamp, ev.body)
		if err != nil {
			return Delivery{Event: ev.event, URL: h.url, Body: ev.body, Header: header, Err: err.Error()}
		}
		header.Set(webhook.HeaderSignature, sig)
	}
	d := Delivery{Event: ev.event, URL: h.url, Body: ev.body, Header: header}
	d.Status, d.Err = s.post(h.url, header, ev.body)
	return d
}

// post makes one request and returns the status, or 0 and why none came.
// There is no retry: the vendor does not say whether or when it retries.
func (s *Server) post(url string, header http.Header, body []byte) (int, string) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	req.Header = header.Clone()
	resp, err := s.webhookClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20)) // lets the connection be reused
	return resp.StatusCode, ""
}

func (s *Server) record(d Delivery) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deliveries = append(s.deliveries, d)
}
