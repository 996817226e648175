package skyplanner

import (
	"context"
	"iter"
	"net/http"

	"github.com/planbridge/planbridge/internal/pager"
	"github.com/planbridge/planbridge/skyplanner/api"
)

// WorkstationFilter narrows ListWorkstations. Zero fields do not filter.
type WorkstationFilter struct {
	// ExternalID keeps workstations with this integrator's key.
	ExternalID string
	// Limit caps the number returned; 0 leaves it to the service.
	Limit int
}

// GetWorkstation reads a workstation by its SkyPlanner id, which is how a
// scheduled job part's PlannedWorkstationID becomes a machine's name.
func (c *Client) GetWorkstation(ctx context.Context, id int64) (Workstation, error) {
	resp, err := c.api.GetWorkstation(ctx, id)
	return one[Workstation](c, "skyplanner.GetWorkstation", "workstation", resp, err)
}

// ListWorkstations yields the workstations that pass f, from a single
// request made when the sequence is ranged over.
func (c *Client) ListWorkstations(ctx context.Context, f WorkstationFilter) iter.Seq2[Workstation, error] {
	return c.listWorkstations(ctx, "skyplanner.ListWorkstations", f)
}

// FindWorkstationByExternalID returns the one workstation with the
// integrator's key externalID. None is an error matching ErrNotFound;
// several is an *AmbiguousError.
func (c *Client) FindWorkstationByExternalID(ctx context.Context, externalID string) (Workstation, error) {
	const op = "skyplanner.FindWorkstationByExternalID"
	if err := checkExternalID(externalID); err != nil {
		return Workstation{}, c.fail(op, err)
	}
	seq := c.listWorkstations(ctx, op, WorkstationFilter{ExternalID: externalID})
	return find(op, externalID, seq, func(v Workstation) (*string, *int64) { return v.ExternalID, v.ID })
}

func (c *Client) listWorkstations(ctx context.Context, op string, f WorkstationFilter) iter.Seq2[Workstation, error] {
	limit, err := limitParam(f.Limit)
	if err != nil {
		return pager.Failed[Workstation](c.fail(op, err))
	}
	p := &api.ListWorkstationsParams{ExternalID: stringParam(f.ExternalID), Limit: limit}
	return list[Workstation](ctx, c, op, "workstations", func(ctx context.Context) (*http.Response, error) {
		return c.api.ListWorkstations(ctx, p)
	})
}
