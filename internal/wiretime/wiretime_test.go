package wiretime

import (
	"strings"
	"testing"
	"time"
)

func TestParseForms(t *testing.T) {
	t.Parallel()
	helsinki := time.FixedZone("EET", 2*3600)
	tests := []struct {
		in     string
		zoned  bool
		inHels time.Time
	}{
		{"2020-03-25T10:32:42.14", false, time.Date(2020, 3, 25, 10, 32, 42, 140e6, helsinki)},
		{"2020-03-25 10:32:42", false, time.Date(2020, 3, 25, 10, 32, 42, 0, helsinki)},
		{"2020-03-25", false, time.Date(2020, 3, 25, 0, 0, 0, 0, helsinki)},
		{"2020-03-25T10:32:42Z", true, time.Date(2020, 3, 25, 12, 32, 42, 0, helsinki)},
		{"2020-03-25T10:32:42+01:00", true, time.Date(2020, 3, 25, 11, 32, 42, 0, helsinki)},
		{"2020-03-25T10:32:42+0100", true, time.Date(2020, 3, 25, 11, 32, 42, 0, helsinki)},
		{"2020-03-25 10:32:42+01:00", true, time.Date(2020, 3, 25, 11, 32, 42, 0, helsinki)},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if v.HasOffset() != tt.zoned {
			t.Errorf("Parse(%q).HasOffset() = %v, want %v", tt.in, v.HasOffset(), tt.zoned)
		}
		if got := v.In(helsinki); !got.Equal(tt.inHels) || got.Location() != helsinki {
			t.Errorf("Parse(%q).In(EET) = %v, want %v", tt.in, got, tt.inHels)
		}
	}
}

func TestParseErrorSaysWhatWouldDo(t *testing.T) {
	t.Parallel()
	_, err := Parse("25.03.2020")
	if err == nil || !strings.Contains(err.Error(), "25.03.2020") || !strings.Contains(err.Error(), "2020-03-25T10:32:42.14") {
		t.Errorf("error = %v, want the bad value and an example of a good one", err)
	}
}

func TestStates(t *testing.T) {
	t.Parallel()
	var absent Value
	if !absent.IsZero() || absent.IsNull() || absent.Valid() || !absent.Time().IsZero() || !absent.In(time.UTC).IsZero() {
		t.Error("zero Value is not absent")
	}
	if n := Null(); n.IsZero() || !n.IsNull() || n.Valid() || string(EncodeJSON(n, time.RFC3339)) != "null" || EncodeText(n, time.RFC3339) != nil {
		t.Error("Null() is not null")
	}
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	if v := Of(now); !v.Valid() || !v.HasOffset() || !v.Time().Equal(now) {
		t.Error("Of(t) does not hold t")
	}
	if v, err := DecodeText(nil); err != nil || !v.IsZero() {
		t.Error("empty text is not absent")
	}
}
