package skyplanner_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/planbridge/planbridge/skyplanner"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// A job as the API sends it: the workstation list is one string on the wire
// and a slice in Go, and a field the SDK does not model is kept.
func ExampleJob() {
	var job skyplanner.Job
	_ = json.Unmarshal([]byte(`{"id":21,"phaser_workstage_id":4,"workstations":"61,62","color":"#ff0000",
		"start_eligibility_date":"2026-03-02 06:00:00"}`), &job)

	fmt.Println(*job.ID, []int64(*job.Workstations), job.StartEligibilityDate)
	out, _ := json.Marshal(job)
	fmt.Println(string(out))
	// Output:
	// 21 [61 62] 2026-03-02 06:00:00
	// {"color":"#ff0000","id":21,"phaser_workstage_id":4,"start_eligibility_date":"2026-03-02 06:00:00","workstations":"61,62"}
}

// A client for one tenant. The site name is the subdomain of
// skyplanner.app; anything that is not a plain host label is refused, so
// the token can only go to a SkyPlanner host.
func ExampleNew() {
	c, err := skyplanner.New(
		skyplanner.WithSite("acme"),
		skyplanner.WithToken("token-from-skyplanner-support"),
	)
	fmt.Println(c != nil, err)

	_, err = skyplanner.New(
		skyplanner.WithSite("acme.example.com"),
		skyplanner.WithToken("token-from-skyplanner-support"),
	)
	fmt.Println(err)
	// Output:
	// true <nil>
	// skyplanner: WithSite: site "acme.example.com": want letters, digits and hyphens only (the subdomain of skyplanner.app)
}

// demo starts the SkyPlanner fake with its demo data (the workstations,
// workstages and products of a furniture maker) and returns a client of
// it. The fake runs on loopback; with a real tenant, build the client as
// ExampleNew does.
func demo() (*skyplanner.Client, *skyplannertest.Server) {
	srv, err := skyplannertest.Start(skyplannertest.WithDemoData())
	if err != nil {
		log.Fatal(err)
	}
	c, err := skyplanner.New(srv.ClientOptions()...)
	if err != nil {
		log.Fatal(err)
	}
	return c, srv
}

// newOrder creates a customer named customer and order for it, as
// ExampleClient_CreateOrder shows step by step.
func newOrder(ctx context.Context, c *skyplanner.Client, customer string, order skyplanner.Order) skyplanner.Order {
	cust, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: &customer})
	if err != nil {
		log.Fatal(err)
	}
	order.ProductionPlanningCustomerID = cust.ID
	created, err := c.CreateOrder(ctx, order)
	if err != nil {
		log.Fatal(err)
	}
	return created
}

// The vendor's workflow, each record needing the ids of those before it:
// customer → order → product → order row → workstage → job. Every record
// gets an external ID, the integrator's key to find it again.
func ExampleClient_CreateOrder() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	cust, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o."), ExternalID: new("minimax:3840:customer:399631")})
	if err != nil {
		log.Fatal(err)
	}
	order, err := c.CreateOrder(ctx, skyplanner.Order{
		ProductionPlanningCustomerID: cust.ID,
		Number:                       new("2026-1"),
		ExternalID:                   new("minimax:3840:order:7870"),
	})
	if err != nil {
		log.Fatal(err)
	}
	product, err := c.CreateProduct(ctx, skyplanner.Product{
		Type: new(skyplanner.ProductTypeProduct), Code: new("KLUPA"), Name: new("Vrtna klupa"),
		Unit: new("kom"), IsActive: new(true), ExternalID: new("minimax:3840:item:384599"),
	})
	if err != nil {
		log.Fatal(err)
	}
	row, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{
		PhaserOrderID: order.ID, ProductionPlanningProductID: product.ID,
		Amount: new(6.0), ExternalID: new("minimax:3840:row:53530"),
	})
	if err != nil {
		log.Fatal(err)
	}
	stage, err := c.CreateWorkstage(ctx, skyplanner.Workstage{Name: new("Pakiranje"), ExternalID: new("pakiranje")})
	if err != nil {
		log.Fatal(err)
	}
	job, err := c.CreateJob(ctx, skyplanner.Job{
		PhaserOrderRowID: row.ID, PhaserWorkstageID: stage.ID, Name: new("Pakiranje"),
		OrderNumber: new(int32(1)), Duration: new(1800.0), ExternalID: new("minimax:3840:row:53530:job:1"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("order", *order.Number, "for", *cust.Name)
	fmt.Println("row of", *row.Amount, *product.Code, "with job", *job.Name)

	// Orders reach production scheduling with an export.
	if err := c.ExportOrders(ctx, *order.ID); err != nil {
		log.Fatal(err)
	}
	exported, err := c.GetJob(ctx, *job.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("scheduled:", exported.ProductionPlanningJobID != nil)
	// Output:
	// order 2026-1 for Saop d.o.o.
	// row of 6 KLUPA with job Pakiranje
	// scheduled: true
}

// A row created WithDefaultSteps gets its product's default process steps
// as jobs, copied by SkyPlanner; the integration creates no job itself.
func ExampleClient_CreateOrderRow() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	order := newOrder(ctx, c, "Hotel Adria d.d.", skyplanner.Order{Number: new("2026-2")})
	// The demo's oak chair, STOL-HRAST, found by the key the sync gave it.
	chair, err := c.FindProductByExternalID(ctx, "minimax:3840:item:384501")
	if err != nil {
		log.Fatal(err)
	}
	row, err := c.CreateOrderRow(ctx, skyplanner.OrderRow{
		PhaserOrderID: order.ID, ProductionPlanningProductID: chair.ID, Amount: new(12.0),
	}, skyplanner.WithDefaultSteps())
	if err != nil {
		log.Fatal(err)
	}
	for job, err := range c.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: *row.ID}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(*job.OrderNumber, *job.Name)
	}

	// Without the product there are no steps to copy; nothing is sent.
	_, err = c.CreateOrderRow(ctx, skyplanner.OrderRow{PhaserOrderID: order.ID, Amount: new(1.0)}, skyplanner.WithDefaultSteps())
	fmt.Println(errors.Is(err, skyplanner.ErrValidation))
	// Output:
	// 1 Rezanje
	// 2 Brušenje
	// 3 Lakiranje
	// 4 Montaža
	// true
}

// Archiving is SkyPlanner's delete for orders, rows and jobs: the record
// leaves every read but stays readable with IncludeArchived. Customers are
// deleted for good.
func ExampleClient_ArchiveOrder() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	order := newOrder(ctx, c, "Kovina Split d.o.o.", skyplanner.Order{Number: new("2026-5")})
	if err := c.ArchiveOrder(ctx, *order.ID); err != nil {
		log.Fatal(err)
	}
	_, err := c.GetOrder(ctx, *order.ID)
	fmt.Println("archived order, plain read:", errors.Is(err, skyplanner.ErrNotFound))
	archived, err := c.GetOrder(ctx, *order.ID, skyplanner.IncludeArchived())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("with IncludeArchived:", *archived.Number, archived.Archived())

	customerID := *order.ProductionPlanningCustomerID
	if err := c.DeleteCustomer(ctx, customerID); err != nil {
		log.Fatal(err)
	}
	_, err = c.GetCustomer(ctx, customerID)
	fmt.Println("deleted customer:", errors.Is(err, skyplanner.ErrNotFound))
	// Output:
	// archived order, plain read: true
	// with IncludeArchived: 2026-5 true
	// deleted customer: true
}

// Lists leave archived records out unless asked.
func ExampleIncludeArchived() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	cust, err := c.CreateCustomer(ctx, skyplanner.Customer{Name: new("Saop d.o.o.")})
	if err != nil {
		log.Fatal(err)
	}
	var ids []int64
	for _, number := range []string{"2026-1", "2026-2"} {
		o, err := c.CreateOrder(ctx, skyplanner.Order{ProductionPlanningCustomerID: cust.ID, Number: &number})
		if err != nil {
			log.Fatal(err)
		}
		ids = append(ids, *o.ID)
	}
	if err := c.ArchiveOrder(ctx, ids[0]); err != nil {
		log.Fatal(err)
	}

	for _, opts := range [][]skyplanner.ReadOption{nil, {skyplanner.IncludeArchived()}} {
		var seen []string
		for o, err := range c.ListOrders(ctx, skyplanner.OrderFilter{}, opts...) {
			if err != nil {
				log.Fatal(err)
			}
			seen = append(seen, fmt.Sprintf("%s archived=%t", *o.Number, o.Archived()))
		}
		fmt.Println(strings.Join(seen, "; "))
	}
	// Output:
	// 2026-2 archived=false
	// 2026-1 archived=true; 2026-2 archived=false
}

// The external ID is the integrator's key: a lookup finds the one record
// with it, and says so when there is none.
func ExampleClient_FindOrderByExternalID() {
	c, srv := demo()
	defer srv.Close()
	ctx := context.Background()

	newOrder(ctx, c, "Saop d.o.o.", skyplanner.Order{Number: new("2026-1"), ExternalID: new("minimax:3840:order:7870")})

	order, err := c.FindOrderByExternalID(ctx, "minimax:3840:order:7870")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("found", *order.Number)

	_, err = c.FindOrderByExternalID(ctx, "minimax:3840:order:7871")
	fmt.Println("not there:", errors.Is(err, skyplanner.ErrNotFound))

	var ambiguous *skyplanner.AmbiguousError
	_, err = c.FindOrderByExternalID(ctx, "")
	fmt.Println("empty key refused:", errors.Is(err, skyplanner.ErrValidation), errors.As(err, &ambiguous))
	// Output:
	// found 2026-1
	// not there: true
	// empty key refused: true false
}

// The generated client reaches what this package does not wrap. Its typed
// results expect the enveloped form, so read the raw body with
// api.DecodeList, which takes the bare form too.
func ExampleClient_API() {
	c, srv := demo()
	defer srv.Close()

	resp, err := c.API().ListWorkstations(context.Background(), &api.ListWorkstationsParams{})
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		log.Fatalf("workstations: %s %v", resp.Status, err)
	}
	stations, err := api.DecodeList[skyplanner.Workstation](body, "workstations")
	if err != nil {
		log.Fatal(err)
	}
	for _, ws := range stations {
		fmt.Println(*ws.ID, *ws.Name)
	}
	// Output:
	// 61 Formatna pila
	// 62 CNC obradni centar
	// 63 Brusilica
	// 64 Lakirnica
	// 65 Montažni stol
}
