package mapping

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	mmapi "github.com/planbridge/planbridge/minimax/api"
	spapi "github.com/planbridge/planbridge/skyplanner/api"
)

// Minimax's letters (minimax.Received, minimax.StatusConfirmed, ...),
// repeated here so that the mapping depends on the generated types alone.
const (
	received = "P"
	issued   = "I"

	statusConfirmed   = "P"
	statusDraft       = "O"
	statusCompleted   = "Z"
	statusInvalidated = "R"
)

// MapOrder maps one Minimax order of organisation org, read with its rows,
// to the plan of its SkyPlanner records. It does no I/O, reads no clock and
// no global state, returns the same plan for the same order every time, and
// does not panic on any input.
//
// An order that cannot be mapped returns every problem found in it at once:
// a *FieldError when there is one, else the errors.Join of several; each
// wraps one of the Err* kinds. The plan is then the zero Plan.
func (m *Mapper) MapOrder(org int64, o mmapi.Order) (Plan, error) {
	var ps problems
	if org <= 0 {
		ps.add("org", ErrMissingField, "must be a positive Minimax organisation id, got %d", org)
	}
	action, reason := m.decide(o, &ps)
	if len(ps) > 0 {
		return Plan{}, ps.err()
	}
	switch action {
	case ActionSkip:
		// Nothing is mapped, so nothing can be wrong; the order is named
		// when it can be, for the sync's log.
		p := Plan{Action: ActionSkip, Reason: reason}
		var ignored problems
		if id := orderID(o, &ignored); len(ignored) == 0 {
			p.Order.ExternalID = new(OrderExternalID(org, id))
		}
		return p, nil
	case ActionArchive:
		id := orderID(o, &ps)
		if len(ps) > 0 {
			return Plan{}, ps.err()
		}
		return Plan{Action: ActionArchive, Reason: reason, Order: spapi.Order{ExternalID: new(OrderExternalID(org, id))}}, nil
	}
	p := m.upsert(org, o, &ps)
	if len(ps) > 0 {
		return Plan{}, ps.err()
	}
	p.Reason = reason
	return p, nil
}

// decide applies the rules about which orders to sync. Both letters are
// checked first, so that an unknown one is an error even on an order that
// would be skipped.
func (m *Mapper) decide(o mmapi.Order, ps *problems) (Action, string) {
	dir, status := text(o.ReceivedIssued), text(o.Status)
	switch dir {
	case received, issued:
	case "":
		ps.add("ReceivedIssued", ErrUnknownStatus, "missing; want %q (received) or %q (issued)", received, issued)
	default:
		ps.add("ReceivedIssued", ErrUnknownStatus, "want %q (received) or %q (issued), got %q", received, issued, dir)
	}
	switch status {
	case statusConfirmed, statusDraft, statusCompleted, statusInvalidated:
	case "":
		ps.add("Status", ErrUnknownStatus, "missing; want P (confirmed), O (draft), Z (completed) or R (invalidated)")
	default:
		ps.add("Status", ErrUnknownStatus, "want P (confirmed), O (draft), Z (completed) or R (invalidated), got %q", status)
	}
	if len(*ps) > 0 {
		return "", ""
	}
	if dir != m.direction {
		return ActionSkip, "ReceivedIssued is " + dir + "; only orders with " + m.direction + " are synced"
	}
	switch status {
	case statusDraft:
		if m.includeDrafts {
			return ActionUpsert, "draft order (status O), synced as prospect rows because drafts are included"
		}
		return ActionSkip, "draft order (status O); drafts are not synced"
	case statusCompleted:
		if m.syncCompleted {
			return ActionUpsert, "completed order (status Z), synced because completed orders are"
		}
		return ActionSkip, "completed order (status Z); left in SkyPlanner as it is"
	case statusInvalidated:
		if m.archiveInvalidated {
			return ActionArchive, "invalidated order (status R)"
		}
		return ActionSkip, "invalidated order (status R); invalidated orders are not archived"
	}
	return ActionUpsert, "confirmed order (status P)"
}

// orderID returns the order's Minimax ID: OrderId, or, when that is absent,
// the ID its rows refer back to (Minimax's example order has only the
// latter). A row that refers to another order is a problem either way.
func orderID(o mmapi.Order, ps *problems) int64 {
	var rows []mmapi.OrderRow
	if o.OrderRows != nil {
		rows = *o.OrderRows
	}
	id, from := int64(0), ""
	if o.OrderID != nil {
		id, from = *o.OrderID, "OrderId"
		if id <= 0 {
			ps.add("OrderId", ErrMissingField, "must be positive, got %d", id)
			return 0
		}
	}
	for i, r := range rows {
		back, ok := fkID(r.Order)
		if !ok {
			continue
		}
		switch {
		case from == "" && back > 0:
			id, from = back, rowPath(i, "Order.ID")
		case from != "" && back != id:
			ps.add(rowPath(i, "Order.ID"), ErrInconsistent, "the row belongs to order %d, not to order %d (%s)", back, id, from)
		}
	}
	if from == "" {
		ps.add("OrderId", ErrMissingField, "missing, and no row refers back to its order")
	}
	return id
}

// upsert maps an order that is to be created or updated.
func (m *Mapper) upsert(org int64, o mmapi.Order, ps *problems) Plan {
	id := orderID(o, ps)
	p := Plan{Action: ActionUpsert, Customer: customer(org, o, ps)}
	p.Order = m.order(org, id, o, ps)
	if o.OrderRows == nil {
		ps.add("OrderRows", ErrMissingField, "absent; map an order read with its rows (GetOrder), not an entry of a list")
		return p
	}
	rows := *o.OrderRows
	if len(rows) > 0 {
		p.Rows = make([]RowPlan, 0, len(rows))
	}
	w := workstages{}
	seen := make(map[int64]int, len(rows))
	prospect := text(o.Status) == statusDraft
	for i, r := range rows {
		rp, ok := m.row(org, i, r, p.Order.DeliveryDate, prospect, seen, &w, ps)
		if ok {
			p.Rows = append(p.Rows, rp)
		}
	}
	p.Workstages = w.sorted()
	return p
}

// customer maps the order's customer. Only its name has a known place in
// SkyPlanner: CustomerName as printed on the order, else the name of the
// Customer reference, and the address as printed on the order. The address
// fields of the SkyPlanner customer are inferred (see openapi.yaml); the
// country is the order's country name, else the reference's name (a code
// such as "HR").
func customer(org int64, o mmapi.Order, ps *problems) spapi.Customer {
	var c spapi.Customer
	id, ok := fkID(o.Customer)
	switch {
	case o.Customer == nil:
		ps.add("Customer", ErrMissingReference, "missing; every SkyPlanner order needs a customer")
		return c
	case !ok:
		ps.add("Customer.ID", ErrMissingReference, "missing")
		return c
	case id <= 0:
		ps.add("Customer.ID", ErrMissingReference, "must be positive, got %d", id)
		return c
	}
	c.ExternalID = new(CustomerExternalID(org, id))
	c.Name = textOrNil(firstText(o.CustomerName, o.Customer.Name))
	c.Address = textOrNil(text(o.CustomerAddress))
	c.PostalCode = textOrNil(text(o.CustomerPostalCode))
	c.City = textOrNil(text(o.CustomerCity))
	c.Country = textOrNil(firstText(o.CustomerCountryName, refName(o.CustomerCountry)))
	return c
}

// order maps the order record itself:
//
//   - number: NumberPrefix + "<Year>-<Number>", the way Minimax names the
//     order ("2020-1"); external_order_number: "<Year>-<Number>";
//   - description: Reference (the customer's own reference, such as their
//     purchase order number) first, then Notes, separated by a blank line;
//   - delivery_date: DueDate, read in the configured location.
func (m *Mapper) order(org, id int64, o mmapi.Order, ps *problems) spapi.Order {
	var out spapi.Order
	if id > 0 {
		out.ExternalID = new(OrderExternalID(org, id))
	}
	if num, ok := orderNumber(o.Year, o.Number, ps); ok {
		if full, ok := prefixedNumber(m.prefix, num, ps); ok {
			out.Number = &full
			out.ExternalOrderNumber = &num
		}
	}
	out.Description = textOrNil(joinText(o.Reference, o.Notes))
	out.DeliveryDate = dateIn(o.DueDate, m.loc)
	return out
}

// orderNumber returns "<Year>-<Number>".
func orderNumber(year, number *int32, ps *problems) (string, bool) {
	ok := true
	for _, f := range []struct {
		path string
		v    *int32
	}{{"Year", year}, {"Number", number}} {
		switch {
		case f.v == nil:
			ps.add(f.path, ErrBadNumber, "missing; the SkyPlanner order number is made from Year and Number")
			ok = false
		case *f.v <= 0:
			ps.add(f.path, ErrBadNumber, "must be positive, got %d", *f.v)
			ok = false
		}
	}
	if !ok {
		return "", false
	}
	b := strconv.AppendInt(make([]byte, 0, 16), int64(*year), 10)
	b = append(b, '-')
	return string(strconv.AppendInt(b, int64(*number), 10)), true
}

// prefixedNumber puts prefix before num and guarantees the result has no
// "/", which SkyPlanner rejects. NewMapper refuses such prefixes, so this is
// the last line of defence.
func prefixedNumber(prefix, num string, ps *problems) (string, bool) {
	s := prefix + num
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			ps.add("Number", ErrBadNumber, "order number %q contains %q, which SkyPlanner rejects", s, "/")
			return "", false
		}
	}
	return s, true
}

// row maps one order row with its product and jobs. i is its index in
// OrderRows; seen maps the row IDs met so far to their index.
func (m *Mapper) row(org int64, i int, r mmapi.OrderRow, delivery *spapi.DateTime, prospect bool,
	seen map[int64]int, w *workstages, ps *problems) (RowPlan, bool) {
	n := len(*ps)
	var rowID int64
	switch {
	case r.OrderRowID == nil:
		ps.add(rowPath(i, "OrderRowId"), ErrMissingField, "missing; the row's external ID is made from it")
	case *r.OrderRowID <= 0:
		ps.add(rowPath(i, "OrderRowId"), ErrMissingField, "must be positive, got %d", *r.OrderRowID)
	default:
		rowID = *r.OrderRowID
		if j, dup := seen[rowID]; dup {
			ps.add(rowPath(i, "OrderRowId"), ErrInconsistent, "%d is also the ID of OrderRows[%d]", rowID, j)
		} else {
			seen[rowID] = i
		}
	}
	itemID, ok := fkID(r.Item)
	switch {
	case r.Item == nil:
		ps.add(rowPath(i, "Item"), ErrMissingReference, "missing; the row's product is made from its item")
	case !ok:
		ps.add(rowPath(i, "Item.ID"), ErrMissingReference, "missing")
	case itemID <= 0:
		ps.add(rowPath(i, "Item.ID"), ErrMissingReference, "must be positive, got %d", itemID)
	}
	qty, qtyOK := quantity(r.Quantity)
	if !qtyOK {
		if r.Quantity == nil {
			ps.add(rowPath(i, "Quantity"), ErrBadQuantity, "missing")
		} else if math.IsNaN(qty) || math.IsInf(qty, 0) {
			ps.add(rowPath(i, "Quantity"), ErrBadQuantity, "must be a finite positive number, got %s", formatFloat(qty))
		} else {
			ps.add(rowPath(i, "Quantity"), ErrBadQuantity, "must be positive, got %s", formatFloat(qty))
		}
	}
	if len(*ps) > n {
		return RowPlan{}, false
	}

	item := ItemRef{ID: itemID, Code: text(r.ItemCode), Name: firstText(r.Item.Name, r.ItemName)}
	rp := RowPlan{
		// The product: the item's master name (the reference's Name) wins
		// over ItemName, which a row may change for printing.
		Product: spapi.Product{
			ExternalID: new(ItemExternalID(org, itemID)),
			Code:       textOrNil(item.Code),
			Name:       textOrNil(item.Name),
			Unit:       textOrNil(text(r.UnitOfMeasurement)),
			Type:       new(spapi.ProductTypeProduct),
			IsActive:   new(true),
		},
		Row: spapi.OrderRow{
			ExternalID:         new(RowExternalID(org, rowID)),
			RowIndex:           new(int32(min(i+1, math.MaxInt32))),
			Amount:             new(qty),
			OrderedAmount:      new(qty),
			Description:        textOrNil(text(r.Description)),
			IsProspect:         new(prospect),
			UseCustomMaterials: new(m.useCustomMaterials),
		},
	}
	if delivery != nil { // a copy: the row's date is not the order's
		rp.Row.DeliveryDate = new(*delivery)
	}
	steps, routed := m.route(item, i, ps)
	if len(*ps) > n {
		return RowPlan{}, false
	}
	rp.Row.GetDefaultSteps = new(!routed)
	if len(steps) > 0 {
		rp.Jobs = make([]JobPlan, 0, len(steps))
	}
	for j, s := range steps {
		jp, ok := job(org, rowID, i, j, s, qty, ps)
		if !ok {
			continue
		}
		w.add(s, i, j, ps)
		rp.Jobs = append(rp.Jobs, jp)
	}
	return rp, len(*ps) == n
}

// quantity returns the quantity and whether it is a finite positive number.
func quantity(q *float64) (float64, bool) {
	if q == nil {
		return 0, false
	}
	return *q, *q > 0 && !math.IsInf(*q, 1)
}

// route finds the routing of an item: the routing function, then the table.
// routed is false when neither has one, and the row then asks for the
// product's default steps.
func (m *Mapper) route(item ItemRef, i int, ps *problems) (steps []route, routed bool) {
	if m.routeFunc != nil {
		if got, ok := m.routeFunc(item); ok {
			steps = make([]route, 0, len(got))
			for j, s := range got {
				if r, ok := compileStep(s, rowPath(i, "Steps["+strconv.Itoa(j)+"]"), ps); ok {
					steps = append(steps, r)
				}
			}
			return steps, true
		}
	}
	if item.Code == "" {
		return nil, false
	}
	steps, routed = m.routing[item.Code]
	return steps, routed
}

// job maps the j-th routing step of row i.
func job(org, rowID int64, i, j int, s route, qty float64, ps *problems) (JobPlan, bool) {
	d := s.DurationSeconds
	if s.PerPiece {
		d *= qty
		if math.IsInf(d, 0) {
			ps.add(rowPath(i, "Quantity"), ErrBadQuantity, "%s pieces of %s s each (step %d) overflow the job's duration", formatFloat(qty), formatFloat(s.DurationSeconds), j)
			return JobPlan{}, false
		}
	}
	jb := spapi.Job{
		ExternalID:  new(JobExternalID(org, rowID, j+1)),
		Name:        textOrNil(cmp.Or(s.Name, s.WorkstageName, s.workstage)),
		OrderNumber: new(int32(min(j+1, math.MaxInt32))),
		Duration:    new(d),
		Settingtime: new(s.SettingTimeSeconds),
		Settletime:  new(s.SettleTimeSeconds),
	}
	if len(s.Workstations) > 0 {
		jb.Workstations = new(spapi.Workstations(slices.Clone(s.Workstations)))
	}
	return JobPlan{Job: jb, WorkstageExternalID: s.workstage}, true
}

// workstages collects the workstages of a plan, each once.
type workstages map[string]string // external ID → name

// add notes the workstage of step j of row i; a second, different name for
// the same workstage is a problem.
func (w workstages) add(s route, i, j int, ps *problems) {
	prev, seen := w[s.workstage]
	switch {
	case !seen || prev == "":
		w[s.workstage] = s.WorkstageName
	case s.WorkstageName != "" && s.WorkstageName != prev:
		ps.add(rowPath(i, "Steps["+strconv.Itoa(j)+"].WorkstageName"), ErrInconsistent, "workstage %q is also named %q", s.workstage, prev)
	}
}

// sorted returns the workstages sorted by external ID, named by their name
// or else their external ID.
func (w workstages) sorted() []spapi.Workstage {
	if len(w) == 0 {
		return nil
	}
	out := make([]spapi.Workstage, 0, len(w))
	for id, name := range w {
		out = append(out, spapi.Workstage{ExternalID: new(id), Name: new(cmp.Or(name, id))})
	}
	slices.SortFunc(out, func(a, b spapi.Workstage) int { return cmp.Compare(*a.ExternalID, *b.ExternalID) })
	return out
}

// rowPath is the path of a field of row i, "OrderRows[3].Quantity".
func rowPath(i int, field string) string {
	return "OrderRows[" + strconv.Itoa(i) + "]." + field
}
