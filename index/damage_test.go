package index_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"newsbot/index"
	"newsbot/news"
)

// notes collects the messages an Index gives its Notify option.
type notes struct {
	mu  sync.Mutex
	msg []string
}

func (n *notes) add(m string) { n.mu.Lock(); n.msg = append(n.msg, m); n.mu.Unlock() }

func (n *notes) all() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.msg...)
}

// segments returns the zap segment files of the index in dir.
func segments(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "index.bleve", "store", "*.zap"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no segments in %s (%v)", dir, err)
	}
	return files
}

// overwrite writes junk over n bytes of file at off (negative: from the end).
func overwrite(t *testing.T, file string, off int64, n int) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if off < 0 {
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		off += st.Size()
	}
	junk := make([]byte, n)
	for i := range junk {
		junk[i] = byte(i*131 + 7)
	}
	if _, err := f.WriteAt(junk, off); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedIndexRebuiltAtOpen damages the index's segment files in the
// ways a disk or an operator can, and checks that the next Open rebuilds
// the index from the store, answers as before and tells the user once.
func TestDamagedIndexRebuiltAtOpen(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, seg string)
		want   string // in the notice
	}{
		{"bytes overwritten in the middle", func(t *testing.T, seg string) { overwrite(t, seg, 2000, 64) }, "checksum"},
		{"footer overwritten (zapx panics on it)", func(t *testing.T, seg string) { overwrite(t, seg, -300, 64) }, "checksum"},
		{"truncated", func(t *testing.T, seg string) {
			if err := os.Truncate(seg, 1000); err != nil {
				t.Fatal(err)
			}
		}, "checksum"},
		{"truncated to nothing", func(t *testing.T, seg string) {
			if err := os.Truncate(seg, 0); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		{"missing", func(t *testing.T, seg string) {
			if err := os.Remove(seg); err != nil {
				t.Fatal(err)
			}
		}, "damaged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			x := mustOpen(t, dir)
			peace, climate := peaceDoc(), climateDoc()
			addOK(t, x, peace, climate)
			x.Close()
			for _, seg := range segments(t, dir) {
				tc.damage(t, seg)
			}
			var n notes
			x, err := index.Open(dir, index.Options{Notify: n.add})
			if err != nil {
				t.Fatalf("Open after damage: %v", err)
			}
			defer x.Close()
			hits := searchQuotes(t, x, news.QuoteQuery{Text: "calling for peace is cheap"})
			if len(hits) == 0 || hits[0].Quote.Speaker != "Yun Sun" {
				t.Errorf("after the rebuild: %v", speakers(hits))
			}
			if hits := searchQuotes(t, x, news.QuoteQuery{Text: "climate crisis"}); len(hits) != 1 {
				t.Errorf("climate article: %d hits", len(hits))
			}
			msgs := n.all()
			if len(msgs) != 1 || !strings.Contains(msgs[0], tc.want) || !strings.Contains(msgs[0], "rebuilt from articles.db (2 articles)") {
				t.Errorf("notices = %q, want one naming %q and the rebuild", msgs, tc.want)
			}
			x.Close()
			// Sound again: the next Open says nothing.
			var again notes
			x2, err := index.Open(dir, index.Options{Notify: again.add})
			if err != nil {
				t.Fatal(err)
			}
			defer x2.Close()
			if m := again.all(); len(m) != 0 {
				t.Errorf("second Open notices %q", m)
			}
		})
	}
}

// TestDamagedStoreIsAClearError overwrites pages of articles.db: Open (or
// the first read) fails with a *StoreError naming the file, never a panic,
// and the file is left as it was.
func TestDamagedStoreIsAClearError(t *testing.T) {
	for _, tc := range []struct {
		name string
		off  int64
	}{
		{"meta pages", 0},
		{"data pages", 4096 * 2},
		{"last pages", -4096 * 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			x := mustOpen(t, dir)
			addOK(t, x, peaceDoc(), climateDoc())
			x.Close()
			db := filepath.Join(dir, "articles.db")
			// Every page of the range, so that whatever bbolt reads first is junk.
			st, _ := os.Stat(db)
			off := tc.off
			if off < 0 {
				off += st.Size()
			}
			for p := off; p < off+4096*2 && p < st.Size(); p += 4096 {
				overwrite(t, db, p, 4096)
			}
			before, _ := os.ReadFile(db)
			ctx := context.Background()
			x, err := index.Open(dir, index.Options{})
			if err == nil {
				_, err = x.List(ctx, news.Everything, 0)
				if err == nil {
					_, err = x.Since(ctx, news.Everything, t0.Add(-1), t0.Add(48*60*60*1e9))
				}
				x.Close()
			}
			if err == nil {
				t.Skip("this damage went unnoticed by bbolt (free pages)")
			}
			var se *index.StoreError
			if !errors.As(err, &se) || !errors.Is(err, news.ErrDamaged) {
				t.Fatalf("err = %v (%T), want a *index.StoreError", err, err)
			}
			msg := err.Error()
			for _, want := range []string{db, "damaged", "newsbot restore", "newsbot check"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q lacks %q", msg, want)
				}
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, ".go:") {
				t.Errorf("error carries a stack trace: %q", msg)
			}
			// The failed Open let go of the file: a second one (a restore,
			// in a long-lived process) is not refused as "in use".
			if x, err := index.Open(dir, index.Options{}); errors.Is(err, news.ErrLocked) {
				t.Errorf("second Open: %v", err)
			} else if err == nil {
				x.Close()
			}
			after, _ := os.ReadFile(db)
			if string(before) != string(after) {
				t.Error("the damaged store was modified")
			}
		})
	}
}
