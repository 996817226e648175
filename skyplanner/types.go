package skyplanner

import "github.com/planbridge/planbridge/skyplanner/api"

// The records of an order integration, in the order the vendor's guide
// creates them: customer, order, product, order row, workstage, job.
type (
	// Customer is the customer an order belongs to. Deleting one is permanent.
	Customer = api.Customer
	// Order is a production order (/phaser-orders). Deleting one archives it.
	Order = api.Order
	// OrderRow is an order item (/phaser-order-rows). Deleting one archives it.
	OrderRow = api.OrderRow
	// Product is a produced product or a material.
	Product = api.Product
	// ProductStep is one of a product's default process steps.
	ProductStep = api.ProductStep
	// Saldo is the stock record SkyPlanner creates with each product.
	Saldo = api.Saldo
	// Job is a process step of an order row (/phaser-jobs). Deleting one archives it.
	Job = api.Job
	// Workstage is the kind of work a job is (cutting, welding, ...).
	Workstage = api.Workstage
	// Workstation is a machine or other resource jobs are planned on.
	Workstation = api.Workstation
	// ScheduledJob is a job in production scheduling, after an export.
	ScheduledJob = api.ScheduledJob
	// JobPart is a scheduled part of a ScheduledJob.
	JobPart = api.JobPart

	// DateTime is a SkyPlanner date-time; see api.DateTime.
	DateTime = api.DateTime
	// Workstations is a list of workstation ids, comma-separated on the wire.
	Workstations = api.Workstations

	// OrderRowStatus is an order row's progress.
	OrderRowStatus = api.OrderRowStatus
	// ProductType tells products from materials.
	ProductType = api.ProductType
	// TimeVariation is how a step's duration scales with quantity.
	TimeVariation = api.TimeVariation
	// Condition is a comparison operator for date filters.
	Condition = api.Condition
)

// Values of the enumerations.
const (
	OrderRowStatusNew       = api.OrderRowStatusNew
	OrderRowStatusStarted   = api.OrderRowStatusStarted
	OrderRowStatusCompleted = api.OrderRowStatusCompleted

	ProductTypeProduct  = api.ProductTypeProduct
	ProductTypeMaterial = api.ProductTypeMaterial

	TimeVariationTimePerPiece  = api.TimeVariationTimePerPiece
	TimeVariationPiecesPerTime = api.TimeVariationPiecesPerTime
	TimeVariationFixedTime     = api.TimeVariationFixedTime

	ConditionGreater        = api.ConditionGreater
	ConditionLess           = api.ConditionLess
	ConditionGreaterOrEqual = api.ConditionGreaterOrEqual
	ConditionLessOrEqual    = api.ConditionLessOrEqual
	ConditionEqual          = api.ConditionEqual
	ConditionNotEqual       = api.ConditionNotEqual
)
