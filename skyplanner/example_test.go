package skyplanner_test

import (
	"encoding/json"
	"fmt"

	"github.com/planbridge/planbridge/skyplanner"
)

// A job as the API sends it: the workstation list is one string on the wire
// and a slice in Go, and a field the SDK does not model is kept.
func ExampleJob() {
	var job skyplanner.Job
	_ = json.Unmarshal([]byte(`{"id":21,"phaser_workstage_id":4,"workstations":"61,62","color":"#ff0000",
		"start_eligibility_date":"2026-03-02 06:00:00"}`), &job)

	fmt.Println(*job.ID, []int64(*job.Workstations), job.StartEligibilityDate)
	out, _ := json.Marshal(job)
	fmt.Println(string(out))
	// Output:
	// 21 [61 62] 2026-03-02 06:00:00
	// {"color":"#ff0000","id":21,"phaser_workstage_id":4,"start_eligibility_date":"2026-03-02 06:00:00","workstations":"61,62"}
}
