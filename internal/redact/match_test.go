package redact

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// naive masks the leftmost match, the longest where several start at one
// place, by trying every variant at every position.
func naive(s *set, src []byte) []byte {
	var out []byte
	for i := 0; i < len(src); {
		hit := -1
		for v, variant := range s.variants { // longest first
			if bytes.HasPrefix(src[i:], variant) {
				hit = v
				break
			}
		}
		if hit < 0 {
			out = append(out, src[i])
			i++
			continue
		}
		out = append(out, Mask...)
		i += len(s.variants[hit])
	}
	return out
}

func TestReplaceAgreesWithNaive(t *testing.T) {
	t.Parallel()
	// Secrets sharing anchors and prefixes, and overlapping each other.
	s := newSet([]string{"abcdef", "abcdefgh", "bcdexx", "a b/c&d", "zzzzzz"})
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", "c", "d", "e", "f", "g", "h", "x", "z", " ", "/", "%", "abcd", "abcdef", "bcde", "a+b%2Fc", "zzz"}
	for range 20_000 {
		var src []byte
		for range r.IntN(12) {
			src = append(src, pieces[r.IntN(len(pieces))]...)
		}
		want := naive(s, src)
		got, used := s.replace(nil, src, len(src))
		if !bytes.Equal(got, want) || used != len(src) {
			t.Fatalf("replace(%q) = %q, %d; want %q", src, got, used, want)
		}
		if s.inBytes(src) != !bytes.Equal(want, src) {
			t.Fatalf("inBytes(%q) = %v", src, s.inBytes(src))
		}
	}
}
