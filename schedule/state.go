package schedule

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"time"
)

// dateLayout is how the date of the last post is stored: the channel's
// local date.
const dateLayout = "2006-01-02"

// state is what the state file holds.
type state struct {
	Channels map[string]entry `json:"channels"`
}

// entry is one channel's settings and posting record.
type entry struct {
	// Time and Zone are set by Set; empty means the channel follows the
	// default from the environment (when it is the default channel).
	Time string `json:"time,omitempty"`
	Zone string `json:"zone,omitempty"`
	// SetBy is the Slack user id of who set the summary up: told when a
	// day's summary fails.
	SetBy string `json:"set_by,omitempty"`
	// Off is set by Off: no summary here, even for the default channel.
	Off bool `json:"off,omitempty"`
	// Since is when the current setting took effect: a slot before it is
	// not caught up on (setting 08:30 at 10:00 posts tomorrow, not now).
	Since time.Time `json:"since,omitzero"`
	// LastDate is the channel's local date of the last post (or of the last
	// day found empty): that day is done.
	LastDate string `json:"last_date,omitempty"`
	// LastTo is the end of the period of the last digest: the next digest
	// starts there.
	LastTo time.Time `json:"last_to,omitzero"`
}

func (s state) clone() state {
	return state{Channels: maps.Clone(s.Channels)}
}

// loadState reads the state file; a missing file is an empty state.
func loadState(path string) (state, error) {
	st := state{Channels: map[string]entry{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("read summary state: %w", err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("read summary state %s: %w (fix or remove the file: it only holds summary settings)", path, err)
	}
	if st.Channels == nil {
		st.Channels = map[string]entry{}
	}
	return st, nil
}

// saveState writes the state file atomically: a temporary file in the same
// directory, synced, renamed over the old one, and the directory synced, so
// a crash leaves either the old or the new state, never half of one.
func saveState(path string, st state) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("encode summary state: %w", err)
	}
	b = append(b, '\n')
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write summary state: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write summary state: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing to remove
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write summary state: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write summary state: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write summary state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write summary state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		// Best effort: some file systems cannot sync a directory.
		_ = d.Sync()
		d.Close()
	}
	return nil
}
