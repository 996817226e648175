package minimax

import "slices"

// writeOrder is o as a write sends it: what the vendor's document and help
// pages let a client write, and nothing it refuses. o is a record as read
// (GetOrder) or built; it is not changed.
//
// Left out, because the service sets them and the vendor's document refuses
// them in a request:
//   - the order's Year, Number, DateConfirmed, DateCompleted, DateCanceled
//     and Status (read-only on the Order help page; the actions change them);
//   - a reference's Name and ResourceUrl (read-only in the document), so a
//     reference is sent as its ID, and one without an ID not at all;
//   - every null: the document allows none, so a null date is sent as
//     absent, which leaves the service's value as it is;
//   - on a create, the RowVersion of the order and the OrderRowId, RowVersion
//     and back-reference of its rows: the service numbers new rows itself,
//     and an order copied from another would otherwise point at the old one.
//
// An update keeps OrderId and RowVersion (the concurrency check) and each
// row's OrderRowId and RowVersion, which tell the service the rows it has.
func writeOrder(o Order, create bool) Order {
	w := o
	w.Year, w.Number, w.Status = nil, nil, nil
	w.DateConfirmed, w.DateCompleted, w.DateCanceled = DateTime{}, DateTime{}, DateTime{}
	w.Date, w.DueDate, w.RecordDtModified = notNull(w.Date), notNull(w.DueDate), notNull(w.RecordDtModified)
	w.Analytic, w.Currency, w.Customer = idOnly(w.Analytic), idOnly(w.Currency), idOnly(w.Customer)
	w.CustomerCountry, w.RecipientCountry, w.ReportTemplate = idOnly(w.CustomerCountry), idOnly(w.RecipientCountry), idOnly(w.ReportTemplate)
	if create {
		w.RowVersion = nil
	}
	if o.OrderRows != nil {
		rows := slices.Clone(*o.OrderRows)
		for i := range rows {
			rows[i] = writeOrderRow(rows[i], create)
		}
		w.OrderRows = &rows
	}
	return w
}

func writeOrderRow(r OrderRow, create bool) OrderRow {
	r.Item, r.Order, r.Warehouse = idOnly(r.Item), idOnly(r.Order), idOnly(r.Warehouse)
	r.RecordDtModified = notNull(r.RecordDtModified)
	if create {
		r.OrderRowID, r.RowVersion, r.Order = nil, nil, nil
	}
	return r
}

// idOnly is a new reference holding only f's ID; nil when f has none.
func idOnly(f *FkField) *FkField {
	if f == nil || f.ID == nil {
		return nil
	}
	return &FkField{ID: new(*f.ID)}
}

// notNull turns a null into absent.
func notNull(d DateTime) DateTime {
	if d.IsNull() {
		return DateTime{}
	}
	return d
}
