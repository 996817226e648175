package api

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWorkstationsWireForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Workstations
	}{
		{`"61,62,63"`, Workstations{61, 62, 63}},
		{`" 61 , 62 "`, Workstations{61, 62}},
		{`"61"`, Workstations{61}},
		{`""`, Workstations{}},
		{`[61,62]`, Workstations{61, 62}},
		{`61`, Workstations{61}},
		{`null`, nil},
	}
	for _, tt := range tests {
		var got Workstations
		if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Unmarshal(%s) (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, bad := range []string{`"61,,62"`, `"61;62"`, `"abc"`, `true`, `[1,"x"]`, `{"id":1}`} {
		var w Workstations
		if err := json.Unmarshal([]byte(bad), &w); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, w)
		}
	}
	out, err := json.Marshal(Workstations{61, 62, 63})
	if err != nil || string(out) != `"61,62,63"` {
		t.Errorf("Marshal = %s, %v; want the comma-separated string", out, err)
	}
	if out, _ := json.Marshal(Workstations{}); string(out) != `""` {
		t.Errorf("Marshal(empty) = %s", out)
	}
}

func TestWorkstationsOnRecords(t *testing.T) {
	t.Parallel()
	ws := Workstations{61, 62}
	out, err := json.Marshal(Job{PhaserWorkstageID: new(int64(4)), Workstations: &ws})
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, []byte(`{"phaser_workstage_id":4,"workstations":"61,62"}`), out)
}
