package index

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"

	"newsbot/news"
)

// TestDiskFullOnAdd injects the error a full (or read-only) disk gives
// into the store's write transaction: Add fails with an error naming the
// data directory, nothing is stored or indexed, the store stays sound and
// the next Add, once the disk has room, succeeds.
func TestDiskFullOnAdd(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		errno syscall.Errno
		want  string
	}{
		{syscall.ENOSPC, "is full"},
		{syscall.EROFS, "read-only file system"},
		{syscall.EDQUOT, "quota"},
	} {
		t.Run(tc.errno.Error(), func(t *testing.T) {
			dir := t.TempDir()
			x, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			kept := doc("Kept", "Sound words before the disk filled", "Ann Lee")
			if _, err := x.Add(ctx, []news.Document{kept}); err != nil {
				t.Fatal(err)
			}
			x.failWrite = func() error { return tc.errno }
			lost := doc("Lost", "Words that found no room", "Bo Chan")
			errs, err := x.Add(ctx, []news.Document{lost})
			var de *DiskError
			if !errors.As(err, &de) || !errors.Is(err, tc.errno) || errs != nil {
				t.Fatalf("Add on a full disk = %v, %v; want a *DiskError", errs, err)
			}
			if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, tc.want) || !strings.Contains(msg, "nothing was stored") {
				t.Errorf("error %q should name %s and say %q", msg, dir, tc.want)
			}
			x.failWrite = nil
			if _, err := x.Get(ctx, lost.Article.ID); !errors.Is(err, news.ErrNotFound) {
				t.Errorf("the refused article is stored: %v", err)
			}
			if hits, _ := x.SearchQuotes(ctx, news.QuoteQuery{Text: "found no room"}); len(hits) != 0 {
				t.Errorf("the refused article is indexed: %v", hits)
			}
			if n, _ := x.Count(ctx); n != 1 {
				t.Errorf("Count = %d, want 1", n)
			}
			if errs, err := x.Add(ctx, []news.Document{lost}); err != nil || errs[0] != nil {
				t.Fatalf("Add once the disk has room: %v %v", errs, err)
			}
			x.Close()
			r, err := Check(ctx, dir, Options{})
			if err != nil || !r.Sound() || r.Articles != 2 {
				t.Errorf("check after the failure: %+v, %v", r, err)
			}
		})
	}
}
