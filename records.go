package planbridge

import (
	"context"
	"github.com/planbridge/planbridge/internal/deref"
	"iter"
	"strconv"

	"github.com/planbridge/planbridge/skyplanner"
)

// recordKind is what the sync needs to know of one kind of SkyPlanner
// record to create, update and archive it.
type recordKind[T any] struct {
	kind Kind
	ext  func(*T) *string
	id   func(*T) *int64
	// setID gives a record an id: a dry run's placeholder for a record it
	// would create, so that what refers to it still names it.
	setID func(*T, int64)
	// archived reports a soft-deleted record; nil for kinds SkyPlanner
	// cannot archive (their deletes are permanent, and the sync never
	// deletes).
	archived func(*T) bool
	// createOnly are members the sync sets only on a new record: the
	// write-only requests get_default_steps and use_custom_materials, which
	// a record never reads back (asking again would copy the default steps
	// twice), and a product's is_active, which is a planner's to change.
	createOnly []string
	create     func(context.Context, T) (T, error)
	update     func(context.Context, int64, T) (T, error)
	archive    func(context.Context, int64) error
}

// records are the six kinds, bound to a SkyPlanner client, with the
// sources their lookups read.
type records struct {
	customers  recordKind[skyplanner.Customer]
	orders     recordKind[skyplanner.Order]
	products   recordKind[skyplanner.Product]
	rows       recordKind[skyplanner.OrderRow]
	workstages recordKind[skyplanner.Workstage]
	jobs       recordKind[skyplanner.Job]

	customerByExt  *source[skyplanner.Customer]
	orderByExt     *source[skyplanner.Order]
	productByExt   *source[skyplanner.Product]
	workstageByExt *source[skyplanner.Workstage]
	rowsOfOrder    *source[skyplanner.OrderRow]
	jobsOfRow      *source[skyplanner.Job]
}

func newRecords(sp *skyplanner.Client, cfg config) *records {
	archived := skyplanner.IncludeArchived()
	r := &records{
		customers: recordKind[skyplanner.Customer]{kind: KindCustomer,
			ext: func(v *skyplanner.Customer) *string { return v.ExternalID }, id: func(v *skyplanner.Customer) *int64 { return v.ID },
			setID:  func(v *skyplanner.Customer, id int64) { v.ID = &id },
			create: sp.CreateCustomer, update: sp.UpdateCustomer},
		orders: recordKind[skyplanner.Order]{kind: KindOrder,
			ext: func(v *skyplanner.Order) *string { return v.ExternalID }, id: func(v *skyplanner.Order) *int64 { return v.ID },
			setID:    func(v *skyplanner.Order, id int64) { v.ID = &id },
			archived: func(v *skyplanner.Order) bool { return deref.Of(v.IsArchive) },
			create:   sp.CreateOrder, update: sp.UpdateOrder, archive: sp.ArchiveOrder},
		products: recordKind[skyplanner.Product]{kind: KindProduct,
			ext: func(v *skyplanner.Product) *string { return v.ExternalID }, id: func(v *skyplanner.Product) *int64 { return v.ID },
			setID:      func(v *skyplanner.Product, id int64) { v.ID = &id },
			createOnly: []string{"is_active"},
			create:     sp.CreateProduct, update: sp.UpdateProduct},
		rows: recordKind[skyplanner.OrderRow]{kind: KindRow,
			ext: func(v *skyplanner.OrderRow) *string { return v.ExternalID }, id: func(v *skyplanner.OrderRow) *int64 { return v.ID },
			setID:      func(v *skyplanner.OrderRow, id int64) { v.ID = &id },
			archived:   func(v *skyplanner.OrderRow) bool { return deref.Of(v.IsArchive) },
			createOnly: []string{"get_default_steps", "use_custom_materials"},
			create:     createRow(sp), update: sp.UpdateOrderRow, archive: sp.ArchiveOrderRow},
		workstages: recordKind[skyplanner.Workstage]{kind: KindWorkstage,
			ext: func(v *skyplanner.Workstage) *string { return v.ExternalID }, id: func(v *skyplanner.Workstage) *int64 { return v.ID },
			setID:  func(v *skyplanner.Workstage, id int64) { v.ID = &id },
			create: sp.CreateWorkstage, update: sp.UpdateWorkstage},
		jobs: recordKind[skyplanner.Job]{kind: KindJob,
			ext: func(v *skyplanner.Job) *string { return v.ExternalID }, id: func(v *skyplanner.Job) *int64 { return v.ID },
			setID:    func(v *skyplanner.Job, id int64) { v.ID = &id },
			archived: func(v *skyplanner.Job) bool { return deref.Of(v.IsArchive) },
			create:   sp.CreateJob, update: sp.UpdateJob, archive: sp.ArchiveJob},
	}
	src := func(kind Kind, filter string) sourceConfig { return sourceConfig{kind, filter, cfg} }
	r.customerByExt = newSource(src(KindCustomer, "external_id"), extOf(r.customers),
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.Customer, error] {
			return sp.ListCustomers(ctx, skyplanner.CustomerFilter{ExternalID: key, Limit: limit})
		})
	r.orderByExt = newSource(src(KindOrder, "external_id"), extOf(r.orders),
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.Order, error] {
			return sp.ListOrders(ctx, skyplanner.OrderFilter{ExternalID: key, Limit: limit}, archived)
		})
	r.productByExt = newSource(src(KindProduct, "external_id"), extOf(r.products),
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.Product, error] {
			return sp.ListProducts(ctx, skyplanner.ProductFilter{ExternalID: key, Limit: limit})
		})
	r.workstageByExt = newSource(src(KindWorkstage, "external_id"), extOf(r.workstages),
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.Workstage, error] {
			return sp.ListWorkstages(ctx, skyplanner.WorkstageFilter{ExternalID: key, Limit: limit})
		})
	r.rowsOfOrder = newSource(src(KindRow, "phaser_order_id"),
		func(v *skyplanner.OrderRow) string { return idKey(v.PhaserOrderID) },
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.OrderRow, error] {
			return sp.ListOrderRows(ctx, skyplanner.OrderRowFilter{OrderID: parseKey(key), Limit: limit}, archived)
		})
	r.jobsOfRow = newSource(src(KindJob, "phaser_order_row_id"),
		func(v *skyplanner.Job) string { return idKey(v.PhaserOrderRowID) },
		func(ctx context.Context, key string, limit int) iter.Seq2[skyplanner.Job, error] {
			return sp.ListJobs(ctx, skyplanner.JobFilter{OrderRowID: parseKey(key), Limit: limit}, archived)
		})
	return r
}

// createRow turns the plan's write-only requests into the client's
// options, which check them before anything is sent.
func createRow(sp *skyplanner.Client) func(context.Context, skyplanner.OrderRow) (skyplanner.OrderRow, error) {
	return func(ctx context.Context, row skyplanner.OrderRow) (skyplanner.OrderRow, error) {
		var opts []skyplanner.RowOption
		if deref.Of(row.GetDefaultSteps) {
			opts = append(opts, skyplanner.WithDefaultSteps())
		}
		if deref.Of(row.UseCustomMaterials) {
			opts = append(opts, skyplanner.WithCustomMaterials())
		}
		row.GetDefaultSteps, row.UseCustomMaterials = nil, nil
		return sp.CreateOrderRow(ctx, row, opts...)
	}
}

type sourceConfig struct {
	kind   Kind
	filter string
	cfg    config
}

// newSource builds a source whose unfiltered scan is the filtered call
// with an empty key: the client then sends no filter.
func newSource[T any](c sourceConfig, key func(*T) string,
	list func(ctx context.Context, key string, limit int) iter.Seq2[T, error]) *source[T] {
	return &source[T]{
		kind: c.kind, filter: c.filter, filtered: list, key: key,
		all:   func(ctx context.Context, limit int) iter.Seq2[T, error] { return list(ctx, "", limit) },
		limit: c.cfg.lookupLimit, scanLimit: c.cfg.scanLimit, log: c.cfg.log,
	}
}

func extOf[T any](k recordKind[T]) func(*T) string {
	return func(v *T) string { return deref.Of(k.ext(v)) }
}

func idKey(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

func parseKey(key string) int64 {
	id, _ := strconv.ParseInt(key, 10, 64)
	return id
}
