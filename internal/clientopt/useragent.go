package clientopt

import (
	"errors"
	"fmt"
	"strings"
)

// CheckUserAgent accepts what RFC 9110 (section 10.1.5) allows in a
// User-Agent: products ("acme-erp-sync/2.3", a token with an optional
// "/version" token) and comments ("(+https://acme.example)") separated by
// spaces. It refuses an empty value and any control character, which
// net/http would refuse on every request or which could split the header.
func CheckUserAgent(ua string) error {
	if strings.TrimSpace(ua) == "" {
		return errors.New("user agent is empty")
	}
	for i, r := range ua {
		if r < ' ' || r == 0x7f {
			return fmt.Errorf("user agent %q: control character %q at byte %d", ua, r, i)
		}
	}
	for i := 0; i < len(ua); {
		switch {
		case ua[i] == ' ':
			i++
			continue
		case ua[i] == '(':
			end, err := comment(ua, i)
			if err != nil {
				return fmt.Errorf("user agent %q: %w", ua, err)
			}
			i = end
		default:
			end, err := product(ua, i)
			if err != nil {
				return fmt.Errorf("user agent %q: %w", ua, err)
			}
			i = end
		}
		if i < len(ua) && ua[i] != ' ' {
			return fmt.Errorf("user agent %q: want a space after the product or comment ending at byte %d", ua, i)
		}
	}
	return nil
}

// product reads token ["/" token] from i and returns where it ends.
func product(s string, i int) (int, error) {
	end := tokenEnd(s, i)
	if end == i {
		return 0, fmt.Errorf("%q at byte %d cannot start a product (want letters, digits or !#$%%&'*+-.^_`|~)", s[i], i)
	}
	if end < len(s) && s[end] == '/' {
		v := tokenEnd(s, end+1)
		if v == end+1 {
			return 0, fmt.Errorf("no version after the \"/\" at byte %d", end)
		}
		end = v
	}
	return end, nil
}

// comment reads a parenthesised comment from i, nested comments and
// backslash escapes included, and returns where it ends.
func comment(s string, i int) (int, error) {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++ // quoted-pair: the next byte is taken as it is
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("the comment opened at byte %d is not closed", i)
}

func tokenEnd(s string, i int) int {
	for i < len(s) && isTchar(s[i]) {
		i++
	}
	return i
}

// isTchar reports a byte allowed in a token (RFC 9110, section 5.6.2).
func isTchar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
