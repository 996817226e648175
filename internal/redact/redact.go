// Package redact keeps secrets out of what the clients hand back and log.
//
// A Redactor holds the secrets a client knows: the configured ones (a
// password, a client secret, an API token) and the access tokens it is
// issued while it runs. It replaces each with Mask, together with the forms
// a server is likely to echo it in (URL query and path escaping, JSON string
// escaping), in strings, byte slices, streamed response bodies, errors and
// slog records.
//
// The shared transport runs every response body and every error it returns
// through the client's Redactor, so error bodies, decode errors and anything
// built above the transport never see a secret; the clients wrap their
// loggers with Handler. A nil *Redactor knows no secret and changes nothing.
package redact

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Mask replaces every secret.
const Mask = "[REDACTED]"

// MinLen is the shortest secret a Redactor scrubs. Anything shorter matches
// too much ordinary text (numbers, words) to replace without mangling
// messages and bodies, so it is ignored; SkyPlanner's WithToken demands more
// anyway, and Minimax passwords this short would be unusual.
const MinLen = 6

// maxIssued bounds the secrets added after construction. A long-running
// client is issued a token an hour (or far more often with short-lived
// tokens); the oldest are long expired and worthless by the time they are
// dropped, while an unbounded list would make every scrub slower forever.
const maxIssued = 32

// Redactor holds a set of secrets that can grow at run time. It is safe for
// concurrent use; reads take no lock.
type Redactor struct {
	mu     sync.Mutex
	fixed  []string // given to New
	issued []string // added later, oldest first
	set    atomic.Pointer[set]
}

// New returns a Redactor for secrets, ignoring empty ones and those shorter
// than MinLen.
func New(secrets ...string) *Redactor {
	r := &Redactor{}
	for _, s := range secrets {
		if len(s) >= MinLen && !slices.Contains(r.fixed, s) {
			r.fixed = append(r.fixed, s)
		}
	}
	r.publish()
	return r
}

// Add scrubs secret from now on, as issued tokens arrive. It reports false,
// and does nothing, for a secret shorter than MinLen.
func (r *Redactor) Add(secret string) bool {
	if len(secret) < MinLen {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if slices.Contains(r.fixed, secret) || slices.Contains(r.issued, secret) {
		return true // a server may hand the same token out again
	}
	r.issued = append(r.issued, secret)
	if len(r.issued) > maxIssued {
		r.issued = slices.Delete(r.issued, 0, len(r.issued)-maxIssued)
	}
	r.publish()
	return true
}

// publish builds the matcher for the current secrets; called under mu (or
// before r is shared).
func (r *Redactor) publish() {
	r.set.Store(newSet(append(slices.Clone(r.fixed), r.issued...)))
}

// current is the matcher in force, nil when there is nothing to scrub.
func (r *Redactor) current() *set {
	if r == nil {
		return nil
	}
	s := r.set.Load()
	if s == nil || len(s.variants) == 0 {
		return nil
	}
	return s
}

// String returns s with every secret replaced by Mask.
func (r *Redactor) String(s string) string {
	set := r.current()
	if set == nil || !set.inString(s) {
		return s
	}
	out, _ := set.replace(nil, []byte(s), len(s))
	return string(out)
}

// Bytes returns b with every secret replaced by Mask: b itself when it holds
// none, else a new slice.
func (r *Redactor) Bytes(b []byte) []byte {
	set := r.current()
	if set == nil || !set.inBytes(b) {
		return b
	}
	out, _ := set.replace(nil, b, len(b))
	return out
}

// anchorLen is how much of a variant is searched for: the encodings of one
// secret mostly share their first bytes, so a body is searched once per
// distinct anchor rather than once per variant.
const anchorLen = 4

// set is an immutable matcher for a list of secrets and their encodings.
type set struct {
	variants [][]byte // longest first, so the longest of matches at one place wins
	strs     []string // the same, as strings
	maxLen   int
	anchors  [][]byte // distinct first anchorLen bytes of the variants
	byAnchor [][]int  // for each anchor, the variants starting with it, longest first
}

func newSet(secrets []string) *set {
	var all []string
	for _, s := range secrets {
		for _, v := range encodings(s) {
			if !slices.Contains(all, v) {
				all = append(all, v)
			}
		}
	}
	slices.SortStableFunc(all, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	s := &set{strs: all}
	for i, v := range all {
		s.variants = append(s.variants, []byte(v))
		s.maxLen = max(s.maxLen, len(v))
		a := []byte(v[:min(anchorLen, len(v))])
		j := slices.IndexFunc(s.anchors, func(b []byte) bool { return bytes.Equal(a, b) })
		if j < 0 {
			j = len(s.anchors)
			s.anchors = append(s.anchors, a)
			s.byAnchor = append(s.byAnchor, nil)
		}
		s.byAnchor[j] = append(s.byAnchor[j], i)
	}
	return s
}

func (s *set) inString(text string) bool {
	for _, v := range s.strs {
		if strings.Contains(text, v) {
			return true
		}
	}
	return false
}

func (s *set) inBytes(b []byte) bool {
	start, _ := s.earliest(b, 0, s.searches())
	return start >= 0
}

// searches is the state of earliest for one pass over a text.
func (s *set) searches() []int {
	next := make([]int, len(s.anchors))
	for i := range next {
		next[i] = unknown
	}
	return next
}

// replace appends src[:cut] to dst with every secret masked, and reports how
// much of src it consumed: cut, or further when a secret starting before cut
// runs past it. A match is only decided where it starts, so the caller must
// pass a cut at least maxLen-1 bytes before the end of what may still grow.
func (s *set) replace(dst, src []byte, cut int) ([]byte, int) {
	next := s.searches()
	pos := 0
	for {
		start, which := s.earliest(src, pos, next)
		if which < 0 || start >= cut {
			return append(dst, src[pos:cut]...), cut
		}
		dst = append(dst, src[pos:start]...)
		dst = append(dst, Mask...)
		pos = start + len(s.variants[which])
		if pos >= cut {
			return dst, pos
		}
	}
}

const (
	unknown = -2 // not searched yet
	absent  = -1 // not in the rest of src
)

// earliest finds the first match at or after pos, and which variant it is
// (the longest where several start there). next keeps where each anchor
// next occurs, so that a long text is searched once per anchor.
func (s *set) earliest(src []byte, pos int, next []int) (start, which int) {
	for {
		first := -1
		for i, a := range s.anchors {
			if next[i] == unknown || (next[i] != absent && next[i] < pos) {
				next[i] = find(src, pos, a)
			}
			if next[i] != absent && (first < 0 || next[i] < next[first]) {
				first = i
			}
		}
		if first < 0 {
			return -1, -1
		}
		at := next[first]
		which = -1
		for i := range s.anchors {
			if next[i] != at {
				continue
			}
			for _, v := range s.byAnchor[i] {
				if bytes.HasPrefix(src[at:], s.variants[v]) {
					if which < 0 || len(s.variants[v]) > len(s.variants[which]) {
						which = v
					}
					break
				}
			}
		}
		if which >= 0 {
			return at, which
		}
		for i := range s.anchors { // an anchor without its variant: look further
			if next[i] == at {
				next[i] = find(src, at+1, s.anchors[i])
			}
		}
	}
}

// find is where a occurs in src at or after pos, or absent.
func find(src []byte, pos int, a []byte) int {
	if j := bytes.Index(src[pos:], a); j >= 0 {
		return pos + j
	}
	return absent
}
