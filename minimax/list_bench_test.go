package minimax

import (
	"bytes"
	"fmt"
	"testing"
)

// largeOrderPage is one answer to the order list of about size bytes: a
// server that ignores PageSize and sends every order at once, the answer a
// body cap exists for.
func largeOrderPage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"Rows":[`)
	n := 0
	for b.Len() < size {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		fmt.Fprintf(&b, `{"OrderId":%d,"ReceivedIssued":"P","Year":2026,"Number":%d,"Date":"2026-03-01T00:00:00",`+
			`"Customer":{"ID":399631,"Name":"Saop d.o.o.","ResourceUrl":"/api/orgs/3840/customers/399631"},`+
			`"Currency":{"ID":9,"Name":"EUR","ResourceUrl":"/api/orgs/3840/currencies/9"},"Status":"P"}`, n, n)
	}
	fmt.Fprintf(&b, `],"TotalRows":%d,"CurrentPageNumber":1,"PageSize":%d}`, n, n)
	return b.Bytes()
}

// BenchmarkListOrdersLarge reads a 20 MiB order list; B/op is the memory a
// large answer costs on top of the rows it holds.
func BenchmarkListOrdersLarge(b *testing.B) {
	body := largeOrderPage(20 << 20)
	_, c := benchServer(b, body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.ListOrders(b.Context(), OrderFilter{PageSize: maxPageSize}) {
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
