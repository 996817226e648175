package retry_test

import (
	"strings"
	"testing"
	"time"

	"github.com/planbridge/planbridge/retry"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		p       retry.Policy
		wantErr string
	}{
		{"zero value", retry.Policy{}, ""},
		{"default", retry.DefaultPolicy(), ""},
		{"MinWait equals MaxWait", retry.Policy{MaxRetries: 1, MinWait: time.Second, MaxWait: time.Second, MaxRetryAfter: time.Second, MaxTotalWait: time.Minute}, ""},
		{"retries without a total wait", retry.Policy{MaxRetries: 1, MaxRetryAfter: time.Second}, "MaxTotalWait is zero"},
		{"retries ignoring Retry-After", retry.Policy{MaxRetries: 1, MaxTotalWait: time.Minute}, "MaxRetryAfter is zero"},
		{"negative MaxRetries", retry.Policy{MaxRetries: -1}, "MaxRetries is negative"},
		{"negative MinWait", retry.Policy{MinWait: -1}, "negative"},
		{"negative MaxWait", retry.Policy{MaxWait: -1}, "negative"},
		{"negative MaxRetryAfter", retry.Policy{MaxRetryAfter: -time.Second}, "negative"},
		{"negative MaxTotalWait", retry.Policy{MaxTotalWait: -time.Second}, "negative"},
		{"MaxWait below MinWait", retry.Policy{MinWait: 2 * time.Second, MaxWait: time.Second}, "MaxWait is below MinWait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.p.Validate()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Validate() = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}
