package wire

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/apierror"
)

func response(status int, contentType string, body io.Reader) *http.Response {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(body)}
}

func TestStatus(t *testing.T) {
	t.Parallel()
	if err := Status("svc.Op", response(204, "", strings.NewReader("")), nil); err != nil {
		t.Errorf("204: %v", err)
	}
	cause := errors.New("dial failed")
	if err := Status("svc.Op", nil, cause); !errors.Is(err, cause) || !strings.HasPrefix(err.Error(), "svc.Op: ") {
		t.Errorf("transport error: %v", err)
	}
	if err := Status("svc.Op", nil, nil); err == nil {
		t.Error("no response and no error: nil")
	}

	// An error body is read only up to what an APIError keeps.
	huge := io.MultiReader(strings.NewReader(`{"Message":"gone"}`), strings.NewReader(strings.Repeat(" ", 3*apierror.MaxBody)))
	err := Status("svc.Op", response(404, "application/json", huge), nil)
	var ae *apierror.Error
	if !errors.As(err, &ae) || !errors.Is(err, apierror.ErrNotFound) || len(ae.Body) != apierror.MaxBody {
		t.Errorf("404: %v (body %d bytes); want an *apierror.Error keeping %d bytes", err, len(ae.Body), apierror.MaxBody)
	}
}

func TestOpenSaysWhatCame(t *testing.T) {
	t.Parallel()
	long := `{"text":"` + strings.Repeat("ž", 40) + `"}` // two bytes a letter: the cut falls inside one
	for _, tt := range []struct {
		name, contentType, body string
		want                    AnswerError // Err compared by message
		noRecord                bool
	}{
		{"empty", "application/json", "", AnswerError{StatusCode: 200, ContentType: "application/json"}, true},
		{"empty without a type", "", "", AnswerError{StatusCode: 200}, true},
		{"text", "text/plain; charset=utf-8", `{"id":1}`, AnswerError{StatusCode: 200, ContentType: "text/plain; charset=utf-8", Head: `{"id":1}`}, false},
		{"html", "text/html", "<html>\n<body>Maintenance</body></html>", AnswerError{StatusCode: 200, ContentType: "text/html", Head: "<html>\n<body>Maintenance</body></html>"}, false},
		{"bad type", "application/", `{}`, AnswerError{StatusCode: 200, ContentType: "application/", Head: `{}`}, false},
		{"long", "text/plain", long, AnswerError{StatusCode: 200, ContentType: "text/plain", Head: long[:63]}, false},
	} {
		b, err := Open("svc.Op", response(200, tt.contentType, strings.NewReader(tt.body)))
		var got *AnswerError
		if b != nil || !errors.As(err, &got) {
			t.Errorf("%s: Open = %v, %v; want an *AnswerError", tt.name, b, err)
			continue
		}
		if errors.Is(err, ErrNoRecord) != tt.noRecord {
			t.Errorf("%s: %v: matches ErrNoRecord = %t", tt.name, err, !tt.noRecord)
		}
		tt.want.Operation = "svc.Op"
		if diff := cmp.Diff(tt.want, *got, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Err" }, cmp.Ignore())); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.name, diff)
		}
		if !utf8.ValidString(got.Head) || len(got.Head) > headLen {
			t.Errorf("%s: head %q is not short valid text", tt.name, got.Head)
		}
	}

	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "text/json", "application/problem+json", "Application/JSON"} {
		b, err := Open("svc.Op", response(200, ct, strings.NewReader(`{"id":1}`)))
		if err != nil {
			t.Errorf("%s: %v", ct, err)
			continue
		}
		if got, _ := io.ReadAll(b); string(got) != `{"id":1}` {
			t.Errorf("%s: read %q after the peek", ct, got)
		}
	}

	cause := errors.New("connection reset")
	if _, err := Open("svc.Op", response(200, "application/json", iotest.ErrReader(cause))); !errors.Is(err, cause) || errors.Is(err, ErrNoRecord) {
		t.Errorf("a failed read: %v; want the read error, not an empty body", err)
	}
}

func TestAnswerErrorMessage(t *testing.T) {
	t.Parallel()
	e := &AnswerError{Operation: "svc.Get", StatusCode: 200, ContentType: "text/plain", Head: "{\"a\":1}\n", Err: errors.New("the answer is not JSON")}
	want := `svc.Get: the answer is not JSON (status 200, Content-Type text/plain, a body starting "{\"a\":1}\n")`
	if e.Error() != want {
		t.Errorf("got  %s\nwant %s", e, want)
	}
	e = &AnswerError{Operation: "svc.Create", StatusCode: 201, Err: NoRecord("id")}
	want = `svc.Create: the answer holds no record: id is missing (status 201, Content-Type none, an empty body)`
	if e.Error() != want || !errors.Is(e, ErrNoRecord) {
		t.Errorf("got  %s\nwant %s", e, want)
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	type rec struct{ ID int }
	hasID := func(r rec) error {
		if r.ID == 0 {
			return NoRecord("ID")
		}
		return nil
	}
	open := func(body string) *Body {
		b, err := Open("svc.Op", response(200, "application/json", iotest.HalfReader(strings.NewReader(body))))
		if err != nil {
			t.Fatalf("Open(%q): %v", body, err)
		}
		return b
	}
	if got, err := Decode(open(" {\"ID\":7}\n"), hasID); err != nil || got.ID != 7 {
		t.Errorf("a record: %+v, %v", got, err)
	}
	for body, noRecord := range map[string]bool{
		"  ": true, "null": true, "{}": true, `{"ID":7} {"ID":8}`: false, `{"ID":7}]`: false, `{"ID":"7"}`: false, `{"ID":7`: false,
	} {
		_, err := Decode(open(body), hasID)
		var ae *AnswerError
		if !errors.As(err, &ae) || errors.Is(err, ErrNoRecord) != noRecord {
			t.Errorf("Decode(%q) = %v; want an *AnswerError, matching ErrNoRecord: %t", body, err, noRecord)
		}
	}
}
