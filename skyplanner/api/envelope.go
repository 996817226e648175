package api

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// DecodeOne decodes a single record that may come in the resource-keyed
// envelope the API is known to use ({"phaser-order": {...}}) or bare
// ({...}). key is the envelope's key.
//
// An object whose only member is key is an envelope; anything else is read
// as the bare record, so a record that merely has a field called key is not
// mistaken for one.
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

// DecodeList decodes a list that may come enveloped ({"phaser-orders":
// [...]}, with or without other members such as a count) or as a bare
// array. A null list, or an object without the key, decodes as empty.
func DecodeList[T any](body []byte, key string) ([]T, error) {
	inner, err := unwrapList(body, key)
	if err != nil {
		return nil, err
	}
	var out []T
	if err := json.Unmarshal(inner, &out); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", key, err)
	}
	return out, nil
}

// unwrapList returns the list under key of an enveloping object, null for an
// object without it, or body itself (a bare array, or anything else, which
// then fails to decode as a list).
func unwrapList(body []byte, key string) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("decoding %s: empty body", key)
	}
	if trimmed[0] != '{' {
		return trimmed, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &members); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", key, err)
	}
	if inner, ok := members[key]; ok {
		return inner, nil
	}
	return []byte("null"), nil
}

// unwrap returns what the envelope holds under key, or body itself when it is
// not an envelope.
func unwrap(body []byte, key string) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("decoding %s: empty body", key)
	}
	if trimmed[0] != '{' {
		return trimmed, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &members); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", key, err)
	}
	if inner, ok := members[key]; ok && len(members) == 1 {
		return inner, nil
	}
	return trimmed, nil
}
