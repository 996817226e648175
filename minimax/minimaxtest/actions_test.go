package minimaxtest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// Actions records each action the fake carried out, once, with the
// rowVersion it was asked with; refused ones leave no trace.
func TestActionsRecordsWhatRan(t *testing.T) {
	t.Parallel()
	srv := minimaxtest.NewServer(t, minimaxtest.WithDemoData())
	c := newClient(t, srv, noRetries)
	ctx := t.Context()

	rowVersion := func(id int64) string {
		t.Helper()
		o, ok := srv.Order(id)
		if !ok || o.RowVersion == nil {
			t.Fatalf("order %d: not found or without a RowVersion", id)
		}
		return *o.RowVersion
	}
	var want []minimaxtest.Action

	rv := rowVersion(7870)
	if err := c.CompleteOrder(ctx, 7870); err != nil {
		t.Fatalf("CompleteOrder: %v", err)
	}
	want = append(want, minimaxtest.Action{OrderID: 7870, Name: "complete", StatusBefore: "P", StatusAfter: "Z", RowVersion: rv})

	// Completing again is refused (Z is not P): nothing more is recorded.
	if err := c.CompleteOrder(ctx, 7870); err == nil {
		t.Fatal("completing a completed order succeeded")
	}

	rv = rowVersion(7870)
	if err := c.CreateIssuedInvoiceFromOrder(ctx, 7870); err != nil {
		t.Fatalf("CreateIssuedInvoiceFromOrder: %v", err)
	}
	want = append(want, minimaxtest.Action{OrderID: 7870, Name: "createissuedinvoice", StatusBefore: "Z", StatusAfter: "Z", RowVersion: rv})

	// A stale rowVersion and an unknown name are refused before anything
	// runs; the name is matched in any case and recorded lower-cased.
	token := accessToken(t, srv)
	if code := act(t, srv, token, 7873, "Confirm", "stale"); code != http.StatusBadRequest {
		t.Fatalf("confirm with a stale rowVersion: %d, want 400", code)
	}
	rv = rowVersion(7873)
	if code := act(t, srv, token, 7873, "Polish", rv); code != http.StatusBadRequest {
		t.Fatalf("an unknown action: %d, want 400", code)
	}
	if code := act(t, srv, token, 7873, "Confirm", rv); code != http.StatusOK {
		t.Fatalf("confirm: %d, want 200", code)
	}
	want = append(want, minimaxtest.Action{OrderID: 7873, Name: "confirm", StatusBefore: "O", StatusAfter: "P", RowVersion: rv})

	if diff := cmp.Diff(want, srv.Actions()); diff != "" {
		t.Errorf("Actions (-want +got):\n%s", diff)
	}
}

// accessToken gets a bearer token from the fake's token endpoint.
func accessToken(t *testing.T, srv *minimaxtest.Server) string {
	t.Helper()
	creds := srv.Credentials()
	resp, err := http.PostForm(srv.TokenURL(), url.Values{
		"grant_type": {"password"}, "client_id": {creds.ClientID}, "client_secret": {creds.ClientSecret},
		"username": {creds.Username}, "password": {creds.Password}, "scope": {"minimax.si"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token: %d %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}

// act runs an order action with a raw request and returns the status.
func act(t *testing.T, srv *minimaxtest.Server, token string, id int64, name, rowVersion string) int {
	t.Helper()
	u := fmt.Sprintf("%sapi/orgs/%d/orders/%d/actions/%s?rowVersion=%s", srv.BaseURL(), srv.Organisation(), id, name, url.QueryEscape(rowVersion))
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
