// Package redacttest checks, in tests, that no secret can be reached from
// a value: the tests of both clients use it on the errors and results they
// return. It walks values on its own rather than through package redact, so
// a fault there cannot hide itself.
package redacttest

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Leaks lists where a secret can be reached from v: every string and []byte
// under its pointers, structs (unexported fields included), slices, arrays,
// maps and interfaces is searched, and a func or channel, which cannot be
// searched, is listed as well.
func Leaks(v any, secrets ...string) []string {
	f := finder{secrets: secrets, seen: map[[2]uintptr]bool{}}
	f.visit(reflect.ValueOf(v), "v", 0)
	return f.found
}

// NoSecret fails t for every way a secret can be got out of err: its text
// under %v, %+v and %#v, the text of each error reached by unwrapping
// (both Unwrap forms), and any value reachable from it.
func NoSecret(t testing.TB, err error, secrets ...string) {
	t.Helper()
	for _, leak := range errorLeaks(err, secrets) {
		t.Error(leak)
	}
}

func errorLeaks(err error, secrets []string) []string {
	var out []string
	var walk func(e error, path string, depth int)
	walk = func(e error, path string, depth int) {
		if e == nil || depth > 50 {
			return
		}
		for _, form := range []string{"%v", "%+v", "%#v"} {
			if s := fmt.Sprintf(form, e); holds(s, secrets) {
				out = append(out, fmt.Sprintf("%s printed with %s holds a secret: %s", path, form, s))
			}
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap(), path+".Unwrap()", depth+1)
		case interface{ Unwrap() []error }:
			for i, next := range u.Unwrap() {
				walk(next, fmt.Sprintf("%s.Unwrap()[%d]", path, i), depth+1)
			}
		}
	}
	walk(err, "err", 0)
	for _, leak := range Leaks(err, secrets...) {
		out = append(out, "reachable from err: "+leak)
	}
	return out
}

func holds(s string, secrets []string) bool {
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			return true
		}
	}
	return false
}

type finder struct {
	secrets []string
	seen    map[[2]uintptr]bool
	found   []string
}

var typeType = reflect.TypeFor[reflect.Type]()

func (f *finder) visit(v reflect.Value, path string, depth int) {
	if !v.IsValid() || depth > 200 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if holds(v.String(), f.secrets) {
			f.found = append(f.found, fmt.Sprintf("%s = %q", path, v.String()))
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			for _, s := range f.secrets {
				if bytes.Contains(b, []byte(s)) {
					f.found = append(f.found, fmt.Sprintf("%s = %q", path, b))
					break
				}
			}
			return
		}
		for i := range v.Len() {
			f.visit(v.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
	case reflect.Pointer, reflect.Map:
		if v.IsNil() || v.Type().Implements(typeType) {
			return
		}
		key := [2]uintptr{v.Pointer(), uintptr(v.Kind())}
		if f.seen[key] {
			return
		}
		f.seen[key] = true
		if v.Kind() == reflect.Pointer {
			f.visit(v.Elem(), "(*"+path+")", depth+1)
			return
		}
		it := v.MapRange()
		for it.Next() {
			f.visit(it.Key(), path+"{key}", depth+1)
			f.visit(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key()), depth+1)
		}
	case reflect.Interface:
		f.visit(v.Elem(), path, depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			f.visit(v.Field(i), path+"."+v.Type().Field(i).Name, depth+1)
		}
	case reflect.Func, reflect.Chan:
		if !v.IsNil() {
			f.found = append(f.found, fmt.Sprintf("%s is a %s, which may hold anything", path, v.Type()))
		}
	}
}

// Outcome is what a call handed back and logged.
type Outcome struct {
	Err    error
	Result any
	Log    string
	// As are pointers to variables of error types (**url.Error, say): each
	// that errors.As fills from Err is searched as well.
	As []any
}

// Check fails t for a secret anywhere in o: in Err as NoSecret looks, in
// each error errors.As gets out of it, in Result, or in Log.
func Check(t testing.TB, o Outcome, secrets ...string) {
	t.Helper()
	NoSecret(t, o.Err, secrets...)
	for _, target := range o.As {
		if o.Err != nil && errors.As(o.Err, target) {
			for _, leak := range Leaks(target, secrets...) {
				t.Errorf("errors.As to %T: %s", target, leak)
			}
		}
	}
	for _, leak := range Leaks(o.Result, secrets...) {
		t.Errorf("result: %s", leak)
	}
	for _, s := range secrets {
		if strings.Contains(o.Log, s) {
			t.Errorf("the log holds %q:\n%s", s, o.Log)
		}
	}
}
