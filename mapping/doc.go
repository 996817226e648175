// Package mapping turns a Minimax order, read with its rows, into a Plan: the
// SkyPlanner records the vendor's integration workflow creates for it
// (customer → order → product → order row → workstage → job), for a sync to
// create or update.
//
// # Where it fits
//
//	minimax (read orders) → mapping (plan the SkyPlanner records) → planbridge.Syncer → skyplanner (write them)
//
// It reads the generated types of minimax/api (minimax.Order and
// minimax.OrderRow are aliases of them) and writes those of skyplanner/api
// (skyplanner.Order, skyplanner.Job, ...), and imports nothing else outside
// the standard library and golang.org/x/text. It makes no request: the
// clients handle authentication, paging, retries and budgets, and the
// Syncer decides what a plan means for records already in SkyPlanner
// (archived ones included).
//
// The mapping is pure: no I/O, no clock, no global state. The same order and
// options give the same plan, and no input makes it panic. NewMapper does the
// one impure thing, loading the time zone, once; a Mapper is immutable and
// safe for concurrent use.
//
// # Construction
//
// Options are plain data with JSON tags, so they can live in a
// configuration file; the zero Options are the defaults, which
// DefaultOptions spells out (received orders, Europe/Zagreb, invalidated
// orders archived, no routing). NewMapper checks them all at once:
//
//	m, err := mapping.NewMapper(mapping.DefaultOptions())
//	...
//	order, err := mm.GetOrder(ctx, id) // a *minimax.Client
//	plan, err := m.MapOrder(orgID, order)
//
// WithRoutingFunc adds what does not fit in data: a function that routes
// items by anything about them.
//
// # Which orders
//
// Received orders (ReceivedIssued P, configurable) are synced; issued ones
// are skipped. By Status:
//
//   - P (confirmed) maps to ActionUpsert;
//   - O (draft) is skipped, or with IncludeDrafts upserted with its rows
//     marked as prospects (is_prospect);
//   - Z (completed) is skipped, left in SkyPlanner as it is, or with
//     SyncCompleted upserted like a confirmed order;
//   - R (invalidated) maps to ActionArchive, or is skipped when
//     ArchiveInvalidated is false;
//   - a missing or unknown letter, in Status or ReceivedIssued, is an error.
//
// Every plan says why in Plan.Reason. Decide applies the same rules to the
// two letters alone, as a Minimax list entry carries them, so a sync can
// skip or archive an order without reading its rows.
//
// # What goes where
//
//   - Customer: external ID from the Customer reference; name from
//     CustomerName, else the reference's Name; address, postal code and city
//     as printed on the order, country from CustomerCountryName, else the
//     country reference's name (SkyPlanner's address fields are inferred,
//     see skyplanner/api/openapi.yaml).
//   - Order: number "<Year>-<Number>" as Minimax names the order ("2020-1"),
//     with an optional NumberPrefix, never containing "/" (which SkyPlanner
//     rejects); the same "<Year>-<Number>" as external_order_number;
//     Reference then Notes as description; DueDate as delivery_date.
//   - Order row: Quantity as amount and ordered_amount, Description,
//     DueDate as delivery_date, its position (from 1) as row_index, and
//     use_custom_materials from the options.
//   - Product: from the row's Item reference and ItemCode, with the unit of
//     measurement; name from the reference, else ItemName.
//   - Jobs: see Default steps and routings.
//
// Blank text is left unset rather than sent as "". Status fields are never
// set: SkyPlanner owns the progress of orders, rows and jobs, and sending
// "new" on an update could reset it.
//
// # Default steps and routings
//
// By default a row asks SkyPlanner for its product's default steps
// (get_default_steps: SkyPlanner copies the product's process steps to the
// new row as jobs), and its RowPlan has no Jobs. When a routing function
// (WithRoutingFunc) or the routing table (Options.Routing, by item code)
// lists the item's steps, the row gets them as jobs instead, each in the
// workstage its Step names, and the plan lists those workstages once each;
// an empty routing means the item needs no jobs at all. A step's duration
// is for the whole row, or for one piece times the row's quantity with
// PerPiece.
//
// # Dates
//
// Minimax dates carry no zone. They are read as wall-clock times in
// Options.Location (default Europe/Zagreb) and written with their offset
// ("2020-02-01T00:00:00+01:00"). A time skipped by the spring change to
// summer time moves forward by the gap (02:30 becomes 03:30+02:00); a time
// repeated in autumn is the first of the two (+02:00).
//
// # External IDs
//
// Every record carries an external ID made from the Minimax organisation and
// record IDs ("minimax:3840:order:7870", OrderExternalID and its siblings),
// so a sync finds what it created before and never creates it twice. The
// plan links its records by those IDs and by nesting, since SkyPlanner's
// numeric ids exist only after creation; its id fields are nil. Every row
// the mapping makes starts with RowExternalIDPrefix, and every job with its
// row's external ID and JobExternalIDSeparator, so a sync tells its records
// from those a planner added by hand.
//
// # Errors
//
// A problem is a *FieldError whose Path names the field
// ("OrderRows[3].Quantity: must be positive, got -1") and which wraps a kind
// (ErrBadQuantity, ErrMissingReference, ...) for errors.Is. All problems of
// an order are returned together, so one call shows every bad row; a bad row
// never silently drops out of a plan. The plan is then the zero Plan.
// NewMapper reports bad options the same way, with paths that start at
// "Options." and the kind ErrBadOption or ErrBadRouting.
package mapping
