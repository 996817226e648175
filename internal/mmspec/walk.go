package mmspec

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// object is a decoded JSON object. The steps work on the generic form because
// the vendor document is not valid enough to decode into typed Swagger
// structures before it is repaired.
type object = map[string]any

// methods lists the Swagger operation keys of a path item in a fixed order,
// so that every step visits operations deterministically.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch"}

// operation is one operation of the document with its location.
type operation struct {
	Path   string
	Method string // lower case, as in the document
	Op     object
}

// operations returns the document's operations sorted by path, then method.
func operations(doc object) []operation {
	paths, _ := doc["paths"].(object)
	keys := slices.Sorted(maps.Keys(paths))
	var out []operation
	for _, p := range keys {
		item, _ := paths[p].(object)
		for _, m := range methods {
			if op, ok := item[m].(object); ok {
				out = append(out, operation{Path: p, Method: m, Op: op})
			}
		}
	}
	return out
}

// eachSchema calls fn for every schema object in the document: definitions,
// parameter and response schemas, and everything nested in them. fn may
// modify the schema in place.
func eachSchema(doc object, fn func(schema object)) {
	var visit func(s object)
	visit = func(s object) {
		if s == nil {
			return
		}
		fn(s)
		if props, ok := s["properties"].(object); ok {
			for _, k := range slices.Sorted(maps.Keys(props)) {
				sub, _ := props[k].(object)
				visit(sub)
			}
		}
		if items, ok := s["items"].(object); ok {
			visit(items)
		}
		if ap, ok := s["additionalProperties"].(object); ok {
			visit(ap)
		}
		if all, ok := s["allOf"].([]any); ok {
			for _, sub := range all {
				o, _ := sub.(object)
				visit(o)
			}
		}
	}
	defs, _ := doc["definitions"].(object)
	for _, k := range slices.Sorted(maps.Keys(defs)) {
		s, _ := defs[k].(object)
		visit(s)
	}
	for _, op := range operations(doc) {
		params, _ := op.Op["parameters"].([]any)
		for _, p := range params {
			po, _ := p.(object)
			if s, ok := po["schema"].(object); ok {
				visit(s)
			}
		}
		responses, _ := op.Op["responses"].(object)
		for _, code := range slices.Sorted(maps.Keys(responses)) {
			r, _ := responses[code].(object)
			if s, ok := r["schema"].(object); ok {
				visit(s)
			}
		}
	}
}

// eachRef calls fn with every "$ref" string in v and stores what fn returns.
func eachRef(v any, fn func(ref string) string) {
	switch t := v.(type) {
	case object:
		for k, sub := range t {
			if ref, ok := sub.(string); ok && k == "$ref" {
				t[k] = fn(ref)
				continue
			}
			eachRef(sub, fn)
		}
	case []any:
		for _, sub := range t {
			eachRef(sub, fn)
		}
	}
}

// upperFirst makes "order" into "Order".
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// errorf prefixes every step error with the package name, so a failing
// `go generate` says where the problem was found.
func errorf(format string, args ...any) error {
	return fmt.Errorf("mmspec: "+format, args...)
}
