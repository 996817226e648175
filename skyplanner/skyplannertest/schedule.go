package skyplannertest

import (
	"cmp"
	"encoding/json"
	"github.com/planbridge/planbridge/internal/deref"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/planbridge/planbridge/internal/fakeserver"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// DefaultJobDuration is how long the plan makes a job whose settingtime and
// duration add up to nothing.
const DefaultJobDuration = time.Hour

// export copies the orders' live jobs into production scheduling and plans
// them; see the package documentation for the rules.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	var req api.ExportRequest
	if err := decode(r, &req); err != nil {
		s.fail(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ids, err := s.exportable(req.Ids)
	if err != nil {
		s.fail(w, err)
		return
	}
	planned := s.plan(ids)
	if planned == nil {
		planned = []int64{}
	}
	// The answer is undocumented (ExportResult keeps it whole); this one
	// says what was exported and which scheduled jobs it made.
	fakeserver.WriteJSON(w, http.StatusOK, map[string]any{"phaser_order_ids": ids, "jobs": planned})
}

// exportable checks the ids of an export and drops repeats. Call with s.mu
// held.
func (s *Server) exportable(ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, badRequest("ids is empty: name at least one phaser order to export")
	}
	var out []int64
	for i, id := range ids {
		if !s.orders.live(id) {
			return nil, badRequest("ids[%d]: phaser order %d does not exist", i, id)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// work is one job to plan, with what it belongs to.
type work struct {
	job   *api.Job
	row   *api.OrderRow
	order *api.Order
}

// plan (re)plans the jobs of the orders and returns the scheduled jobs'
// ids. Call with s.mu held.
func (s *Server) plan(orders []int64) []int64 {
	var todo []work
	replanned := map[int64]bool{}
	for _, oid := range orders {
		order := s.orders.rows[oid]
		for _, row := range s.rowsOf(oid) {
			if !s.rows.archived(row) && row.ProductionPlanningOrderRowID == nil {
				// Every live row is copied, with jobs or without.
				s.nextPlanRow++
				row.ProductionPlanningOrderRowID, row.Modified = new(s.nextPlanRow), s.stamp()
			}
			for _, job := range s.jobsOf(deref.Of(row.ID)) {
				live := !s.orders.archived(order) && !s.rows.archived(row) && !s.jobs.archived(job)
				if live {
					todo = append(todo, work{job, row, order})
					replanned[deref.Of(job.ID)] = true
				} else if job.ProductionPlanningJobID != nil {
					// Archived since the last export: out of scheduling.
					delete(s.scheduled.rows, *job.ProductionPlanningJobID)
					delete(s.planOf, *job.ProductionPlanningJobID)
					job.ProductionPlanningJobID, job.Modified = nil, s.stamp()
				}
			}
		}
	}

	// What stays planned keeps its workstations busy.
	free := map[int64]time.Time{}
	for sid, sj := range s.scheduled.rows {
		if replanned[s.planOf[sid]] {
			continue
		}
		for _, p := range deref.Of(sj.JobParts) {
			if ws, end := deref.Of(p.PlannedWorkstationID), timeOf(p.PlannedEndTime); ws != 0 && end.After(free[ws]) {
				free[ws] = end
			}
		}
	}

	start := s.Now()
	var out []int64
	ready := map[int64]time.Time{} // by row: when its next job may start
	for _, wk := range todo {
		rowID := deref.Of(wk.row.ID)
		at, ok := ready[rowID]
		if !ok {
			at = latest(start, timeOf(wk.order.StartEligibilityDate), timeOf(wk.row.StartEligibilityDate))
		}
		at = latest(at, timeOf(wk.job.StartEligibilityDate))
		ws := s.workstationOf(wk.job)
		if ws != 0 {
			at = latest(at, free[ws])
		}
		d := seconds(deref.Of(wk.job.Settingtime) + deref.Of(wk.job.Duration))
		if d <= 0 {
			d = DefaultJobDuration
		}
		end := at.Add(d)
		if ws != 0 {
			free[ws] = end
		}
		ready[rowID] = end.Add(seconds(deref.Of(wk.job.Settletime)))

		part := api.JobPart{
			PlannedStartTime: new(api.NewDateTime(at.In(s.zone))), PlannedEndTime: new(api.NewDateTime(end.In(s.zone))),
			PlannedDuration: new(d.Seconds()), IsPlanned: new(true),
		}
		if ws != 0 {
			part.PlannedWorkstationID = new(ws)
		}
		sj := &api.ScheduledJob{
			StartTime: part.PlannedStartTime, EndTime: part.PlannedEndTime, JobParts: &[]api.JobPart{part},
			AdditionalProperties: map[string]api.Unmodelled{
				"phaser_job_id":       json.RawMessage(strconv.FormatInt(deref.Of(wk.job.ID), 10)),
				"phaser_order_row_id": json.RawMessage(strconv.FormatInt(rowID, 10)),
				"phaser_order_id":     json.RawMessage(strconv.FormatInt(deref.Of(wk.order.ID), 10)),
			},
		}
		setStatus(sj, jobStatus(wk.job)) // a job planned anew keeps its progress
		if wk.job.Name != nil {
			name, _ := json.Marshal(*wk.job.Name)
			sj.AdditionalProperties["name"] = name
		}
		if id := deref.Of(wk.job.ProductionPlanningJobID); id != 0 && s.scheduled.rows[id] != nil {
			sj.ID = &id
			s.scheduled.rows[id] = sj
		} else {
			_ = s.scheduled.add(sj) // a new scheduled job has no id yet, so add cannot fail
		}
		s.planOf[*sj.ID] = deref.Of(wk.job.ID)
		wk.job.ProductionPlanningJobID, wk.job.Modified = new(*sj.ID), s.stamp()
		out = append(out, *sj.ID)
	}
	return out
}

// rowsOf returns an order's rows, archived ones too, in row_index order.
func (s *Server) rowsOf(orderID int64) []*api.OrderRow {
	var out []*api.OrderRow
	for _, r := range s.rows.sorted() {
		if deref.Of(r.PhaserOrderID) == orderID {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b *api.OrderRow) int { return cmp.Compare(deref.Of(a.RowIndex), deref.Of(b.RowIndex)) })
	return out
}

// jobsOf returns a row's jobs, archived ones too, in order_number order.
func (s *Server) jobsOf(rowID int64) []*api.Job {
	var out []*api.Job
	for _, j := range s.jobs.sorted() {
		if deref.Of(j.PhaserOrderRowID) == rowID {
			out = append(out, j)
		}
	}
	slices.SortStableFunc(out, func(a, b *api.Job) int { return cmp.Compare(deref.Of(a.OrderNumber), deref.Of(b.OrderNumber)) })
	return out
}

// workstationOf is where a job is planned: its first workstation, else its
// workstage's first, else none (0).
func (s *Server) workstationOf(j *api.Job) int64 {
	if ws := deref.Of(j.Workstations); len(ws) > 0 {
		return ws[0]
	}
	if st := s.workstages.rows[deref.Of(j.PhaserWorkstageID)]; st != nil {
		if ws := deref.Of(st.Workstations); len(ws) > 0 {
			return ws[0]
		}
	}
	return 0
}

func (s *Server) listScheduled(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	parts, _ := strconv.ParseBool(q.Get("job_parts"))
	s.mu.Lock()
	defer s.mu.Unlock()
	found, err := s.scheduled.filter(q, s.zone, nil)
	if err != nil {
		s.fail(w, err)
		return
	}
	out := make([]api.ScheduledJob, len(found))
	for i, sj := range found {
		out[i] = withParts(sj, parts)
	}
	s.reply(w, http.StatusOK, "jobs", out)
}

func (s *Server) getScheduled(w http.ResponseWriter, r *http.Request) {
	id := pathID(r, "id")
	parts, _ := strconv.ParseBool(r.URL.Query().Get("job_parts"))
	s.mu.Lock()
	defer s.mu.Unlock()
	sj, ok := s.scheduled.get(id, false)
	if !ok {
		s.fail(w, notFound("scheduled job %d not found", id))
		return
	}
	s.reply(w, http.StatusOK, "job", withParts(sj, parts))
}

// withParts is the scheduled job as answered: its parts only when asked
// for with job_parts=true.
func withParts(sj *api.ScheduledJob, parts bool) api.ScheduledJob {
	out := *sj
	if !parts {
		out.JobParts = nil
	}
	return out
}

func timeOf(d *api.DateTime) time.Time {
	if d == nil || !d.Valid() {
		return time.Time{}
	}
	return d.Time()
}

func latest(ts ...time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if t.After(out) {
			out = t
		}
	}
	return out
}

func seconds(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }
