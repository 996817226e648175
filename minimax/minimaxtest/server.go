package minimaxtest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the fake keeps Minimax's Central European wall clock wherever it runs

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/api"
)

// The paths the fake serves, as the Slovenian deployment's.
const (
	apiPrefix = "/SI/API"
	tokenPath = "/SI/AUT/oauth20/token"
)

// Server is a running fake. Besides its state, it offers fault injection
// (FailNth, FailMatching, SetLatency, SetRateLimit, ClearFaults) and the
// request log (Requests, Count, Counts, ResetLog, InFlight).
type Server struct {
	listener net.Listener // WithListener's, or nil for a port of its own
	core     *fakeserver.Server
	http     *httptest.Server
	tb       testing.TB

	creds     minimax.Credentials
	lockAfter int
	tokenLife time.Duration
	orgID     int64
	orgName   string
	strict    bool
	now       func() time.Time
	zone      *time.Location
	seeds     []Seed

	mu         sync.Mutex
	wrong      int  // consecutive wrong passwords
	locked     bool // the application is locked for good
	tokens     map[string]time.Time
	tokenCalls int
	rowVersion uint64
	nextID     int64
	orders     map[int64]*api.Order
	customers  map[int64]api.Customer
	items      map[int64]api.Item
	countries  map[int64]api.Country
	currencies map[int64]api.Currency
	templates  map[int64]api.ReportTemplate
	actions    []Action // the order actions carried out, oldest first
}

// NewServer starts a fake for one test; it stops when the test ends. Answers
// that break the OpenAPI document fail the test.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := newServer(tb, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	s.http = fakeserver.Serve(s.handler(), s.listener)
	tb.Cleanup(s.Close)
	return s
}

// Start starts a fake outside a test, for examples and local runs; Close
// stops it.
func Start(opts ...Option) (*Server, error) {
	s, err := newServer(nil, opts...)
	if err != nil {
		return nil, err
	}
	s.http = fakeserver.Serve(s.handler(), s.listener)
	return s, nil
}

// Handler returns the fake as an http.Handler, to serve it on an address of
// your choosing (as examples/fakes does).
func (s *Server) Handler() http.Handler { return s.handler() }

// Close stops the fake.
func (s *Server) Close() {
	if s.http != nil {
		s.http.Close()
	}
}

func newServer(tb testing.TB, opts ...Option) (*Server, error) {
	zone, err := time.LoadLocation("Europe/Ljubljana")
	if err != nil {
		return nil, err
	}
	s := &Server{
		tb:        tb,
		creds:     minimax.Credentials{ClientID: "planbridge-test", ClientSecret: "test-secret", Username: "api-user", Password: "api-password"},
		lockAfter: 3, tokenLife: time.Hour, orgID: 3840, orgName: "Demo d.o.o.", now: time.Now, zone: zone,
		tokens: map[string]time.Time{}, nextID: 100000,
		orders: map[int64]*api.Order{}, customers: map[int64]api.Customer{}, items: map[int64]api.Item{},
		countries: map[int64]api.Country{}, currencies: map[int64]api.Currency{}, templates: map[int64]api.ReportTemplate{},
	}
	if err := fakeserver.ApplyOptions("minimaxtest", s, opts); err != nil {
		return nil, err
	}
	core, err := fakeserver.New(fakeserver.Config{
		Document: api.OpenAPIDocument(), Prefix: apiPrefix, TB: s.tb, Strict: s.strict,
		ErrorBody: func(_ int, msg string) any { return map[string]string{"Message": msg} },
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

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+tokenPath, s.token)
	mux.Handle("/", s.core)
	return mux
}

// URL is the fake's root, such as http://127.0.0.1:41234.
func (s *Server) URL() string { return s.http.URL }

// BaseURL is the API base to give minimax.WithBaseURL:
// URL() + "/SI/API/".
func (s *Server) BaseURL() string { return s.http.URL + apiPrefix + "/" }

// TokenURL is the token endpoint to give minimax.WithTokenURL.
func (s *Server) TokenURL() string { return s.http.URL + tokenPath }

// Credentials are the credentials the token endpoint accepts.
func (s *Server) Credentials() minimax.Credentials { return s.creds }

// Organisation is the ID of the fake's one organisation.
func (s *Server) Organisation() int64 { return s.orgID }

// ClientOptions are the options that point a minimax.Client at the fake.
func (s *Server) ClientOptions() []minimax.Option {
	return []minimax.Option{minimax.WithBaseURL(s.BaseURL()), minimax.WithTokenURL(s.TokenURL()),
		minimax.WithCredentials(s.creds), minimax.WithOrganisation(s.orgID)}
}

// TokenRequests counts the requests the token endpoint received.
func (s *Server) TokenRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenCalls
}

// Locked reports whether wrong passwords have locked the application.
func (s *Server) Locked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked
}

// token is the password grant. Wrong passwords count up; after lockAfter in
// a row the application is locked and nothing gets a token any more.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenCalls++
	refuse := func(code, desc string) {
		fakeserver.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": code, "error_description": desc})
	}
	if err := r.ParseForm(); err != nil {
		refuse("invalid_request", "the body is not a form")
		return
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	switch {
	case r.PostForm.Get("grant_type") != "password":
		refuse("unsupported_grant_type", "only the password grant is supported")
	case s.locked:
		refuse("invalid_grant", "The application is locked after repeated wrong passwords; create it again.")
	case id != s.creds.ClientID || secret != s.creds.ClientSecret:
		refuse("invalid_client", "Unknown client.")
	case r.PostForm.Get("username") != s.creds.Username || r.PostForm.Get("password") != s.creds.Password:
		s.wrong++
		if s.lockAfter > 0 && s.wrong >= s.lockAfter {
			s.locked = true
		}
		refuse("invalid_grant", "The user name or password is incorrect.")
	default:
		s.wrong = 0
		tok := newToken()
		s.tokens[tok] = s.now().Add(s.tokenLife)
		fakeserver.WriteJSON(w, http.StatusOK, map[string]any{
			"access_token": tok, "token_type": "bearer", "expires_in": int(s.tokenLife / time.Second)})
	}
}

func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// authorized checks the bearer token; it answers 401 itself when not.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	exp, known := s.tokens[tok]
	valid := ok && known && s.now().Before(exp)
	s.mu.Unlock()
	if !valid {
		s.core.WriteError(w, http.StatusUnauthorized, "Authorization has been denied for this request.")
	}
	return valid
}

// stamp gives a changed record its new RowVersion and modification time,
// as Minimax does on every change. Call with s.mu held.
func (s *Server) stamp() (string, api.DateTime) {
	s.rowVersion++
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, s.rowVersion)
	return base64.StdEncoding.EncodeToString(b), s.wallClock()
}

// wallClock is the current time as Minimax writes it: the organisation's
// wall clock, no zone.
func (s *Server) wallClock() api.DateTime {
	now := s.now().In(s.zone)
	d, _ := api.ParseDateTime(now.Format("2006-01-02T15:04:05.999"))
	return d
}

func (s *Server) newID() int64 {
	s.nextID++
	return s.nextID
}

// Load adds records to the fake, as WithSeed does at start.
func (s *Server) Load(seed Seed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	load(s, s.customers, seed.Customers, func(c *api.Customer) **int64 { return &c.CustomerID })
	load(s, s.items, seed.Items, func(i *api.Item) **int64 { return &i.ItemID })
	load(s, s.countries, seed.Countries, func(c *api.Country) **int64 { return &c.CountryID })
	load(s, s.currencies, seed.Currencies, func(c *api.Currency) **int64 { return &c.CurrencyID })
	load(s, s.templates, seed.ReportTemplates, func(t *api.ReportTemplate) **int64 { return &t.ReportTemplateID })
	for i := range seed.Orders {
		o := cloneOrder(&seed.Orders[i]) // the fake stamps rows; the caller's seed stays as it was
		id := s.idOr(o.OrderID)
		o.OrderID = &id
		if o.Status == nil {
			o.Status = new("O")
		}
		s.stampOrder(&o)
		s.orders[id] = &o
	}
	return nil
}

// load stores records by ID, giving an ID to those without one. Call with
// s.mu held.
func load[T any](s *Server, into map[int64]T, records []T, idField func(*T) **int64) {
	for _, r := range records {
		field := idField(&r)
		id := s.idOr(*field)
		*field = &id
		into[id] = r
	}
}

func (s *Server) idOr(id *int64) int64 {
	if id != nil && *id > 0 {
		if *id > s.nextID {
			s.nextID = *id
		}
		return *id
	}
	return s.newID()
}

// Order returns a copy of an order as the fake holds it.
func (s *Server) Order(id int64) (api.Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return api.Order{}, false
	}
	return cloneOrder(o), true
}

func orgMismatch(s *Server, w http.ResponseWriter, r *http.Request) bool {
	if fakeserver.PathParam(r, "organisationId") != fmt.Sprint(s.orgID) {
		s.core.WriteError(w, http.StatusNotFound, "Organisation not found or not accessible.")
		return true
	}
	return false
}
