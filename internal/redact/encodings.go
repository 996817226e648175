package redact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// encodings lists the forms a server may echo secret in: as it is, URL
// query- and path-escaped (it travels in a form body, and a proxy may quote
// a URL), and JSON-string-escaped the ways common encoders do it (HTML
// characters escaped or not, non-ASCII as \u escapes, "/" as "\/"), with
// either case of hex digits. Forms equal to another are listed once.
func encodings(secret string) []string {
	out := []string{secret, url.QueryEscape(secret), url.PathEscape(secret)}
	for _, html := range []bool{true, false} {
		j := jsonString(secret, html)
		out = append(out, j, asciiJSON(j))
	}
	for _, v := range slices.Clone(out) {
		out = append(out, strings.ReplaceAll(v, "/", `\/`), recase(v, true), recase(v, false))
	}
	var uniq []string
	for _, v := range out {
		if !slices.Contains(uniq, v) {
			uniq = append(uniq, v)
		}
	}
	return uniq
}

// jsonString is s as encoding/json writes it inside a string, without the
// quotes.
func jsonString(s string, escapeHTML bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(strings.TrimSuffix(b.String(), "\n"), `"`)[1:]
}

// asciiJSON writes the non-ASCII runes of an encoded JSON string as \u
// escapes (UTF-16 pairs above the BMP), as .NET's encoder does by default.
func asciiJSON(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// recase changes the case of the hex digits of %XX and \uXXXX escapes.
func recase(s string, upper bool) string {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		n := 0
		switch {
		case b[i] == '%':
			n = 2
		case b[i] == '\\' && i+1 < len(b) && b[i+1] == 'u':
			i++
			n = 4
		}
		for j := i + 1; j <= i+n && j < len(b); j++ {
			if upper && b[j] >= 'a' && b[j] <= 'f' {
				b[j] -= 'a' - 'A'
			} else if !upper && b[j] >= 'A' && b[j] <= 'F' {
				b[j] += 'a' - 'A'
			}
		}
		i += n
	}
	return string(b)
}
