package fakeserver

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/google/go-cmp/cmp"
)

// minimaxTemplates are path shapes of the Minimax document that a router
// must tell apart.
var minimaxTemplates = []string{
	"/api/orgs/{organisationId}/countries/{countryId}",
	"/api/orgs/{organisationId}/countries/code({code})",
	"/api/orgs/{organisationId}/countries/synccandidates",
	"/api/orgs/{organisationId}/orders/{orderId}",
	"/api/orgs/{organisationId}/orders/synccandidates",
	"/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
}

// routingDoc is a valid document with a GET of each template, served under
// /SI/API.
func routingDoc(t *testing.T, templates ...string) *openapi3.T {
	t.Helper()
	doc := &openapi3.T{OpenAPI: "3.0.3", Info: &openapi3.Info{Title: "t", Version: "1"},
		Servers: openapi3.Servers{{URL: "/SI/API"}}, Paths: openapi3.NewPaths()}
	for _, tpl := range templates {
		op := &openapi3.Operation{Responses: openapi3.NewResponses(
			openapi3.WithStatus(200, &openapi3.ResponseRef{Value: openapi3.NewResponse().WithDescription("ok")}))}
		for _, seg := range strings.Split(tpl, "{")[1:] {
			name, _, _ := strings.Cut(seg, "}")
			op.AddParameter(openapi3.NewPathParameter(name).WithSchema(openapi3.NewStringSchema()))
		}
		doc.Paths.Set(tpl, &openapi3.PathItem{Get: op})
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return doc
}

type routeCase struct {
	path     string
	template string
	params   map[string]string
}

var minimaxRoutes = []routeCase{
	{"/SI/API/api/orgs/3840/countries/95", "/api/orgs/{organisationId}/countries/{countryId}", map[string]string{"organisationId": "3840", "countryId": "95"}},
	{"/SI/API/api/orgs/3840/countries/code(HR)", "/api/orgs/{organisationId}/countries/code({code})", map[string]string{"organisationId": "3840", "code": "HR"}},
	{"/SI/API/api/orgs/3840/countries/code(A%20B)", "/api/orgs/{organisationId}/countries/code({code})", map[string]string{"organisationId": "3840", "code": "A B"}},
	{"/SI/API/api/orgs/3840/countries/synccandidates", "/api/orgs/{organisationId}/countries/synccandidates", map[string]string{"organisationId": "3840"}},
	{"/SI/API/api/orgs/3840/orders/synccandidates", "/api/orgs/{organisationId}/orders/synccandidates", map[string]string{"organisationId": "3840"}},
	{"/SI/API/api/orgs/3840/orders/7/actions/confirm", "/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
		map[string]string{"organisationId": "3840", "orderId": "7", "actionName": "confirm"}},
}

// routeProblems lists where r routes the Minimax shapes differently from
// minimaxRoutes.
func routeProblems(r routers.Router) []string {
	var problems []string
	for _, tt := range minimaxRoutes {
		route, params, err := r.FindRoute(httptest.NewRequest(http.MethodGet, tt.path, nil))
		switch {
		case err != nil:
			problems = append(problems, tt.path+": "+err.Error())
		case route.Path != tt.template:
			problems = append(problems, tt.path+" routed to "+route.Path)
		case !cmp.Equal(tt.params, params):
			problems = append(problems, tt.path+" params "+cmp.Diff(tt.params, params))
		}
	}
	return problems
}

func TestRouterPrefersLiterals(t *testing.T) {
	t.Parallel()
	doc := routingDoc(t, minimaxTemplates...)
	added := NewRouter(doc, "/SI/API")
	for _, tpl := range minimaxTemplates {
		if err := added.Add(http.MethodGet, tpl); err != nil {
			t.Fatal(err)
		}
	}
	for name, rt := range map[string]*Router{"added": added, "whole document": NewDocumentRouter(doc, "/SI/API")} {
		for _, p := range routeProblems(rt) {
			t.Errorf("%s: %s", name, p)
		}
		if _, _, err := rt.FindRoute(httptest.NewRequest(http.MethodPost, "/SI/API/api/orgs/3840/countries/95", nil)); !errors.Is(err, routers.ErrMethodNotAllowed) {
			t.Errorf("%s: POST on a GET path: %v, want ErrMethodNotAllowed (405)", name, err)
		}
		for _, p := range []string{"/SI/API/api/orgs/3840", "/SI/API/other", "/SI/API/api/orgs/3840/countries/95/x", "/api/orgs/3840/countries/95"} {
			if r, _, err := rt.FindRoute(httptest.NewRequest(http.MethodGet, p, nil)); !errors.Is(err, routers.ErrPathNotFound) {
				t.Errorf("%s: %s matched %v (%v), want ErrPathNotFound", name, p, r, err)
			}
		}
	}
}

// TestKinRoutersMisrouteKeySegments is why router.go exists: kin-openapi's
// routers route the Minimax key segments wrongly. When this test fails, one
// of them has learnt to, and Router should give way to it.
func TestKinRoutersMisrouteKeySegments(t *testing.T) {
	t.Parallel()
	doc := routingDoc(t, minimaxTemplates...)
	mux, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	leg, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]routers.Router{"gorillamux": mux, "legacy": leg} {
		problems := routeProblems(r)
		if !strings.Contains(strings.Join(problems, "\n"), "code(HR) routed to /api/orgs/{organisationId}/countries/{countryId}") {
			t.Errorf("%s routes code(HR) right now (problems: %q); consider replacing Router with it", name, problems)
		}
	}
	// Without the competing template, legacy still finds no operation for a
	// key segment.
	alone := routingDoc(t, "/api/orgs/{organisationId}/countries/code({code})")
	leg, err = legacy.NewRouter(alone)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := leg.FindRoute(httptest.NewRequest(http.MethodGet, "/SI/API/api/orgs/3840/countries/code(HR)", nil)); err == nil {
		t.Error("legacy routes a lone code({code}) now")
	}
}

func TestHandleRefusesUnknownOperations(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Document: []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}}}}`)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Handle("GET", "/a", func(http.ResponseWriter, *http.Request) {}); err != nil {
		t.Errorf("a documented operation: %v", err)
	}
	for _, op := range [][2]string{{"POST", "/a"}, {"GET", "/b"}} {
		if err := s.Handle(op[0], op[1], func(http.ResponseWriter, *http.Request) {}); err == nil {
			t.Errorf("%s %s accepted", op[0], op[1])
		}
	}
	if _, err := New(Config{Document: []byte("not a document")}); err == nil {
		t.Error("a broken document loaded")
	}
}

// TestServerAnswers404And405 checks the statuses a request that reaches no
// handler gets: 405 where the path is served for another method, 404 for an
// operation the fake does not serve, even one the document has.
func TestServerAnswers404And405(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Prefix: "/v1", Document: []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
		"/a":{"get":{"responses":{"200":{"description":"ok"}}},"put":{"responses":{"200":{"description":"ok"}}}},
		"/b":{"get":{"responses":{"200":{"description":"ok"}}}}}}`)})
	if err != nil {
		t.Fatal(err)
	}
	s.MustHandle("GET", "/a", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	for _, tt := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/v1/a", http.StatusOK},
		{"PUT", "/v1/a", http.StatusMethodNotAllowed}, // documented, not served
		{"DELETE", "/v1/a", http.StatusMethodNotAllowed},
		{"GET", "/v1/b", http.StatusNotFound}, // documented, not served
		{"GET", "/v1/c", http.StatusNotFound},
		{"GET", "/a", http.StatusNotFound}, // outside the prefix
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		if rec.Code != tt.want {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, rec.Code, tt.want)
		}
	}
}
