package skyplannertest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the default zone must load wherever the tests run

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// Prefix is the path the API lives under on a tenant's host; the fake
// serves the document's paths below it.
const Prefix = "/production-planning/api/v3"

// DefaultToken is the token the fake accepts unless WithToken says
// otherwise. It is made up.
const DefaultToken = "skyplannertest-7f3a9c-token"

// Server is a running fake. Besides its state, it offers fault injection
// (FailNth, FailMatching, SetLatency, SetRateLimit, ClearFaults) and the
// request log (Requests, Count, Counts, ResetLog, InFlight).
type Server struct {
	listener net.Listener // WithListener's, or nil for a port of its own
	core     *fakeserver.Server
	http     *httptest.Server
	tb       testing.TB

	token  string
	strict bool
	bare   bool
	// ignored are the list filters the fake pretends not to know;
	// defaultLimit caps lists that ask for no limit.
	ignored      []string
	defaultLimit int
	now          func() time.Time
	zone         *time.Location
	seeds        []Seed

	mu           sync.Mutex
	customers    *table[api.Customer]
	orders       *table[api.Order]
	rows         *table[api.OrderRow]
	products     *table[api.Product]
	saldos       *table[api.Saldo]
	jobs         *table[api.Job]
	workstages   *table[api.Workstage]
	workstations *table[api.Workstation]
	scheduled    *table[api.ScheduledJob]
	steps        map[int64][]api.ProductStep // by product id, kept in order_number order
	planOf       map[int64]int64             // scheduled job id → job id
	nextPlanRow  int64                       // last production_planning_order_row_id given

	// Webhooks: events wait in outbox until deliver sends them, after s.mu
	// is released; sending is set while one goroutine does.
	webhookClient *http.Client
	hook          hook
	outbox        []outgoing
	sending       bool
	deliveries    []Delivery
}

// NewServer starts a fake for one test; it stops when the test ends.
// Answers that break the OpenAPI document fail the test.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := newServer(tb, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	s.http = fakeserver.Serve(s.Handler(), s.listener)
	tb.Cleanup(s.Close)
	return s
}

// Start starts a fake outside a test, for examples and local runs; Close
// stops it. Answers are not checked against the document (there is no test
// to fail).
func Start(opts ...Option) (*Server, error) {
	s, err := newServer(nil, opts...)
	if err != nil {
		return nil, err
	}
	s.http = fakeserver.Serve(s.Handler(), s.listener)
	return s, nil
}

// Close stops the fake. It is safe to call more than once.
func (s *Server) Close() {
	if s.http != nil {
		s.http.Close()
	}
}

func newServer(tb testing.TB, opts ...Option) (*Server, error) {
	zone, err := time.LoadLocation("Europe/Zagreb")
	if err != nil {
		return nil, err
	}
	s := &Server{
		tb:    tb,
		token: DefaultToken, now: time.Now, zone: zone,
		customers:    newTable("customer", 1001, customerKeys),
		orders:       newTable("phaser order", 5001, orderKeys),
		rows:         newTable("phaser order row", 10001, rowKeys),
		jobs:         newTable("phaser job", 20001, jobKeys),
		products:     newTable("product", 30001, productKeys),
		saldos:       newTable("saldo", 40001, saldoKeys),
		scheduled:    newTable("scheduled job", 50001, scheduledKeys),
		workstages:   newTable("workstage", 101, workstageKeys),
		workstations: newTable("workstation", 61, workstationKeys),
		steps:        map[int64][]api.ProductStep{},
		planOf:       map[int64]int64{},
		nextPlanRow:  60000,

		webhookClient: &http.Client{Timeout: DeliveryTimeout},
	}
	if err := fakeserver.ApplyOptions("skyplannertest", s, opts); err != nil {
		return nil, err
	}
	core, err := fakeserver.New(fakeserver.Config{
		Document: api.OpenAPIDocument(), Prefix: Prefix, TB: s.tb, Strict: s.strict,
		ErrorBody: func(_ int, msg string) any { return map[string]string{"message": msg} },
	})
	if err != nil {
		return nil, err
	}
	s.core = core
	for _, seed := range s.seeds {
		if err := s.Load(seed); err != nil {
			return nil, err
		}
	}
	s.routes()
	return s, nil
}

// Handler returns the fake as an http.Handler, to serve it on an address of
// your choosing. It serves the API under Prefix.
func (s *Server) Handler() http.Handler {
	if !s.bare {
		return s.core
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bw := &bareWriter{w: w, header: http.Header{}}
		s.core.ServeHTTP(bw, r)
		bw.finish()
	})
}

// URL is the fake's root, such as http://127.0.0.1:41234.
func (s *Server) URL() string { return s.http.URL }

// BaseURL is the API root to give skyplanner.WithBaseURL:
// URL() + "/production-planning/api/v3".
func (s *Server) BaseURL() string { return s.http.URL + Prefix }

// Token is the token the fake accepts in the Authorization-Token header.
func (s *Server) Token() string { return s.token }

// ClientOptions are the options that point a skyplanner.Client at the fake:
// its BaseURL and Token. Append others (WithRetryPolicy, say) as needed.
func (s *Server) ClientOptions() []skyplanner.Option {
	return []skyplanner.Option{skyplanner.WithBaseURL(s.BaseURL()), skyplanner.WithToken(s.token)}
}

// Now returns the fake's clock, in its zone.
func (s *Server) Now() time.Time { return s.now().In(s.zone) }

// Location is the zone the fake writes dates in.
func (s *Server) Location() *time.Location { return s.zone }

// authorized checks the Authorization-Token header; it answers 401 itself
// when the token is missing or wrong.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	switch got := r.Header.Get("Authorization-Token"); {
	case got == "":
		s.core.WriteError(w, http.StatusUnauthorized, "Authorization-Token header is missing")
	case got != s.token:
		s.core.WriteError(w, http.StatusUnauthorized, "Authorization-Token is not valid")
	default:
		return true
	}
	return false
}

// envelopeHeader tells the bare-mode wrapper which envelope key to take a
// 2xx answer out of. It never leaves the fake.
const envelopeHeader = "X-Skyplannertest-Envelope"

// bareWriter buffers an answer so that, after the core has checked it
// against the document in its enveloped form, the envelope can come off.
// It passes hijacking through, so an injected Drop still drops.
type bareWriter struct {
	w        http.ResponseWriter
	header   http.Header
	code     int
	body     bytes.Buffer
	hijacked bool
}

func (b *bareWriter) Header() http.Header { return b.header }

func (b *bareWriter) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bareWriter) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	return b.body.Write(p)
}

func (b *bareWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := b.w.(http.Hijacker)
	if !ok {
		return nil, nil, http.ErrNotSupported
	}
	b.hijacked = true
	return hj.Hijack()
}

func (b *bareWriter) finish() {
	if b.hijacked {
		return
	}
	key := b.header.Get(envelopeHeader)
	b.header.Del(envelopeHeader)
	body := b.body.Bytes()
	if key != "" && b.code >= 200 && b.code < 300 {
		var env map[string]json.RawMessage
		if json.Unmarshal(body, &env) == nil {
			if inner, ok := env[key]; ok {
				body = append(inner, '\n')
			}
		}
	}
	for k, v := range b.header {
		b.w.Header()[k] = v
	}
	if b.code == 0 {
		b.code = http.StatusOK
	}
	b.w.WriteHeader(b.code)
	_, _ = b.w.Write(body)
}
