package mapping

import (
	"math"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestExternalIDs(t *testing.T) {
	t.Parallel()
	tests := []struct{ got, want string }{
		{OrderExternalID(3840, 7870), "minimax:3840:order:7870"},
		{RowExternalID(3840, 53530), "minimax:3840:row:53530"},
		{CustomerExternalID(3840, 399631), "minimax:3840:customer:399631"},
		{ItemExternalID(3840, 384501), "minimax:3840:item:384501"},
		{JobExternalID(3840, 53530, 2), "minimax:3840:row:53530:job:2"},
		{OrderExternalID(math.MaxInt64, math.MaxInt64), "minimax:9223372036854775807:order:9223372036854775807"},
		{WorkstageExternalID(Step{WorkstageExternalID: " ws-1 ", WorkstageName: "Rezanje"}), "ws-1"},
		{WorkstageExternalID(Step{WorkstageName: "Savijanje lima"}), "savijanje-lima"},
		{WorkstageExternalID(Step{}), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Rezanje":                   "rezanje",
		"  Savijanje   lima  ":      "savijanje-lima",
		"Brušenje / poliranje":      "brušenje-poliranje",
		"CNC-3 (Đurđevac)":          "cnc-3-đurđevac",
		"Сечење":                    "сечење",
		"---":                       "",
		"":                          "",
		"Lakiranje\u00a0i\tsušenje": "lakiranje-i-sušenje",
		"Bru\u0161enje":             "bru\u0161enje", // š as one code point
		"Brus\u030cenje":            "bru\u0161enje", // s and a combining caron
		"S\u030cIVANJE":             "\u0161ivanje",
		"\u0418\u0306":              "\u0439", // Cyrillic Й decomposed
		"C\u0301\u0301":             "\u0107", // the second acute composes with nothing: a dash, trimmed
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A workstage typed with a combining caron is the workstage typed with "š":
// one external ID, so a sync does not create it twice.
func TestWorkstageExternalIDNormalForms(t *testing.T) {
	t.Parallel()
	composed := WorkstageExternalID(Step{WorkstageName: "Bru\u0161enje"})
	decomposed := WorkstageExternalID(Step{WorkstageName: "Brus\u030cenje"})
	if composed != "bru\u0161enje" || decomposed != composed {
		t.Errorf("composed %q, decomposed %q; want both %q", composed, decomposed, "bru\u0161enje")
	}
}

func FuzzSlugNormalForms(f *testing.F) {
	for _, s := range []string{"Brušenje", "Ćošak / Đurđevac", "Сечење Й", "Ǆ ǅ ǆ", "e\u0301\u0323", "ﬁ ß ς"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := slug(s)
		for name, form := range map[string]norm.Form{"NFC": norm.NFC, "NFD": norm.NFD} {
			if got := slug(form.String(s)); got != want {
				t.Errorf("slug(%s(%q)) = %q, slug(%q) = %q", name, s, got, s, want)
			}
		}
		if !norm.NFC.IsNormalString(want) {
			t.Errorf("slug(%q) = %q is not in NFC", s, want)
		}
	})
}

func TestWallClock(t *testing.T) {
	t.Parallel()
	zagreb, err := time.LoadLocation("Europe/Zagreb")
	if err != nil {
		t.Fatal(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		loc  *time.Location
		wall string
		want string
	}{
		{zagreb, "2026-01-10T08:00:00", "2026-01-10T08:00:00+01:00"},
		{zagreb, "2026-03-29T01:59:59", "2026-03-29T01:59:59+01:00"},
		{zagreb, "2026-03-29T02:00:00", "2026-03-29T03:00:00+02:00"}, // skipped
		{zagreb, "2026-03-29T02:30:00", "2026-03-29T03:30:00+02:00"}, // skipped
		{zagreb, "2026-03-29T03:00:00", "2026-03-29T03:00:00+02:00"},
		{zagreb, "2026-10-25T01:59:59", "2026-10-25T01:59:59+02:00"},
		{zagreb, "2026-10-25T02:00:00", "2026-10-25T02:00:00+02:00"}, // repeated: first
		{zagreb, "2026-10-25T02:59:59", "2026-10-25T02:59:59+02:00"}, // repeated: first
		{zagreb, "2026-10-25T03:00:00", "2026-10-25T03:00:00+01:00"},
		{zagreb, "2026-10-25T14:30:00", "2026-10-25T14:30:00+01:00"}, // the day of a change, long after it
		{newYork, "2026-03-08T02:30:00", "2026-03-08T03:30:00-04:00"},
		{newYork, "2026-11-01T01:30:00", "2026-11-01T01:30:00-04:00"},
		{time.UTC, "2026-03-29T02:30:00", "2026-03-29T02:30:00Z"},
	}
	for _, tt := range tests {
		w, err := time.Parse("2006-01-02T15:04:05", tt.wall)
		if err != nil {
			t.Fatal(err)
		}
		got := wallClock(w, tt.loc)
		if s := got.Format(time.RFC3339); s != tt.want {
			t.Errorf("wallClock(%s, %s) = %s, want %s", tt.wall, tt.loc, s, tt.want)
		}
		if got.Location() != tt.loc {
			t.Errorf("wallClock(%s, %s) is in %s", tt.wall, tt.loc, got.Location())
		}
	}
}

func TestParseOrderExternalID(t *testing.T) {
	t.Parallel()
	for _, id := range [][2]int64{{3840, 7870}, {1, 1}, {math.MaxInt64, math.MaxInt64}} {
		org, order, ok := ParseOrderExternalID(OrderExternalID(id[0], id[1]))
		if !ok || org != id[0] || order != id[1] {
			t.Errorf("round trip of %v: got %d, %d, %v", id, org, order, ok)
		}
	}
	for _, s := range []string{
		"", "minimax:3840:order:", "minimax::order:7870", "minimax:3840:order:7870:x",
		"minimax:3840:row:53530", JobExternalID(3840, 53530, 1), CustomerExternalID(3840, 7),
		"minimax:3840:order:-7", "minimax:3840:order:+7", "minimax:3840:order:07", "minimax:0:order:7",
		"minimax:3840:order:0", "minimax:3840:order:99999999999999999999", "MINIMAX:3840:order:7870",
		" minimax:3840:order:7870", "erp:3840:order:7870", "minimax:38 40:order:7870",
	} {
		if org, order, ok := ParseOrderExternalID(s); ok {
			t.Errorf("ParseOrderExternalID(%q) = %d, %d, true; want not ok", s, org, order)
		}
	}
}

func FuzzParseOrderExternalID(f *testing.F) {
	f.Add("minimax:3840:order:7870")
	f.Add("minimax:1:order:1:job:2")
	f.Fuzz(func(t *testing.T, s string) {
		org, order, ok := ParseOrderExternalID(s)
		if ok && OrderExternalID(org, order) != s {
			t.Errorf("%q parsed as %d, %d, which prints as %q", s, org, order, OrderExternalID(org, order))
		}
	})
}
