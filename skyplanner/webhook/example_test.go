package webhook_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"

	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// A receiver for SkyPlanner's webhooks: it verifies each delivery with the
// webhook's secret, answers at once and marks the order finished when a
// job completes. SkyPlanner is played here by a request signed with Sign.
func ExampleNewHandler() {
	secret := []byte("the secret set on the webhook in SkyPlanner")
	h, err := webhook.NewHandler(webhook.WithSecret(secret))
	if err != nil {
		log.Fatal(err)
	}
	completed := make(chan int64, 1)
	h.On(webhook.JobCompleted, func(ctx context.Context, ev webhook.Event) error {
		job, err := ev.ScheduledJob()
		if err != nil {
			return err // reported through WithErrorFunc and the logger
		}
		// Look the job up and complete its order in Minimax here; the
		// func must be idempotent, as a delivery may come twice.
		completed <- *job.ID
		return nil
	})

	mux := http.NewServeMux()
	mux.Handle("POST /hooks/skyplanner", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// What SkyPlanner sends when a job completes.
	now := strconv.FormatInt(time.Now().Unix(), 10)
	body := []byte(`{"event":"JOB_COMPLETED","data":{"id":42},"timestamp":` + now + `}`)
	sig, _ := webhook.Sign(webhook.SchemeHexBody, secret, now, body)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/hooks/skyplanner", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.HeaderTimestamp, now)
	req.Header.Set(webhook.HeaderSignature, sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println("SkyPlanner got", resp.Status)

	// On shutdown: stop accepting, let the queued events finish.
	if err := h.Close(context.Background()); err != nil {
		log.Fatal(err)
	}
	fmt.Println("completed job", <-completed)
	// Output:
	// SkyPlanner got 202 Accepted
	// completed job 42
}

// DetectScheme settles which Scheme SkyPlanner signs with, from one real
// delivery logged with its headers while the webhook had a known secret.
func ExampleDetectScheme() {
	secret := []byte("the secret set on the webhook in SkyPlanner")
	// As logged: the raw body and the two headers, unchanged.
	body := []byte(`{"event":"JOB_STARTED","data":{"id":42},"timestamp":1700000000}`)
	timestamp := "1700000000"
	signature, _ := webhook.Sign(webhook.SchemeBase64TimestampBody, secret, timestamp, body) // SkyPlanner's, in real life

	if s, ok := webhook.DetectScheme(secret, timestamp, body, signature); ok {
		fmt.Printf("use webhook.WithScheme(webhook.Scheme%s)\n", s)
	} else {
		fmt.Println("no known scheme matches: check the secret and that the body is byte for byte as received")
	}
	// Output:
	// use webhook.WithScheme(webhook.SchemeBase64TimestampBody)
}
