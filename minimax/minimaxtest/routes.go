package minimaxtest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/minimax/api"
)

const orgs = "/api/orgs/{organisationId}"

func (s *Server) routes() {
	s.core.MustHandle("GET", "/api/currentuser/orgs", s.auth(false, s.listOrganisations))

	s.core.MustHandle("GET", orgs+"/orders", s.auth(true, s.listOrders))
	s.core.MustHandle("POST", orgs+"/orders", s.auth(true, s.createOrder))
	s.core.MustHandle("GET", orgs+"/orders/{orderId}", s.auth(true, s.getOrder))
	s.core.MustHandle("PUT", orgs+"/orders/{orderId}", s.auth(true, s.updateOrder))
	s.core.MustHandle("DELETE", orgs+"/orders/{orderId}", s.auth(true, s.deleteOrder))
	s.core.MustHandle("PUT", orgs+"/orders/{orderId}/actions/{actionName}", s.auth(true, s.orderAction))
	s.core.MustHandle("GET", orgs+"/orders/{orderId}/actions/{actionName}", s.auth(true, s.orderAction))
	s.core.MustHandle("GET", orgs+"/orders/synccandidates", s.auth(true, s.orderSyncCandidates))

	codeList(s, "customers", "customerId", func() map[int64]api.Customer { return s.customers },
		func(c api.Customer) string { return deref.Of(c.Code) }, func(c api.Customer) string { return deref.Of(c.Name) }, customerRow)
	codeList(s, "items", "itemId", func() map[int64]api.Item { return s.items },
		func(i api.Item) string { return deref.Of(i.Code) }, func(i api.Item) string { return deref.Of(i.Name) }, itemRow)
	codeList(s, "countries", "countryId", func() map[int64]api.Country { return s.countries },
		func(c api.Country) string { return deref.Of(c.Code) }, func(c api.Country) string { return deref.Of(c.Name) }, same)
	codeList(s, "currencies", "currencyId", func() map[int64]api.Currency { return s.currencies },
		func(c api.Currency) string { return deref.Of(c.Code) }, func(c api.Currency) string { return deref.Of(c.Name) }, same)
	s.core.MustHandle("GET", orgs+"/report-templates", s.auth(true, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		all := sortedValues(s.templates)
		s.mu.Unlock()
		writePage(w, r, filterSearch(r, all, func(t api.ReportTemplate) string { return deref.Of(t.Name) + " " + deref.Of(t.DisplayType) }))
	}))
	s.core.MustHandle("GET", orgs+"/report-templates/{reportTemplateId}", s.auth(true, byID(s, "reportTemplateId", func() map[int64]api.ReportTemplate { return s.templates })))
}

// auth wraps a handler with the bearer check and, for organisation paths,
// the organisation check.
func (s *Server) auth(orgPath bool, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r) || (orgPath && orgMismatch(s, w, r)) {
			return
		}
		h(w, r)
	}
}

func (s *Server) listOrganisations(w http.ResponseWriter, r *http.Request) {
	row := api.UserOrganisation{Organisation: ref(s.orgID, s.orgName), APIAccess: new("D"), MobileAccess: new("N")}
	writePage(w, r, []api.UserOrganisation{row})
}

// codeList serves a code list: list (paged, SearchString), by id, by code.
// The list's rows are the records in the shape row gives them: for some
// lists the vendor's document has a search shape of its own.
func codeList[T, R any](s *Server, collection, idParam string, records func() map[int64]T, code, name func(T) string, row func(T) R) {
	base := orgs + "/" + collection
	s.core.MustHandle("GET", base, s.auth(true, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		all := sortedValues(records())
		s.mu.Unlock()
		found := filterSearch(r, all, func(v T) string { return code(v) + " " + name(v) })
		rows := make([]R, len(found))
		for i, v := range found {
			rows[i] = row(v)
		}
		writePage(w, r, rows)
	}))
	s.core.MustHandle("GET", base+"/{"+idParam+"}", s.auth(true, byID(s, idParam, records)))
	s.core.MustHandle("GET", base+"/code({code})", s.auth(true, func(w http.ResponseWriter, r *http.Request) {
		want := fakeserver.PathParam(r, "code")
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, v := range sortedValues(records()) {
			if strings.EqualFold(code(v), want) {
				fakeserver.WriteJSON(w, http.StatusOK, v)
				return
			}
		}
		s.core.WriteError(w, http.StatusNotFound, fmt.Sprintf("No record with code %q.", want))
	}))
}

func byID[T any](s *Server, param string, records func() map[int64]T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(fakeserver.PathParam(r, param), 10, 64)
		s.mu.Lock()
		v, ok := records()[id]
		s.mu.Unlock()
		if !ok {
			s.core.WriteError(w, http.StatusNotFound, "Record not found.")
			return
		}
		fakeserver.WriteJSON(w, http.StatusOK, v)
	}
}

// sortedValues returns a map's values by ascending key, for stable lists.
func sortedValues[T any](m map[int64]T) []T {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func filterSearch[T any](r *http.Request, all []T, text func(T) string) []T {
	q := strings.ToLower(r.URL.Query().Get("SearchString"))
	if q == "" {
		return all
	}
	var out []T
	for _, v := range all {
		if strings.Contains(strings.ToLower(text(v)), q) {
			out = append(out, v)
		}
	}
	return out
}

// searchResult is the paging envelope every Minimax list answers with.
type searchResult[T any] struct {
	Rows              []T   `json:"Rows"`
	TotalRows         int64 `json:"TotalRows"`
	CurrentPageNumber int64 `json:"CurrentPageNumber"`
	PageSize          int64 `json:"PageSize"`
}

// writePage answers one page of all, as CurrentPage and PageSize ask
// (defaults 1 and 100).
func writePage[T any](w http.ResponseWriter, r *http.Request, all []T) {
	q := r.URL.Query()
	page, size := atoiOr(q.Get("CurrentPage"), 1), atoiOr(q.Get("PageSize"), 100)
	if page < 1 {
		page = 1
	}
	if size < 1 {
		size = 100
	}
	from := min((page-1)*size, len(all))
	to := min(from+size, len(all))
	rows := all[from:to]
	if rows == nil {
		rows = []T{}
	}
	fakeserver.WriteJSON(w, http.StatusOK, searchResult[T]{Rows: rows, TotalRows: int64(len(all)), CurrentPageNumber: int64(page), PageSize: int64(size)})
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

func cloneOrder(o *api.Order) api.Order {
	b, _ := json.Marshal(o)
	var c api.Order
	_ = json.Unmarshal(b, &c)
	return c
}

func byOrderID(a, b api.Order) int { return cmp.Compare(deref.Of(a.OrderID), deref.Of(b.OrderID)) }
