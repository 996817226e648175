package skyplanner_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/planbridge/planbridge/skyplanner"
)

// largeOrderList is an enveloped order list of about size bytes.
func largeOrderList(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"phaser-orders":[`)
	for n := 1; b.Len() < size; n++ {
		if n > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"number":"2026-%d","external_id":"mm-%d","external_order_number":"%d",`+
			`"description":"Sales order %d","status":"new","production_planning_customer_id":12,`+
			`"delivery_date":"2026-03-01 00:00:00","modified":"2026-02-01T08:00:00+00:00"}`, n, n, n, n, n)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// BenchmarkListOrdersLarge reads a 20 MiB order list; B/op is the memory a
// large answer costs on top of the records it holds.
func BenchmarkListOrdersLarge(b *testing.B) {
	body := largeOrderList(20 << 20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	c, err := skyplanner.New(skyplanner.WithBaseURL(srv.URL), skyplanner.WithToken(testToken),
		skyplanner.WithHTTPClient(srv.Client()))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.ListOrders(b.Context(), skyplanner.OrderFilter{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n == 0 {
			b.Fatal("no orders")
		}
	}
}
