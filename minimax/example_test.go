package minimax_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/planbridge/planbridge/minimax"
)

// A client for a Croatian organisation. Nothing is sent until the first call.
func ExampleNew() {
	c, err := minimax.New(
		minimax.WithCountry(minimax.Croatia),
		minimax.WithCredentials(minimax.Credentials{
			ClientID:     "acme-integration", // from Minimax support
			ClientSecret: "client-secret",
			Username:     "sync-user", // the "external application" credentials of the profile page
			Password:     "app-password",
		}),
		minimax.WithOrganisation(3840),
		minimax.WithDailyBudget(800), // leave room for the web UI in Minimax's ~1,000 a day
	)
	if err != nil {
		fmt.Println("configuration:", err)
		return
	}
	fmt.Println(c != nil)
	// Output: true
}

// Confirmed received orders, page by page as the loop consumes them.
func ExampleClient_ListOrders() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/token") {
			fmt.Fprint(w, `{"access_token":"t","token_type":"bearer","expires_in":3600}`)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"Rows": []map[string]any{
			{"OrderId": 7870, "Year": 2020, "Number": 1, "Status": "P", "Customer": map[string]any{"ID": 399631, "Name": "Saop d.o.o."}},
			{"OrderId": 7871, "Year": 2020, "Number": 2, "Status": "P", "Customer": map[string]any{"ID": 399632, "Name": "Kovina d.o.o."}},
		}, "TotalRows": 2, "CurrentPageNumber": 1})
	}))
	defer srv.Close()

	c, err := minimax.New(
		minimax.WithBaseURL(srv.URL+"/HR/API/"), minimax.WithTokenURL(srv.URL+"/HR/AUT/oauth20/token"),
		minimax.WithCredentials(minimax.Credentials{ClientID: "id", ClientSecret: "secret", Username: "user", Password: "pass"}),
		minimax.WithOrganisation(3840),
	)
	if err != nil {
		log.Fatal(err)
	}
	for o, err := range c.ListOrders(context.Background(), minimax.OrderFilter{Status: minimax.StatusConfirmed, ReceivedIssued: minimax.Received}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d-%d %s\n", *o.Year, *o.Number, *o.Customer.Name)
	}
	// Output:
	// 2020-1 Saop d.o.o.
	// 2020-2 Kovina d.o.o.
}
