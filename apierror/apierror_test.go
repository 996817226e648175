package apierror_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/apierror"
)

func TestErrorText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  *apierror.Error
		want string
	}{
		{
			name: "status only",
			err:  &apierror.Error{Operation: "minimax.GetOrder", StatusCode: 404},
			want: "minimax.GetOrder: 404 Not Found",
		},
		{
			name: "message",
			err:  &apierror.Error{Operation: "skyplanner.ListProjects", StatusCode: 401, Message: "token expired"},
			want: "skyplanner.ListProjects: 401 Unauthorized: token expired",
		},
		{
			name: "message and fields",
			err: &apierror.Error{Operation: "minimax.AddOrder", StatusCode: 400, Message: "invalid",
				Fields: []apierror.FieldMessage{{Field: "Customer", Message: "is required"}, {Message: "general problem"}}},
			want: "minimax.AddOrder: 400 Bad Request: invalid; Customer: is required; general problem",
		},
		{
			name: "fields without message",
			err:  &apierror.Error{Operation: "op", StatusCode: 422, Fields: []apierror.FieldMessage{{Field: "Name", Message: "too long"}}},
			want: "op: 422 Unprocessable Entity; Name: too long",
		},
		{
			name: "body is not part of the text",
			err:  &apierror.Error{Operation: "op", StatusCode: 500, Body: []byte("stack trace")},
			want: "op: 500 Internal Server Error",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// A status without standard text (Nginx's 499, Cloudflare's 520) should not
// leave a dangling space before the message.
func TestErrorTextUnknownStatus(t *testing.T) {
	t.Parallel()
	got := (&apierror.Error{Operation: "op", StatusCode: 520, Message: "origin error"}).Error()
	if !strings.HasPrefix(got, "op: 520") || !strings.HasSuffix(got, "origin error") {
		t.Fatalf("Error() = %q", got)
	}
	if strings.Contains(got, "520 :") {
		t.Errorf("Error() = %q: empty http.StatusText leaves \"520 :\"", got)
	}
}

func TestFieldError(t *testing.T) {
	t.Parallel()
	cause := errors.New("is empty")
	var err error = &apierror.FieldError{Field: "external_id", Err: cause}
	if err.Error() != "external_id: is empty" {
		t.Errorf("Error() = %q", err.Error())
	}
	if !errors.Is(err, apierror.ErrValidation) || !errors.Is(err, cause) || errors.Is(err, apierror.ErrNotFound) {
		t.Errorf("errors.Is: validation %v, cause %v, not found %v; want true, true, false",
			errors.Is(err, apierror.ErrValidation), errors.Is(err, cause), errors.Is(err, apierror.ErrNotFound))
	}
}
