package webhook_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

func FuzzParseEvent(f *testing.F) {
	for _, seed := range []string{
		`{"event":"JOB_COMPLETED","data":{"id":7},"timestamp":1700000000}`,
		`{"event":"Job completed","data":null,"timestamp":"1700000000.5"}`,
		`{"event":"PHASER_ORDER_CREATED","data":{"phaser-order":{"id":1}}}`,
		`{"event":1}`, `[]`, `null`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := webhook.ParseEvent(b)
		if err != nil {
			return
		}
		if ev.Name == "" || len(ev.Data) == 0 {
			t.Errorf("ParseEvent(%q) = %+v with no error, want a name and data", b, ev)
		}
		// The readers must not panic on anything ParseEvent accepts.
		_, _ = ev.Order()
		_, _ = ev.OrderRow()
		_, _ = ev.Job()
		_, _ = ev.ScheduledJob()
	})
}

func FuzzServeHTTP(f *testing.F) {
	good := body("JOB_COMPLETED", t0)
	sig, _ := webhook.Sign(webhook.SchemeHexBody, secret, "1700000000", good)
	f.Add("POST", "application/json", "1700000000", sig, good)
	f.Add("POST", "text/plain", "1700000000.5", "sha256=zz", []byte(`{"event":"x","data":1}`))
	f.Add("GET", "", "", "", []byte(nil))
	signed := newHandler(f, webhook.WithSecret(secret), webhook.WithMaxBodyBytes(4096))
	unsigned := newHandler(f, webhook.WithUnsigned(), webhook.WithMaxBodyBytes(4096))
	allowed := map[int]bool{200: true, 202: true, 400: true, 401: true, 405: true, 413: true, 503: true}
	f.Fuzz(func(t *testing.T, method, contentType, stamp, signature string, b []byte) {
		for _, h := range []*webhook.Handler{signed, unsigned} {
			r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(b))
			r.Method = method
			r.Header.Set("Content-Type", contentType)
			r.Header.Set(webhook.HeaderTimestamp, stamp)
			r.Header.Set(webhook.HeaderSignature, signature)
			w := serve(h, r)
			if !allowed[w.Code] {
				t.Errorf("answer %d %q is not one ServeHTTP documents", w.Code, w.Body.String())
			}
			if h == signed && (w.Code == 200 || w.Code == 202) && webhook.Verify(webhook.SchemeHexBody, secret, stamp, b, signature) != nil {
				t.Errorf("signed handler accepted a delivery that does not verify")
			}
		}
	})
}
