package skyplanner

import (
	"fmt"
	"math"
	"time"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// ReadOption changes how orders, order rows and jobs are read.
type ReadOption func(*readConfig)

type readConfig struct {
	includeArchived bool
}

// IncludeArchived makes a get or list of orders, order rows or jobs return
// archived records too. SkyPlanner's DELETE only archives these, and leaves
// them out of every read unless asked; without this option an archived
// order reads as not found.
func IncludeArchived() ReadOption {
	return func(r *readConfig) { r.includeArchived = true }
}

func readOptions(opts []ReadOption) readConfig {
	var r readConfig
	for _, o := range opts {
		if o != nil {
			o(&r)
		}
	}
	return r
}

// param is the include_archived query parameter: sent only when wanted, so
// the request is exactly what the service's default would be otherwise.
func (r readConfig) param() *bool {
	if r.includeArchived {
		return new(true)
	}
	return nil
}

// limitParam turns a filter's Limit (0 for the service's default) into the
// query parameter.
func limitParam(n int) (*int32, error) {
	switch {
	case n == 0:
		return nil, nil
	case n < 0 || n > math.MaxInt32:
		return nil, &FieldError{Field: "limit", Err: fmt.Errorf("is %d; want 1 to %d, or 0 for no limit", n, math.MaxInt32)}
	}
	return new(int32(n)), nil
}

// sinceParams asks for records modified at or after t, the filter an
// incremental sync needs. The condition is sent even though ">=" is the
// documented default, so the meaning does not rest on a default.
func sinceParams(t time.Time) (*api.DateTime, *api.Condition) {
	if t.IsZero() {
		return nil, nil
	}
	return new(api.NewDateTime(t)), new(api.ConditionGreaterOrEqual)
}

func stringParam(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func idParam(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
