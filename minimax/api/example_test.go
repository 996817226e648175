package api_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/planbridge/planbridge/minimax/api"
)

// The generated client needs a base URL and an *http.Client that
// authenticates; here a stand-in server answers with one confirmed order.
func ExampleClientWithResponses_GetOrdersWithResponse() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"Rows":[{"OrderId":7870,"Year":2020,"Number":1,"Date":"2020-01-01T00:00:00","Status":"P"}],
			"TotalRows":1,"CurrentPageNumber":1,"PageSize":100}`)
	}))
	defer srv.Close()

	c, err := api.NewClientWithResponses(srv.URL+"/SI/API", api.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	confirmed := api.GetOrdersParamsStatusP
	resp, err := c.GetOrdersWithResponse(context.Background(), 3840, &api.GetOrdersParams{Status: &confirmed})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range *resp.JSON200.Rows {
		fmt.Printf("order %d-%d of %s, status %s\n", *o.Year, *o.Number, o.Date, *o.Status)
	}
	// Output: order 2020-1 of 2020-01-01T00:00:00, status P
}
