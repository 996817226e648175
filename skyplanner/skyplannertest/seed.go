package skyplannertest

import (
	"encoding/json"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"maps"
	"slices"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// Seed is data to load into the fake, in the API's own record form. IDs
// left nil are assigned; records that others refer to (a product with
// steps, an order with rows) need theirs set. References are checked as the
// API checks them, except that archived records may be referred to.
type Seed struct {
	Customers    []api.Customer    `json:"customers,omitempty"`
	Workstations []api.Workstation `json:"workstations,omitempty"`
	Workstages   []api.Workstage   `json:"workstages,omitempty"`
	// Products get their stock record (Saldo) made unless Saldos has one
	// for them.
	Products []api.Product `json:"products,omitempty"`
	// ProductSteps are the products' default steps, by product id.
	ProductSteps map[int64][]api.ProductStep `json:"product-jobs,omitempty"`
	Saldos       []api.Saldo                 `json:"saldos,omitempty"`
	Orders       []api.Order                 `json:"phaser-orders,omitempty"`
	// OrderRows with get_default_steps get their product's steps as jobs,
	// as when created through the API.
	OrderRows []api.OrderRow `json:"phaser-order-rows,omitempty"`
	Jobs      []api.Job      `json:"phaser-jobs,omitempty"`
}

// ParseSeed reads a Seed from JSON, such as a fixture file. Its members are
// named as the API's list envelopes name them, so a fixture can be pasted
// together from real answers:
//
//	{"customers": [...], "workstations": [...], "workstages": [...],
//	 "products": [...], "product-jobs": {"22220": [...]}, "saldos": [...],
//	 "phaser-orders": [...], "phaser-order-rows": [...], "phaser-jobs": [...]}
func ParseSeed(data []byte) (Seed, error) {
	var s Seed
	if err := json.Unmarshal(data, &s); err != nil {
		return Seed{}, fmt.Errorf("skyplannertest: seed: %w", err)
	}
	return s, nil
}

// Load adds records to the fake, as WithSeed does at start. It stops at the
// first record it cannot load, and says which.
func (s *Server) Load(seed Seed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.load(seed); err != nil {
		return fmt.Errorf("skyplannertest: seed: %w", err)
	}
	return nil
}

func (s *Server) load(seed Seed) error {
	for i := range seed.Workstations {
		v := clone(&seed.Workstations[i])
		if err := s.workstations.add(&v); err != nil {
			return err
		}
	}
	for i := range seed.Workstages {
		v := clone(&seed.Workstages[i])
		if err := s.workstationRefs(v.Workstations); err != nil {
			return fmt.Errorf("workstages[%d]: %w", i, err)
		}
		if err := s.workstages.add(&v); err != nil {
			return err
		}
	}
	for i := range seed.Customers {
		v := clone(&seed.Customers[i])
		s.stampIfNone(&v.Modified)
		if err := s.customers.add(&v); err != nil {
			return err
		}
	}
	for i := range seed.Products {
		v := clone(&seed.Products[i])
		s.stampIfNone(&v.Modified)
		if err := s.products.add(&v); err != nil {
			return err
		}
	}
	for _, pid := range slices.Sorted(maps.Keys(seed.ProductSteps)) {
		for i := range seed.ProductSteps[pid] {
			st := clone(&seed.ProductSteps[pid][i])
			if err := s.addStepLocked(pid, &st); err != nil {
				return fmt.Errorf("product-jobs[%d][%d]: %w", pid, i, err)
			}
		}
	}
	for i := range seed.Saldos {
		v := clone(&seed.Saldos[i])
		if pid := v.ProductionPlanningProductID; pid == nil || s.products.rows[*pid] == nil {
			return fmt.Errorf("saldos[%d]: production_planning_product_id: product %d does not exist", i, deref.Of(pid))
		}
		if err := s.saldos.add(&v); err != nil {
			return err
		}
	}
	for _, p := range s.products.sorted() {
		if !slices.ContainsFunc(s.saldos.sorted(), func(sa *api.Saldo) bool { return deref.Of(sa.ProductionPlanningProductID) == deref.Of(p.ID) }) {
			_ = s.saldos.add(&api.Saldo{ProductionPlanningProductID: p.ID, Amount: new(deref.Of(p.FreeAmount))})
		}
	}
	for i := range seed.Orders {
		v := clone(&seed.Orders[i])
		if err := s.orderRefs(&v); err != nil {
			return fmt.Errorf("phaser-orders[%d]: %w", i, err)
		}
		v.DeliveryDate, v.StartEligibilityDate = s.inZone(v.DeliveryDate), s.inZone(v.StartEligibilityDate)
		s.seedDefaults(&v.Status, &v.IsArchive, &v.Modified)
		if err := s.orders.add(&v); err != nil {
			return err
		}
	}
	for i := range seed.OrderRows {
		v := clone(&seed.OrderRows[i])
		steps := deref.Of(v.GetDefaultSteps)
		v.GetDefaultSteps, v.UseCustomMaterials = nil, nil
		if err := s.rowRefs(&v, true); err != nil {
			return fmt.Errorf("phaser-order-rows[%d]: %w", i, err)
		}
		if steps && v.ProductionPlanningProductID == nil {
			return fmt.Errorf("phaser-order-rows[%d]: get_default_steps: the row names no product", i)
		}
		v.DeliveryDate, v.StartEligibilityDate = s.inZone(v.DeliveryDate), s.inZone(v.StartEligibilityDate)
		if v.Status == nil {
			v.Status = new(api.OrderRowStatusNew)
		}
		s.seedDefaults(nil, &v.IsArchive, &v.Modified)
		if err := s.rows.add(&v); err != nil {
			return err
		}
		if steps {
			s.copySteps(&v)
		}
	}
	for i := range seed.Jobs {
		v := clone(&seed.Jobs[i])
		if err := s.jobRefs(&v, true); err != nil {
			return fmt.Errorf("phaser-jobs[%d]: %w", i, err)
		}
		v.StartEligibilityDate = s.inZone(v.StartEligibilityDate)
		s.seedDefaults(&v.Status, &v.IsArchive, &v.Modified)
		if err := s.jobs.add(&v); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) stampIfNone(modified **api.DateTime) {
	if *modified == nil {
		*modified = s.stamp()
	}
}

// seedDefaults fills in what the API would have: status new (status may
// be nil for a record whose status has another type), not archived, and
// modified now.
func (s *Server) seedDefaults(status **string, archive **bool, modified **api.DateTime) {
	if status != nil && *status == nil {
		*status = new("new")
	}
	if *archive == nil {
		*archive = new(false)
	}
	*modified = s.inZone(*modified)
	s.stampIfNone(modified)
}

// DemoOrganisation is the Minimax organisation whose items DemoData's
// products stand for; their external ids are made from it.
const DemoOrganisation = 3840

// DemoData is the SkyPlanner of the furniture maker whose Minimax is
// minimaxtest.DemoData: what an integration finds already set up, and
// nothing it would create itself (no customers, orders, rows or jobs).
//
//   - Workstations 61 Formatna pila (panel saw), 62 CNC obradni centar,
//     63 Brusilica (sander), 64 Lakirnica (spray booth), 65 Montažni stol
//     (assembly bench); their external ids are slugs of the names
//     ("formatna-pila", "cnc", "brusilica", "lakirnica", "montazni-stol").
//   - Workstages 101 Rezanje (cutting, on 61 and 62), 102 Brušenje
//     (sanding, 63), 103 Lakiranje (lacquering, 64) and 104 Montaža
//     (assembly, 65), with external ids "rezanje", "brušenje", "lakiranje"
//     and "montaža" - the slugs mapping makes of those names.
//   - Products 22220 STOL-HRAST, 22221 STOL-BUKVA, 22222 STOL-BLAG, 22223
//     ORMAR-2V and 22224 POLICA-80, one per produced Minimax demo item
//     (code = the item's code, external id as mapping.ItemExternalID makes
//     it, "minimax:3840:item:384501"), each with stock and default steps:
//     cutting, sanding, lacquering and assembly (the shelf is not
//     assembled). The Minimax service item MONTAZA has no product.
func DemoData() Seed {
	ws := func(id int64, name, ext string) api.Workstation {
		return api.Workstation{ID: &id, Name: &name, ExternalID: &ext, SchedulingFactor: new(1.0)}
	}
	stage := func(id int64, name, ext, desc string, stations ...int64) api.Workstage {
		w := api.Workstations(stations)
		return api.Workstage{ID: &id, Name: &name, ExternalID: &ext, Description: &desc, Workstations: &w}
	}
	product := func(id, itemID int64, code, name string, stock float64) api.Product {
		ext := fmt.Sprintf("minimax:%d:item:%d", DemoOrganisation, itemID)
		return api.Product{ID: &id, Type: new(api.ProductTypeProduct), Code: &code, Name: &name, Unit: new("kom"),
			ExternalID: &ext, IsActive: new(true), FreeAmount: &stock}
	}
	// step: workstage, setting time, duration, settle time (seconds).
	step := func(n int32, stage int64, setting, duration, settle float64) api.ProductStep {
		st := api.ProductStep{OrderNumber: &n, PhaserWorkstageID: &stage, TimeVariation: new(api.TimeVariationFixedTime),
			Duration: &duration, Settingtime: &setting, Settletime: &settle}
		return st
	}
	const cut, sand, lacquer, assemble = 101, 102, 103, 104
	return Seed{
		Workstations: []api.Workstation{
			ws(61, "Formatna pila", "formatna-pila"), ws(62, "CNC obradni centar", "cnc"), ws(63, "Brusilica", "brusilica"),
			ws(64, "Lakirnica", "lakirnica"), ws(65, "Montažni stol", "montazni-stol"),
		},
		Workstages: []api.Workstage{
			stage(cut, "Rezanje", "rezanje", "Cutting", 61, 62),
			stage(sand, "Brušenje", "brušenje", "Sanding", 63),
			stage(lacquer, "Lakiranje", "lakiranje", "Lacquering", 64),
			stage(assemble, "Montaža", "montaža", "Assembly", 65),
		},
		Products: []api.Product{
			product(22220, 384501, "STOL-HRAST", "Hrastov stol", 4),
			product(22221, 384502, "STOL-BUKVA", "Bukov stol", 10),
			product(22222, 384510, "STOL-BLAG", "Blagovaonski stol 180x90", 0),
			product(22223, 384520, "ORMAR-2V", "Ormar s dvoja vrata", 2),
			product(22224, 384530, "POLICA-80", "Zidna polica 80 cm", 25),
		},
		ProductSteps: map[int64][]api.ProductStep{
			22220: {step(1, cut, 900, 3600, 0), step(2, sand, 300, 2700, 0), step(3, lacquer, 600, 3600, 7200), step(4, assemble, 0, 1800, 0)},
			22221: {step(1, cut, 900, 3000, 0), step(2, sand, 300, 2400, 0), step(3, lacquer, 600, 3000, 7200), step(4, assemble, 0, 1800, 0)},
			22222: {step(1, cut, 900, 5400, 0), step(2, sand, 300, 3600, 0), step(3, lacquer, 600, 5400, 14400), step(4, assemble, 0, 3600, 0)},
			22223: {step(1, cut, 900, 7200, 0), step(2, sand, 300, 3600, 0), step(3, lacquer, 600, 5400, 14400), step(4, assemble, 0, 7200, 0)},
			22224: {step(1, cut, 900, 1800, 0), step(2, sand, 300, 1200, 0), step(3, lacquer, 600, 1800, 7200)},
		},
	}
}
