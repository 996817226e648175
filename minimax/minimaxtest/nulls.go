package minimaxtest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/planbridge/planbridge/minimax/api"
)

// withNulls is an order record as Minimax writes it: a date or a reference
// it does not have is null, not left out. The Order help page's example has
// "DateCompleted": null, "Analytic": null and a row's "Warehouse": null. Its
// unset texts and numbers are "" and 0, not null, so those stay left out.
func withNulls(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // IDs stay exact
	var out any
	if err := dec.Decode(&out); err != nil {
		return v
	}
	fillNulls(reflect.TypeOf(v), out)
	return out
}

var (
	dateType      = reflect.TypeFor[api.DateTime]()
	referenceType = reflect.TypeFor[*api.FkField]()
)

// fillNulls sets the absent dates and references of v, the decoded JSON of
// a value of type t, to null.
func fillNulls(t reflect.Type, v any) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		list, _ := v.([]any)
		for _, e := range list {
			fillNulls(t.Elem(), e)
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if _, present := m[name]; !present && (f.Type == dateType || f.Type == referenceType) {
				m[name] = nil
			} else if present {
				fillNulls(f.Type, m[name])
			}
		}
	}
}
