package minimaxtest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/minimax/api"
)

// concurrencyMessage is how the fake, like Minimax, refuses a stale RowVersion.
const concurrencyMessage = "Concurrency error - record changed by another action (RowVersion)"

func (s *Server) listOrders(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	var rows []any
	for _, o := range s.sortedOrders() {
		if !orderMatches(o, q, s) {
			continue
		}
		rows = append(rows, withNulls(api.OrderSearch{OrderID: o.OrderID, ReceivedIssued: o.ReceivedIssued, Year: o.Year, Number: o.Number,
			Date: o.Date, Customer: o.Customer, Analytic: o.Analytic, Currency: o.Currency, Status: o.Status}))
	}
	s.mu.Unlock()
	if q.Get("Order") == "D" {
		slices.Reverse(rows)
	}
	writePage(w, r, rows)
}

func (s *Server) sortedOrders() []api.Order {
	out := make([]api.Order, 0, len(s.orders))
	for _, o := range s.orders {
		out = append(out, *o)
	}
	slices.SortFunc(out, byOrderID)
	return out
}

// orderMatches applies the GetOrders filters the help page documents.
func orderMatches(o api.Order, q map[string][]string, s *Server) bool {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	eq := func(k, v string) bool { return get(k) == "" || get(k) == v }
	idEq := func(k string, ref *api.FkField) bool {
		return get(k) == "" || (ref != nil && ref.ID != nil && strconv.FormatInt(*ref.ID, 10) == get(k))
	}
	inRange := func(from, to string, d api.DateTime) bool {
		if get(from) == "" && get(to) == "" {
			return true
		}
		if !d.Valid() {
			return false
		}
		day := d.Time().Format("2006-01-02")
		return (get(from) == "" || day >= get(from)) && (get(to) == "" || day <= get(to))
	}
	return eq("Status", deref.Of(o.Status)) && eq("ReceivedIssued", deref.Of(o.ReceivedIssued)) &&
		eq("Year", itoa(o.Year)) && eq("Number", itoa(o.Number)) && eq("Reference", deref.Of(o.Reference)) &&
		idEq("CustomerID", o.Customer) && idEq("AnalyticsID", o.Analytic) &&
		inRange("DateFrom", "DateTo", o.Date) && inRange("DateConfirmedFrom", "DateConfirmedTo", o.DateConfirmed) &&
		inRange("DateCompletedFrom", "DateCompletedTo", o.DateCompleted) && inRange("DateCanceledFrom", "DateCanceledTo", o.DateCanceled)
}

func itoa(p *int32) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(int(*p))
}

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.lookupOrder(w, r)
	if ok {
		fakeserver.WriteJSON(w, http.StatusOK, withNulls(o))
	}
}

// lookupOrder finds the path's order or answers 404. Call with s.mu held.
func (s *Server) lookupOrder(w http.ResponseWriter, r *http.Request) (*api.Order, bool) {
	id, _ := strconv.ParseInt(fakeserver.PathParam(r, "orderId"), 10, 64)
	o, ok := s.orders[id]
	if !ok {
		s.core.WriteError(w, http.StatusNotFound, fmt.Sprintf("Order %d not found.", id))
	}
	return o, ok
}

// invalid answers Minimax's (ASP.NET's) validation error.
func (s *Server) invalid(w http.ResponseWriter, problems map[string][]string) {
	fakeserver.WriteJSON(w, http.StatusBadRequest, map[string]any{"Message": "The request is invalid.", "ModelState": problems})
}

// checkOrder holds a written order to what the help page calls mandatory:
// ReceivedIssued, Date, Customer and Currency, and an Item on every row.
// Call with s.mu held.
func (s *Server) checkOrder(o api.Order) map[string][]string {
	p := map[string][]string{}
	add := func(k, msg string) { p["order."+k] = append(p["order."+k], msg) }
	if v := deref.Of(o.ReceivedIssued); v != "P" && v != "I" {
		add("ReceivedIssued", "ReceivedIssued must be P or I.")
	}
	if !o.Date.Valid() {
		add("Date", "The Date field is required.")
	}
	if o.Customer == nil || o.Customer.ID == nil {
		add("Customer", "The Customer field is required.")
	} else if _, ok := s.customers[*o.Customer.ID]; !ok {
		add("Customer", fmt.Sprintf("Customer %d does not exist.", *o.Customer.ID))
	}
	if o.Currency == nil || o.Currency.ID == nil {
		add("Currency", "The Currency field is required.")
	} else if _, ok := s.currencies[*o.Currency.ID]; len(s.currencies) > 0 && !ok {
		add("Currency", fmt.Sprintf("Currency %d does not exist.", *o.Currency.ID))
	}
	for i, row := range deref.Of(o.OrderRows) {
		key := fmt.Sprintf("OrderRows[%d].", i)
		if row.Item == nil || row.Item.ID == nil {
			add(key+"Item", "The Item field is required.")
		} else if _, ok := s.items[*row.Item.ID]; !ok {
			add(key+"Item", fmt.Sprintf("Item %d does not exist.", *row.Item.ID))
		}
		if row.Quantity == nil {
			add(key+"Quantity", "The Quantity field is required.")
		}
	}
	if len(p) == 0 {
		return nil
	}
	return p
}

func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	var o api.Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		s.invalid(w, map[string][]string{"order": {err.Error()}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.checkOrder(o); p != nil {
		s.invalid(w, p)
		return
	}
	id := s.newID()
	o.OrderID = &id
	year := int32(o.Date.Time().Year())
	o.Year, o.Number = &year, new(s.nextNumber(year))
	o.Status = new("O")
	o.DateConfirmed, o.DateCompleted, o.DateCanceled = api.DateTime{}, api.DateTime{}, api.DateTime{}
	keepRowIDs(&o, nil) // Minimax numbers new rows itself
	if o.CustomerName == nil {
		o.CustomerName = s.customers[*o.Customer.ID].Name
	}
	s.stampOrder(&o)
	s.orders[id] = &o
	w.Header().Set("Location", fmt.Sprintf("http://%s%s/api/orgs/%d/orders/%d?id=%d", r.Host, apiPrefix, s.orgID, id, id))
	w.WriteHeader(http.StatusCreated)
}

// nextNumber is the next order number of a year. Call with s.mu held.
func (s *Server) nextNumber(year int32) int32 {
	n := int32(0)
	for _, o := range s.orders {
		if deref.Of(o.Year) == year && deref.Of(o.Number) > n {
			n = deref.Of(o.Number)
		}
	}
	return n + 1
}

// keepRowIDs drops the OrderRowId of every row of o that is not a row of
// cur (all of them when cur is nil), so that stampOrder numbers it as new.
func keepRowIDs(o, cur *api.Order) {
	known := map[int64]bool{}
	if cur != nil {
		for _, r := range deref.Of(cur.OrderRows) {
			known[deref.Of(r.OrderRowID)] = true
		}
	}
	for i := range deref.Of(o.OrderRows) {
		if row := &(*o.OrderRows)[i]; !known[deref.Of(row.OrderRowID)] {
			row.OrderRowID = nil
		}
	}
}

// stampOrder gives an order and its rows new RowVersions, modification
// times, row IDs and back-references. Call with s.mu held.
func (s *Server) stampOrder(o *api.Order) {
	rv, now := s.stamp()
	o.RowVersion, o.RecordDtModified = &rv, now
	rows := deref.Of(o.OrderRows)
	name := fmt.Sprintf("%d-%d", deref.Of(o.Year), deref.Of(o.Number))
	for i := range rows {
		if rows[i].OrderRowID == nil {
			rows[i].OrderRowID = new(s.newID())
		}
		rows[i].Order = ref(deref.Of(o.OrderID), name)
		rrv, _ := s.stamp()
		rows[i].RowVersion, rows[i].RecordDtModified = &rrv, now
		if rows[i].Item != nil && rows[i].Item.ID != nil {
			if it, ok := s.items[*rows[i].Item.ID]; ok {
				rows[i].Item.Name = it.Name
				if rows[i].ItemCode == nil {
					rows[i].ItemCode = it.Code
				}
				if rows[i].ItemName == nil {
					rows[i].ItemName = it.Name
				}
			}
		}
	}
	if o.OrderRows != nil {
		o.OrderRows = &rows
	}
}

func (s *Server) updateOrder(w http.ResponseWriter, r *http.Request) {
	var in api.Order
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		s.invalid(w, map[string][]string{"order": {err.Error()}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.lookupOrder(w, r)
	if !ok {
		return
	}
	if deref.Of(in.RowVersion) != deref.Of(cur.RowVersion) {
		s.core.WriteError(w, http.StatusBadRequest, concurrencyMessage)
		return
	}
	if p := s.checkOrder(in); p != nil {
		s.invalid(w, p)
		return
	}
	// What the help page calls read-only stays as the fake has it.
	in.OrderID, in.Year, in.Number, in.Status = cur.OrderID, cur.Year, cur.Number, cur.Status
	in.DateConfirmed, in.DateCompleted, in.DateCanceled = cur.DateConfirmed, cur.DateCompleted, cur.DateCanceled
	keepRowIDs(&in, cur)
	s.stampOrder(&in)
	*cur = in
	w.WriteHeader(http.StatusOK)
}

func (s *Server) deleteOrder(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.lookupOrder(w, r)
	if !ok {
		return
	}
	delete(s.orders, *o.OrderID)
	w.WriteHeader(http.StatusOK)
}

// transitions are the status changes of the order actions: from which
// statuses, to which.
var transitions = map[string]struct {
	from []string
	to   string
}{
	"confirm":            {[]string{"O"}, "P"},
	"cancelconfirmation": {[]string{"P"}, "O"},
	"complete":           {[]string{"P"}, "Z"},
	"cancelcompletion":   {[]string{"Z"}, "P"},
	"invalidate":         {[]string{"O", "P"}, "R"},
	"cancelinvalidation": {[]string{"R"}, "O"},
}

func (s *Server) orderAction(w http.ResponseWriter, r *http.Request) {
	action := strings.ToLower(fakeserver.PathParam(r, "actionName")) // Minimax matches action names in any case
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.lookupOrder(w, r)
	if !ok {
		return
	}
	if r.URL.Query().Get("rowVersion") != deref.Of(o.RowVersion) {
		s.core.WriteError(w, http.StatusBadRequest, concurrencyMessage)
		return
	}
	before, rowVersion := deref.Of(o.Status), deref.Of(o.RowVersion)
	done := func() {
		s.actions = append(s.actions, Action{OrderID: deref.Of(o.OrderID), Name: action,
			StatusBefore: before, StatusAfter: deref.Of(o.Status), RowVersion: rowVersion})
	}
	switch {
	case r.Method == http.MethodGet && action == "getorderpdf", r.Method == http.MethodPut && action == "generatepdf":
		s.writePDF(w, o)
		done()
		return
	case r.Method == http.MethodPut && action == "createissuedinvoice":
		if st := deref.Of(o.Status); st != "P" && st != "Z" {
			s.core.WriteError(w, http.StatusBadRequest, "Only a confirmed or completed order can become an invoice.")
			return
		}
		rv, now := s.stamp()
		o.RowVersion, o.RecordDtModified = &rv, now
		done()
		w.WriteHeader(http.StatusOK)
		return
	}
	t, known := transitions[action]
	if r.Method != http.MethodPut || !known {
		s.core.WriteError(w, http.StatusBadRequest, fmt.Sprintf("Unknown action %q.", fakeserver.PathParam(r, "actionName")))
		return
	}
	if !slices.Contains(t.from, deref.Of(o.Status)) {
		s.core.WriteError(w, http.StatusBadRequest, fmt.Sprintf("Action %s is not possible on an order in status %s.", action, deref.Of(o.Status)))
		return
	}
	o.Status = new(t.to)
	rv, now := s.stamp()
	o.RowVersion, o.RecordDtModified = &rv, now
	switch action {
	case "confirm":
		o.DateConfirmed = now
	case "cancelconfirmation":
		o.DateConfirmed = api.NullDateTime()
	case "complete":
		o.DateCompleted = now
	case "cancelcompletion":
		o.DateCompleted = api.NullDateTime()
	case "invalidate":
		o.DateCanceled = now
	case "cancelinvalidation":
		o.DateCanceled = api.NullDateTime()
	}
	done()
	w.WriteHeader(http.StatusOK)
}

// writePDF answers with the attachment envelope the vendor's samples read,
// holding a minimal PDF. Call with s.mu held.
func (s *Server) writePDF(w http.ResponseWriter, o *api.Order) {
	name := fmt.Sprintf("Narudzba_%d-%d.pdf", deref.Of(o.Year), deref.Of(o.Number))
	pdf := fmt.Sprintf("%%PDF-1.4\n%% order %d\n%%%%EOF\n", deref.Of(o.OrderID))
	fakeserver.WriteJSON(w, http.StatusOK, map[string]any{"Data": map[string]any{
		"AttachmentData": base64.StdEncoding.EncodeToString([]byte(pdf)), "AttachmentFileName": name,
		"AttachmentMimeType": "application/pdf", "AttachmentDate": s.wallClock()}})
}

func (s *Server) orderSyncCandidates(w http.ResponseWriter, r *http.Request) {
	from, err := optionalDate(r, "RecordDtModifiedFrom")
	to, err2 := optionalDate(r, "RecordDtModifiedTo")
	if err != nil || err2 != nil {
		s.invalid(w, map[string][]string{"RecordDtModified": {"not a date-time"}})
		return
	}
	s.mu.Lock()
	var rows []api.SyncCandidate
	for _, o := range s.sortedOrders() {
		m := o.RecordDtModified.In(s.zone)
		if (from.Valid() && m.Before(from.In(s.zone))) || (to.Valid() && m.After(to.In(s.zone))) {
			continue
		}
		rows = append(rows, api.SyncCandidate{ID: o.OrderID, RecordDtModified: o.RecordDtModified, RowVersion: o.RowVersion})
	}
	s.mu.Unlock()
	writePage(w, r, rows)
}

func optionalDate(r *http.Request, key string) (api.DateTime, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return api.DateTime{}, nil
	}
	return api.ParseDateTime(v)
}

// Now returns the fake's clock, in the organisation's zone.
func (s *Server) Now() time.Time { return s.now().In(s.zone) }
