package mapping

import (
	mmapi "github.com/planbridge/planbridge/minimax/api"
)

// JobExternalIDSeparator joins a row's external ID and a job's sequence
// number in JobExternalID: every job the mapping plans for a row has an
// external ID that starts with the row's external ID and this.
const JobExternalIDSeparator = ":job:"

// RowExternalIDPrefix is what every RowExternalID of organisation org
// starts with, "minimax:<org>:row:": a sync tells the rows it made from
// those a planner added by it.
func RowExternalIDPrefix(org int64) string { return string(appendPrefix(nil, org, "row")) }

// ReceivedIssued returns the direction of the orders the Mapper syncs: "P"
// (received) or "I" (issued).
func (m *Mapper) ReceivedIssued() string { return m.direction }

// Decide applies the rules about which orders to sync to an order's two
// letters alone, as a list entry carries them: the action MapOrder would
// choose and why. An unknown or missing letter is an error, as in MapOrder.
// A sync uses it to skip an order, or to archive one, without reading its
// rows; only ActionUpsert needs the whole order.
func (m *Mapper) Decide(receivedIssued, status string) (Action, string, error) {
	var ps problems
	action, reason := m.decide(orderWithLetters(receivedIssued, status), &ps)
	if len(ps) > 0 {
		return "", "", ps.err()
	}
	return action, reason, nil
}

func orderWithLetters(receivedIssued, status string) mmapi.Order {
	return mmapi.Order{ReceivedIssued: &receivedIssued, Status: &status}
}
