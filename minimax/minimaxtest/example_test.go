package minimaxtest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/planbridge/planbridge/minimax"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// countConfirmed is "your code": it counts confirmed received orders.
func countConfirmed(ctx context.Context, c *minimax.Client) (int, error) {
	n := 0
	for _, err := range c.ListOrders(ctx, minimax.OrderFilter{Status: minimax.StatusConfirmed, ReceivedIssued: minimax.Received}) {
		if err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// A test of your own code against the fake. In a test, write
// srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData()) instead of
// Start and Close.
func Example() {
	srv, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	c, err := minimax.New(srv.ClientOptions()...)
	if err != nil {
		log.Fatal(err)
	}
	n, err := countConfirmed(context.Background(), c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("confirmed orders:", n)
	fmt.Println("list requests:", srv.Count("GET /api/orgs/{organisationId}/orders"))
	// Output:
	// confirmed orders: 3
	// list requests: 1
}

// Faults make the fake fail the way the real service can.
func ExampleServer_FailNth() {
	srv, err := minimaxtest.Start(minimaxtest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, _ := minimax.New(append(srv.ClientOptions(), minimax.WithRetryPolicy(minimax.RetryPolicy{}))...)

	srv.FailNth(1, minimaxtest.Fault{Status: 503}) // the next API request
	_, err = c.GetOrder(context.Background(), 7870)
	fmt.Println(err)
	// Output:
	// minimax.GetOrder: 503 Service Unavailable: injected fault: Service Unavailable
}
