package planbridge_test

import (
	"testing"
	"time"

	"github.com/planbridge/planbridge"
)

// BenchmarkWayBack measures what the way back costs in requests on the demo
// orders (three orders, two routed jobs per row), counted from the fakes'
// logs:
//
//	schedule           one Schedule of an order with three rows
//	poll-idle          a Poll with nothing changed since its watermark
//	poll-one-finished  a Poll after every job of one order was completed
//	                   (and its Minimax order is completed)
//	poll-settled       the Poll after that, within the overlap
//
// Metrics: sp-req/op and mm-req/op.
func BenchmarkWayBack(b *testing.B) {
	for _, sc := range []struct {
		name string
		// prepare runs untimed and returns the call to time.
		prepare func(b *testing.B, w *wayBack) func() error
	}{
		{"schedule", func(b *testing.B, w *wayBack) func() error {
			return func() error { _, err := w.tracker.Schedule(b.Context(), 7870); return err }
		}},
		{"poll-idle", func(b *testing.B, w *wayBack) func() error {
			next := poll(b, w, time.Time{})
			return func() error { _, err := w.tracker.Poll(b.Context(), next); return err }
		}},
		{"poll-one-finished", func(b *testing.B, w *wayBack) func() error {
			next := poll(b, w, time.Time{})
			w.finishJobs(b, *w.order(b, 7870).ID, 0)
			return func() error { _, err := w.tracker.Poll(b.Context(), next); return err }
		}},
		{"poll-settled", func(b *testing.B, w *wayBack) func() error {
			next := poll(b, w, time.Time{})
			w.finishJobs(b, *w.order(b, 7870).ID, 0)
			next = poll(b, w, next)
			return func() error { _, err := w.tracker.Poll(b.Context(), next); return err }
		}},
	} {
		b.Run(sc.name, func(b *testing.B) {
			var sp, mm int
			for b.Loop() {
				b.StopTimer()
				w := newWayBack(b, planbridge.WithCompletion())
				call := sc.prepare(b, w)
				w.sp.ResetLog()
				w.mm.ResetLog()
				b.StartTimer()
				if err := call(); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				sp += len(w.sp.Requests())
				mm += len(w.mm.Requests())
				b.StartTimer()
			}
			b.ReportMetric(float64(sp)/float64(b.N), "sp-req/op")
			b.ReportMetric(float64(mm)/float64(b.N), "mm-req/op")
		})
	}
}

func poll(b *testing.B, w *wayBack, since time.Time) time.Time {
	b.Helper()
	rep, err := w.tracker.Poll(b.Context(), since)
	if err != nil || rep.Err() != nil {
		b.Fatal(err, rep.Err())
	}
	return rep.Next
}
