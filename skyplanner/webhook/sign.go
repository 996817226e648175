package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The headers of a delivery, from the vendor's page.
const (
	HeaderSignature = "X-Webhook-Signature"
	HeaderTimestamp = "X-Webhook-Timestamp"
	HeaderSource    = "X-Webhook-Source"
)

// Scheme is how a delivery's X-Webhook-Signature is made from the secret.
// The vendor's page says only "HMAC-SHA256" and does not show the signed
// string or its encoding, so the schemes below are the usual candidates.
// SchemeHexBody is the default and is UNCONFIRMED: check it against a real
// delivery (see the package documentation) before relying on it.
//
// Every scheme accepts the signature with or without a "sha256=" prefix,
// hex in either case, and base64 with or without padding, in the standard
// or the URL-safe alphabet: how the vendor writes it is unconfirmed too,
// and a looser reading costs nothing, as the MAC itself is compared.
type Scheme int

const (
	// SchemeHexBody signs the raw body; the signature is lower-case hex.
	SchemeHexBody Scheme = iota
	// SchemeHexTimestampBody signs X-Webhook-Timestamp, ".", and the raw
	// body; hex.
	SchemeHexTimestampBody
	// SchemeBase64Body signs the raw body; standard base64.
	SchemeBase64Body
	// SchemeBase64TimestampBody signs X-Webhook-Timestamp, ".", and the
	// raw body; standard base64.
	SchemeBase64TimestampBody
)

// Schemes lists every Scheme.
func Schemes() []Scheme {
	return []Scheme{SchemeHexBody, SchemeHexTimestampBody, SchemeBase64Body, SchemeBase64TimestampBody}
}

// String names the scheme as its constant does, without "Scheme".
func (s Scheme) String() string {
	switch s {
	case SchemeHexBody:
		return "HexBody"
	case SchemeHexTimestampBody:
		return "HexTimestampBody"
	case SchemeBase64Body:
		return "Base64Body"
	case SchemeBase64TimestampBody:
		return "Base64TimestampBody"
	}
	return "Scheme(" + strconv.Itoa(int(s)) + ")"
}

func (s Scheme) valid() bool { return s >= SchemeHexBody && s <= SchemeBase64TimestampBody }

// SignsTimestamp reports whether the scheme signs X-Webhook-Timestamp. With
// one that does not, only the body's own timestamp is protected by the
// signature.
func (s Scheme) SignsTimestamp() bool {
	return s == SchemeHexTimestampBody || s == SchemeBase64TimestampBody
}

// Sign returns the X-Webhook-Signature a sender using scheme puts on body
// sent with the X-Webhook-Timestamp timestamp. It is what a test or a fake
// sender needs; a receiver uses Verify.
func Sign(scheme Scheme, secret []byte, timestamp string, body []byte) (string, error) {
	if !scheme.valid() {
		return "", fmt.Errorf("webhook: unknown signature scheme %d", int(scheme))
	}
	mac := sum(scheme, secret, timestamp, body)
	if scheme == SchemeBase64Body || scheme == SchemeBase64TimestampBody {
		return base64.StdEncoding.EncodeToString(mac), nil
	}
	return hex.EncodeToString(mac), nil
}

func sum(scheme Scheme, secret []byte, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	if scheme.SignsTimestamp() {
		h.Write([]byte(timestamp))
		h.Write([]byte{'.'})
	}
	h.Write(body)
	return h.Sum(nil)
}

// ErrBadSignature is matched by every error Verify returns.
var ErrBadSignature = errors.New("webhook: bad signature")

// Verify checks signature, an X-Webhook-Signature value, against body and
// timestamp, in constant time. The error matches ErrBadSignature and says
// whether the signature was missing, unreadable or wrong, never what the
// right one would have been.
func Verify(scheme Scheme, secret []byte, timestamp string, body []byte, signature string) error {
	if !scheme.valid() {
		return fmt.Errorf("%w: unknown signature scheme %d", ErrBadSignature, int(scheme))
	}
	sig := strings.TrimSpace(signature)
	if sig == "" {
		return fmt.Errorf("%w: no %s header", ErrBadSignature, HeaderSignature)
	}
	if len(sig) > 7 && strings.EqualFold(sig[:7], "sha256=") {
		sig = sig[7:]
	}
	var got []byte
	var err error
	if scheme == SchemeBase64Body || scheme == SchemeBase64TimestampBody {
		got, err = decodeBase64(sig)
	} else {
		got, err = hex.DecodeString(sig)
	}
	if err != nil || len(got) != sha256.Size {
		return fmt.Errorf("%w: %s is not a %s HMAC-SHA256", ErrBadSignature, HeaderSignature, scheme)
	}
	if !hmac.Equal(got, sum(scheme, secret, timestamp, body)) {
		return fmt.Errorf("%w: %s does not match the body (scheme %s)", ErrBadSignature, HeaderSignature, scheme)
	}
	return nil
}

// DetectScheme finds the Scheme a real delivery was signed with: give it
// the secret configured in SkyPlanner and the X-Webhook-Timestamp header,
// raw body and X-Webhook-Signature header of one delivery, exactly as they
// arrived. It returns the first scheme that verifies, and false when none
// does (a wrong secret, an altered body, or a scheme not among Schemes).
func DetectScheme(secret []byte, timestamp string, body []byte, signature string) (Scheme, bool) {
	for _, s := range Schemes() {
		if Verify(s, secret, timestamp, body, signature) == nil {
			return s, true
		}
	}
	return 0, false
}

// decodeBase64 reads standard or URL-safe base64, padded or not.
func decodeBase64(s string) ([]byte, error) {
	var err error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		var b []byte
		if b, err = enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, err
}
