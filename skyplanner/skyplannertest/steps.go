package skyplannertest

import (
	"encoding/json"
	"github.com/planbridge/planbridge/internal/deref"
	"io"
	"net/http"
	"slices"
	"strconv"

	"github.com/planbridge/planbridge/skyplanner/api"
)

// A product's default steps have no id of their own: the product and the
// step's order_number address them. They are kept in order_number order,
// and every change to them stamps the product's modified.

func (s *Server) listSteps(w http.ResponseWriter, r *http.Request) {
	pid := pathID(r, "productId")
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.products.live(pid) {
		s.fail(w, notFound("product %d not found", pid))
		return
	}
	steps := s.steps[pid]
	if steps == nil {
		steps = []api.ProductStep{}
	}
	s.reply(w, http.StatusOK, "product-jobs", steps)
}

func (s *Server) addStep(w http.ResponseWriter, r *http.Request) {
	pid := pathID(r, "productId")
	var st api.ProductStep
	if err := decode(r, &st); err != nil {
		s.fail(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.addStepLocked(pid, &st); err != nil {
		s.fail(w, err)
		return
	}
	s.reply(w, http.StatusOK, "product-job", st)
}

// addStepLocked adds a step, numbering it after the last when it has no
// order_number. Call with s.mu held.
func (s *Server) addStepLocked(pid int64, st *api.ProductStep) error {
	if !s.products.live(pid) {
		return notFound("product %d not found", pid)
	}
	if err := s.stepRefs(st); err != nil {
		return err
	}
	steps := s.steps[pid]
	if st.OrderNumber == nil {
		n := int32(1)
		if len(steps) > 0 {
			n = deref.Of(steps[len(steps)-1].OrderNumber) + 1
		}
		st.OrderNumber = &n
	}
	if _, found := findStep(steps, *st.OrderNumber); found {
		return &problem{http.StatusConflict, "order_number: product " + strconv.FormatInt(pid, 10) +
			" already has step " + strconv.Itoa(int(*st.OrderNumber)) + "; change it with PUT"}
	}
	steps = append(steps, *st)
	slices.SortStableFunc(steps, func(a, b api.ProductStep) int { return int(deref.Of(a.OrderNumber)) - int(deref.Of(b.OrderNumber)) })
	s.steps[pid] = steps
	s.touchProduct(pid)
	return nil
}

func (s *Server) updateStep(w http.ResponseWriter, r *http.Request) {
	pid := pathID(r, "productId")
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.fail(w, badRequest("reading the body: %v", err))
		return
	}
	var sel struct {
		OrderNumber *int32 `json:"order_number"`
	}
	if err := json.Unmarshal(body, &sel); err != nil {
		s.fail(w, badRequest("the body is not valid JSON for this operation: %v", err))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.products.live(pid) {
		s.fail(w, notFound("product %d not found", pid))
		return
	}
	if sel.OrderNumber == nil {
		s.fail(w, badRequest("order_number is required: it selects the step to update"))
		return
	}
	steps := s.steps[pid]
	i, found := findStep(steps, *sel.OrderNumber)
	if !found {
		s.fail(w, notFound("product %d has no step with order_number %d", pid, *sel.OrderNumber))
		return
	}
	st, err := merge(&steps[i], body)
	if err == nil {
		err = s.stepRefs(st)
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	steps[i] = *st
	s.touchProduct(pid)
	s.reply(w, http.StatusOK, "product-job", st)
}

func (s *Server) deleteStep(w http.ResponseWriter, r *http.Request) {
	pid := pathID(r, "productId")
	n, _ := strconv.ParseInt(r.URL.Query().Get("order_number"), 10, 32)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.products.live(pid) {
		s.fail(w, notFound("product %d not found", pid))
		return
	}
	i, found := findStep(s.steps[pid], int32(n))
	if !found {
		s.fail(w, notFound("product %d has no step with order_number %d", pid, n))
		return
	}
	s.steps[pid] = slices.Delete(s.steps[pid], i, i+1)
	s.touchProduct(pid)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) stepRefs(st *api.ProductStep) error {
	if st.PhaserWorkstageID != nil && s.workstages.rows[*st.PhaserWorkstageID] == nil {
		return badRequest("phaser_workstage_id: workstage %d does not exist", *st.PhaserWorkstageID)
	}
	return s.workstationRefs(st.Workstations)
}

func findStep(steps []api.ProductStep, n int32) (int, bool) {
	i := slices.IndexFunc(steps, func(st api.ProductStep) bool { return deref.Of(st.OrderNumber) == n })
	return i, i >= 0
}

func (s *Server) touchProduct(pid int64) {
	if p := s.products.rows[pid]; p != nil {
		p.Modified = s.stamp()
	}
}
