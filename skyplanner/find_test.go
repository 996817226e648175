package skyplanner_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge/skyplanner"
)

// finder runs one Find...ByExternalID and returns the id it found.
type finder struct {
	name, path, key string
	find            func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error)
}

var finders = []finder{
	{"FindCustomerByExternalID", "/customers", "customers", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindCustomerByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindOrderByExternalID", "/phaser-orders", "phaser-orders", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindOrderByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindOrderRowByExternalID", "/phaser-order-rows", "phaser-order-rows", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindOrderRowByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindJobByExternalID", "/phaser-jobs", "phaser-jobs", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindJobByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindProductByExternalID", "/products", "products", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindProductByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindWorkstageByExternalID", "/workstages", "workstages", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindWorkstageByExternalID(ctx, ext)
		return v.ID, err
	}},
	{"FindWorkstationByExternalID", "/workstations", "workstations", func(ctx context.Context, c *skyplanner.Client, ext string) (*int64, error) {
		v, err := c.FindWorkstationByExternalID(ctx, ext)
		return v.ID, err
	}},
}

func TestFindByExternalID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		records string
		wantID  int64
		check   func(t *testing.T, op string, err error)
	}{
		{"no match", `[]`, 0, func(t *testing.T, op string, err error) {
			if !errors.Is(err, skyplanner.ErrNotFound) {
				t.Errorf("err = %v; want ErrNotFound", err)
			}
		}},
		{"one match", `[{"id":3,"external_id":"ERP-1"}]`, 3, nil},
		// A service that ignores the filter answers with everything; only
		// the record that really has the key counts.
		{"filter ignored", `[{"id":1,"external_id":"ERP-10"},{"id":3,"external_id":"ERP-1"},{"id":4}]`, 3, nil},
		{"filter ignored, no match", `[{"id":1,"external_id":"ERP-10"},{"id":4}]`, 0, func(t *testing.T, op string, err error) {
			if !errors.Is(err, skyplanner.ErrNotFound) {
				t.Errorf("err = %v; want ErrNotFound", err)
			}
		}},
		{"two matches", `[{"id":3,"external_id":"ERP-1"},{"id":8,"external_id":"ERP-1"}]`, 0, func(t *testing.T, op string, err error) {
			var amb *skyplanner.AmbiguousError
			if !errors.As(err, &amb) {
				t.Fatalf("err = %v; want an *AmbiguousError", err)
			}
			want := &skyplanner.AmbiguousError{Operation: op, ExternalID: "ERP-1", IDs: []int64{3, 8}}
			if diff := cmp.Diff(want, amb); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if errors.Is(err, skyplanner.ErrNotFound) {
				t.Error("an ambiguous match must not read as not found")
			}
		}},
	}
	for _, fd := range finders {
		for _, tt := range tests {
			t.Run(fd.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				f, c := newFake(t)
				f.reply(http.MethodGet, fd.path, http.StatusOK, `{"`+fd.key+`":`+tt.records+`}`)
				id, err := fd.find(t.Context(), c, "ERP-1")
				if tt.check != nil {
					tt.check(t, "skyplanner."+fd.name, err)
				} else if err != nil || id == nil || *id != tt.wantID {
					t.Errorf("found id %v, err %v; want id %d", id, err, tt.wantID)
				}
				if got := f.only().Query.Get("external_id"); got != "ERP-1" {
					t.Errorf("external_id = %q", got)
				}
			})
		}
	}
}

func TestFindRefusesAnEmptyExternalID(t *testing.T) {
	t.Parallel()
	for _, fd := range finders {
		f, c := newFake(t)
		_, err := fd.find(t.Context(), c, "")
		if !errors.Is(err, skyplanner.ErrValidation) {
			t.Errorf("%s(\"\"): err = %v; want ErrValidation", fd.name, err)
		}
		if n := len(f.requests()); n != 0 {
			t.Errorf("%s(\"\"): %d requests", fd.name, n)
		}
	}
}

func TestFindPassesListErrorsOn(t *testing.T) {
	t.Parallel()
	f, c := newFake(t)
	f.reply(http.MethodGet, "/customers", http.StatusUnauthorized, `{"message":"bad token"}`)
	_, err := c.FindCustomerByExternalID(t.Context(), "C-1")
	var apiErr *skyplanner.APIError
	if !errors.As(err, &apiErr) || apiErr.Operation != "skyplanner.FindCustomerByExternalID" || errors.Is(err, skyplanner.ErrNotFound) {
		t.Errorf("err = %v; want the 401 as an APIError of FindCustomerByExternalID", err)
	}
}
