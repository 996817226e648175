package fakeserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/planbridge/planbridge/fake"
	"github.com/planbridge/planbridge/internal/wiretime"
)

// Config describes a fake.
type Config struct {
	// Document is the OpenAPI document (JSON or YAML) requests are checked against.
	Document []byte
	// Prefix is the path the document's paths live under ("/SI/API").
	Prefix string
	// TB, when set, receives an error for every response that breaks the
	// document, and in Strict mode for every invalid request as well.
	TB testing.TB
	// Strict makes an invalid request fail the test, not only answer 400.
	Strict bool
	// ErrorBody shapes the body of errors the fake itself answers with
	// (validation, 404, injected faults) the way the real service would.
	ErrorBody func(status int, message string) any
}

// Server is an http.Handler that routes, validates, injects faults and
// records. It is safe for concurrent use.
type Server struct {
	cfg      Config
	doc      *openapi3.T
	router   *Router
	handlers map[string]http.HandlerFunc // by operation, "GET /api/orgs/{organisationId}/orders"
	opts     *openapi3filter.Options
	faults   faults

	inFlight atomic.Int64

	mu   sync.Mutex
	log  []Request
	hits map[string]int
}

// Request is one request the fake received (public in package fake).
type Request = fake.Request

// New loads the document. It fails when the document does not load.
func New(cfg Config) (*Server, error) {
	doc, err := loadDocument(cfg.Document)
	if err != nil {
		return nil, err
	}
	if cfg.ErrorBody == nil {
		cfg.ErrorBody = func(_ int, msg string) any { return map[string]string{"message": msg} }
	}
	s := &Server{cfg: cfg, doc: doc, router: NewRouter(doc, cfg.Prefix), handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	s.opts = &openapi3filter.Options{
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, // each fake checks its own credentials
		MultiError:         true,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{
			// A record read and written back carries its read-only fields (a
			// reference's Name); the services ignore them, so the fakes do too.
			openapi3.DisableReadOnlyValidation(),
			// The services write date-times without a zone; the documents say
			// date-time. Accept what the clients may send.
			openapi3.WithStringFormatValidator("date-time", openapi3.NewCallbackValidator(func(v string) error {
				_, err := wiretime.Parse(v)
				return err
			})),
		},
	}
	return s, nil
}

// documents holds each document loaded, by its bytes: tests start many
// fakes, and loading the Minimax document dominates the start. A loaded
// document is only read afterwards (routing, validation), so fakes can
// share it.
var documents sync.Map // string(document) → *openapi3.T

func loadDocument(data []byte) (*openapi3.T, error) {
	if doc, ok := documents.Load(string(data)); ok {
		return doc.(*openapi3.T), nil
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("fakeserver: loading the OpenAPI document: %w", err)
	}
	actual, _ := documents.LoadOrStore(string(data), doc)
	return actual.(*openapi3.T), nil
}

// Handle registers the handler of one operation. The template must be a
// path of the document with that method.
func (s *Server) Handle(method, template string, h http.HandlerFunc) error {
	if err := s.router.Add(method, template); err != nil {
		return err
	}
	s.handlers[method+" "+template] = h
	return nil
}

// MustHandle is Handle for fakes wiring their own routes: a typo is a bug.
func (s *Server) MustHandle(method, template string, h http.HandlerFunc) {
	if err := s.Handle(method, template, h); err != nil {
		panic(err)
	}
}

// Start serves on a loopback port until the test ends.
func (s *Server) Start(tb testing.TB) *httptest.Server {
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv
}

type paramsKey struct{}

// PathParam returns a path parameter of the matched operation.
func PathParam(r *http.Request, name string) string {
	p, _ := r.Context().Value(paramsKey{}).(map[string]string)
	return p[name]
}

// ServeHTTP routes a request under the prefix to its operation's handler,
// after faults and validation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	path, ok := strings.CutPrefix(r.URL.Path, s.cfg.Prefix)
	if !ok {
		s.record(r, path, "", http.StatusNotFound)
		s.WriteError(w, http.StatusNotFound, "no resource under "+r.URL.Path)
		return
	}
	rt, params, routeErr := s.router.FindRoute(r)
	op := ""
	if rt != nil {
		op = rt.Method + " " + rt.Path
	}
	answered, after := s.applyFaults(w, r, path, op)
	if answered {
		return
	}
	switch {
	case errors.Is(routeErr, routers.ErrMethodNotAllowed):
		s.record(r, path, op, http.StatusMethodNotAllowed)
		s.WriteError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+path)
		return
	case routeErr != nil:
		s.record(r, path, op, http.StatusNotFound)
		s.WriteError(w, http.StatusNotFound, "no resource at "+path)
		return
	}

	input, err := s.validateRequest(r, rt, params)
	if err != nil {
		msg := "invalid request to " + op + ": " + shorten(err)
		if s.cfg.Strict && s.cfg.TB != nil {
			s.cfg.TB.Errorf("fake: %s", msg)
		}
		s.record(r, path, op, http.StatusBadRequest)
		s.WriteError(w, http.StatusBadRequest, msg)
		return
	}

	rec := httptest.NewRecorder()
	s.handlers[op](rec, r.WithContext(context.WithValue(r.Context(), paramsKey{}, params)))
	s.checkResponse(r.Context(), input, rec)
	if after != nil {
		// The handler acted; its answer is lost or replaced.
		if s.inflict(w, r, path, op, *after) {
			return
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
	s.record(r, path, op, rec.Code)
}

func (s *Server) validateRequest(r *http.Request, rt *routers.Route, params map[string]string) (*openapi3filter.RequestValidationInput, error) {
	input := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: rt, Options: s.opts}
	// The validator reads the body; keep a copy for the handler.
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = readAll(r); err != nil {
			return input, err
		}
	}
	r.Body = readCloser(body)
	err := openapi3filter.ValidateRequest(r.Context(), input)
	r.Body = readCloser(body)
	return input, err
}

// checkResponse holds the fake to the document: an answer the document does
// not allow is the fake's bug, and fails the test that saw it. Statuses the
// document does not list are left alone; so are the fake's own errors.
func (s *Server) checkResponse(ctx context.Context, in *openapi3filter.RequestValidationInput, rec *httptest.ResponseRecorder) {
	if s.cfg.TB == nil || rec.Code >= 400 {
		return
	}
	err := openapi3filter.ValidateResponse(ctx, (&openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: rec.Code, Header: rec.Header(), Options: s.opts,
	}).SetBodyBytes(rec.Body.Bytes()))
	if err != nil {
		s.cfg.TB.Errorf("fake: response of %s %s breaks the document: %s", in.Route.Method, in.Route.Path, shorten(err))
	}
}

// WriteError answers with status and the service's error body.
func (s *Server) WriteError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, s.cfg.ErrorBody(status, msg))
}

// WriteJSON answers with status and v as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) record(r *http.Request, path, op string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, Request{Method: r.Method, Path: path, Query: r.URL.RawQuery, Operation: op, Status: status})
	if op != "" {
		s.hits[op]++
	}
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Count returns how many requests reached an operation, named as
// "GET /phaser-orders/{id}" (method and the document's path).
func (s *Server) Count(operation string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[operation]
}

// Counts returns the per-operation counters.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

// ResetLog forgets the requests and counters.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log, s.hits = nil, map[string]int{}
}

// ErrorSummary is a validation error of kin-openapi in one line per
// problem, without the schemas it appends.
func ErrorSummary(err error) string { return shorten(err) }

// shorten keeps validation errors readable: kin-openapi appends whole
// schemas to them.
func shorten(err error) string {
	var me openapi3.MultiError
	var parts []string
	if errors.As(err, &me) {
		for _, e := range me {
			parts = append(parts, firstLine(e.Error()))
		}
	} else {
		parts = append(parts, firstLine(err.Error()))
	}
	return strings.Join(parts, "; ")
}

func firstLine(s string) string {
	if i := strings.Index(s, "\nSchema:"); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func readAll(r *http.Request) ([]byte, error) {
	defer r.Body.Close()
	var b bytes.Buffer
	_, err := b.ReadFrom(r.Body)
	return b.Bytes(), err
}

func readCloser(b []byte) *readCloserBuf { return &readCloserBuf{Reader: bytes.NewReader(b)} }

type readCloserBuf struct{ *bytes.Reader }

func (readCloserBuf) Close() error { return nil }

// InFlight returns how many requests the fake is handling now.
func (s *Server) InFlight() int { return int(s.inFlight.Load()) }

// ApplyOptions runs a fake's options in order and stops at the first
// error; a nil option is an error, as in the clients. pkg names the fake
// in the message.
func ApplyOptions[S any, O ~func(S) error](pkg string, s S, opts []O) error {
	for i, o := range opts {
		if o == nil {
			return fmt.Errorf("%s: option %d is nil", pkg, i)
		}
		if err := o(s); err != nil {
			return err
		}
	}
	return nil
}

// Serve starts an httptest server for h: on ln when a fake was given one
// (WithListener), so that it answers on an address of the caller's choice,
// else on a loopback port of its own.
func Serve(h http.Handler, ln net.Listener) *httptest.Server {
	if ln == nil {
		return httptest.NewServer(h)
	}
	srv := httptest.NewUnstartedServer(h)
	_ = srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	return srv
}
