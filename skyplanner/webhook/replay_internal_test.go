package webhook

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSeen(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	in := func(d time.Duration) time.Time { return now.Add(d) }
	s := newSeen(2)
	steps := []struct {
		key  string
		exp  time.Time
		now  time.Time
		want bool
	}{
		{"a", in(time.Minute), now, true},
		{"a", in(time.Minute), now, false},                // a replay
		{"b", in(time.Minute), now, true},                 //
		{"c", in(time.Minute), now, true},                 // over the bound: a is forgotten
		{"a", in(time.Minute), now, true},                 // so a is new again, and b goes
		{"c", in(time.Minute), in(time.Minute), false},    // still live at its expiry
		{"c", in(time.Minute), in(time.Minute + 1), true}, // expired
	}
	for i, st := range steps {
		if got := s.add(st.key, st.exp, st.now); got != st.want {
			t.Errorf("step %d: add(%s) = %v, want %v", i, st.key, got, st.want)
		}
	}
	// The last add evicted a, which had expired too.
	if diff := cmp.Diff([]string{"c"}, s.order); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	s.add("d", in(time.Hour), now)
	s.forget("c")
	s.forget("never added")
	if diff := cmp.Diff([]string{"d"}, s.order); diff != "" || len(s.expiry) != 1 {
		t.Errorf("after forget: order (-want +got):\n%s, %d keys", diff, len(s.expiry))
	}
	if !s.add("c", in(time.Hour), now) {
		t.Error("a forgotten key is not new")
	}
}

func TestSeenOff(t *testing.T) {
	t.Parallel()
	s := newSeen(0)
	now := time.Unix(1000, 0)
	for range 2 {
		if !s.add("a", now.Add(time.Minute), now) {
			t.Error("add with replay detection off reported a replay")
		}
	}
	s.forget("a")
}
