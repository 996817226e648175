package mapping

import (
	"fmt"
	"testing"

	mmapi "github.com/planbridge/planbridge/minimax/api"
)

// BenchmarkMapOrder maps an order of 20 rows, half of them routed through
// two workstages, and reports orders mapped per second.
func BenchmarkMapOrder(b *testing.B) {
	o := baseOrder(b)
	template := (*o.OrderRows)[0]
	rows := make([]mmapi.OrderRow, 20)
	for i := range rows {
		r := template
		r.OrderRowID = new(int64(2000 + i))
		r.Item = &mmapi.FkField{ID: new(int64(700 + i)), Name: new(fmt.Sprintf("Artikl %d", i))}
		if i%2 == 1 {
			r.ItemCode = new(fmt.Sprintf("X-%d", i))
		}
		rows[i] = r
	}
	o.OrderRows = &rows
	m := mustMapper(b, Options{Routing: testRouting()})
	if p, err := m.MapOrder(testOrg, o); err != nil || len(p.Rows) != 20 || len(p.Rows[0].Jobs) != 2 {
		b.Fatalf("setup: %v, %+v", err, p)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := m.MapOrder(testOrg, o); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "orders/s")
}
