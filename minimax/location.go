package minimax

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// CreateUnconfirmedError is a create Minimax accepted (201) whose answer
// does not say which record it made: Minimax answers a create with only a
// Location header, and this one had none, or one without an ID. The record
// was probably created, so do not simply create it again: look it up first.
// It matches ErrCreateUnconfirmed, as the SkyPlanner client's
// CreateUnconfirmedError does.
type CreateUnconfirmedError struct {
	// Operation is the create, as "minimax.CreateOrder".
	Operation string
	// Location is the Location header received; empty if there was none.
	Location string
}

// Error quotes the Location and says to look the record up first.
func (e *CreateUnconfirmedError) Error() string {
	return fmt.Sprintf("%s: the record was created but its ID cannot be read from Location %q; look it up before creating it again", e.Operation, e.Location)
}

// Is makes a CreateUnconfirmedError match ErrCreateUnconfirmed.
func (e *CreateUnconfirmedError) Is(target error) bool { return target == ErrCreateUnconfirmed }

// idFromLocation reads a new record's ID from the Location of a 201, such as
// https://moj.minimax.si/SI/API/api/orgs/183818/items/7299224?id=7299224:
// the last path segment, or else the id query parameter.
func idFromLocation(op, location string) (int64, error) {
	u, err := url.Parse(location)
	if err != nil || location == "" {
		return 0, &CreateUnconfirmedError{Operation: op, Location: location}
	}
	last := u.Path[strings.LastIndex(u.Path, "/")+1:]
	if id, err := strconv.ParseInt(last, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	if id, err := strconv.ParseInt(u.Query().Get("id"), 10, 64); err == nil && id > 0 {
		return id, nil
	}
	return 0, &CreateUnconfirmedError{Operation: op, Location: location}
}
