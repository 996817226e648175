package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The helpers below walk a JSON document with a json.Decoder, so that a
// list is decoded element by element as it arrives. Decoding it with one
// Decode or Unmarshal call would first hold the whole answer in memory,
// and with a map of raw members a second copy of it.

// Decode reads one JSON value from b into a T. Null, an empty body and
// anything after the value are errors (*AnswerError); check, when not nil,
// refuses a decoded value that is not a record (NoRecord).
func Decode[T any](b *Body, check func(T) error) (T, error) {
	var zero T
	dec := json.NewDecoder(b)
	var p *T
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("%w: the body is blank", ErrNoRecord)
		}
		return zero, b.Fail(err)
	}
	if p == nil {
		return zero, b.Fail(fmt.Errorf("%w: the body is null", ErrNoRecord))
	}
	if err := End(dec); err != nil {
		return zero, b.Fail(err)
	}
	if check != nil {
		if err := check(*p); err != nil {
			return zero, b.Fail(err)
		}
	}
	return *p, nil
}

// Object reads the members of the JSON object whose opening brace dec has
// just returned, calling member with each name. member must consume the
// value: with dec.Decode, List, or Skip.
func Object(dec *json.Decoder, member func(name string) error) error {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, ok := tok.(string)
		if !ok {
			return fmt.Errorf("want a member name, got %v", tok)
		}
		if err := member(name); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing brace
	return err
}

// List reads a JSON array, element by element, from the value dec is at.
// A null list comes back as nil, an empty one as an empty slice: whether
// null may stand for "none" is the caller's to decide.
func List[T any](dec *json.Decoder) ([]T, error) {
	tok, err := dec.Token()
	switch {
	case err != nil:
		return nil, err
	case tok == nil:
		return nil, nil
	case tok != json.Delim('['):
		return nil, fmt.Errorf("want a list, got %v", tok)
	}
	return Elements[T](dec)
}

// Elements reads the elements of the JSON array whose opening bracket dec
// has just returned, and its closing bracket. A null element is no record
// (ErrNoRecord).
func Elements[T any](dec *json.Decoder) ([]T, error) {
	out := []T{}
	for i := 0; dec.More(); i++ {
		var zero T
		out = append(out, zero)
		// Decoding through a pointer to the slot fills it in place; only a
		// null sets the pointer to nil, which tells it from an empty record.
		p := &out[len(out)-1]
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		if p == nil {
			return nil, fmt.Errorf("%w: element %d is null", ErrNoRecord, i)
		}
	}
	_, err := dec.Token() // the closing bracket
	return out, err
}

// Skip reads past the value dec is at.
func Skip(dec *json.Decoder) error {
	var v json.RawMessage
	return dec.Decode(&v)
}

// End checks that nothing but white space follows the value dec has read.
func End(dec *json.Decoder) error {
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("more JSON")
		}
		return fmt.Errorf("after the value: %w", err)
	}
	return nil
}
