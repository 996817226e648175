package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"
)

// TestEveryOperationHasAMethod checks the generated client against the
// document it came from: each of the 178 operations has a typed method under
// its own name.
func TestEveryOperationHasAMethod(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	withResponses := reflect.TypeFor[ClientWithResponsesInterface]()
	raw := reflect.TypeFor[ClientInterface]()
	seen := map[string]bool{}
	for path, item := range doc.Paths {
		for method, op := range item {
			if !strings.Contains("get put post delete", method) {
				continue
			}
			id := op.OperationID
			if seen[id] {
				t.Errorf("operation name %s is used twice", id)
			}
			seen[id] = true
			if _, ok := raw.MethodByName(id); !ok {
				if _, ok := raw.MethodByName(id + "WithBody"); !ok {
					t.Errorf("%s %s: no ClientInterface method %s", method, path, id)
				}
			}
			if _, ok := withResponses.MethodByName(id + "WithResponse"); !ok {
				if _, ok := withResponses.MethodByName(id + "WithBodyWithResponse"); !ok {
					t.Errorf("%s %s: no ClientWithResponsesInterface method %sWithResponse", method, path, id)
				}
			}
		}
	}
	if len(seen) != 178 {
		t.Errorf("document has %d operations, want 178", len(seen))
	}
}

// TestGeneratedCallsUseTheRepairs exercises what the normalisation added: the
// documented query parameters, DateTime in a query, and the 201 Location
// header of a create.
func TestGeneratedCallsUseTheRepairs(t *testing.T) {
	t.Parallel()
	var gotQuery []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotQuery = append(gotQuery, r.URL.Path+"?"+r.URL.RawQuery)
		switch {
		case r.Method == http.MethodPost:
			w.Header().Set("Location", "https://moj.minimax.si/SI/API/api/orgs/3840/orders/7870?id=7870")
			w.WriteHeader(http.StatusCreated)
		case strings.HasSuffix(r.URL.Path, "/synccandidates"):
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"Rows":[{"ID":7870,"RecordDtModified":"2020-03-25T10:32:42.213","RowVersion":"AAAAAKszvAU="}],"TotalRows":1,"CurrentPageNumber":1,"PageSize":100}`))
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"Rows":[],"TotalRows":0,"CurrentPageNumber":1,"PageSize":50}`))
		}
	}))
	defer srv.Close()
	c, err := NewClientWithResponses(srv.URL + "/SI/API")
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()

	status := GetOrdersParamsStatusP
	from := openapi_types.Date{Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	size := int32(50)
	list, err := c.GetOrdersWithResponse(ctx, 3840, &GetOrdersParams{Status: &status, DateFrom: &from, PageSize: &size})
	if err != nil || list.JSON200 == nil {
		t.Fatalf("GetOrders: err=%v status=%d", err, list.StatusCode())
	}

	since := NewDateTime(time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC))
	sync, err := c.GetOrdersSyncCandidatesWithResponse(ctx, 3840, &GetOrdersSyncCandidatesParams{RecordDtModifiedFrom: &since})
	if err != nil || sync.JSON200 == nil {
		t.Fatalf("GetOrdersSyncCandidates: err=%v", err)
	}
	if rows := *sync.JSON200.Rows; len(rows) != 1 || rows[0].RecordDtModified.String() != "2020-03-25T10:32:42.213" {
		t.Errorf("sync candidates decoded as %+v", rows)
	}

	created, err := c.AddOrderWithResponse(ctx, 3840, Order{})
	if err != nil {
		t.Fatal(err)
	}
	if created.StatusCode() != http.StatusCreated || created.Headers201 == nil ||
		*created.Headers201.Location != "https://moj.minimax.si/SI/API/api/orgs/3840/orders/7870?id=7870" {
		t.Errorf("AddOrder: status %d, headers %+v", created.StatusCode(), created.Headers201)
	}

	want := []string{
		"/SI/API/api/orgs/3840/orders?PageSize=50&DateFrom=2026-01-01&Status=P",
		"/SI/API/api/orgs/3840/orders/synccandidates?RecordDtModifiedFrom=2026-11-01T08%3A00%3A00",
		"/SI/API/api/orgs/3840/orders?",
	}
	if !reflect.DeepEqual(gotQuery, want) {
		t.Errorf("requests:\n got %q\nwant %q", gotQuery, want)
	}
}
