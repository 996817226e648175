package api

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/wire"
)

// TestDecodeOneRefusesNoRecord: an answer without a record is an error, not
// a zero record that a caller would take for a real one.
func TestDecodeOneRefusesNoRecord(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		``, " \n", `null`, ` null `, `{}`, `{ }`,
		`{"phaser-order":null}`, `{"phaser-order": {}}`,
	} {
		got, err := DecodeOne[Order]([]byte(body), "phaser-order")
		if !errors.Is(err, wire.ErrNoRecord) {
			t.Errorf("DecodeOne(%q) = %+v, %v; want an error matching ErrNoRecord", body, got, err)
		}
		if err != nil && !strings.Contains(err.Error(), "phaser-order") {
			t.Errorf("DecodeOne(%q): error %q does not name the key", body, err)
		}
	}
	for _, body := range []string{`[{"id":1}]`, `{"id":1} {"id":2}`, `{"id":1`, `"text"`} {
		if got, err := DecodeOne[Order]([]byte(body), "phaser-order"); err == nil {
			t.Errorf("DecodeOne(%q) = %+v; want an error", body, got)
		}
	}
}

// TestDecodeListRefusesNoList: only an empty array is an empty list. A lookup
// that read null, or an object without the key, as "none there" would make a
// sync create the record again.
func TestDecodeListRefusesNoList(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		``, "  ", `null`, `{}`, `{"total":3}`, `{"phaser-orders":null}`, `[{"id":1},null]`,
	} {
		list, err := DecodeList[Order]([]byte(body), "phaser-orders")
		if !errors.Is(err, wire.ErrNoRecord) {
			t.Errorf("DecodeList(%q) = %+v, %v; want an error matching ErrNoRecord", body, list, err)
		}
	}
	for _, body := range []string{
		`[{"id":1}] [{"id":2}]`, `[{"id":1}]x`, `{"phaser-orders":[{"id":1}],"phaser-orders":[{"id":2}]}`,
		`{"phaser-orders":[{"id":1}]`, `[{"id":"one"}]`, `{"phaser-orders":"all"}`, `7`,
	} {
		if list, err := DecodeList[Order]([]byte(body), "phaser-orders"); err == nil {
			t.Errorf("DecodeList(%q) = %+v; want an error", body, list)
		}
	}
}

// TestDecodeListFromStream reads the list from a reader that hands over one
// byte at a time, with members before and after the list that are skipped.
func TestDecodeListFromStream(t *testing.T) {
	t.Parallel()
	body := `{"meta":{"a":[1,2,{"b":null}]},"phaser-orders":[{"id":1,"number":"A"},{"id":2,"custom":{"x":[1]}}],"total":2}` + "\n"
	got, err := DecodeListFrom[Order](iotest.OneByteReader(strings.NewReader(body)), "phaser-orders")
	if err != nil {
		t.Fatal(err)
	}
	want := []Order{
		{ID: new(int64(1)), Number: new("A")},
		{ID: new(int64(2)), AdditionalProperties: map[string]Unmodelled{"custom": Unmodelled(`{"x":[1]}`)}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeListFrom (-want +got):\n%s", diff)
	}

	// A read error is reported, not taken for the end of the list.
	broken := io.MultiReader(strings.NewReader(`[{"id":1},`), iotest.ErrReader(errors.New("connection reset")))
	if _, err := DecodeListFrom[Order](broken, "phaser-orders"); err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("broken stream: %v; want the read error", err)
	}
}
