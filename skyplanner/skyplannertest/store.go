package skyplannertest

import (
	"encoding/json"
	"fmt"
	"github.com/planbridge/planbridge/internal/deref"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// table holds the records of one resource by id. Call its methods with
// s.mu held.
type table[T any] struct {
	noun string // "phaser order", for messages
	next int64  // the last id given
	rows map[int64]*T
	keys func(*T) keys
}

// keys points into a record at the fields every resource handles alike.
// A nil pointer is a field the resource does not have.
type keys struct {
	id       **int64
	external **string
	modified **api.DateTime
	archive  **bool
}

func newTable[T any](noun string, first int64, k func(*T) keys) *table[T] {
	return &table[T]{noun: noun, next: first - 1, rows: map[int64]*T{}, keys: k}
}

func customerKeys(v *api.Customer) keys {
	return keys{id: &v.ID, external: &v.ExternalID, modified: &v.Modified}
}

func orderKeys(v *api.Order) keys {
	return keys{id: &v.ID, external: &v.ExternalID, modified: &v.Modified, archive: &v.IsArchive}
}

func rowKeys(v *api.OrderRow) keys {
	return keys{id: &v.ID, external: &v.ExternalID, modified: &v.Modified, archive: &v.IsArchive}
}

func productKeys(v *api.Product) keys {
	return keys{id: &v.ID, external: &v.ExternalID, modified: &v.Modified}
}

func saldoKeys(v *api.Saldo) keys { return keys{id: &v.ID} }

func jobKeys(v *api.Job) keys {
	return keys{id: &v.ID, external: &v.ExternalID, modified: &v.Modified, archive: &v.IsArchive}
}

func workstageKeys(v *api.Workstage) keys { return keys{id: &v.ID, external: &v.ExternalID} }

func workstationKeys(v *api.Workstation) keys { return keys{id: &v.ID, external: &v.ExternalID} }

func scheduledKeys(v *api.ScheduledJob) keys { return keys{id: &v.ID} }

func (t *table[T]) archived(v *T) bool {
	a := t.keys(v).archive
	return a != nil && deref.Of(*a)
}

// add stores v under a new id, or under its own when it has one (seed
// data); an id in use is an error.
func (t *table[T]) add(v *T) error {
	k := t.keys(v)
	id := deref.Of(*k.id)
	switch {
	case id <= 0:
		t.next++
		id = t.next
	case t.rows[id] != nil:
		return fmt.Errorf("%s %d: the id is used twice", t.noun, id)
	case id > t.next:
		t.next = id
	}
	*k.id = &id
	t.rows[id] = v
	return nil
}

// get returns the record with id; an archived one only when archived is
// true.
func (t *table[T]) get(id int64, archived bool) (*T, bool) {
	v, ok := t.rows[id]
	if !ok || (!archived && t.archived(v)) {
		return nil, false
	}
	return v, true
}

// live reports whether a record with id exists and is not archived.
func (t *table[T]) live(id int64) bool { return t.has(id, false) }

// has reports whether a record with id exists; an archived one counts only
// when archived is true.
func (t *table[T]) has(id int64, archived bool) bool {
	_, ok := t.get(id, archived)
	return ok
}

// sorted returns the records in id order.
func (t *table[T]) sorted() []*T {
	ids := slices.Sorted(maps.Keys(t.rows))
	out := make([]*T, len(ids))
	for i, id := range ids {
		out[i] = t.rows[id]
	}
	return out
}

// copies returns copies of every record, in id order.
func (t *table[T]) copies() []T {
	all := t.sorted()
	out := make([]T, len(all))
	for i, v := range all {
		out[i] = clone(v)
	}
	return out
}

// copyOf returns a copy of the record with id, archived or not.
func (t *table[T]) copyOf(id int64) (T, bool) {
	v, ok := t.rows[id]
	if !ok {
		var zero T
		return zero, false
	}
	return clone(v), true
}

// filter applies the filters every list shares (include_archived,
// external_id, modified with modifiedCondition, limit) and match to the
// records, in id order. A filter on a field the resource lacks does not
// apply: the document does not offer it there.
func (t *table[T]) filter(q url.Values, zone *time.Location, match func(*T) bool) ([]*T, error) {
	includeArchived, _ := strconv.ParseBool(q.Get("include_archived"))
	modified, err := queryTime(q, "modified", zone)
	if err != nil {
		return nil, err
	}
	out := []*T{}
	for _, v := range t.sorted() {
		k := t.keys(v)
		switch {
		case !includeArchived && t.archived(v):
			continue
		case k.external != nil && q.Has("external_id") && deref.Of(*k.external) != q.Get("external_id"):
			continue
		case k.modified != nil && !modified.IsZero() && !compareTime(*k.modified, modified, q.Get("modifiedCondition")):
			continue
		case match != nil && !match(v):
			continue
		}
		out = append(out, v)
	}
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n >= 0 && n < len(out) {
		out = out[:n]
	}
	return out, nil
}

// queryTime reads a date-time query parameter; a value without an offset
// is a wall-clock time in zone. It is the zero time when absent.
func queryTime(q url.Values, name string, zone *time.Location) (time.Time, error) {
	s := q.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	d, err := api.ParseDateTime(s)
	if err != nil {
		return time.Time{}, &problem{400, fmt.Sprintf("query parameter %s: %v", name, err)}
	}
	return d.In(zone), nil
}

// compareTime reports whether the record's time d stands in relation cond
// (> < >= <= = !=, default >=) to t. A record without the time never
// matches.
func compareTime(d *api.DateTime, t time.Time, cond string) bool {
	if d == nil || !d.Valid() {
		return false
	}
	c := d.Time().Compare(t)
	switch cond {
	case ">":
		return c > 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case "=":
		return c == 0
	case "!=":
		return c != 0
	}
	return c >= 0
}

// clone copies a record through its JSON form, so no pointer of the copy
// reaches the fake's state.
func clone[T any](v *T) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		panic(fmt.Sprintf("skyplannertest: copying a %T: %v", v, err)) // the fake's own records always round-trip
	}
	return out
}

// merge is PUT's partial update: the body's members replace the record's,
// the rest stay.
func merge[T any](cur *T, body []byte) (*T, error) {
	base, err := json.Marshal(cur)
	if err != nil {
		return nil, err
	}
	var m, patch map[string]json.RawMessage
	if err := json.Unmarshal(base, &m); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(body, &patch); err != nil {
		return nil, &problem{400, "the body is not a JSON object: " + err.Error()}
	}
	maps.Copy(m, patch)
	merged, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := json.Unmarshal(merged, out); err != nil {
		return nil, &problem{400, err.Error()}
	}
	return out, nil
}

// problem is an answer other than 2xx, with the message the body carries.
type problem struct {
	status int
	msg    string
}

func (p *problem) Error() string { return p.msg }

func badRequest(format string, args ...any) error {
	return &problem{400, fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &problem{404, fmt.Sprintf(format, args...)}
}
