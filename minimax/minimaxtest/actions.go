package minimaxtest

import "slices"

// Action is one order custom action the fake carried out, as Actions
// returns it. Actions it refused (a stale rowVersion, a status the action
// does not start from, an unknown name) are not recorded, so a test can
// show that an action ran exactly once however often it was tried.
type Action struct {
	// OrderID is the order the action ran on.
	OrderID int64
	// Name is the action name lower-cased, as the fake matched it
	// ("complete", "createissuedinvoice", "getorderpdf").
	Name string
	// StatusBefore and StatusAfter are the order's Status around the
	// action; they are equal for actions that do not move it (the PDF
	// actions, createissuedinvoice).
	StatusBefore, StatusAfter string
	// RowVersion is the rowVersion the request carried.
	RowVersion string
}

// Actions returns the order actions carried out so far, oldest first.
func (s *Server) Actions() []Action {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.actions)
}
