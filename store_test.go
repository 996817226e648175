package planbridge_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/planbridge/planbridge"
)

func TestFileStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := planbridge.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(t.Context())
	if err != nil || !cmp.Equal(got, planbridge.State{}) {
		t.Fatalf("a missing file loads as %+v, %v; want the zero state", got, err)
	}
	want := planbridge.State{
		Watermark: planbridge.Watermark{Since: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC),
			Done: map[int64]string{7870: "AAAAAAAAAAE="}, Pending: map[int64]planbridge.Pending{7871: {RowVersion: "x", Export: true}}},
		Budget: []time.Time{time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)},
	}
	if err := s.Save(t.Context(), want); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Load(t.Context()); err != nil || !cmp.Equal(want, got) {
		t.Errorf("loaded %+v, %v; want %+v", got, err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files after a save, want only the state", len(entries))
	}

	// A torn or foreign file is an error naming it, never a fresh start.
	if err := os.WriteFile(path, []byte(`{"watermark": {"since": "tom`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(t.Context()); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a torn file loads with %v; want an error naming %s", err, path)
	}
	// A save into a directory that is gone fails and leaves nothing behind.
	gone, _ := planbridge.NewFileStore(filepath.Join(dir, "missing", "state.json"))
	if err := gone.Save(t.Context(), want); err == nil {
		t.Error("a save into a missing directory succeeded")
	}
}

func TestMemoryStoreKeepsCopies(t *testing.T) {
	t.Parallel()
	var s planbridge.MemoryStore
	st := planbridge.State{Watermark: planbridge.Watermark{Done: map[int64]string{1: "a"}}}
	if err := s.Save(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	st.Watermark.Done[1] = "changed"
	got, _ := s.Load(t.Context())
	if got.Watermark.Done[1] != "a" {
		t.Errorf("the store shares the caller's map: %v", got.Watermark.Done)
	}
}

func TestLocalLocker(t *testing.T) {
	t.Parallel()
	l := planbridge.NewLocalLocker()
	unlock, err := l.Lock(t.Context(), "k")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := l.Lock(ctx, "k"); !errors.Is(err, context.Canceled) {
		t.Errorf("a held key with a cancelled context: %v", err)
	}
	other, err := l.Lock(t.Context(), "other")
	if err != nil {
		t.Fatal(err)
	}
	other()
	got := make(chan struct{})
	go func() {
		u, err := l.Lock(context.Background(), "k")
		if err == nil {
			u()
		}
		close(got)
	}()
	unlock()
	unlock() // a second call is harmless
	<-got
}
