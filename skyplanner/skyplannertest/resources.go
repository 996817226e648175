package skyplannertest

import (
	"encoding/json"
	"github.com/planbridge/planbridge/internal/deref"
	"net/url"
	"strconv"
	"strings"

	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// The rules the vendor states, and the references the document implies,
// checked on every create and update. Messages start with the field.

func (s *Server) checkOrder(o, cur *api.Order) (func() error, error) {
	if err := s.orderRefs(o); err != nil {
		return nil, err
	}
	if cur == nil && o.Status == nil {
		o.Status = new("new")
	}
	o.DeliveryDate, o.StartEligibilityDate = s.inZone(o.DeliveryDate), s.inZone(o.StartEligibilityDate)
	return nil, nil
}

func (s *Server) orderRefs(o *api.Order) error {
	switch {
	case o.ProductionPlanningCustomerID == nil:
		return badRequest("production_planning_customer_id is required: every order must have a customer")
	case s.customers.rows[*o.ProductionPlanningCustomerID] == nil:
		return badRequest("production_planning_customer_id: customer %d does not exist", *o.ProductionPlanningCustomerID)
	case o.Number != nil && strings.Contains(*o.Number, "/"):
		return badRequest(`number: %q contains "/", which SkyPlanner does not accept in an order number`, *o.Number)
	}
	return nil
}

func (s *Server) checkRow(row, cur *api.OrderRow) (func() error, error) {
	defaultSteps := deref.Of(row.GetDefaultSteps)
	row.GetDefaultSteps, row.UseCustomMaterials = nil, nil // write-only
	if err := s.rowRefs(row, false); err != nil {
		return nil, err
	}
	if cur == nil {
		row.ProductionPlanningOrderRowID = nil
		if row.Status == nil {
			row.Status = new(api.OrderRowStatusNew)
		}
	} else {
		row.ProductionPlanningOrderRowID = cur.ProductionPlanningOrderRowID
	}
	row.DeliveryDate, row.StartEligibilityDate = s.inZone(row.DeliveryDate), s.inZone(row.StartEligibilityDate)
	if cur != nil || !defaultSteps {
		return nil, nil
	}
	if row.ProductionPlanningProductID == nil {
		return nil, badRequest("get_default_steps: the row names no product (production_planning_product_id) to take the steps of")
	}
	return func() error {
		// The jobs are the API's own writes too: a receiver hears of
		// them after the row.
		for _, job := range s.copySteps(row) {
			s.emit(webhook.PhaserJobCreated, job)
		}
		return nil
	}, nil
}

// rowRefs checks a row's references; archived records count only when
// archivedToo is set (for seed data).
func (s *Server) rowRefs(row *api.OrderRow, archivedToo bool) error {
	switch {
	case row.PhaserOrderID == nil:
		return badRequest("phaser_order_id is required: create the order before its rows")
	case !s.orders.has(*row.PhaserOrderID, archivedToo):
		return badRequest("phaser_order_id: phaser order %d does not exist", *row.PhaserOrderID)
	case row.ProductionPlanningProductID != nil && s.products.rows[*row.ProductionPlanningProductID] == nil:
		return badRequest("production_planning_product_id: product %d does not exist", *row.ProductionPlanningProductID)
	case row.ParentID != nil && (!s.rows.has(*row.ParentID, archivedToo) || *row.ParentID == deref.Of(row.ID)):
		return badRequest("parent_id: phaser order row %d does not exist", *row.ParentID)
	}
	return nil
}

// copySteps gives a new row one job per default step of its product, as
// get_default_steps asks, and returns them.
func (s *Server) copySteps(row *api.OrderRow) []*api.Job {
	var made []*api.Job
	for _, st := range s.steps[deref.Of(row.ProductionPlanningProductID)] {
		st := clone(&st)
		job := &api.Job{
			PhaserOrderRowID: row.ID, PhaserWorkstageID: st.PhaserWorkstageID, Workstations: st.Workstations,
			OrderNumber: st.OrderNumber, Duration: st.Duration, Settingtime: st.Settingtime, Settletime: st.Settletime,
			Status: new("new"), IsArchive: new(false), Modified: s.stamp(),
		}
		if ws := s.workstages.rows[deref.Of(st.PhaserWorkstageID)]; ws != nil && ws.Name != nil {
			job.Name = new(*ws.Name)
		}
		if st.TimeVariation != nil {
			tv, _ := json.Marshal(*st.TimeVariation)
			job.AdditionalProperties = map[string]api.Unmodelled{"time_variation": tv}
		}
		_ = s.jobs.add(job) // a new job has no id yet, so add cannot fail
		made = append(made, job)
	}
	return made
}

func (s *Server) checkProduct(p, cur *api.Product) (func() error, error) {
	if cur == nil {
		return func() error {
			return s.saldos.add(&api.Saldo{ProductionPlanningProductID: p.ID, Amount: new(deref.Of(p.FreeAmount))})
		}, nil
	}
	if p.FreeAmount != nil {
		for _, sa := range s.saldos.rows {
			if deref.Of(sa.ProductionPlanningProductID) == deref.Of(p.ID) {
				sa.Amount = new(*p.FreeAmount)
			}
		}
	}
	return nil, nil
}

func (s *Server) checkJob(j, cur *api.Job) (func() error, error) {
	if err := s.jobRefs(j, false); err != nil {
		return nil, err
	}
	if cur == nil {
		j.ProductionPlanningJobID = nil
		if j.Status == nil {
			j.Status = new("new")
		}
	} else {
		j.ProductionPlanningJobID = cur.ProductionPlanningJobID
	}
	j.StartEligibilityDate = s.inZone(j.StartEligibilityDate)
	return nil, nil
}

// jobRefs checks a job's references; archived rows count only when
// archivedToo is set (for seed data).
func (s *Server) jobRefs(j *api.Job, archivedToo bool) error {
	switch {
	case j.PhaserOrderRowID == nil:
		return badRequest("phaser_order_row_id is required: a job belongs to an order row")
	case !s.rows.has(*j.PhaserOrderRowID, archivedToo):
		return badRequest("phaser_order_row_id: phaser order row %d does not exist", *j.PhaserOrderRowID)
	case j.PhaserWorkstageID == nil:
		return badRequest("phaser_workstage_id is required: every job must have a workstage")
	case s.workstages.rows[*j.PhaserWorkstageID] == nil:
		return badRequest("phaser_workstage_id: workstage %d does not exist", *j.PhaserWorkstageID)
	}
	return s.workstationRefs(j.Workstations)
}

func (s *Server) checkWorkstage(ws, _ *api.Workstage) (func() error, error) {
	return nil, s.workstationRefs(ws.Workstations)
}

func (s *Server) workstationRefs(ids *api.Workstations) error {
	for _, id := range deref.Of(ids) {
		if s.workstations.rows[id] == nil {
			return badRequest("workstations: workstation %d does not exist", id)
		}
	}
	return nil
}

// The list filters beyond those every list shares.

func matchOrder(q url.Values) (func(*api.Order) bool, error) {
	return func(o *api.Order) bool {
		return eq(q, "external_order_number", o.ExternalOrderNumber) && eq(q, "number", o.Number) && eq(q, "status", o.Status)
	}, nil
}

func (s *Server) matchRow(q url.Values) (func(*api.OrderRow) bool, error) {
	delivery, err := queryTime(q, "delivery_date", s.zone)
	if err != nil {
		return nil, err
	}
	return func(r *api.OrderRow) bool {
		return eqID(q, "phaser_order_id", r.PhaserOrderID) && eq(q, "worknumber", r.Worknumber) &&
			eq(q, "status", (*string)(r.Status)) &&
			(delivery.IsZero() || compareTime(r.DeliveryDate, delivery, q.Get("delivery_date_condition")))
	}, nil
}

func matchProduct(q url.Values) (func(*api.Product) bool, error) {
	return func(p *api.Product) bool { return eq(q, "type", (*string)(p.Type)) }, nil
}

func matchSaldo(q url.Values) (func(*api.Saldo) bool, error) {
	return func(sa *api.Saldo) bool {
		return eqID(q, "production_planning_product_id", sa.ProductionPlanningProductID)
	}, nil
}

func matchJob(q url.Values) (func(*api.Job) bool, error) {
	return func(j *api.Job) bool { return eqID(q, "phaser_order_row_id", j.PhaserOrderRowID) }, nil
}

// eq holds when the query does not filter on name or v equals its value.
func eq(q url.Values, name string, v *string) bool {
	return !q.Has(name) || (v != nil && *v == q.Get(name))
}

func eqID(q url.Values, name string, v *int64) bool {
	return !q.Has(name) || (v != nil && strconv.FormatInt(*v, 10) == q.Get(name))
}
