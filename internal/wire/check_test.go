package wire_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/apierror"
	"github.com/planbridge/planbridge/internal/wire"
)

// fakeResponse stands in for a generated response type.
type fakeResponse struct {
	code int
	body []byte
}

func (r *fakeResponse) StatusCode() int { return r.code }
func (r *fakeResponse) GetBody() []byte { return r.body }

const rowVersionMsg = "Concurrency error - record changed by another action (RowVersion)"

func TestCheckSuccess(t *testing.T) {
	t.Parallel()
	for _, code := range []int{200, 201, 202, 204, 299} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			t.Parallel()
			in := &fakeResponse{code: code, body: []byte(`{"Message":"fine"}`)}
			got, err := wire.Check("svc.Op", in, nil)
			if err != nil {
				t.Errorf("Check = %v, want nil", err)
			}
			if got != in {
				t.Error("Check did not return the response it was given")
			}
		})
	}
}

func TestCheckTransportError(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	cause := fmt.Errorf("Get \"https://api.test/x\": %w", ctx.Err())
	got, err := wire.Check[*fakeResponse]("minimax.GetOrder", nil, cause)
	if got != nil {
		t.Errorf("response = %v, want the nil one passed in", got)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(%v, context.Canceled) = false", err)
	}
	if !strings.HasPrefix(err.Error(), "minimax.GetOrder: ") {
		t.Errorf("err = %q, want it to start with the operation", err)
	}
	var apiErr *apierror.Error
	if errors.As(err, &apiErr) {
		t.Error("a transport error became an *Error")
	}
}

func TestCheckNon2xx(t *testing.T) {
	t.Parallel()
	for _, code := range []int{100, 199, 300, 304, 400, 404, 500, 503} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			t.Parallel()
			in := &fakeResponse{code: code, body: []byte(`{"Message":"nope"}`)}
			got, err := wire.Check("svc.Op", in, nil)
			if got != in {
				t.Error("Check did not return the response with the error")
			}
			var apiErr *apierror.Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want an *apierror.Error", err, err)
			}
			want := &apierror.Error{Operation: "svc.Op", StatusCode: code, Message: "nope", Body: in.body}
			if diff := cmp.Diff(want, apiErr); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIsSentinels(t *testing.T) {
	t.Parallel()
	sentinels := []struct {
		name string
		err  error
	}{
		{"ErrNotFound", apierror.ErrNotFound},
		{"ErrUnauthorized", apierror.ErrUnauthorized},
		{"ErrRateLimited", apierror.ErrRateLimited},
		{"ErrConflict", apierror.ErrConflict},
		{"ErrValidation", apierror.ErrValidation},
	}
	tests := []struct {
		name string
		code int
		body string
		want string // the one sentinel that matches, "" for none
	}{
		{"400 plain", 400, `{"Message":"The request is invalid."}`, "ErrValidation"},
		{"400 no body", 400, ``, "ErrValidation"},
		{"400 RowVersion message", 400, `{"Message":"` + rowVersionMsg + `"}`, "ErrConflict"},
		{"400 RowVersion in a field", 400, `{"ValidationMessages":[{"Message":"` + rowVersionMsg + `","PropertyName":"RowVersion"}]}`, "ErrConflict"},
		{"400 RowVersion in ModelState", 400, `{"Message":"invalid","ModelState":{"RowVersion":["` + rowVersionMsg + `"]}}`, "ErrConflict"},
		{"409", 409, `{"Message":"changed"}`, "ErrConflict"},
		{"409 no body", 409, ``, "ErrConflict"},
		{"401", 401, `{"Message":"Authorization has been denied for this request."}`, "ErrUnauthorized"},
		{"403", 403, ``, "ErrUnauthorized"},
		{"404", 404, `{"Message":"No HTTP resource was found"}`, "ErrNotFound"},
		{"429", 429, ``, "ErrRateLimited"},
		{"422", 422, `{"message":"name is required"}`, "ErrValidation"},
		{"500", 500, `{"Message":"An error has occurred."}`, ""},
		{"503", 503, ``, ""},
		{"405", 405, ``, ""},
		{"410", 410, ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := wire.Check("svc.Op", &fakeResponse{code: tt.code, body: []byte(tt.body)}, nil)
			wrapped := fmt.Errorf("outer: %w", err)
			for _, s := range sentinels {
				want := s.name == tt.want
				if got := errors.Is(err, s.err); got != want {
					t.Errorf("errors.Is(%d %s, %s) = %v, want %v", tt.code, tt.body, s.name, got, want)
				}
				if got := errors.Is(wrapped, s.err); got != want {
					t.Errorf("wrapped: errors.Is(..., %s) = %v, want %v", s.name, got, want)
				}
			}
		})
	}
}

func TestIsUnrelatedTarget(t *testing.T) {
	t.Parallel()
	e := wire.FromBody("svc.Op", 404, nil)
	if errors.Is(e, errors.New("not found")) {
		t.Error("matched an unrelated error with the same text")
	}
	if errors.Is(e, context.Canceled) {
		t.Error("matched context.Canceled")
	}
}

func TestParseBodyShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		body       string
		wantMsg    string
		wantFields []apierror.FieldMessage
	}{
		{
			name:       "ASP.NET Message and ModelState, fields sorted by key",
			body:       `{"Message":"The request is invalid.","ModelState":{"order.Name":["Name is required.","Name is too short."],"order.Amount":["Must be positive."]}}`,
			wantMsg:    "The request is invalid.",
			wantFields: []apierror.FieldMessage{{Field: "order.Amount", Message: "Must be positive."}, {Field: "order.Name", Message: "Name is required."}, {Field: "order.Name", Message: "Name is too short."}},
		},
		{
			name:       "Minimax ValidationMessages",
			body:       `{"ValidationMessages":[{"Message":"Customer is required","PropertyName":"Customer"},{"Message":"General problem","PropertyName":""}]}`,
			wantFields: []apierror.FieldMessage{{Field: "Customer", Message: "Customer is required"}, {Message: "General problem"}},
		},
		{
			name:       "ValidationMessages before ModelState",
			body:       `{"Message":"m","ValidationMessages":[{"Message":"v","PropertyName":"P"}],"ModelState":{"K":["s"]}}`,
			wantMsg:    "m",
			wantFields: []apierror.FieldMessage{{Field: "P", Message: "v"}, {Field: "K", Message: "s"}},
		},
		{
			name:    "OAuth error with description",
			body:    `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`,
			wantMsg: "The user name or password is incorrect.",
		},
		{
			name:    "OAuth error without description",
			body:    `{"error":"invalid_client"}`,
			wantMsg: "invalid_client",
		},
		{
			name:    "error that is not a string",
			body:    `{"error":{"code":42}}`,
			wantMsg: "",
		},
		{
			name:    "lower-case message",
			body:    `{"message":"Record not found"}`,
			wantMsg: "Record not found",
		},
		{
			name:    "Message wins over message and error_description",
			body:    `{"Message":"first","message":"second","error_description":"third","error":"fourth"}`,
			wantMsg: "first",
		},
		{name: "non-JSON body", body: `<html><body>Bad Gateway</body></html>`},
		{name: "empty body", body: ``},
		{name: "JSON array", body: `[1,2]`},
		{name: "JSON null", body: `null`},
		{name: "truncated JSON", body: `{"Message":"cut of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := wire.FromBody("svc.Op", 400, []byte(tt.body))
			want := &apierror.Error{Operation: "svc.Op", StatusCode: 400, Message: tt.wantMsg, Fields: tt.wantFields, Body: []byte(tt.body)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("FromBody (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromBodyNilBody(t *testing.T) {
	t.Parallel()
	got := wire.FromBody("svc.Op", 502, nil)
	want := &apierror.Error{Operation: "svc.Op", StatusCode: 502}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FromBody (-want +got):\n%s", diff)
	}
}

func TestBodyCappedAtMaxBody(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("x"), 2<<20) // 2 MiB
	_, err := wire.Check("svc.Op", &fakeResponse{code: 500, body: big}, nil)
	var e *apierror.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *apierror.Error", err)
	}
	if len(e.Body) != apierror.MaxBody {
		t.Errorf("len(Body) = %d, want MaxBody (%d)", len(e.Body), apierror.MaxBody)
	}
	if !bytes.Equal(e.Body, big[:apierror.MaxBody]) {
		t.Error("Body is not the start of the response body")
	}
	if len(e.Error()) > 1024 {
		t.Errorf("Error() is %d bytes; the body must not be in the text", len(e.Error()))
	}
}

// The cap exists to bound the memory an error keeps alive, but a re-slice
// keeps the whole 2 MiB array reachable (and shared with the response).
func TestBodyCapBoundsMemory(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("x"), 2<<20)
	e := wire.FromBody("svc.Op", 500, big)
	if cap(e.Body) > apierror.MaxBody {
		t.Errorf("cap(Body) = %d: the truncated Body still pins the whole %d-byte response body", cap(e.Body), len(big))
	}
}

// Check end to end: the text has the operation, the status and the messages.
func TestCheckErrorText(t *testing.T) {
	t.Parallel()
	body := `{"Message":"The request is invalid.","ModelState":{"Name":["Name is required."]}}`
	_, err := wire.Check("minimax.AddCustomer", &fakeResponse{code: 400, body: []byte(body)}, nil)
	for _, want := range []string{"minimax.AddCustomer", "400", "Bad Request", "The request is invalid.", "Name: Name is required."} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Error() = %q lacks %q", err, want)
		}
	}
}
