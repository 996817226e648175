package fakeserver

import (
	"net/http"
	"sort"
	"strings"
)

// route is one registered operation.
type route struct {
	method   string
	template string // as in the OpenAPI document: /api/orgs/{organisationId}/countries/code({code})
	segs     []segment
	handler  http.HandlerFunc
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

type router struct {
	routes []*route
}

func (rt *router) add(r *route) {
	rt.routes = append(rt.routes, r)
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

// find returns the route for method and path, or whether the path exists
// under another method (405 rather than 404).
func (rt *router) find(method, path string) (r *route, params map[string]string, pathKnown bool) {
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
