package planbridge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// diff compares the members the plan sets on want with the record SkyPlanner
// holds and returns those that differ, sorted, with a record carrying only
// them: the update to send. Members the plan leaves unset are not the
// sync's, so a planner's edits to them are never undone; members in skip
// are set only when the record is created.
func diff[T any](want, have T, skip []string) ([]string, T, error) {
	var patch T
	w, err := members(want)
	if err != nil {
		return nil, patch, err
	}
	h, err := members(have)
	if err != nil {
		return nil, patch, err
	}
	changed := map[string]json.RawMessage{}
	for k, wv := range w {
		if slices.Contains(skip, k) {
			continue
		}
		if hv, ok := h[k]; ok && sameValue(wv, hv) {
			continue
		}
		changed[k] = wv
	}
	if len(changed) == 0 {
		return nil, patch, nil
	}
	b, err := json.Marshal(changed)
	if err == nil {
		err = json.Unmarshal(b, &patch)
	}
	if err != nil {
		return nil, patch, fmt.Errorf("building the update: %w", err)
	}
	return slices.Sorted(maps.Keys(changed)), patch, nil
}

// setMembers names the members a record sets, for the report of a create.
func setMembers[T any](v T, skip []string) []string {
	m, err := members(v)
	if err != nil {
		return nil
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(skip, k) {
			out = append(out, k)
		}
	}
	return out
}

// members is a record's JSON form as a map: the generated types leave unset
// fields out, so its keys are exactly the fields set.
func members(v any) (map[string]json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// sameValue compares two JSON values as SkyPlanner means them: numbers by
// value (240 and 240.0), date-times by instant (SkyPlanner answers in its
// own zone what was sent in another), anything else exactly.
func sameValue(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	switch xv := x.(type) {
	case float64:
		yv, ok := y.(float64)
		return ok && xv == yv
	case string:
		yv, ok := y.(string)
		if !ok {
			return false
		}
		if xv == yv {
			return true
		}
		dx, errX := spapi.ParseDateTime(xv)
		dy, errY := spapi.ParseDateTime(yv)
		return errX == nil && errY == nil && dx.HasOffset() && dy.HasOffset() && dx.Time().Equal(dy.Time())
	}
	return false
}
