package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Workstations is a list of workstation ids. The API writes it as one
// comma-separated string ("61,62,63"); in Go it is a slice.
//
// Decoding also takes a JSON array of ids, a single number, and an empty
// string or null (no workstations), since the exact wire form is known only
// from the vendor's examples. Encoding always writes the string form.
type Workstations []int64

// String returns the wire form, such as "61,62,63".
func (w Workstations) String() string {
	parts := make([]string, len(w))
	for i, id := range w {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// ParseWorkstations reads the comma-separated form. Spaces around ids are
// allowed; an empty id ("61,,62") or anything but a whole number is an error.
func ParseWorkstations(s string) (Workstations, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Workstations{}, nil
	}
	parts := strings.Split(s, ",")
	out := make(Workstations, len(parts))
	for i, p := range parts {
		id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("workstations %q: item %d (%q) is not a workstation id", s, i+1, p)
		}
		out[i] = id
	}
	return out, nil
}

// MarshalJSON writes the comma-separated string.
func (w Workstations) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, w.String()), nil
}

// UnmarshalJSON reads the comma-separated string, an array of ids, or one id.
func (w *Workstations) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*w = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var ids []int64
		if err := json.Unmarshal(b, &ids); err != nil {
			return fmt.Errorf("workstations: %w", err)
		}
		*w = ids
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("workstations: %w", err)
		}
		ids, err := ParseWorkstations(s)
		if err != nil {
			return err
		}
		*w = ids
		return nil
	}
	var id int64
	if err := json.Unmarshal(b, &id); err != nil {
		return fmt.Errorf("workstations: want a comma-separated string of ids, got %s", b)
	}
	*w = Workstations{id}
	return nil
}
