package planbridge

import (
	"fmt"
	"strings"
)

// Op is what a write does to a SkyPlanner record.
type Op string

// The writes the sync makes. It never deletes: customers and products
// cannot be archived in SkyPlanner, so they are only created and updated.
const (
	OpCreate  Op = "create"
	OpUpdate  Op = "update"
	OpArchive Op = "archive"
	OpExport  Op = "export"
)

// Write is one request that changes SkyPlanner, made or (in a dry run)
// planned.
type Write struct {
	Op   Op
	Kind Kind
	// ExternalID is the record's external ID (empty for an export).
	ExternalID string
	// ID is the record's SkyPlanner id; 0 for a record a dry run would
	// create.
	ID int64
	// Fields are the JSON members sent: on a create the members the plan
	// sets, on an update those that differ.
	Fields []string
}

// String describes the write in one line, for logs and dry runs.
func (w Write) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", w.Op, w.Kind)
	if w.ExternalID != "" {
		fmt.Fprintf(&b, " %s", w.ExternalID)
	}
	if w.ID != 0 {
		fmt.Fprintf(&b, " (id %d)", w.ID)
	}
	if len(w.Fields) > 0 {
		fmt.Fprintf(&b, " [%s]", strings.Join(w.Fields, ", "))
	}
	return b.String()
}
