package fakeserver

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// Router finds the operation of a request among the operations added to it.
// It is a kin-openapi routers.Router, so openapi3filter takes its routes as
// it takes those of kin-openapi's own routers.
//
// It is not one of those because neither routes the Minimax documents (both
// checked by TestKinRoutersMisrouteKeySegments with kin-openapi v0.152.0):
//   - routers/legacy lets a parameter run to the next "/", so in
//     countries/code({code}) the parameter takes "HR)" and the ")" after it
//     never matches: code(HR) finds no operation at all.
//   - routers/gorillamux matches code({code}) alone, but tries templates by
//     their number of parameters and then in descending byte order, and "{"
//     sorts after "c": countries/{countryId} comes first and takes code(HR)
//     as a country ID. It also leaves parameters percent-encoded.
//
// Minimax has a dozen such key segments (code({code}), date({date}),
// addbytaxnumber({taxNumber})) beside item templates, so this router orders
// templates by how literal each segment is instead.
type Router struct {
	doc    *openapi3.T
	prefix string
	routes []*route
}

// NewRouter returns a router for operations of doc served under prefix
// ("/SI/API"). It routes nothing until operations are added.
func NewRouter(doc *openapi3.T, prefix string) *Router {
	return &Router{doc: doc, prefix: prefix}
}

// NewDocumentRouter returns a router for every operation of doc.
func NewDocumentRouter(doc *openapi3.T, prefix string) *Router {
	rt := NewRouter(doc, prefix)
	for _, template := range doc.Paths.InMatchingOrder() {
		ops := doc.Paths.Value(template).Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			rt.routes = append(rt.routes, newRoute(method, template))
		}
	}
	rt.sort()
	return rt
}

// Add routes one operation of the document. The template is the document's
// path; the method is upper case.
func (rt *Router) Add(method, template string) error {
	item := rt.doc.Paths.Find(template)
	if item == nil || item.GetOperation(method) == nil {
		return fmt.Errorf("fakeserver: %s %s is not an operation of the document", method, template)
	}
	rt.routes = append(rt.routes, newRoute(method, template))
	rt.sort()
	return nil
}

func (rt *Router) sort() {
	sort.SliceStable(rt.routes, func(i, j int) bool {
		a, b := rt.routes[i].specificity(), rt.routes[j].specificity()
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] > b[k]
			}
		}
		return len(a) > len(b)
	})
}

// FindRoute returns the operation of req and its path parameters. The error
// is routers.ErrMethodNotAllowed when the path is routed for other methods
// only, routers.ErrPathNotFound when it is not routed at all.
func (rt *Router) FindRoute(req *http.Request) (*routers.Route, map[string]string, error) {
	path, ok := strings.CutPrefix(req.URL.Path, rt.prefix)
	if !ok {
		return nil, nil, routers.ErrPathNotFound
	}
	r, params, known := rt.find(req.Method, path)
	switch {
	case r != nil:
		item := rt.doc.Paths.Find(r.template)
		return &routers.Route{Spec: rt.doc, Path: r.template, PathItem: item, Method: r.method,
			Operation: item.GetOperation(r.method)}, params, nil
	case known:
		return nil, nil, routers.ErrMethodNotAllowed
	}
	return nil, nil, routers.ErrPathNotFound
}

// route is one routed operation.
type route struct {
	method   string
	template string // as in the OpenAPI document: /api/orgs/{organisationId}/countries/code({code})
	segs     []segment
}

func newRoute(method, template string) *route {
	return &route{method: method, template: template, segs: parseTemplate(template)}
}

// segment is one path segment of a template: a literal, a whole-segment
// parameter ({id}), or a parameter inside literal text (code({code})).
type segment struct {
	literal        string
	param          string
	prefix, suffix string
}

func parseTemplate(t string) []segment {
	parts := strings.Split(strings.Trim(t, "/"), "/")
	segs := make([]segment, len(parts))
	for i, p := range parts {
		open, close := strings.Index(p, "{"), strings.LastIndex(p, "}")
		if open < 0 || close < open {
			segs[i] = segment{literal: p}
			continue
		}
		segs[i] = segment{param: p[open+1 : close], prefix: p[:open], suffix: p[close+1:]}
	}
	return segs
}

// match reports whether path (without the server prefix) fits the route,
// and the path parameters.
func (r *route) match(parts []string) (map[string]string, bool) {
	if len(parts) != len(r.segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, s := range r.segs {
		p := parts[i]
		if s.param == "" {
			if p != s.literal {
				return nil, false
			}
			continue
		}
		if !strings.HasPrefix(p, s.prefix) || !strings.HasSuffix(p, s.suffix) || len(p) <= len(s.prefix)+len(s.suffix) {
			return nil, false
		}
		params[s.param] = p[len(s.prefix) : len(p)-len(s.suffix)]
	}
	return params, true
}

// specificity orders routes so that literal segments win over parameters:
// /orders/synccandidates before /orders/{orderId}, countries/code({code})
// before countries/{countryId}.
func (r *route) specificity() []int {
	score := make([]int, len(r.segs))
	for i, s := range r.segs {
		switch {
		case s.param == "":
			score[i] = 2
		case s.prefix != "" || s.suffix != "":
			score[i] = 1
		}
	}
	return score
}

// find returns the route for method and path, or whether the path is routed
// for another method (405 rather than 404).
func (rt *Router) find(method, path string) (r *route, params map[string]string, pathKnown bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for _, cand := range rt.routes {
		p, ok := cand.match(parts)
		if !ok {
			continue
		}
		if cand.method == method {
			return cand, p, true
		}
		pathKnown = true
	}
	return nil, nil, pathKnown
}
