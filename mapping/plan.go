package mapping

import (
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// Action says what a sync should do with the order a plan is for.
type Action string

const (
	// ActionUpsert: make SkyPlanner hold the plan's records, creating those
	// it cannot find by external ID and updating the others.
	ActionUpsert Action = "upsert"
	// ActionArchive: archive (soft-delete) the SkyPlanner order with
	// Plan.Order.ExternalID, if the sync created one.
	ActionArchive Action = "archive"
	// ActionSkip: leave SkyPlanner alone; Plan.Reason says why.
	ActionSkip Action = "skip"
)

// Plan is the SkyPlanner state one Minimax order should have, in the
// vendor's order of creation: customer, order, then per row its product,
// the row and its jobs, whose workstages are listed once in Workstages.
//
// Records refer to each other by position and external ID, because their
// SkyPlanner ids exist only once the sync has created them: the order
// belongs to Customer, each row to Order and to its RowPlan's Product, each
// job to its row and to the workstage named by JobPlan.WorkstageExternalID.
// The id and link-id fields of the records are therefore nil.
//
// For ActionUpsert every part is set. For ActionArchive only
// Order.ExternalID is, and for ActionSkip at most Order.ExternalID (when the
// order has an ID).
type Plan struct {
	Action Action `json:"action"`
	// Reason says in words why the action was chosen.
	Reason   string         `json:"reason"`
	Customer spapi.Customer `json:"customer,omitzero"`
	Order    spapi.Order    `json:"order,omitzero"`
	Rows     []RowPlan      `json:"rows,omitempty"`
	// Workstages are those the jobs run in, each once, sorted by external ID.
	Workstages []spapi.Workstage `json:"workstages,omitempty"`
}

// RowPlan is one Minimax order row: the product it makes, the SkyPlanner
// order row, and its jobs. Jobs is empty when the row asks SkyPlanner for
// the product's default steps (Row.GetDefaultSteps) and when its routing
// lists no steps.
type RowPlan struct {
	Product spapi.Product  `json:"product"`
	Row     spapi.OrderRow `json:"row"`
	Jobs    []JobPlan      `json:"jobs,omitempty"`
}

// JobPlan is one job of a row with the external ID of its workstage, which
// the sync resolves to the job's phaser_workstage_id.
type JobPlan struct {
	Job                 spapi.Job `json:"job"`
	WorkstageExternalID string    `json:"workstage_external_id"`
}
