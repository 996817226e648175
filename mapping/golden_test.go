package mapping

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	mmapi "github.com/planbridge/planbridge/minimax/api"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// orgInURL finds the organisation in the Minimax URLs of an order.
var orgInURL = regexp.MustCompile(`/api/orgs/(\d+)/`)

// goldenCase is testdata/<name>.order.json, mapped with the options in
// <name>.options.json (the defaults when there is none), for the organisation
// in its URLs (testOrg when it has none). The expected plan is in
// <name>.golden.json; an order that must fail has its error text in
// <name>.golden.txt instead.
type goldenCase struct {
	name  string
	order []byte
	opts  Options
	org   int64
}

func loadGoldenCases(t testing.TB) []goldenCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.order.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	var cases []goldenCase
	for _, f := range files {
		c := goldenCase{name: strings.TrimSuffix(filepath.Base(f), ".order.json"), org: testOrg}
		if c.order, err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
		if m := orgInURL.FindSubmatch(c.order); m != nil {
			c.org, _ = strconv.ParseInt(string(m[1]), 10, 64)
		}
		switch b, err := os.ReadFile(filepath.Join("testdata", c.name+".options.json")); {
		case err == nil:
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&c.opts); err != nil {
				t.Fatalf("%s.options.json: %v", c.name, err)
			}
		case !errors.Is(err, fs.ErrNotExist):
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	return cases
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, c := range loadGoldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var o mmapi.Order
			if err := json.Unmarshal(c.order, &o); err != nil {
				t.Fatalf("%s.order.json: %v", c.name, err)
			}
			plan, err := mustMapper(t, c.opts).MapOrder(c.org, o)
			jsonFile := filepath.Join("testdata", c.name+".golden.json")
			txtFile := filepath.Join("testdata", c.name+".golden.txt")
			got, goldenFile, staleFile := []byte(nil), jsonFile, txtFile
			if err != nil {
				if _, ok := fieldErrors(err); !ok {
					t.Errorf("error is not made of *FieldErrors: %v", err)
				}
				got, goldenFile, staleFile = []byte(err.Error()+"\n"), txtFile, jsonFile
			} else if got, err = json.MarshalIndent(plan, "", "  "); err != nil {
				t.Fatal(err)
			} else {
				got = append(got, '\n')
			}
			if *update {
				if err := os.WriteFile(goldenFile, got, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(staleFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it, then review it)", err)
			}
			if _, err := os.Stat(staleFile); err == nil {
				t.Errorf("%s exists too; the case has either a plan or an error", staleFile)
			}
			if goldenFile == txtFile {
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", goldenFile, diff)
				}
				return
			}
			// Plans compare as JSON values, so key order and spacing do not matter.
			var wantV, gotV any
			if err := json.Unmarshal(want, &wantV); err != nil {
				t.Fatalf("%s: %v", goldenFile, err)
			}
			if err := json.Unmarshal(got, &gotV); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("%s (-want +got):\n%s", goldenFile, diff)
			}
		})
	}
}
