package redact_test

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/internal/redact"
)

const (
	password = `p@ss w/rd&"ü<x>` // every encoding differs from the raw form
	token    = "tok+/=abc123XYZ"
)

func TestStringScrubsEveryEncoding(t *testing.T) {
	t.Parallel()
	r := redact.New(password, token)
	forms := []string{
		password,
		url.QueryEscape(password),
		url.PathEscape(password),
		`p@ss w/rd\u0026\"ü\u003cx\u003e`,          // encoding/json
		`p@ss w/rd&\"ü<x>`,                         // JSON without HTML escaping
		`p@ss w\/rd&\"\u00fc<x>`,                   // "\/" and ASCII-only JSON
		`p@ss w/rd\u0026\"\u00FC\u003Cx\u003E`,     // upper-case \u digits
		strings.ToLower(url.QueryEscape(password)), // lower-case %xx
		token, url.QueryEscape(token),
	}
	for _, f := range forms {
		in := "before " + f + " after"
		if got := r.String(in); got != "before "+redact.Mask+" after" {
			t.Errorf("String(%q) = %q", in, got)
		}
		if got := string(r.Bytes([]byte(in))); got != "before "+redact.Mask+" after" {
			t.Errorf("Bytes(%q) = %q", in, got)
		}
	}
	if got := r.String(token + token + "x"); got != redact.Mask+redact.Mask+"x" {
		t.Errorf("adjacent secrets: %q", got)
	}
}

func TestCleanInputIsReturnedAsItIs(t *testing.T) {
	t.Parallel()
	r := redact.New(token)
	b := []byte("nothing to see")
	if got := r.Bytes(b); &got[0] != &b[0] {
		t.Error("Bytes copied a clean slice")
	}
	var none *redact.Redactor
	if none.String(token) != token || none.Error(io.EOF) != io.EOF {
		t.Error("a nil Redactor changed something")
	}
}

func TestShortSecretsAreIgnored(t *testing.T) {
	t.Parallel()
	r := redact.New("", "abc12")
	if r.Add("xyz") {
		t.Error("Add took a secret shorter than MinLen")
	}
	if got := r.String("abc12 xyz"); got != "abc12 xyz" {
		t.Errorf("short secrets were scrubbed: %q", got)
	}
}

func TestAddedSecretsAreScrubbedAndBounded(t *testing.T) {
	t.Parallel()
	r := redact.New(password)
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			r.Add(fmt.Sprintf("issued-token-%03d", i))
			_ = r.String("issued-token-000")
		})
	}
	wg.Wait()
	r.Add("issued-token-last")
	if got := r.String("issued-token-last " + password); got != redact.Mask+" "+redact.Mask {
		t.Errorf("added secret not scrubbed: %q", got)
	}
	kept := 0
	for i := range 100 {
		if r.String(fmt.Sprintf("issued-token-%03d", i)) == redact.Mask {
			kept++
		}
	}
	if kept == 0 || kept >= 100 {
		t.Errorf("%d of 100 issued tokens still scrubbed; want the most recent few kept and the rest dropped", kept)
	}
}

func TestBodyCatchesSecretsAcrossReads(t *testing.T) {
	t.Parallel()
	r := redact.New(password, token)
	var in strings.Builder
	for i := range 5000 {
		// Secrets at every offset against the 32 KiB read size.
		fmt.Fprintf(&in, "%s%s,%s;", strings.Repeat("a", i%37), token, url.QueryEscape(password))
	}
	want := r.String(in.String())
	if strings.Contains(want, token) {
		t.Fatal("String missed a secret; the test proves nothing")
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"halves":   iotest.HalfReader,
		"data+EOF": iotest.DataErrReader,
	}
	for name, wrap := range readers {
		body := r.Body(io.NopCloser(wrap(strings.NewReader(in.String()))))
		got, err := io.ReadAll(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("%s: body differs from String (-want +got):\n%.2000s", name, diff)
		}
	}
}

func TestBodyKeepsUnsecretBytesAndErrors(t *testing.T) {
	t.Parallel()
	r := redact.New(token)
	in := strings.Repeat("x", 100_000) + "tok+/=abc12" // a prefix of the token at the very end
	got, err := io.ReadAll(r.Body(io.NopCloser(strings.NewReader(in))))
	if err != nil || string(got) != in {
		t.Errorf("clean body changed: %d bytes, %v", len(got), err)
	}
	failing := iotest.ErrReader(fmt.Errorf("proxy saw %s", token))
	_, err = io.ReadAll(r.Body(io.NopCloser(failing)))
	if err == nil || strings.Contains(err.Error(), token) {
		t.Errorf("read error = %v, want it without the token", err)
	}
	clean := &closeCounter{Reader: bytes.NewReader(nil)}
	_ = r.Body(clean).Close()
	if clean.closed != 1 {
		t.Error("Close did not reach the source")
	}
}

type closeCounter struct {
	io.Reader
	closed int
}

func (c *closeCounter) Close() error { c.closed++; return nil }

func BenchmarkBody(b *testing.B) {
	r := redact.New(password, token)
	page := bytes.Repeat([]byte(`{"OrderId":123,"Customer":{"ID":4,"Name":"Saop d.o.o."}},`), 20_000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		_, _ = io.Copy(io.Discard, r.Body(io.NopCloser(bytes.NewReader(page))))
	}
}
