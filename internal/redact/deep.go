package redact

import (
	"reflect"
	"strings"
)

// Bounds of a deep check. A value larger or deeper than this is treated as
// holding a secret: it is replaced rather than returned unchecked.
const (
	maxDepth = 64
	maxNodes = 1 << 16
)

// holds reports whether a secret can be reached from v: in a string or a
// []byte anywhere under its pointers, structs (unexported fields too),
// slices, arrays, maps and interfaces. A func or channel cannot be looked
// into (an *http.Request's GetBody can rebuild a password form), so reaching
// one counts as holding a secret.
func (s *set) holds(v any) bool { return s.holdsValue(reflect.ValueOf(v)) }

func (s *set) holdsValue(v reflect.Value) bool {
	w := walker{set: s, seen: map[seenKey]bool{}}
	return w.walk(v, 0)
}

type seenKey struct {
	t reflect.Type
	p uintptr
}

type walker struct {
	set   *set
	seen  map[seenKey]bool
	nodes int
}

func (w *walker) walk(v reflect.Value, depth int) bool {
	w.nodes++
	if depth > maxDepth || w.nodes > maxNodes {
		return true
	}
	switch v.Kind() {
	case reflect.String:
		return w.set.inString(v.String())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return w.set.inBytes(v.Bytes())
		}
		return w.elems(v, depth)
	case reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			return w.set.inBytes(b)
		}
		return w.elems(v, depth)
	case reflect.Pointer, reflect.Map:
		if v.IsNil() || v.Type().Implements(typeType) {
			return false // a reflect.Type (json.UnmarshalTypeError has one) is static metadata
		}
		key := seenKey{v.Type(), v.Pointer()}
		if w.seen[key] {
			return false
		}
		w.seen[key] = true
		if v.Kind() == reflect.Pointer {
			return w.walk(v.Elem(), depth+1)
		}
		it := v.MapRange()
		for it.Next() {
			if w.walk(it.Key(), depth+1) || w.walk(it.Value(), depth+1) {
				return true
			}
		}
		return false
	case reflect.Interface:
		return !v.IsNil() && w.walk(v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if w.walk(v.Field(i), depth+1) {
				return true
			}
		}
		return false
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return !v.IsNil()
	}
	return false // numbers, bools, the zero Value
}

func (w *walker) elems(v reflect.Value, depth int) bool {
	for i := range v.Len() {
		if w.walk(v.Index(i), depth+1) {
			return true
		}
	}
	return false
}

var typeType = reflect.TypeFor[reflect.Type]()

// module is this module's path: errors of its own types are copied with
// their exported fields scrubbed, so errors.As to them keeps working.
var module = strings.TrimSuffix(reflect.TypeFor[Redactor]().PkgPath(), "/internal/redact")

func own(t reflect.Type) bool {
	p := t.PkgPath()
	return p == module || strings.HasPrefix(p, module+"/")
}

// scrubInPlace masks the secrets in v, a settable copy, and reports whether
// it could: it edits exported strings and byte slices, copies slices and
// pointed-to structs of this module's types before editing them, and
// rebuilds errors; a secret anywhere else (an unexported field, a map, a
// foreign type) makes it give up.
func (e *eraser) scrubInPlace(v reflect.Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if !e.set.holdsValue(v) {
		return true
	}
	if !v.CanSet() {
		return false
	}
	switch v.Kind() {
	case reflect.String:
		out, _ := e.set.replace(nil, []byte(v.String()), v.Len())
		v.SetString(string(out))
		return true
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			out, _ := e.set.replace(nil, v.Bytes(), v.Len())
			v.SetBytes(out)
			return true
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		for i := range cp.Len() {
			if !e.scrubInPlace(cp.Index(i), depth+1) {
				return false
			}
		}
		v.Set(cp)
		return true
	case reflect.Array:
		for i := range v.Len() {
			if !e.scrubInPlace(v.Index(i), depth+1) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range v.NumField() {
			if !e.scrubInPlace(v.Field(i), depth+1) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if v.Elem().Kind() != reflect.Struct || !own(v.Elem().Type()) {
			return false
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(v.Elem())
		if !e.scrubInPlace(cp.Elem(), depth+1) {
			return false
		}
		v.Set(cp)
		return true
	case reflect.Interface:
		err, ok := v.Interface().(error)
		if !ok {
			return false
		}
		clean := reflect.ValueOf(e.rebuild(err, depth+1))
		if !clean.Type().AssignableTo(v.Type()) {
			return false
		}
		v.Set(clean)
		return true
	}
	return false
}
