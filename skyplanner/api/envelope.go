package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/planbridge/planbridge/internal/wire"
)

// DecodeOne decodes a single record that may come in the resource-keyed
// envelope the API is known to use ({"phaser-order": {...}}) or bare
// ({...}). key is the envelope's key.
//
// An object whose only member is key is an envelope; anything else is read
// as the bare record, so a record that merely has a field called key is not
// mistaken for one.
//
// An answer that holds no record is an error matching
// skyplanner.ErrNoRecord: an empty body, null, {"phaser-order": null}, and
// an empty object at either level. Whether a record that is there has its
// id is the caller's to check.
func DecodeOne[T any](body []byte, key string) (T, error) {
	var out T
	inner, err := unwrap(body, key)
	if err != nil {
		return out, err
	}
	if err := json.Unmarshal(inner, &out); err != nil {
		return out, fmt.Errorf("decoding %s: %w", key, err)
	}
	return out, nil
}

// unwrap returns what the envelope holds under key, or body itself when it
// is not an envelope; either must hold a record.
func unwrap(body []byte, key string) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("decoding %s: %w: the body is empty", key, wire.ErrNoRecord)
	case isNull(trimmed):
		return nil, fmt.Errorf("decoding %s: %w: the body is null", key, wire.ErrNoRecord)
	case isEmptyObject(trimmed):
		return nil, fmt.Errorf("decoding %s: %w: the body is an empty object", key, wire.ErrNoRecord)
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(trimmed, &members) != nil {
		return trimmed, nil // not an object: decoding it as a record says why
	}
	inner, ok := members[key]
	if !ok || len(members) != 1 {
		return trimmed, nil
	}
	inner = bytes.TrimSpace(inner)
	switch {
	case isNull(inner):
		return nil, fmt.Errorf("decoding %s: %w: %q is null", key, wire.ErrNoRecord, key)
	case isEmptyObject(inner):
		return nil, fmt.Errorf("decoding %s: %w: %q is an empty object", key, wire.ErrNoRecord, key)
	}
	return inner, nil
}

func isNull(b []byte) bool { return string(b) == "null" }

func isEmptyObject(b []byte) bool {
	return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' && len(bytes.TrimSpace(b[1:len(b)-1])) == 0
}

// DecodeList decodes a list that may come enveloped ({"phaser-orders":
// [...]}, with or without other members such as a count) or as a bare
// array. An empty array is the only empty list: an empty body, null, an
// object without the key and {"phaser-orders": null} are errors matching
// skyplanner.ErrNoRecord, since reading them as "nothing there" would make
// a lookup by external id create a duplicate.
func DecodeList[T any](body []byte, key string) ([]T, error) {
	return DecodeListFrom[T](bytes.NewReader(body), key)
}

// DecodeListFrom is DecodeList reading from r: it decodes the records one
// by one as they arrive, so a long list is never held twice in memory.
func DecodeListFrom[T any](r io.Reader, key string) ([]T, error) {
	out, err := decodeList[T](json.NewDecoder(r), key)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", key, err)
	}
	return out, nil
}

func decodeList[T any](dec *json.Decoder, key string) ([]T, error) {
	tok, err := dec.Token()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%w: the body is empty", wire.ErrNoRecord)
	case err != nil:
		return nil, err
	case tok == nil:
		return nil, fmt.Errorf("%w: the body is null", wire.ErrNoRecord)
	}
	var out []T
	switch tok {
	case json.Delim('['):
		out, err = wire.Elements[T](dec)
	case json.Delim('{'):
		found := false
		err = wire.Object(dec, func(name string) error {
			if name != key {
				return wire.Skip(dec)
			}
			if found {
				return fmt.Errorf("%q appears twice", key)
			}
			found = true
			var err error
			if out, err = wire.List[T](dec); err == nil && out == nil {
				err = fmt.Errorf("%w: %q is null", wire.ErrNoRecord, key)
			}
			return err
		})
		if err == nil && !found {
			err = fmt.Errorf("%w: the object has no %q", wire.ErrNoRecord, key)
		}
	default:
		err = fmt.Errorf("want a list, got %v", tok)
	}
	if err != nil {
		return nil, err
	}
	if err := wire.End(dec); err != nil {
		return nil, err
	}
	return out, nil
}
