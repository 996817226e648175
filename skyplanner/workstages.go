package skyplanner

import (
	"context"
	"iter"
	"net/http"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// WorkstageFilter narrows ListWorkstages. Zero fields do not filter.
type WorkstageFilter struct {
	// ExternalID keeps workstages with this integrator's key.
	ExternalID string
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// CreateWorkstage creates a workstage, the kind of work a job is. Jobs must
// name one, so create workstages before the jobs that use them.
func (c *Client) CreateWorkstage(ctx context.Context, ws Workstage) (Workstage, error) {
	resp, err := c.api.CreateWorkstage(ctx, ws)
	return created[Workstage](c, "skyplanner.CreateWorkstage", "workstage", ws.ExternalID, resp, err)
}

// GetWorkstage reads a workstage by its SkyPlanner id.
func (c *Client) GetWorkstage(ctx context.Context, id int64) (Workstage, error) {
	resp, err := c.api.GetWorkstage(ctx, id)
	return one[Workstage](c, "skyplanner.GetWorkstage", "workstage", resp, err)
}

// UpdateWorkstage writes ws to the record with id.
func (c *Client) UpdateWorkstage(ctx context.Context, id int64, ws Workstage) (Workstage, error) {
	const op = "skyplanner.UpdateWorkstage"
	if err := checkSameID(id, ws.ID); err != nil {
		return Workstage{}, c.fail(op, err)
	}
	resp, err := c.api.UpdateWorkstage(ctx, id, ws)
	return one[Workstage](c, op, "workstage", resp, err)
}

// ListWorkstages yields the workstages that pass f, from a single request
// made when the sequence is ranged over.
func (c *Client) ListWorkstages(ctx context.Context, f WorkstageFilter) iter.Seq2[Workstage, error] {
	return c.listWorkstages(ctx, "skyplanner.ListWorkstages", f)
}

// FindWorkstageByExternalID returns the one workstage with the integrator's
// key externalID. None is an error matching ErrNotFound; several is an
// *AmbiguousError.
func (c *Client) FindWorkstageByExternalID(ctx context.Context, externalID string) (Workstage, error) {
	const op = "skyplanner.FindWorkstageByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Workstage{}, c.fail(op, err)
	}
	seq := c.listWorkstages(ctx, op, WorkstageFilter{ExternalID: externalID})
	return find(op, externalID, seq, func(v Workstage) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listWorkstages(ctx context.Context, op string, f WorkstageFilter) iter.Seq2[Workstage, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Workstage](c.fail(op, err))
	}
	p := &api.ListWorkstagesParams{ExternalID: stringParam(f.ExternalID), Limit: limit}
	return list[Workstage](ctx, c, op, "workstages", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListWorkstages(ctx, p)
	})
}
