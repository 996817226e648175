package redact

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"reflect"
	"slices"
)

// sentinels are the standard errors a caller tests for with errors.Is; an
// error replaced because it held a secret still matches those it matched.
var sentinels = []error{
	context.Canceled, context.DeadlineExceeded, os.ErrDeadlineExceeded,
	io.EOF, io.ErrUnexpectedEOF, net.ErrClosed,
}

// Error returns an error from which no secret can be reached: not through
// its text, not by unwrapping it (either Unwrap form), not in any field of
// anything it holds. When nothing in err holds one, err itself comes back.
//
// Otherwise each error in the chain that holds a secret is rebuilt: a
// *url.Error with its URL scrubbed; an error of this module's own types as a
// copy with its exported fields scrubbed (so errors.As still finds an
// *APIError or *AuthError); any other as an opaque error with the scrubbed
// text, the same Unwrap form over the rebuilt errors beneath it, the
// standard sentinels it matched, and a net.Error's Timeout. Errors beneath
// that hold no secret are kept as they are.
func (r *Redactor) Error(err error) error {
	set := r.current()
	if err == nil || set == nil {
		return err
	}
	e := eraser{set: set}
	return e.rebuild(err, 0)
}

type eraser struct{ set *set }

func (e *eraser) str(s string) string {
	if !e.set.inString(s) {
		return s
	}
	out, _ := e.set.replace(nil, []byte(s), len(s))
	return string(out)
}

// dirty reports whether the text of err or of an error beneath it, or a
// value reachable from err, holds a secret.
func (e *eraser) dirty(err error) bool {
	return e.dirtyText(err, 0) || e.set.holds(err)
}

// dirtyText checks the texts along the chain, which an Error method may
// build from more than the error's fields.
func (e *eraser) dirtyText(err error, depth int) bool {
	if depth > maxDepth || e.set.inString(text(err)) {
		return true
	}
	for _, next := range unwrap(err) {
		if next != nil && e.dirtyText(next, depth+1) {
			return true
		}
	}
	return false
}

func (e *eraser) rebuild(err error, depth int) error {
	if err == nil || !e.dirty(err) {
		return err
	}
	if depth > maxDepth {
		return &scrubbed{msg: e.str(text(err)), is: matching(err)}
	}
	if u, ok := err.(*url.Error); ok {
		clean := &url.Error{Op: e.str(u.Op), URL: e.str(u.URL), Err: e.rebuild(u.Err, depth+1)}
		if !e.dirty(clean) {
			return clean
		}
	}
	if clean, ok := e.copyOwn(err, depth); ok {
		return clean
	}
	return e.opaque(err, depth)
}

// copyOwn copies an error of this module's types with its secrets scrubbed,
// when they all sit where a copy can change them.
func (e *eraser) copyOwn(err error, depth int) (error, bool) {
	v := reflect.ValueOf(err)
	ptr := v.Kind() == reflect.Pointer
	if ptr {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || !own(v.Type()) {
		return nil, false
	}
	cp := reflect.New(v.Type())
	cp.Elem().Set(v)
	if !e.scrubInPlace(cp.Elem(), depth+1) {
		return nil, false
	}
	if !ptr {
		cp = cp.Elem()
	}
	clean, ok := cp.Interface().(error)
	return clean, ok && !e.dirty(clean)
}

// opaque stands in for an error that cannot be copied without its secret.
func (e *eraser) opaque(err error, depth int) error {
	base := scrubbed{msg: e.str(text(err)), is: matching(err)}
	ne, isNet := err.(net.Error)
	var n netness
	if isNet {
		n = netness{timeout: ne.Timeout()}
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		w := scrubbedWrap{base, e.rebuild(u.Unwrap(), depth+1)}
		if isNet {
			return &netWrap{w, n}
		}
		return &w
	case interface{ Unwrap() []error }:
		var next []error
		for _, x := range u.Unwrap() {
			next = append(next, e.rebuild(x, depth+1))
		}
		j := scrubbedJoin{base, next}
		if isNet {
			return &netJoin{j, n}
		}
		return &j
	}
	if isNet {
		return &netLeaf{base, n}
	}
	return &base
}

func matching(err error) []error {
	var is []error
	for _, s := range sentinels {
		if errors.Is(err, s) {
			is = append(is, s)
		}
	}
	return is
}

func unwrap(err error) []error {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// text is err.Error(), which a typed nil in a chain may panic on.
func text(err error) (s string) {
	defer func() {
		if recover() != nil {
			s = "(error text unavailable)"
		}
	}()
	return err.Error()
}

// scrubbed is an error that held a secret, without it.
type scrubbed struct {
	msg string
	is  []error
}

func (e *scrubbed) Error() string { return e.msg }

// Is matches the standard sentinels the original matched.
func (e *scrubbed) Is(target error) bool { return slices.Contains(e.is, target) }

type scrubbedWrap struct {
	scrubbed
	next error
}

func (e *scrubbedWrap) Unwrap() error { return e.next }

type scrubbedJoin struct {
	scrubbed
	next []error
}

func (e *scrubbedJoin) Unwrap() []error { return e.next }

// netness keeps what a net.Error reports, so a timeout stays one.
type netness struct{ timeout bool }

func (n netness) Timeout() bool { return n.timeout }

// Temporary completes net.Error. The method is deprecated and not asked of
// the original; a timeout is what it mostly meant.
func (n netness) Temporary() bool { return n.timeout }

type netLeaf struct {
	scrubbed
	netness
}

type netWrap struct {
	scrubbedWrap
	netness
}

type netJoin struct {
	scrubbedJoin
	netness
}
