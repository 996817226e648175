package skyplannertest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// resource describes one collection of the document for the generic
// handlers.
type resource[T any] struct {
	path      string // the document's collection path, "/phaser-orders"
	one, many string // envelope keys, "phaser-order" and "phaser-orders"
	table     *table[T]
	// ops lists the operations the document has: list, create, get,
	// update, delete.
	ops []string
	// check validates and normalises v before it is stored; cur is the
	// stored record on update and nil on create. It may return work to do
	// once v is stored and has its id. s.mu is held.
	check func(v, cur *T) (after func() error, err error)
	// match builds the list filters beyond those every list shares.
	match func(q url.Values) (func(*T) bool, error)
	// created, updated and deleted are the webhook events of its writes;
	// "" sends none.
	created, updated, deleted webhook.EventType
}

func (s *Server) routes() {
	register(s, &resource[api.Customer]{path: "/customers", one: "customer", many: "customers", table: s.customers,
		ops: []string{"list", "create", "get", "update", "delete"}})
	register(s, &resource[api.Order]{path: "/phaser-orders", one: "phaser-order", many: "phaser-orders", table: s.orders,
		ops: []string{"list", "create", "get", "update", "delete"}, check: s.checkOrder, match: matchOrder,
		created: webhook.OrderCreated, updated: webhook.OrderUpdated, deleted: webhook.OrderArchived})
	register(s, &resource[api.OrderRow]{path: "/phaser-order-rows", one: "phaser-order-row", many: "phaser-order-rows", table: s.rows,
		ops: []string{"list", "create", "get", "update", "delete"}, check: s.checkRow, match: s.matchRow,
		created: webhook.OrderRowCreated, updated: webhook.OrderRowUpdated, deleted: webhook.OrderRowDeleted})
	register(s, &resource[api.Product]{path: "/products", one: "product", many: "products", table: s.products,
		ops: []string{"list", "create", "get", "update"}, check: s.checkProduct, match: matchProduct})
	register(s, &resource[api.Saldo]{path: "/saldos", one: "saldo", many: "saldos", table: s.saldos,
		ops: []string{"list", "get"}, match: matchSaldo})
	register(s, &resource[api.Job]{path: "/phaser-jobs", one: "phaser-job", many: "phaser-jobs", table: s.jobs,
		ops: []string{"list", "create", "get", "update", "delete"}, check: s.checkJob, match: matchJob,
		created: webhook.PhaserJobCreated, updated: webhook.PhaserJobUpdated, deleted: webhook.PhaserJobDeleted})
	register(s, &resource[api.Workstage]{path: "/workstages", one: "workstage", many: "workstages", table: s.workstages,
		ops: []string{"list", "create", "get", "update"}, check: s.checkWorkstage})
	register(s, &resource[api.Workstation]{path: "/workstations", one: "workstation", many: "workstations", table: s.workstations,
		ops: []string{"list", "create", "get", "update"}})

	const steps = "/products/jobs/{productId}"
	s.handle("GET", steps, s.listSteps)
	s.handle("POST", steps, s.addStep)
	s.handle("PUT", steps, s.updateStep)
	s.handle("DELETE", steps, s.deleteStep)

	s.handle("POST", "/phaser-orders/export", s.export)
	s.handle("GET", "/jobs", s.listScheduled)
	s.handle("GET", "/jobs/{id}", s.getScheduled)
}

// handle registers an operation behind the token check. The webhook
// events a write queued are delivered once the handler has released s.mu
// and decided its answer, before the answer leaves: the caller sees it
// after the receiver has.
func (s *Server) handle(method, template string, h http.HandlerFunc) {
	s.core.MustHandle(method, template, func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			h(w, r)
			s.deliver()
		}
	})
}

func register[T any](s *Server, res *resource[T]) {
	for _, op := range res.ops {
		switch op {
		case "list":
			s.handle("GET", res.path, listOp(s, res))
		case "create":
			s.handle("POST", res.path, createOp(s, res))
		case "get":
			s.handle("GET", res.path+"/{id}", getOp(s, res))
		case "update":
			s.handle("PUT", res.path+"/{id}", updateOp(s, res))
		case "delete":
			s.handle("DELETE", res.path+"/{id}", deleteOp(s, res))
		default:
			panic("skyplannertest: unknown operation " + op)
		}
	}
}

func listOp[T any](s *Server, res *resource[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := s.listQuery(r.URL.Query())
		s.mu.Lock()
		defer s.mu.Unlock()
		var match func(*T) bool
		if res.match != nil {
			m, err := res.match(q)
			if err != nil {
				s.fail(w, err)
				return
			}
			match = m
		}
		found, err := res.table.filter(q, s.zone, match)
		if err != nil {
			s.fail(w, err)
			return
		}
		s.reply(w, http.StatusOK, res.many, found)
	}
}

// listQuery is the query a list honours: without the filters the fake
// ignores, and with its default limit when none was asked for.
func (s *Server) listQuery(q url.Values) url.Values {
	for _, name := range s.ignored {
		q.Del(name)
	}
	if s.defaultLimit > 0 && !q.Has("limit") {
		q.Set("limit", strconv.Itoa(s.defaultLimit))
	}
	return q
}

func getOp[T any](s *Server, res *resource[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := pathID(r, "id")
		archived, _ := strconv.ParseBool(r.URL.Query().Get("include_archived"))
		s.mu.Lock()
		defer s.mu.Unlock()
		v, ok := res.table.get(id, archived)
		if !ok {
			s.fail(w, notFound("%s %d not found", res.table.noun, id))
			return
		}
		s.reply(w, http.StatusOK, res.one, v)
	}
}

func createOp[T any](s *Server, res *resource[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := new(T)
		if err := decode(r, v); err != nil {
			s.fail(w, err)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		k := res.table.keys(v)
		*k.id = nil
		if k.archive != nil {
			*k.archive = new(false)
		}
		if k.modified != nil {
			*k.modified = s.stamp()
		}
		var after func() error
		if res.check != nil {
			var err error
			if after, err = res.check(v, nil); err != nil {
				s.fail(w, err)
				return
			}
		}
		if err := res.table.add(v); err != nil {
			s.fail(w, err)
			return
		}
		s.emitRecord(res.created, v)
		if after != nil {
			if err := after(); err != nil {
				s.fail(w, err)
				return
			}
		}
		s.reply(w, http.StatusOK, res.one, v)
	}
}

func updateOp[T any](s *Server, res *resource[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := pathID(r, "id")
		body, err := io.ReadAll(r.Body)
		if err != nil {
			s.fail(w, badRequest("reading the body: %v", err))
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		cur, ok := res.table.get(id, false)
		if !ok {
			s.fail(w, notFound("%s %d not found", res.table.noun, id))
			return
		}
		v, err := merge(cur, body)
		if err != nil {
			s.fail(w, err)
			return
		}
		k, ck := res.table.keys(v), res.table.keys(cur)
		*k.id = *ck.id
		if k.archive != nil {
			*k.archive = *ck.archive
		}
		if k.modified != nil {
			*k.modified = s.stamp()
		}
		var after func() error
		if res.check != nil {
			if after, err = res.check(v, cur); err != nil {
				s.fail(w, err)
				return
			}
		}
		res.table.rows[id] = v
		s.emitRecord(res.updated, v)
		if after != nil {
			if err := after(); err != nil {
				s.fail(w, err)
				return
			}
		}
		s.reply(w, http.StatusOK, res.one, v)
	}
}

// deleteOp archives a record that can be archived and deletes any other for
// good.
func deleteOp[T any](s *Server, res *resource[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := pathID(r, "id")
		s.mu.Lock()
		defer s.mu.Unlock()
		v, ok := res.table.get(id, false)
		if !ok {
			s.fail(w, notFound("%s %d not found", res.table.noun, id))
			return
		}
		k := res.table.keys(v)
		if k.archive == nil {
			delete(res.table.rows, id)
		} else {
			*k.archive = new(true)
			if k.modified != nil {
				*k.modified = s.stamp()
			}
			s.emitRecord(res.deleted, v)
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// reply answers v under the envelope key. In bare mode the key rides along
// in a header the bare wrapper strips with the envelope, after the core has
// checked the enveloped answer against the document.
func (s *Server) reply(w http.ResponseWriter, status int, key string, v any) {
	if s.bare {
		w.Header().Set(envelopeHeader, key)
	}
	fakeserver.WriteJSON(w, status, map[string]any{key: v})
}

// fail answers an error: a *problem with its status, anything else 500.
func (s *Server) fail(w http.ResponseWriter, err error) {
	var p *problem
	if errors.As(err, &p) {
		s.core.WriteError(w, p.status, p.msg)
		return
	}
	s.core.WriteError(w, http.StatusInternalServerError, "skyplannertest: "+err.Error())
}

// decode reads a JSON body the core has already checked against the
// document.
func decode(r *http.Request, v any) error {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		return badRequest("the body is not valid JSON for this operation: %v", err)
	}
	return nil
}

func pathID(r *http.Request, name string) int64 {
	id, _ := strconv.ParseInt(fakeserver.PathParam(r, name), 10, 64)
	return id
}

// stamp is the modified time of a change made now.
func (s *Server) stamp() *api.DateTime { return new(api.NewDateTime(s.Now())) }

// inZone writes a date the way the service does: with an offset, in the
// fake's zone. A date without one is a wall-clock time there.
func (s *Server) inZone(d *api.DateTime) *api.DateTime {
	if d == nil || !d.Valid() {
		return d
	}
	return new(api.NewDateTime(d.In(s.zone)))
}

// emitRecord queues event about v, unless the resource sends none. Call
// with s.mu held.
func (s *Server) emitRecord(event webhook.EventType, v any) {
	if event != "" {
		s.emit(event, v)
	}
}
