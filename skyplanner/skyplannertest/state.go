package skyplannertest

import "github.com/planbridge/planbridge/skyplanner/api"

// The state accessors return copies of what the fake holds, archived
// records included, lists in id order. They lock the fake briefly and make
// no request, so they neither show in the request log nor meet injected
// faults.

// lookup returns a copy of one record of t.
func lookup[T any](s *Server, t *table[T], id int64) (T, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return t.copyOf(id)
}

// all returns copies of the records of t.
func all[T any](s *Server, t *table[T]) []T {
	s.mu.Lock()
	defer s.mu.Unlock()
	return t.copies()
}

// Customer returns the customer with id.
func (s *Server) Customer(id int64) (api.Customer, bool) { return lookup(s, s.customers, id) }

// Customers returns every customer.
func (s *Server) Customers() []api.Customer { return all(s, s.customers) }

// Order returns the order with id, archived or not.
func (s *Server) Order(id int64) (api.Order, bool) { return lookup(s, s.orders, id) }

// Orders returns every order, archived ones too.
func (s *Server) Orders() []api.Order { return all(s, s.orders) }

// OrderRow returns the order row with id, archived or not.
func (s *Server) OrderRow(id int64) (api.OrderRow, bool) { return lookup(s, s.rows, id) }

// OrderRows returns every order row, archived ones too.
func (s *Server) OrderRows() []api.OrderRow { return all(s, s.rows) }

// Job returns the job with id, archived or not.
func (s *Server) Job(id int64) (api.Job, bool) { return lookup(s, s.jobs, id) }

// Jobs returns every job, archived ones too.
func (s *Server) Jobs() []api.Job { return all(s, s.jobs) }

// Product returns the product with id.
func (s *Server) Product(id int64) (api.Product, bool) { return lookup(s, s.products, id) }

// Products returns every product and material.
func (s *Server) Products() []api.Product { return all(s, s.products) }

// ProductSteps returns a product's default steps in order_number order.
func (s *Server) ProductSteps(productID int64) []api.ProductStep {
	s.mu.Lock()
	defer s.mu.Unlock()
	steps := s.steps[productID]
	out := make([]api.ProductStep, len(steps))
	for i := range steps {
		out[i] = clone(&steps[i])
	}
	return out
}

// Saldos returns every stock record.
func (s *Server) Saldos() []api.Saldo { return all(s, s.saldos) }

// Workstage returns the workstage with id.
func (s *Server) Workstage(id int64) (api.Workstage, bool) { return lookup(s, s.workstages, id) }

// Workstages returns every workstage.
func (s *Server) Workstages() []api.Workstage { return all(s, s.workstages) }

// Workstation returns the workstation with id.
func (s *Server) Workstation(id int64) (api.Workstation, bool) { return lookup(s, s.workstations, id) }

// Workstations returns every workstation.
func (s *Server) Workstations() []api.Workstation { return all(s, s.workstations) }

// ScheduledJob returns the scheduled job with the production-planning id,
// with its parts.
func (s *Server) ScheduledJob(id int64) (api.ScheduledJob, bool) { return lookup(s, s.scheduled, id) }

// ScheduledJobs returns every scheduled job, with its parts.
func (s *Server) ScheduledJobs() []api.ScheduledJob { return all(s, s.scheduled) }
