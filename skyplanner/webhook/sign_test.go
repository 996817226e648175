package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

const (
	vectorStamp = "1700000000"
	vectorBody  = `{"event":"JOB_COMPLETED","data":{"id":7},"timestamp":1700000000}`
)

// independent computes a scheme's signature without the package: what
// each Scheme's doc comment promises.
func independent(s webhook.Scheme, key []byte, stamp string, b []byte) string {
	m := hmac.New(sha256.New, key)
	if s == webhook.SchemeHexTimestampBody || s == webhook.SchemeBase64TimestampBody {
		m.Write([]byte(stamp + "."))
	}
	m.Write(b)
	if s == webhook.SchemeBase64Body || s == webhook.SchemeBase64TimestampBody {
		return base64.StdEncoding.EncodeToString(m.Sum(nil))
	}
	return hex.EncodeToString(m.Sum(nil))
}

func TestSignVectors(t *testing.T) {
	t.Parallel()
	// Literal values, computed once outside Go (Python's hmac), so that a
	// change to Sign is caught even if independent changed with it.
	literal := map[webhook.Scheme]string{
		webhook.SchemeHexBody:             "1db03336dcdd95553dd7156bdb39b0a742ea3b6cf5372e82a24265d42d731706",
		webhook.SchemeHexTimestampBody:    "317848af0168fa6b805602426fad94d648d8851ff3a9b257a6af0d07a541240d",
		webhook.SchemeBase64Body:          "HbAzNtzdlVU91xVr2zmwp0LqO2z1Ny6CokJl1C1zFwY=",
		webhook.SchemeBase64TimestampBody: "MXhIrwFo+muAVgJCb62U1kjYhR/zqbJXpq8NB6VBJA0=",
	}
	for _, s := range webhook.Schemes() {
		t.Run(s.String(), func(t *testing.T) {
			t.Parallel()
			got, err := webhook.Sign(s, secret, vectorStamp, []byte(vectorBody))
			if err != nil {
				t.Fatalf("Sign: %v", err)
			}
			if got != literal[s] {
				t.Errorf("Sign = %q, want literal %q", got, literal[s])
			}
			if want := independent(s, secret, vectorStamp, []byte(vectorBody)); got != want {
				t.Errorf("Sign = %q, want independently computed %q", got, want)
			}
			other := independent(s, secret, "1700000001", []byte(vectorBody))
			if signs := other != got; signs != s.SignsTimestamp() {
				t.Errorf("a changed timestamp changes the signature: %v, SignsTimestamp() = %v", signs, s.SignsTimestamp())
			}
		})
	}
}

func TestSignUnknownScheme(t *testing.T) {
	t.Parallel()
	if _, err := webhook.Sign(webhook.Scheme(9), secret, vectorStamp, nil); err == nil {
		t.Error("Sign(Scheme(9)) = nil error, want one")
	}
}

func TestVerify(t *testing.T) {
	t.Parallel()
	b := []byte(vectorBody)
	for _, s := range webhook.Schemes() {
		good := independent(s, secret, vectorStamp, b)
		tests := []struct {
			name      string
			key       []byte
			stamp     string
			body      []byte
			signature string
			wantErr   string // "" for success
		}{
			{name: "good", key: secret, stamp: vectorStamp, body: b, signature: good},
			{name: "sha256= prefix", key: secret, stamp: vectorStamp, body: b, signature: "sha256=" + good},
			{name: "spaces", key: secret, stamp: vectorStamp, body: b, signature: " " + good + " "},
			{name: "missing", key: secret, stamp: vectorStamp, body: b, signature: "", wantErr: "no X-Webhook-Signature"},
			{name: "unreadable", key: secret, stamp: vectorStamp, body: b, signature: "!!", wantErr: "is not a"},
			{name: "wrong secret", key: []byte("other"), stamp: vectorStamp, body: b, signature: good, wantErr: "does not match"},
			{name: "altered body", key: secret, stamp: vectorStamp, body: []byte(strings.Replace(vectorBody, "7", "8", 1)), signature: good, wantErr: "does not match"},
		}
		for _, tt := range tests {
			t.Run(s.String()+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				err := webhook.Verify(s, tt.key, tt.stamp, tt.body, tt.signature)
				if tt.wantErr == "" {
					if err != nil {
						t.Fatalf("Verify = %v, want nil", err)
					}
					return
				}
				if !errors.Is(err, webhook.ErrBadSignature) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Verify = %v, want ErrBadSignature saying %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), good) || strings.Contains(err.Error(), string(secret)) {
					t.Errorf("Verify error %q shows the expected signature or the secret", err)
				}
			})
		}
	}
}

func TestVerifyUpperCaseHex(t *testing.T) {
	t.Parallel()
	sig := strings.ToUpper(independent(webhook.SchemeHexBody, secret, vectorStamp, []byte(vectorBody)))
	if err := webhook.Verify(webhook.SchemeHexBody, secret, vectorStamp, []byte(vectorBody), sig); err != nil {
		t.Errorf("Verify(upper-case hex) = %v, want nil", err)
	}
}

func TestVerifyBase64Forms(t *testing.T) {
	t.Parallel()
	// This vector holds both "+" and "/", so the URL-safe forms differ.
	std := independent(webhook.SchemeBase64TimestampBody, secret, vectorStamp, []byte(vectorBody))
	raw := strings.TrimRight(std, "=")
	url := strings.NewReplacer("+", "-", "/", "_").Replace(std)
	for _, sig := range []string{std, raw, url, strings.TrimRight(url, "=")} {
		if err := webhook.Verify(webhook.SchemeBase64TimestampBody, secret, vectorStamp, []byte(vectorBody), sig); err != nil {
			t.Errorf("Verify(%q) = %v, want nil", sig, err)
		}
	}
}

func TestDetectScheme(t *testing.T) {
	t.Parallel()
	for _, s := range webhook.Schemes() {
		sig := independent(s, secret, vectorStamp, []byte(vectorBody))
		got, ok := webhook.DetectScheme(secret, vectorStamp, []byte(vectorBody), sig)
		if !ok || got != s {
			t.Errorf("DetectScheme(signed with %s) = %s, %v; want %s, true", s, got, ok, s)
		}
		if got, ok := webhook.DetectScheme([]byte("wrong"), vectorStamp, []byte(vectorBody), sig); ok {
			t.Errorf("DetectScheme(wrong secret, %s) = %s, true; want false", s, got)
		}
	}
}
