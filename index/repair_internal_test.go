package index

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// TestPanicAtUseRebuilds makes the first search of a real on-disk index
// panic, as zapx does on a segment damaged after Open: the search is
// answered from the rebuilt index, the user is told once, and the index is
// a new one (a new generation).
func TestPanicAtUseRebuilds(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var msgs []string
	x, err := Open(t.TempDir(), Options{Notify: func(m string) { mu.Lock(); msgs = append(msgs, m); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.Add(ctx, []news.Document{doc("A", "Calling for peace is cheap", "Yun Sun")}); err != nil {
		t.Fatal(err)
	}
	gen := x.gen
	var calls atomic.Int32
	var hits uint64
	err = x.withIndex(ctx, func(idx bleve.Index) error {
		if calls.Add(1) == 1 {
			var s []int
			_ = s[int(hits)+3] // an index out of range: a runtime panic, as in zapx
		}
		q := bleve.NewMatchQuery("peace")
		q.SetField(fQuoteText)
		res, err := idx.Search(bleve.NewSearchRequest(q))
		if err == nil {
			hits = res.Total
		}
		return err
	})
	if err != nil {
		t.Fatalf("search after the panic: %v", err)
	}
	if calls.Load() != 2 || hits == 0 {
		t.Errorf("calls = %d, hits = %d; want the search run again on the rebuilt index", calls.Load(), hits)
	}
	if x.gen == gen {
		t.Error("the index was not replaced")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(msgs) != 1 || !strings.Contains(msgs[0], "index out of range") || !strings.Contains(msgs[0], "rebuilt from articles.db (1 article)") {
		t.Errorf("notices = %q", msgs)
	}
}

// TestSearchDuringRebuild: a search that finds a rebuild running and cannot
// wait for it gets an answer saying so, matching news.ErrUnavailable; an Add
// meanwhile is stored and indexed by the rebuild.
func TestSearchDuringRebuild(t *testing.T) {
	ctx := context.Background()
	x, err := Open(t.TempDir(), Options{RebuildWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// Hold the writer lock so that the rebuild cannot start before the
	// search has seen it pending.
	x.wmu.Lock()
	x.startRepair(x.gen, "test damage")
	_, err = x.SearchQuotes(ctx, news.QuoteQuery{Text: "peace"})
	if !errors.Is(err, news.ErrUnavailable) || !strings.Contains(err.Error(), "being rebuilt") {
		t.Errorf("search during the rebuild: %v", err)
	}
	x.wmu.Unlock()
	if _, err := x.Add(ctx, []news.Document{doc("B", "Zebras are striped horses", "Ann Lee")}); err != nil {
		t.Fatal(err)
	}
	x.opts.RebuildWait = time.Minute
	hits, err := x.SearchQuotes(ctx, news.QuoteQuery{Text: "zebras striped"})
	if err != nil || len(hits) != 1 {
		t.Errorf("after the rebuild: %v, %v", hits, err)
	}
}

// TestPanicOrigin: a panic in bbolt is damage to the store; one in
// newsbot's own code is not (a restore would not help).
func TestPanicOrigin(t *testing.T) {
	x, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	err = x.view(func(tx *bolt.Tx) error {
		var s []int
		_ = s[tx.Bucket(bucketArticles).Stats().KeyN+3] // a bug of ours
		return nil
	})
	if err == nil || errors.Is(err, news.ErrDamaged) || !strings.Contains(err.Error(), "not found damaged") {
		t.Errorf("our own panic: %v", err)
	}
	err = x.view(func(tx *bolt.Tx) error {
		tx.Bucket([]byte("no such bucket")).Get([]byte("k")) // a nil bucket: bbolt panics
		return nil
	})
	var se *StoreError
	if !errors.As(err, &se) {
		t.Errorf("bbolt's panic: %v", err)
	}
}
