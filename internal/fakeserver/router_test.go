package fakeserver

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRouterPrefersLiterals(t *testing.T) {
	t.Parallel()
	var rt router
	for _, tpl := range []string{
		"/api/orgs/{organisationId}/countries/{countryId}",
		"/api/orgs/{organisationId}/countries/code({code})",
		"/api/orgs/{organisationId}/countries/synccandidates",
		"/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
	} {
		rt.add(&route{method: http.MethodGet, template: tpl, segs: parseTemplate(tpl)})
	}
	tests := []struct {
		path     string
		template string
		params   map[string]string
	}{
		{"/api/orgs/3840/countries/95", "/api/orgs/{organisationId}/countries/{countryId}", map[string]string{"organisationId": "3840", "countryId": "95"}},
		{"/api/orgs/3840/countries/code(HR)", "/api/orgs/{organisationId}/countries/code({code})", map[string]string{"organisationId": "3840", "code": "HR"}},
		{"/api/orgs/3840/countries/synccandidates", "/api/orgs/{organisationId}/countries/synccandidates", map[string]string{"organisationId": "3840"}},
		{"/api/orgs/3840/orders/7/actions/confirm", "/api/orgs/{organisationId}/orders/{orderId}/actions/{actionName}",
			map[string]string{"organisationId": "3840", "orderId": "7", "actionName": "confirm"}},
	}
	for _, tt := range tests {
		r, params, _ := rt.find(http.MethodGet, tt.path)
		if r == nil || r.template != tt.template {
			t.Errorf("%s routed to %v, want %s", tt.path, r, tt.template)
			continue
		}
		if diff := cmp.Diff(tt.params, params); diff != "" {
			t.Errorf("%s params (-want +got):\n%s", tt.path, diff)
		}
	}
	if r, _, known := rt.find(http.MethodPost, "/api/orgs/3840/countries/95"); r != nil || !known {
		t.Errorf("POST on a GET path: route %v, known %v; want none but known (405)", r, known)
	}
	for _, p := range []string{"/api/orgs/3840", "/other", "/api/orgs/3840/countries/95/x"} {
		if r, _, known := rt.find(http.MethodGet, p); r != nil || known {
			t.Errorf("%s matched %v", p, r)
		}
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
