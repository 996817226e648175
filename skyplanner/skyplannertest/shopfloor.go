package skyplannertest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/planbridge/planbridge/internal/deref"
	"github.com/planbridge/planbridge/skyplanner/api"
	"github.com/planbridge/planbridge/skyplanner/webhook"
)

// The statuses a job passes through on the shop floor. "new" is what the
// API gives a job; the others are the fake's reading of the vendor's
// JOB_STARTED, JOB_PAUSED, JOB_RESUMED and JOB_COMPLETED events.
const (
	JobStatusNew       = "new"
	JobStatusStarted   = "started"
	JobStatusPaused    = "paused"
	JobStatusCompleted = "completed"
)

// ErrNotFound is matched by the error of a shop-floor control given a job,
// row or order that does not exist or is archived.
var ErrNotFound = errors.New("skyplannertest: not found")

// ErrNotExported is matched by the error of a shop-floor control given a
// job that is not in production scheduling: its order was never exported,
// or the job was added since.
var ErrNotExported = errors.New("skyplannertest: not exported to production scheduling")

// ErrTransition is matched by every *TransitionError.
var ErrTransition = errors.New("skyplannertest: job status does not allow this")

// TransitionError is a shop-floor control the job's status does not allow:
// pausing a job that is not started, completing one twice.
type TransitionError struct {
	// JobID is the phaser job's id.
	JobID int64
	// Action is the control: "start", "pause", "resume" or "complete".
	Action string
	// Status is the job's status.
	Status string
	// From are the statuses the action starts from.
	From []string
}

// Error names the job, the action, its status and the statuses the action
// starts from.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("skyplannertest: cannot %s phaser job %d: its status is %q, and only a job in status %s can %s",
		e.Action, e.JobID, e.Status, strings.Join(e.From, " or "), e.Action)
}

// Is matches ErrTransition.
func (e *TransitionError) Is(target error) bool { return target == ErrTransition }

// move is one shop-floor control: the statuses it starts from, the one it
// leaves, and the event it sends.
type move struct {
	action string
	from   []string
	to     string
	event  webhook.EventType
}

var (
	startMove    = move{"start", []string{JobStatusNew}, JobStatusStarted, webhook.JobStarted}
	pauseMove    = move{"pause", []string{JobStatusStarted}, JobStatusPaused, webhook.JobPaused}
	resumeMove   = move{"resume", []string{JobStatusPaused}, JobStatusStarted, webhook.JobResumed}
	completeMove = move{"complete", []string{JobStatusNew, JobStatusStarted, JobStatusPaused}, JobStatusCompleted, webhook.JobCompleted}
)

// StartJob starts the phaser job id on the shop floor: "new" → "started".
// The job must be live and exported. It sends JOB_STARTED, and
// PHASER_ORDER_ROW_UPDATED when the row's status changes with it.
func (s *Server) StartJob(id int64) error { return s.shopFloor(id, startMove) }

// PauseJob pauses a started job: "started" → "paused"; JOB_PAUSED.
func (s *Server) PauseJob(id int64) error { return s.shopFloor(id, pauseMove) }

// ResumeJob resumes a paused job: "paused" → "started"; JOB_RESUMED.
func (s *Server) ResumeJob(id int64) error { return s.shopFloor(id, resumeMove) }

// CompleteJob finishes a job: → "completed"; JOB_COMPLETED. A new job is
// started and finished at once (JOB_STARTED, then JOB_COMPLETED).
// Completing a completed job is a *TransitionError and sends nothing, so
// one completion makes one JOB_COMPLETED.
func (s *Server) CompleteJob(id int64) error { return s.shopFloor(id, completeMove) }

func (s *Server) shopFloor(id int64, m move) error {
	return s.act(func() error { return s.moveJob(id, m) })
}

// act runs change with s.mu held, then delivers the events it queued.
func (s *Server) act(change func() error) error {
	s.mu.Lock()
	err := change()
	s.mu.Unlock()
	s.deliver()
	return err
}

// CompleteRow completes every live job of the order row rowID that is not
// completed yet, in order_number order; completed ones are left alone, so
// completing a row twice changes nothing the second time. The row must be
// live and have live jobs, all exported; when one is not, nothing changes.
func (s *Server) CompleteRow(rowID int64) error {
	return s.act(func() error { return s.completeRow(rowID) })
}

// CompleteOrder completes the jobs of every live row of the phaser order
// id, row by row in row_index order, as CompleteRow does; rows without
// live jobs are passed over. Every job must be exported; when one is not,
// nothing changes.
func (s *Server) CompleteOrder(id int64) error {
	return s.act(func() error { return s.completeOrder(id) })
}

func (s *Server) completeOrder(id int64) error {
	if !s.orders.live(id) {
		return fmt.Errorf("CompleteOrder: phaser order %d: %w", id, ErrNotFound)
	}
	var rows []int64
	for _, row := range s.rowsOf(id) {
		if !s.rows.archived(row) && len(s.liveJobs(deref.Of(row.ID))) > 0 {
			rows = append(rows, deref.Of(row.ID))
		}
	}
	for _, rowID := range rows {
		if err := s.exported(rowID); err != nil {
			return fmt.Errorf("CompleteOrder(%d): %w", id, err)
		}
	}
	for _, rowID := range rows {
		if err := s.completeRow(rowID); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) completeRow(rowID int64) error {
	if !s.rows.live(rowID) {
		return fmt.Errorf("CompleteRow: phaser order row %d: %w", rowID, ErrNotFound)
	}
	if err := s.exported(rowID); err != nil {
		return fmt.Errorf("CompleteRow(%d): %w", rowID, err)
	}
	for _, job := range s.liveJobs(rowID) {
		if jobStatus(job) == JobStatusCompleted {
			continue
		}
		if err := s.moveJob(deref.Of(job.ID), completeMove); err != nil {
			return err
		}
	}
	return nil
}

// exported checks that a row has live jobs and that all are exported.
func (s *Server) exported(rowID int64) error {
	jobs := s.liveJobs(rowID)
	if len(jobs) == 0 {
		return fmt.Errorf("phaser order row %d has no live jobs: %w", rowID, ErrNotFound)
	}
	for _, job := range jobs {
		if _, err := s.scheduledOf(job); err != nil {
			return err
		}
	}
	return nil
}

// liveJobs returns the row's jobs that are not archived, in order_number
// order.
func (s *Server) liveJobs(rowID int64) []*api.Job {
	return slices.DeleteFunc(s.jobsOf(rowID), s.jobs.archived)
}

// moveJob applies m to the job id and queues its events. Call with s.mu
// held.
func (s *Server) moveJob(id int64, m move) error {
	job, ok := s.jobs.get(id, false)
	if !ok {
		return fmt.Errorf("%s phaser job %d: %w", m.action, id, ErrNotFound)
	}
	sj, err := s.scheduledOf(job)
	if err != nil {
		return fmt.Errorf("%s: %w", m.action, err)
	}
	status := jobStatus(job)
	if !slices.Contains(m.from, status) {
		return &TransitionError{JobID: id, Action: m.action, Status: status, From: m.from}
	}
	if m.to == JobStatusCompleted && status == JobStatusNew {
		s.setJobStatus(job, sj, startMove)
	}
	s.setJobStatus(job, sj, m)
	return nil
}

// scheduledOf returns the scheduled job of an exported job.
func (s *Server) scheduledOf(job *api.Job) (*api.ScheduledJob, error) {
	sj := s.scheduled.rows[deref.Of(job.ProductionPlanningJobID)]
	if sj == nil {
		return nil, fmt.Errorf("phaser job %d: %w", deref.Of(job.ID), ErrNotExported)
	}
	return sj, nil
}

// setJobStatus moves the job and its scheduled job to m.to, queues m's
// event and derives the row's status anew.
func (s *Server) setJobStatus(job *api.Job, sj *api.ScheduledJob, m move) {
	job.Status, job.Modified = new(m.to), s.stamp()
	setStatus(sj, m.to)
	s.emit(m.event, withParts(sj, true))
	s.deriveRow(deref.Of(job.PhaserOrderRowID))
}

// deriveRow sets a live row's status from its live jobs: "completed" when
// all are, "started" when any has begun, else as it was. A change stamps
// the row and sends PHASER_ORDER_ROW_UPDATED.
func (s *Server) deriveRow(rowID int64) {
	row, ok := s.rows.get(rowID, false)
	if !ok {
		return
	}
	jobs := s.liveJobs(rowID)
	begun, done := 0, 0
	for _, job := range jobs {
		switch jobStatus(job) {
		case JobStatusCompleted:
			done++
			begun++
		case JobStatusStarted, JobStatusPaused:
			begun++
		}
	}
	status := deref.Of(row.Status)
	switch {
	case len(jobs) > 0 && done == len(jobs):
		status = api.OrderRowStatusCompleted
	case begun > 0:
		status = api.OrderRowStatusStarted
	}
	if status == deref.Of(row.Status) {
		return
	}
	row.Status, row.Modified = new(status), s.stamp()
	s.emit(webhook.OrderRowUpdated, row)
}

// jobStatus is a job's status, "new" when it has none.
func jobStatus(job *api.Job) string {
	if st := deref.Of(job.Status); st != "" {
		return st
	}
	return JobStatusNew
}

// setStatus writes a scheduled job's "status", a field the document does
// not model.
func setStatus(sj *api.ScheduledJob, status string) {
	if sj.AdditionalProperties == nil {
		sj.AdditionalProperties = map[string]api.Unmodelled{}
	}
	b, _ := json.Marshal(status) // a string always marshals
	sj.AdditionalProperties["status"] = b
}
