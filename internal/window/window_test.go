package window

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// clock is a settable time source for a Counter; tests move it, never sleep.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

func newCounter(t *testing.T, limit int, span time.Duration) (*Counter, *clock) {
	t.Helper()
	clk := &clock{now: t0}
	c, err := New(limit, span, clk.Now)
	if err != nil {
		t.Fatal(err)
	}
	return c, clk
}

func TestTake(t *testing.T) {
	t.Parallel()
	type step struct {
		at      time.Duration // after t0
		ok      bool
		retryAt time.Duration // after t0, when refused
		used    int           // after the take
	}
	tests := []struct {
		name  string
		limit int
		span  time.Duration
		steps []step
	}{
		{"room for all", 3, time.Hour, []step{
			{0, true, 0, 1}, {time.Minute, true, 0, 2}, {2 * time.Minute, true, 0, 3},
		}},
		{"full until the oldest leaves", 2, time.Hour, []step{
			{0, true, 0, 1},
			{10 * time.Minute, true, 0, 2},
			{20 * time.Minute, false, time.Hour, 2},
			{59 * time.Minute, false, time.Hour, 2},
			{time.Hour, true, 0, 2}, // the first left; the one at 10 min is still in
			{time.Hour + time.Minute, false, 70 * time.Minute, 2},
		}},
		{"a refusal is not counted", 1, time.Hour, []step{
			{0, true, 0, 1},
			{30 * time.Minute, false, time.Hour, 1},
			{time.Hour, true, 0, 1}, // not held back until 90 min by the refused one
		}},
		{"exactly one span old has left", 1, 24 * time.Hour, []step{
			{0, true, 0, 1},
			{24*time.Hour - time.Nanosecond, false, 24 * time.Hour, 1},
			{24 * time.Hour, true, 0, 1},
		}},
		{"all leave together", 3, time.Minute, []step{
			{0, true, 0, 1}, {0, true, 0, 2}, {0, true, 0, 3},
			{0, false, time.Minute, 3},
			{time.Minute, true, 0, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, clk := newCounter(t, tt.limit, tt.span)
			for i, s := range tt.steps {
				clk.set(t0.Add(s.at))
				ok, retryAt := c.Take()
				var want time.Time
				if !s.ok {
					want = t0.Add(s.retryAt)
				}
				if ok != s.ok || !retryAt.Equal(want) {
					t.Errorf("step %d at +%v: Take() = (%v, %v), want (%v, %v)", i, s.at, ok, retryAt, s.ok, want)
				}
				if used := c.Used(); used != s.used {
					t.Errorf("step %d at +%v: Used() = %d, want %d", i, s.at, used, s.used)
				}
			}
		})
	}
}

func TestUsedAndTimesForget(t *testing.T) {
	t.Parallel()
	c, clk := newCounter(t, 5, time.Hour)
	for _, at := range []time.Duration{0, 20 * time.Minute, 40 * time.Minute} {
		clk.set(t0.Add(at))
		c.Take()
	}
	clk.set(t0.Add(90 * time.Minute))
	if used := c.Used(); used != 1 {
		t.Errorf("Used() = %d, want 1", used)
	}
	if diff := cmp.Diff([]time.Time{t0.Add(40 * time.Minute)}, c.Times()); diff != "" {
		t.Errorf("Times() (-want +got):\n%s", diff)
	}
	if c.Limit() != 5 {
		t.Errorf("Limit() = %d", c.Limit())
	}
}

// Times can be stored and restored in another process: it carries no
// monotonic clock reading, which only means something in this one.
func TestTimesHaveNoMonotonicReading(t *testing.T) {
	t.Parallel()
	c, err := New(2, time.Hour, nil) // the real clock, which has one
	if err != nil {
		t.Fatal(err)
	}
	c.Take()
	got := c.Times()
	if len(got) != 1 || got[0] != got[0].Round(0) {
		t.Errorf("Times() = %v, want one time without a monotonic reading", got)
	}
}

func TestRestore(t *testing.T) {
	t.Parallel()
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	tests := []struct {
		name  string
		limit int
		in    []time.Time
		want  []time.Time
	}{
		{"none", 3, nil, nil},
		{"inside the window", 3, []time.Time{at(-3 * time.Hour), at(-time.Minute)}, []time.Time{at(-3 * time.Hour), at(-time.Minute)}},
		{"outside dropped", 3, []time.Time{at(-25 * time.Hour), at(-24 * time.Hour), at(-23 * time.Hour)}, []time.Time{at(-23 * time.Hour)}},
		{"sorted", 3, []time.Time{at(-time.Hour), at(-3 * time.Hour), at(-2 * time.Hour)},
			[]time.Time{at(-3 * time.Hour), at(-2 * time.Hour), at(-time.Hour)}},
		{"capped at the limit, newest kept", 2, []time.Time{at(-4 * time.Hour), at(-3 * time.Hour), at(-2 * time.Hour), at(-time.Hour)},
			[]time.Time{at(-2 * time.Hour), at(-time.Hour)}},
		{"future counts as now", 3, []time.Time{at(-time.Hour), at(time.Hour)}, []time.Time{at(-time.Hour), t0}},
		{"same time twice", 3, []time.Time{at(-time.Hour), at(-time.Hour)}, []time.Time{at(-time.Hour), at(-time.Hour)}},
		{"another zone", 3, []time.Time{at(-time.Hour).In(time.FixedZone("CET", 3600))}, []time.Time{at(-time.Hour)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newCounter(t, tt.limit, 24*time.Hour)
			c.Take() // replaced, not added to
			c.Restore(tt.in)
			if diff := cmp.Diff(tt.want, c.Times(), cmp.Comparer(time.Time.Equal), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Times() after Restore (-want +got):\n%s", diff)
			}
		})
	}
}

// A restored window is full until its oldest time leaves, as it was in the
// process that stored it.
func TestRestoredWindowRefuses(t *testing.T) {
	t.Parallel()
	old, clk := newCounter(t, 2, 24*time.Hour)
	clk.set(t0.Add(-20 * time.Hour))
	old.Take()
	clk.set(t0.Add(-time.Hour))
	old.Take()

	c, clk := newCounter(t, 2, 24*time.Hour)
	c.Restore(old.Times())
	if ok, retryAt := c.Take(); ok || !retryAt.Equal(t0.Add(4*time.Hour)) {
		t.Errorf("Take() = (%v, %v), want refused until %v", ok, retryAt, t0.Add(4*time.Hour))
	}
	clk.set(t0.Add(4 * time.Hour))
	if ok, _ := c.Take(); !ok {
		t.Error("refused once the oldest restored time left the window")
	}
}

func TestNewRefusesBadArguments(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		limit int
		span  time.Duration
	}{{0, time.Hour}, {-1, time.Hour}, {1, 0}, {1, -time.Second}} {
		if c, err := New(tt.limit, tt.span, nil); err == nil || c != nil {
			t.Errorf("New(%d, %v) = (%v, %v), want an error", tt.limit, tt.span, c, err)
		}
	}
}

func TestTakeConcurrently(t *testing.T) {
	t.Parallel()
	c, _ := newCounter(t, 50, time.Hour)
	var admitted atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if ok, _ := c.Take(); ok {
					admitted.Add(1)
				}
				c.Used()
				c.Times()
			}
		})
	}
	wg.Wait()
	if n := admitted.Load(); n != 50 {
		t.Errorf("admitted %d of 160, want the limit, 50", n)
	}
}

// However many events pass, the counter holds no more than the window can.
func TestMemoryStaysBounded(t *testing.T) {
	t.Parallel()
	const limit = 5
	c, clk := newCounter(t, limit, time.Minute)
	for i := range 10_000 {
		clk.set(t0.Add(time.Duration(i) * time.Second))
		c.Take()
	}
	if n := cap(c.times); n > 2*limit {
		t.Errorf("capacity %d after 10,000 events, want at most %d", n, 2*limit)
	}
	c.Restore(make([]time.Time, 10_000)) // all long gone
	if n := cap(c.times); n > limit {
		t.Errorf("capacity %d after restoring 10,000 old times, want at most %d", n, limit)
	}
}

func TestMerge(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	c, err := New(5, time.Hour, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	own := now.Add(-10 * time.Minute)
	c.Restore([]time.Time{own})
	// An earlier process's times, one of them ours already, one outside the
	// window.
	c.Merge([]time.Time{own, now.Add(-20 * time.Minute), now.Add(-2 * time.Hour)})
	want := []time.Time{now.Add(-20 * time.Minute), own}
	if diff := cmp.Diff(want, c.Times()); diff != "" {
		t.Errorf("Times() after Merge (-want +got):\n%s", diff)
	}
	c.Merge(c.Times())
	if c.Used() != 2 {
		t.Errorf("merging the counter's own times made %d, want 2", c.Used())
	}
}
