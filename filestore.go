package planbridge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// FileStore keeps the State in a JSON file. A save writes a temporary file
// beside it, flushes it to disk and renames it over the old one, so a crash
// at any moment leaves either the old state or the new, never a torn file.
type FileStore struct {
	path string
	mu   sync.Mutex
}

// NewFileStore returns a store at path. The directory must exist; the file
// is created by the first save.
func NewFileStore(path string) (*FileStore, error) {
	if path == "" {
		return nil, errors.New("planbridge: file store: empty path")
	}
	return &FileStore{path: path}, nil
}

// Load implements Store. A missing file is the zero State; a file that is
// not a state is an error that names it (it is never silently replaced).
func (f *FileStore) Load(context.Context) (State, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("planbridge: file store: %w", err)
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return State{}, fmt.Errorf("planbridge: file store %s: not a saved state: %w", f.path, err)
	}
	return s, nil
}

// Save implements Store.
func (f *FileStore) Save(_ context.Context, s State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("planbridge: file store: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := writeAtomic(f.path, b); err != nil {
		return fmt.Errorf("planbridge: file store: %w", err)
	}
	return nil
}

// writeAtomic replaces path with data so that a reader, or a process
// started after a crash, sees the old content or the new one whole.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The rename is durable only once the directory is flushed too; not
	// every system can flush a directory, so this part is best effort.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
