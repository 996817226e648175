package clientopt_test

import (
	"strings"
	"testing"

	"github.com/planbridge/planbridge/internal/clientopt"
	"github.com/planbridge/planbridge/internal/version"
)

func TestApplicationsComeBeforeTheSDK(t *testing.T) {
	t.Parallel()
	s := clientopt.Defaults()
	for _, app := range []string{"acme-erp-sync/2.3", "(+https://acme.example/ops)", "edge-proxy/1"} {
		if err := s.AddApplication(app); err != nil {
			t.Fatalf("AddApplication(%q): %v", app, err)
		}
	}
	want := "acme-erp-sync/2.3 (+https://acme.example/ops) edge-proxy/1 planbridge/" + version.Version
	if got := s.UserAgent(); got != want {
		t.Errorf("UserAgent() = %q, want %q", got, want)
	}
}

func TestCheckUserAgent(t *testing.T) {
	t.Parallel()
	valid := []string{
		"acme-erp-sync/2.3",
		"acme",
		"Acme_ERP.sync/2.3.0-rc.1+build.5",
		"acme-erp-sync/2.3 (Linux; +https://acme.example)",
		"acme (nested (comment) \\) escaped) sync/1",
		"acme (Zürich)",
		"  acme/1  ",
	}
	for _, ua := range valid {
		if err := clientopt.CheckUserAgent(ua); err != nil {
			t.Errorf("CheckUserAgent(%q) = %v, want nil", ua, err)
		}
	}
	invalid := map[string]string{
		"":                      "empty",
		"   ":                   "empty",
		"acme/2\r\nX-Evil: 1":   "control character",
		"acme\t/2":              "control character",
		"acme\x00":              "control character",
		"acme\x7f":              "control character",
		"acme/":                 "no version",
		"/2.3":                  "cannot start a product",
		"acme/2.3/4":            "want a space",
		"acme@home/1":           "want a space",
		"acme (unclosed":        "not closed",
		"acme(no space)":        "want a space",
		"Zürich/1":              "want a space",
		"acme/2 \"quoted\"":     "cannot start a product",
		"acme/2 (ok) trailing)": "want a space",
	}
	for ua, want := range invalid {
		err := clientopt.CheckUserAgent(ua)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckUserAgent(%q) = %v, want an error containing %q", ua, err, want)
		}
	}
}
