package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// maxFindings bounds the findings of one check: a badly damaged file
// yields thousands of them and the first ones say enough.
const maxFindings = 20

// Report is the result of Check.
type Report struct {
	// Articles, Quotes and Sentences are what the store holds (when it
	// could be read).
	Articles, Quotes, Sentences int
	// Documents is the number of documents in the search index (when it
	// could be opened).
	Documents uint64
	// Pending is the number of articles whose last change is not yet
	// confirmed in the index; the next start indexes them.
	Pending int
	// Store and Index list what is wrong with articles.db and index.bleve;
	// empty when sound.
	Store, Index []string
}

// Sound reports whether the check found nothing wrong.
func (r Report) Sound() bool { return len(r.Store) == 0 && len(r.Index) == 0 }

// Check verifies the data directory without changing it: the store with
// bbolt's consistency check and by reading every article, and the index
// by its segment checksums and by looking up every stored article in it.
// It returns an error (news.ErrLocked) when another process uses the
// directory: stop it, or ask it for a backup and check that.
func Check(ctx context.Context, dir string, opts Options) (Report, error) {
	var r Report
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	path := filepath.Join(dir, storeFile)
	if _, err := os.Stat(path); err != nil {
		return r, fmt.Errorf("no article store in %s: %w", dir, err)
	}
	ids, want, err := checkStore(ctx, path, opts, &r)
	if err != nil {
		return r, err
	}
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	checkIndex(ctx, filepath.Join(dir, indexDir), ids, want, &r)
	return r, ctx.Err()
}

// checkStore checks articles.db and returns the ids of its articles and
// the number of index documents they should make (want < 0: unknown).
func checkStore(ctx context.Context, path string, opts Options, r *Report) (ids []string, want int64, err error) {
	want = -1
	db, err := openBolt(path, bolt.Options{Timeout: opts.LockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, want, &lockedError{dir: filepath.Dir(path)}
	}
	if err != nil {
		r.Store = append(r.Store, fmt.Sprintf("%s cannot be opened: %v", storeFile, err))
		return nil, want, nil
	}
	defer db.Close()
	add := func(format string, args ...any) {
		if len(r.Store) < maxFindings {
			r.Store = append(r.Store, fmt.Sprintf(format, args...))
		}
	}
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			// Every page read here first: bbolt's check runs in a
			// goroutine of its own, where a panic would end the process.
			if err := walkStore(tx); err != nil {
				return err
			}
			for e := range tx.Check() {
				add("%s: %v", storeFile, e)
			}
			return nil
		})
	})
	if err != nil {
		add("%s: the consistency check failed: %v", storeFile, err)
	}
	if len(r.Store) > 0 {
		return nil, want, nil // reading records of a damaged file proves nothing more
	}
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			for _, b := range allBuckets {
				if tx.Bucket(b) == nil {
					add("%s: bucket %q is missing", storeFile, b)
				}
			}
			if len(r.Store) > 0 {
				return nil
			}
			var c counts
			if err := tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				d, ok, err := getDocument(tx, string(k))
				if err != nil || !ok {
					add("%s: article %s cannot be read: %v", storeFile, k, err)
					return nil
				}
				ids = append(ids, d.Article.ID)
				c.add(newRecord(d))
				return nil
			}); err != nil {
				return err
			}
			m := tx.Bucket(bucketMeta)
			if have := readCounts(m); have != c {
				add("%s: the counters say %d articles, %d quotes, %d sentences; the records %d, %d, %d (the next start recounts)",
					storeFile, have.articles, have.quotes, have.sentences, c.articles, c.quotes, c.sentences)
			}
			r.Articles, r.Quotes, r.Sentences = int(c.articles), int(c.quotes), int(c.sentences)
			want = int64(c.docs)
			r.Pending = tx.Bucket(bucketDirty).Stats().KeyN
			if getUint(m, metaRebuild) != 0 {
				r.Pending = r.Articles
			}
			return nil
		})
	})
	if err != nil {
		add("%s: reading the articles failed: %v", storeFile, err)
	}
	return ids, want, nil
}

// checkIndex checks index.bleve against the store's articles.
func checkIndex(ctx context.Context, path string, ids []string, want int64, r *Report) {
	add := func(format string, args ...any) {
		if len(r.Index) < maxFindings {
			r.Index = append(r.Index, fmt.Sprintf(format, args...))
		}
	}
	if _, err := os.Stat(path); err != nil {
		add("%s is missing (the next start rebuilds it)", indexDir)
		return
	}
	if err := verifySegments(path); err != nil {
		add("%s: %v (the next start rebuilds it)", indexDir, err)
		return
	}
	var idx bleve.Index
	if err := guard(func() error {
		var err error
		idx, err = bleve.OpenUsing(path, map[string]any{"read_only": true, "bolt_timeout": "1s"})
		return err
	}); err != nil {
		add("%s cannot be opened: %v (the next start rebuilds it)", indexDir, err)
		return
	}
	defer func() { _ = guard(idx.Close) }()
	err := guard(func() error {
		n, err := idx.DocCount()
		if err != nil {
			return err
		}
		r.Documents = n
		if want >= 0 && r.Pending == 0 && int64(n) != want {
			add("%s holds %d documents where the store's articles make %d (the next start rebuilds it)", indexDir, n, want)
		}
		missing := 0
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			d, err := idx.Document(id)
			if err != nil {
				return err
			}
			if d == nil && r.Pending == 0 {
				if missing++; missing <= 5 {
					add("%s lacks article %s", indexDir, id)
				}
			}
		}
		if missing > 5 {
			add("%s lacks %d articles in all (the next start indexes them)", indexDir, missing)
		}
		return nil
	})
	if err != nil {
		add("%s cannot be read: %v (the next start rebuilds it)", indexDir, err)
	}
}
