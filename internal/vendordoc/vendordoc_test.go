package vendordoc

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const orders = "/SI/API/api/orgs/3840/orders"

func load(t *testing.T) *Doc {
	t.Helper()
	d, err := Load("/SI/API")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// vendorExample is the example order of the vendor's Order help page.
func vendorExample(t *testing.T) string {
	t.Helper()
	path, err := moduleFile("minimax/api/testdata/order-seed.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func request(method, target, body string) *http.Request {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	}
	r.Header.Set("Authorization", "Bearer t")
	return r
}

// check reports err against want: "" for none, else a part of the message.
func check(t *testing.T, name string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: %v", name, err)
	case want != "" && err == nil:
		t.Errorf("%s: accepted, want an error naming %q", name, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: %v, want an error naming %q", name, err, want)
	}
}

func TestRequestsAreHeldToTheDocument(t *testing.T) {
	t.Parallel()
	d := load(t)
	const minimal = `"ReceivedIssued":"P","Date":"2020-01-01T00:00:00","Customer":{"ID":399631},"Currency":{"ID":7}`
	for _, tt := range []struct {
		name, method, target, body, want string
	}{
		{"a minimal order with a zone-less date", "POST", orders, `{` + minimal + `}`, ""},
		{"a bare date, as the vendor's samples send", "POST", orders, `{` + minimal + `,"DueDate":"2020-02-01"}`, ""},
		{"a date that is none", "POST", orders, `{` + minimal + `,"DueDate":"yesterday"}`, "DueDate"},
		{"Status, read-only on the help page", "POST", orders, `{` + minimal + `,"Status":"P"}`, `readOnly property "Status"`},
		{"Year, read-only on the help page", "PUT", orders + "/7", `{` + minimal + `,"Year":2020}`, `readOnly property "Year"`},
		{"a reference's Name, read-only in the document", "POST", orders, `{` + minimal + `,"Analytic":{"ID":1,"Name":"A"}}`, `readOnly property "Name"`},
		{"a null date", "POST", orders, `{` + minimal + `,"DateCompleted":null}`, "DateCompleted"},
		{"a null reference", "POST", orders, `{` + minimal + `,"Analytic":null}`, "Analytic"},
		{"a property the document does not have", "POST", orders, `{` + minimal + `,"Colour":"red"}`, "Colour"},
		{"the vendor's example order, sent back as it reads", "PUT", orders + "/7870", vendorExample(t), "readOnly"},
		{"an action with its rowVersion", "PUT", orders + "/7/actions/confirm?rowVersion=AAA%3D", "", ""},
		{"an action without rowVersion", "PUT", orders + "/7/actions/confirm", "", "rowVersion"},
		{"a list with the paging the help pages document", "GET", orders + "?CurrentPage=2&PageSize=10", "", ""},
		{"a key lookup", "GET", "/SI/API/api/orgs/3840/customers/code(SAOP)", "", ""},
		{"an organisation that is not a number", "GET", "/SI/API/api/orgs/x/orders", "", "organisationId"},
		{"a path the document does not have", "GET", "/SI/API/api/orgs/3840/planets", "", "no matching operation"},
	} {
		check(t, tt.name, d.ValidateRequest(request(tt.method, tt.target, tt.body)), tt.want)
	}
}

func TestAnswersAreHeldToTheDocument(t *testing.T) {
	t.Parallel()
	d := load(t)
	located := http.Header{"Location": {"https://moj.minimax.si/SI/API/api/orgs/3840/orders/7?id=7"}}
	asJSON := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	for _, tt := range []struct {
		name, method, target string
		status               int
		header               http.Header
		body, want           string
	}{
		{"the vendor's example order, nulls and all", "GET", orders + "/7870", 200, asJSON, vendorExample(t), ""},
		{"a number as a string", "GET", orders + "/7870", 200, asJSON, `{"Year":"2020"}`, "Year"},
		{"a date that is none", "GET", orders + "/7870", 200, asJSON, `{"Date":"yesterday"}`, "Date"},
		{"a null that is no date or reference", "GET", orders + "/7870", 200, asJSON, `{"Notes":null}`, "Notes"},
		{"an item list row in its search shape", "GET", "/SI/API/api/orgs/3840/items", 200, asJSON,
			`{"Rows":[{"ItemId":1,"Title":"Chair","Code":"C"}],"TotalRows":1,"CurrentPageNumber":1,"PageSize":100}`, ""},
		{"an item list row in the item's shape", "GET", "/SI/API/api/orgs/3840/items", 200, asJSON,
			`{"Rows":[{"ItemId":1,"Name":"Chair","Code":"C"}],"TotalRows":1,"CurrentPageNumber":1,"PageSize":100}`, "Name"},
		{"an empty body to a read", "GET", orders + "/7870", 200, http.Header{}, "", "Content-Type"},
		{"a create: 201, Location, no body", "POST", orders, 201, located, "", ""},
		{"a create without Location", "POST", orders, 201, http.Header{}, "", "Location"},
		{"a create with a body", "POST", orders, 201, located, `{"OrderId":7}`, "empty body"},
		{"an update's empty answer", "PUT", orders + "/7", 200, http.Header{}, "", ""},
		{"an action's empty answer", "PUT", orders + "/7/actions/confirm?rowVersion=A", 200, http.Header{}, "", ""},
		{"a delete's empty answer", "DELETE", orders + "/7", 200, http.Header{}, "", ""},
		{"a status the vendor does not document", "DELETE", orders + "/7", 204, http.Header{}, "", "status is not supported"},
		{"an error, which the vendor does not document", "GET", orders + "/1", 404, asJSON, `{"Message":"Not found."}`, ""},
	} {
		err := d.ValidateResponse(request(tt.method, tt.target, ""), tt.status, tt.header, []byte(tt.body))
		check(t, tt.name, err, tt.want)
	}
}

func TestCheckerReportsAndPassesThrough(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/SI/AUT/oauth20/token":
			fmt.Fprint(w, `{"access_token":"t"}`)
		case "/SI/API/api/orgs/3840/orders/7":
			fmt.Fprint(w, `{"OrderId":7,"Year":"seven"}`)
		default:
			fmt.Fprint(w, `{"OrderId":8}`)
		}
	}))
	defer srv.Close()
	var reports []string // the client below sends one request at a time
	checker := load(t).Transport("/SI/API", nil, func(err error) { reports = append(reports, err.Error()) })
	hc := &http.Client{Transport: checker}
	for _, r := range []*http.Request{
		request("POST", srv.URL+"/SI/AUT/oauth20/token", "grant_type=password"), // outside the prefix
		request("GET", srv.URL+orders+"/8", ""),
		request("GET", srv.URL+orders+"/7", ""),
		request("POST", srv.URL+orders, `{"Status":"P"}`),
	} {
		r.RequestURI = ""
		resp, err := hc.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	want := []string{`answer 200 to GET /api/orgs/{organisationId}/orders/{orderId}`, `readOnly property "Status"`}
	if len(reports) != len(want) {
		t.Fatalf("reported %q, want %d reports", reports, len(want))
	}
	for i, w := range want {
		if !strings.Contains(reports[i], w) {
			t.Errorf("report %d = %q, want it to name %q", i, reports[i], w)
		}
	}
	if got := strings.Join(checker.Checked(), ", "); got != "GET /api/orgs/{organisationId}/orders/{orderId}, POST /api/orgs/{organisationId}/orders" {
		t.Errorf("checked %s", got)
	}
}
