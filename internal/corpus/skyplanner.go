package corpus

import (
	"slices"

	"github.com/planbridge/planbridge/mapping"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// stage is a workstage of the workshop, in the order work goes through
// them. Those with an id are set up in SkyPlanner already; the others only
// routings name, and the sync creates them.
type stage struct {
	name     string
	id       int64
	stations []int64
}

var stages = []stage{
	{name: "Rezanje", id: 101, stations: []int64{61, 62}},
	{name: "CNC obrada", id: 102, stations: []int64{62}},
	{name: "Brušenje", id: 103, stations: []int64{63}},
	{name: "Tapeciranje"},
	{name: "Lakiranje", id: 104, stations: []int64{64}},
	{name: "Montaža", id: 105, stations: []int64{65}},
	{name: "Kontrola kvalitete"},
	{name: "Pakiranje"},
}

var workstations = []struct {
	id         int64
	name, slug string
}{
	{61, "Formatna pila", "formatna-pila"}, {62, "CNC obradni centar", "cnc"}, {63, "Brusilica", "brusilica"},
	{64, "Lakirnica", "lakirnica"}, {65, "Montažni stol", "montazni-stol"},
}

// productIDBase numbers the SkyPlanner products of the default-step items.
const productIDBase = 22000

// makeRouting gives each routed item two to four steps, in workshop order,
// from every stage, and each service an empty routing (no jobs).
func (g *generator) makeRouting(items []item) map[string][]mapping.Step {
	out := map[string][]mapping.Step{}
	for _, it := range items {
		switch it.kind {
		case service:
			out[it.code] = []mapping.Step{}
		case routed:
			var steps []mapping.Step
			for _, i := range g.subset(len(stages), 2, 4) {
				s := mapping.Step{WorkstageName: stages[i].name, SettingTimeSeconds: float64(300 * g.r.IntN(4))}
				if g.r.IntN(2) == 0 {
					s.DurationSeconds, s.PerPiece = float64(60*(1+g.r.IntN(15))), true
				} else {
					s.DurationSeconds = float64(1800 * (1 + g.r.IntN(8)))
				}
				steps = append(steps, s)
			}
			out[it.code] = steps
		}
	}
	return out
}

// subset draws lo to hi distinct indices below n, in ascending order.
func (g *generator) subset(n, lo, hi int) []int {
	k := lo + g.r.IntN(hi-lo+1)
	idx := g.r.Perm(n)[:k]
	slices.Sort(idx)
	return idx
}

// skyplanner is what the integration finds in SkyPlanner: the workstations,
// the stages that have an id, and a product with default steps for every
// default-step item, named as the mapping names it so that a first sync
// finds it unchanged.
func (g *generator) skyplanner() skyplannertest.Seed {
	var s skyplannertest.Seed
	for _, w := range workstations {
		s.Workstations = append(s.Workstations, spapi.Workstation{ID: new(w.id), Name: new(w.name), ExternalID: new(w.slug), SchedulingFactor: new(1.0)})
	}
	var existing []stage
	for _, st := range stages {
		if st.id == 0 {
			continue
		}
		existing = append(existing, st)
		stations := spapi.Workstations(slices.Clone(st.stations))
		s.Workstages = append(s.Workstages, spapi.Workstage{ID: new(st.id), Name: new(st.name),
			ExternalID: new(mapping.WorkstageExternalID(mapping.Step{WorkstageName: st.name})), Workstations: &stations})
	}
	s.ProductSteps = map[int64][]spapi.ProductStep{}
	n := int64(0)
	for _, it := range g.items {
		if it.kind != defaultSteps {
			continue
		}
		n++
		id := productIDBase + n
		s.Products = append(s.Products, spapi.Product{ID: new(id), Type: new(spapi.ProductTypeProduct), Code: new(it.code),
			Name: new(it.name), Unit: new(it.unit), ExternalID: new(mapping.ItemExternalID(Org, it.id)), IsActive: new(true),
			FreeAmount: new(float64(g.r.IntN(20)))})
		var steps []spapi.ProductStep
		for j, i := range g.subset(len(existing), 2, 4) {
			steps = append(steps, spapi.ProductStep{OrderNumber: new(int32(j + 1)), PhaserWorkstageID: new(existing[i].id),
				TimeVariation: new(spapi.TimeVariationFixedTime), Duration: new(float64(1800 * (1 + g.r.IntN(6)))),
				Settingtime: new(float64(300 * g.r.IntN(4))), Settletime: new(float64(3600 * g.r.IntN(3)))})
		}
		s.ProductSteps[id] = steps
	}
	return s
}
