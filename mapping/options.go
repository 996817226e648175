package mapping

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultLocation is the zone Minimax's zone-less dates are read in unless
// Options.Location says otherwise.
const DefaultLocation = "Europe/Zagreb"

// Options are the rules of a mapping. They are plain data with JSON tags so
// they can live in a configuration file, and the zero value means the
// documented defaults (DefaultOptions spells them out).
type Options struct {
	// Location is the IANA zone (such as "Europe/Ljubljana") in which the
	// zone-less Minimax dates are read. Empty means DefaultLocation.
	// "Local" is refused: a plan must not depend on the machine it is made on.
	Location string `json:"location,omitempty"`

	// ReceivedIssued is the direction of orders to sync: "P" (received
	// orders, the default when empty) or "I" (issued orders). Orders of the
	// other direction are skipped.
	ReceivedIssued string `json:"received_issued,omitempty"`

	// IncludeDrafts syncs draft orders (status O) too; their rows become
	// prospect rows (is_prospect). By default drafts are skipped.
	IncludeDrafts bool `json:"include_drafts,omitempty"`

	// ArchiveInvalidated: an invalidated order (status R) maps to "archive
	// this order" when this is nil (the default) or true, and is skipped
	// when false.
	ArchiveInvalidated *bool `json:"archive_invalidated,omitempty"`

	// SyncCompleted maps completed orders (status Z) like confirmed ones. By
	// default they are skipped: left in SkyPlanner as they are.
	SyncCompleted bool `json:"sync_completed,omitempty"`

	// UseCustomMaterials sets use_custom_materials on every order row, so
	// SkyPlanner does not attach the product's materials to it.
	UseCustomMaterials bool `json:"use_custom_materials,omitempty"`

	// NumberPrefix is put before "<Year>-<Number>" in the SkyPlanner order
	// number, for example "MM-" when other systems number orders there too.
	// It must not contain "/", which SkyPlanner rejects in order numbers.
	NumberPrefix string `json:"number_prefix,omitempty"`

	// Routing lists the process steps of an item, keyed by its Minimax item
	// code (ItemCode). A row whose item has a routing gets those steps as
	// explicit jobs; an empty list means the item needs no jobs at all. A
	// row whose item has none asks SkyPlanner for the product's default
	// steps (get_default_steps). WithRoutingFunc can route by anything else.
	Routing map[string][]Step `json:"routing,omitempty"`
}

// Step is one process step of a routing: a job in a workstage.
type Step struct {
	// WorkstageExternalID is the external_id of the step's workstage. When
	// empty, a slug of WorkstageName is used (see WorkstageExternalID).
	WorkstageExternalID string `json:"workstage_external_id,omitempty"`
	// WorkstageName is the workstage's name; when empty the workstage is
	// named by its external ID.
	WorkstageName string `json:"workstage_name,omitempty"`
	// Name is the job's name; when empty the workstage's name is used.
	Name string `json:"name,omitempty"`
	// DurationSeconds is the job's duration: for the whole row, or for one
	// piece when PerPiece is set (the job then lasts DurationSeconds times
	// the row's quantity).
	DurationSeconds float64 `json:"duration_seconds,omitempty"`
	PerPiece        bool    `json:"per_piece,omitempty"`
	// SettingTimeSeconds is the setup time before the job.
	SettingTimeSeconds float64 `json:"setting_time_seconds,omitempty"`
	// SettleTimeSeconds is the time the work must settle after the job.
	SettleTimeSeconds float64 `json:"settle_time_seconds,omitempty"`
	// Workstations are the SkyPlanner ids of the workstations the job may
	// run on; empty leaves the choice to SkyPlanner.
	Workstations []int64 `json:"workstations,omitempty"`
}

// DefaultOptions returns the defaults with every field spelled out; it
// behaves exactly like the zero Options.
func DefaultOptions() Options {
	archive := true
	return Options{
		Location:           DefaultLocation,
		ReceivedIssued:     "P",
		ArchiveInvalidated: &archive,
	}
}

// ItemRef is the Minimax item a row orders, as a routing function sees it.
type ItemRef struct {
	ID   int64  `json:"id"`
	Code string `json:"code,omitempty"`
	Name string `json:"name,omitempty"`
}

// RoutingFunc returns the process steps of an item, and false when it has no
// routing for it (the table in Options.Routing is asked next).
type RoutingFunc func(item ItemRef) ([]Step, bool)

// MapperOption configures what does not fit in plain data.
type MapperOption func(*Mapper)

// WithRoutingFunc routes items by a function. It is asked before the
// Options.Routing table; when it reports false the table is consulted, and
// when neither has a routing the row gets SkyPlanner's default steps. The
// steps it returns are checked on every call (a bad one is an error of that
// row) and not kept. It must be safe for concurrent use if the Mapper is
// used concurrently, and pure if the mapping is to stay pure.
func WithRoutingFunc(f RoutingFunc) MapperOption {
	return func(m *Mapper) { m.routeFunc = f }
}

// Mapper maps Minimax orders to SkyPlanner plans under fixed Options. It is
// immutable once made and safe for concurrent use.
type Mapper struct {
	loc                *time.Location
	direction          string
	includeDrafts      bool
	archiveInvalidated bool
	syncCompleted      bool
	useCustomMaterials bool
	prefix             string
	routing            map[string][]route
	routeFunc          RoutingFunc
}

// route is a checked routing step with its workstage's external ID.
type route struct {
	Step
	workstage string
}

// NewMapper checks opts and returns a Mapper that applies them. It is the
// only place that reads the time zone database (to load Options.Location);
// programs that may run without one should import time/tzdata. All problems
// with opts are returned together, each a *FieldError whose Path starts at
// "Options.". The Mapper keeps its own copy of opts.
func NewMapper(opts Options, mopts ...MapperOption) (*Mapper, error) {
	var ps problems
	m := &Mapper{
		direction:          opts.ReceivedIssued,
		includeDrafts:      opts.IncludeDrafts,
		archiveInvalidated: opts.ArchiveInvalidated == nil || *opts.ArchiveInvalidated,
		syncCompleted:      opts.SyncCompleted,
		useCustomMaterials: opts.UseCustomMaterials,
		prefix:             opts.NumberPrefix,
	}
	name := opts.Location
	if name == "" {
		name = DefaultLocation
	}
	if name == "Local" {
		ps.add("Options.Location", ErrBadOption, "%q depends on the machine; name an IANA zone such as %q", name, DefaultLocation)
	} else if loc, err := time.LoadLocation(name); err != nil {
		ps.add("Options.Location", ErrBadOption, "cannot load time zone %q: %v (programs without a zone database can import time/tzdata)", name, err)
	} else {
		m.loc = loc
	}
	switch m.direction {
	case "":
		m.direction = received
	case received, issued:
	default:
		ps.add("Options.ReceivedIssued", ErrBadOption, "want %q (received) or %q (issued), got %q", received, issued, m.direction)
	}
	if strings.Contains(m.prefix, "/") {
		ps.add("Options.NumberPrefix", ErrBadOption, "SkyPlanner rejects %q in order numbers, got %q", "/", m.prefix)
	}
	m.routing = compileRouting(opts.Routing, &ps)
	for _, o := range mopts {
		if o != nil {
			o(m)
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// compileRouting checks the routing table, in the order of its sorted keys
// so that the errors come out the same every time, and copies it.
func compileRouting(table map[string][]Step, ps *problems) map[string][]route {
	if len(table) == 0 {
		return nil
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[string][]route, len(table))
	names := map[string]string{} // workstage external ID → name
	for _, k := range keys {
		path := "Options.Routing[" + strconv.Quote(k) + "]"
		code := strings.TrimSpace(k)
		if code == "" {
			ps.add(path, ErrBadOption, "an item code must not be empty")
			continue
		}
		if _, dup := out[code]; dup {
			ps.add(path, ErrBadOption, "item code %q is listed twice (keys differ only in spaces)", code)
			continue
		}
		steps := make([]route, 0, len(table[k]))
		for i, s := range table[k] {
			sp := path + "[" + strconv.Itoa(i) + "]"
			r, ok := compileStep(s, sp, ps)
			if !ok {
				continue
			}
			if prev, seen := names[r.workstage]; seen && prev != "" && r.WorkstageName != "" && prev != r.WorkstageName {
				ps.add(sp+".WorkstageName", ErrBadRouting, "workstage %q is also named %q", r.workstage, prev)
				continue
			}
			if r.WorkstageName != "" || names[r.workstage] == "" {
				names[r.workstage] = r.WorkstageName
			}
			steps = append(steps, r)
		}
		out[code] = steps
	}
	return out
}

// compileStep checks one step and copies it, so that the plan never shares
// memory with the caller's options or routing function.
func compileStep(s Step, path string, ps *problems) (route, bool) {
	n := len(*ps)
	ws := WorkstageExternalID(s)
	if ws == "" {
		ps.add(path+".WorkstageExternalID", ErrBadRouting, "names no workstage: set WorkstageExternalID or a WorkstageName with letters or digits")
	}
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"DurationSeconds", s.DurationSeconds},
		{"SettingTimeSeconds", s.SettingTimeSeconds},
		{"SettleTimeSeconds", s.SettleTimeSeconds},
	} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			ps.add(path+"."+f.name, ErrBadRouting, "must be a finite number of seconds, zero or more, got %s", formatFloat(f.v))
		}
	}
	for i, id := range s.Workstations {
		if id <= 0 {
			ps.add(path+".Workstations["+strconv.Itoa(i)+"]", ErrBadRouting, "must be a positive workstation id, got %d", id)
		}
	}
	if len(*ps) > n {
		return route{}, false
	}
	s.WorkstageExternalID = strings.TrimSpace(s.WorkstageExternalID)
	s.WorkstageName = strings.TrimSpace(s.WorkstageName)
	s.Name = strings.TrimSpace(s.Name)
	s.Workstations = slices.Clone(s.Workstations)
	return route{Step: s, workstage: ws}, true
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
