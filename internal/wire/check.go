package wire

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/planbridge/planbridge/apierror"
)

// Response is what every generated response type offers.
type Response interface {
	StatusCode() int
	GetBody() []byte
}

// Check turns the result of a generated call into (response, nil) on 2xx, or
// an error: the transport error wrapped with the operation, or an
// *apierror.Error.
func Check[R Response](op string, r R, err error) (R, error) {
	if err != nil {
		return r, fmt.Errorf("%s: %w", op, err)
	}
	if code := r.StatusCode(); code < 200 || code > 299 {
		return r, FromBody(op, code, r.GetBody())
	}
	return r, nil
}

// FromBody builds an *apierror.Error from a status and a body.
func FromBody(op string, status int, body []byte) *apierror.Error {
	if len(body) > apierror.MaxBody {
		body = bytes.Clone(body[:apierror.MaxBody]) // a copy, so the rest can be freed
	}
	e := &apierror.Error{Operation: op, StatusCode: status, Body: body}
	e.Message, e.Fields = parseBody(body)
	return e
}

// parseBody reads the error shapes the two services are known or expected
// to use: ASP.NET's {"Message", "ModelState"}, Minimax's ValidationMessages,
// OAuth's {"error", "error_description"} and a plain {"message"}.
func parseBody(body []byte) (string, []apierror.FieldMessage) {
	var v struct {
		Message          string              `json:"Message"`
		MessageLower     string              `json:"message"`
		ErrorDescription string              `json:"error_description"`
		Error            json.RawMessage     `json:"error"`
		ModelState       map[string][]string `json:"ModelState"`
		Validation       []struct {
			Message      string `json:"Message"`
			PropertyName string `json:"PropertyName"`
		} `json:"ValidationMessages"`
	}
	if json.Unmarshal(body, &v) != nil {
		return "", nil
	}
	var errText string
	_ = json.Unmarshal(v.Error, &errText)
	msg := cmp.Or(v.Message, v.MessageLower, v.ErrorDescription, errText)
	var fields []apierror.FieldMessage
	for _, m := range v.Validation {
		fields = append(fields, apierror.FieldMessage{Field: m.PropertyName, Message: m.Message})
	}
	for _, k := range slices.Sorted(maps.Keys(v.ModelState)) {
		for _, m := range v.ModelState[k] {
			fields = append(fields, apierror.FieldMessage{Field: k, Message: m})
		}
	}
	return msg, fields
}
