// Package index stores articles and searches their quotes and sentences.
// It is the only package that imports bleve.
//
// A data directory holds two things:
//
//	articles.db   bbolt: the articles as added (the source of truth), their
//	              quotes and sentences, and URL, content-hash and time lookups
//	index.bleve   a scorch index of articles (metadata only), quotes and
//	              sentences, rebuilt from articles.db whenever it is behind
//
// Add writes to bbolt first (one fsync'd transaction) and then indexes one
// bleve batch. Articles whose indexing is not yet confirmed carry a marker in
// the store; Open indexes them again, so a crash between the two writes loses
// nothing.
package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"newsbot/news"
)

// Options tune an Index. The zero value is ready to use.
type Options struct {
	// Logger receives warnings about recovery and rebuilds (default: none);
	// the caller names the component.
	Logger *slog.Logger
	// RebuildBatch is the number of articles per bleve batch when the index
	// is rebuilt from the store (default 256).
	RebuildBatch int
	// LockTimeout is how long Open waits for another process to release the
	// data directory (default 1s).
	LockTimeout time.Duration
	// Notify is told, once per event and in one line meant for the user,
	// that the search index was found damaged and rebuilt (default: none;
	// the logger gets the details either way).
	Notify func(msg string)
	// RebuildWait is how long a search that finds the index damaged waits
	// for the rebuild before it answers that the index is being rebuilt
	// (default 20 s).
	RebuildWait time.Duration
}

// Index is newsbot's article store and search index. It is safe for
// concurrent use; writes are serialised.
type Index struct {
	dir  string
	opts Options
	log  *slog.Logger
	db   *bolt.DB
	im   *mapping.IndexMappingImpl

	wmu sync.Mutex // serialises writers
	// clean are the articles whose bleve batch succeeded: their dirty
	// markers are removed by the next write transaction (or Close), which
	// saves an fsync per Add.
	clean []string

	mu     sync.RWMutex // guards idx, closed, gen and repairing
	idx    bleve.Index
	closed bool
	// gen counts the bleve indexes opened, so that a failure seen on one
	// that has since been replaced does not start another rebuild.
	gen uint64
	// repairing is closed when the running background rebuild ends; nil
	// when none runs.
	repairing chan struct{}

	// bgCtx ends background rebuilds on Close; bg waits for them.
	bgCtx    context.Context
	bgCancel context.CancelFunc
	bg       sync.WaitGroup

	// stateWrites counts writes of the bot's state, to prune it now and
	// then.
	stateWrites atomic.Uint64

	// failWrite, when set (by tests), fails every store write transaction
	// as a full disk would, after its changes were made.
	failWrite func() error
}

// lockedError is the error of Open when another process holds the directory.
type lockedError struct{ dir string }

func (e *lockedError) Error() string {
	return fmt.Sprintf("data directory %s is in use by another newsbot process (quit the other chat, serve or command first, or give this one another --data)", e.dir)
}

func (e *lockedError) Unwrap() error { return news.ErrLocked }

const (
	storeFile = "articles.db"
	indexDir  = "index.bleve"
	// BackupDir is where serve keeps daily backups, inside the data
	// directory.
	BackupDir = "backups"
)

// Open opens (creating it if needed) the data directory dir. It fails fast
// with an error matching news.ErrLocked when another process (or another
// Open in this process) holds the directory, and with a *StoreError
// (news.ErrDamaged) when articles.db is damaged. A damaged search index is
// rebuilt from the store.
func Open(dir string, opts Options) (*Index, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.RebuildBatch <= 0 {
		opts.RebuildBatch = 256
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	if opts.RebuildWait <= 0 {
		opts.RebuildWait = 20 * time.Second
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	x := &Index{dir: dir, opts: opts, log: opts.Logger}
	x.bgCtx, x.bgCancel = context.WithCancel(context.Background())
	db, err := openBolt(x.storePath(), bolt.Options{Timeout: opts.LockTimeout})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, &lockedError{dir: dir}
		}
		var pe *panicError
		if errors.As(err, &pe) || storeDamage(err) {
			return nil, &StoreError{Path: x.storePath(), Cause: err}
		}
		if isDiskError(err) {
			return nil, fmt.Errorf("open article store %s: %w", x.storePath(), &DiskError{Dir: dir, Err: err})
		}
		return nil, fmt.Errorf("open article store %s: %w", x.storePath(), err)
	}
	x.db = db
	db.MaxBatchDelay = stateBatchDelay
	if x.im, err = newMapping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	if err := x.update(func(tx *bolt.Tx) error {
		for _, b := range slices.Concat(allBuckets, stateBuckets, historyBuckets, feedbackBuckets) {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("initialise article store: %w", err)
	}
	damage, err := x.openBleve()
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := x.recover(context.Background(), damage); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// openBleve opens the bleve index, creating an empty one when it is absent.
// An index that fails its checks or cannot be opened is replaced by an
// empty one (recover then rebuilds it); damage says what was wrong.
func (x *Index) openBleve() (damage string, err error) {
	path := filepath.Join(x.dir, indexDir)
	var idx bleve.Index
	if _, statErr := os.Stat(path); statErr == nil {
		if err := verifySegments(path); err != nil {
			damage = err.Error()
		} else if err := guard(func() error {
			var err error
			idx, err = bleve.Open(path)
			return err
		}); err != nil {
			damage = err.Error()
		}
	}
	if damage != "" {
		// recover tells the user once the index is rebuilt.
		x.log.Debug("the search index is damaged; rebuilding it from the store", "path", path, "damage", damage)
		if err := os.RemoveAll(path); err != nil {
			return "", fmt.Errorf("remove damaged index %s: %w", path, err)
		}
	}
	if idx == nil {
		if idx, err = bleve.NewUsing(path, x.im, scorch.Name, scorch.Name, nil); err != nil {
			if isDiskError(err) {
				err = &DiskError{Dir: x.dir, Err: err}
			}
			return "", fmt.Errorf("create index %s: %w", path, err)
		}
	}
	x.idx = idx
	x.gen++
	return damage, nil
}

// Close flushes the last markers and closes the store and the index.
func (x *Index) Close() error {
	x.bgCancel()
	x.bg.Wait()
	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	var errs []error
	if len(x.clean) > 0 {
		errs = append(errs, x.update(func(tx *bolt.Tx) error { return x.dropClean(tx) }))
	}
	if x.idx != nil {
		errs = append(errs, guard(x.idx.Close))
	}
	errs = append(errs, x.db.Close())
	return errors.Join(errs...)
}

// dropClean removes the dirty markers of articles known to be indexed.
func (x *Index) dropClean(tx *bolt.Tx) error {
	b := tx.Bucket(bucketDirty)
	for _, id := range x.clean {
		if err := b.Delete([]byte(id)); err != nil {
			return err
		}
	}
	return nil
}

// index returns the bleve index for a reader, and its generation;
// release must be called. While a rebuild runs it returns a
// *rebuildingError whose done channel closes when the rebuild ends.
func (x *Index) index() (idx bleve.Index, gen uint64, release func(), err error) {
	x.mu.RLock()
	if x.closed {
		x.mu.RUnlock()
		return nil, 0, nil, errors.New("index is closed")
	}
	if x.repairing != nil {
		done := x.repairing
		x.mu.RUnlock()
		return nil, 0, nil, &rebuildingError{done: done}
	}
	if x.idx == nil {
		// A rebuild failed half way: the store is intact, the next Open
		// rebuilds the index from it.
		x.mu.RUnlock()
		return nil, 0, nil, errors.New("the search index is unavailable after a failed rebuild; restart newsbot to rebuild it")
	}
	return x.idx, x.gen, x.mu.RUnlock, nil
}

// normalize fills what the store needs and the caller may have left out.
func normalize(d news.Document) news.Document {
	a := &d.Article
	if a.Hash == "" {
		a.Hash = news.ContentHash(a.Text)
	}
	if a.ID == "" {
		a.ID = news.NewID(a.Hash)
	}
	if a.Added.IsZero() {
		a.Added = time.Now().UTC()
	}
	return d
}

// Add stores and indexes documents: one fsync'd store transaction, then one
// bleve batch. errs[i] is a *news.DuplicateError when docs[i] has the URL or
// content hash of a stored article (or of an earlier document of the same
// call). err is a failure of the whole call, after which nothing was added.
func (x *Index) Add(ctx context.Context, docs []news.Document) (errs []error, err error) {
	return x.add(ctx, docs, func(tx *bolt.Tx, added []news.Document) error {
		for _, d := range added {
			a := d.Article
			ev := news.AuditEvent{Time: a.Added, Action: news.AuditAdd, ArticleID: a.ID, Title: a.Title, PrivateTo: a.PrivateTo,
				By: news.Actor{User: a.AddedBy, Conversation: a.AddedIn, Via: a.AddedVia}}
			if err := putAudit(tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// add is Add with a hook that runs in the store transaction, after the
// accepted documents (added) are written.
func (x *Index) add(ctx context.Context, docs []news.Document, hook func(tx *bolt.Tx, added []news.Document) error) (errs []error, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	idx, gen, release, err := x.index()
	if err := writable(err); err != nil {
		return nil, err
	}
	if idx != nil {
		defer func() { release() }()
	}

	errs = make([]error, len(docs))
	var added []news.Document
	var recs []record
	err = x.update(func(tx *bolt.Tx) error {
		if err := x.dropClean(tx); err != nil {
			return err
		}
		urls, hashes, articles := tx.Bucket(bucketURLs), tx.Bucket(bucketHashes), tx.Bucket(bucketArticles)
		byURL, byHash, byID := map[string]int{}, map[string]int{}, map[string]int{}
		dup := func(id []byte) error {
			r, ok, err := getRecord(tx, string(id))
			if err != nil {
				return err
			}
			if !ok { // a lookup key without its article: treat as a duplicate anyway
				return &news.DuplicateError{ID: string(id)}
			}
			return &news.DuplicateError{ID: r.ID, Title: r.Title}
		}
		for i, d := range docs {
			d = normalize(d)
			a := d.Article
			var prior []byte
			var in = -1
			switch {
			case a.URL != "" && urls.Get([]byte(a.URL)) != nil:
				prior = urls.Get([]byte(a.URL))
			case hashes.Get([]byte(a.Hash)) != nil:
				prior = hashes.Get([]byte(a.Hash))
			case articles.Get([]byte(a.ID)) != nil:
				prior = []byte(a.ID)
			}
			if j, ok := byURL[a.URL]; ok && a.URL != "" {
				in = j
			} else if j, ok := byHash[a.Hash]; ok {
				in = j
			} else if j, ok := byID[a.ID]; ok {
				in = j
			}
			switch {
			case prior != nil:
				if errs[i] = dup(prior); !errors.Is(errs[i], news.ErrDuplicate) {
					return errs[i]
				}
				continue
			case in >= 0:
				errs[i] = &news.DuplicateError{ID: added[in].Article.ID, Title: added[in].Article.Title}
				continue
			}
			r, err := putDocument(tx, d)
			if err != nil {
				return fmt.Errorf("store article %s: %w", a.ID, err)
			}
			if err := tx.Bucket(bucketDirty).Put([]byte(a.ID), nil); err != nil {
				return err
			}
			if a.URL != "" {
				byURL[a.URL] = len(added)
			}
			byHash[a.Hash] = len(added)
			byID[a.ID] = len(added)
			added = append(added, d)
			recs = append(recs, r)
		}
		if err := hook(tx, added); err != nil {
			return err
		}
		return addCounters(tx, recs, +1)
	})
	if err != nil {
		var de *DiskError
		if errors.As(err, &de) {
			return nil, err // it says it all
		}
		return nil, fmt.Errorf("store articles: %w", err)
	}
	x.clean = x.clean[:0]
	if len(added) == 0 {
		return errs, nil
	}

	if idx == nil {
		// A rebuild of the index is waiting for this writer to finish; it
		// indexes what the store holds now.
		return errs, nil
	}
	b := idx.NewBatch()
	for _, d := range added {
		if err := bleveDocuments(d, b.Index); err != nil {
			return nil, x.undoAdd(recs, fmt.Errorf("index article %s: %w", d.Article.ID, err))
		}
	}
	if err := guard(func() error { return idx.Batch(b) }); err != nil {
		var pe *panicError
		if errors.As(err, &pe) {
			// The articles are stored with their dirty markers; the
			// rebuild indexes them.
			release()
			release = func() {}
			x.logPanic("the search index failed while adding; rebuilding it from the store", pe)
			x.startRepair(gen, pe.value)
			return errs, nil
		}
		if isDiskError(err) {
			err = &DiskError{Dir: x.dir, Err: err}
		}
		return nil, x.undoAdd(recs, fmt.Errorf("index articles: %w", err))
	}
	for _, d := range added {
		x.clean = append(x.clean, d.Article.ID)
	}
	return errs, nil
}

// writable returns nil when a writer may go on after index() returned err:
// no error, or a rebuild that will index what the writer stores.
func writable(err error) error {
	var rb *rebuildingError
	if errors.As(err, &rb) {
		return nil
	}
	return err
}

// undoAdd removes articles whose bleve batch failed, so that "nothing was
// added" holds. If that fails too, their dirty markers make the next Open
// index them.
func (x *Index) undoAdd(recs []record, cause error) error {
	err := x.update(func(tx *bolt.Tx) error {
		for _, r := range recs {
			if err := deleteDocument(tx, r); err != nil {
				return err
			}
			if err := tx.Bucket(bucketDirty).Delete([]byte(r.ID)); err != nil {
				return err
			}
		}
		return addCounters(tx, recs, -1)
	})
	if err != nil {
		x.log.Error("cannot undo a failed add; the articles stay stored", "err", err)
	}
	return cause
}

func addCounters(tx *bolt.Tx, recs []record, sign int64) error {
	if len(recs) == 0 {
		return nil
	}
	var c counts
	for _, r := range recs {
		c.add(r)
	}
	m := tx.Bucket(bucketMeta)
	old := readCounts(m)
	if sign > 0 {
		old.articles += c.articles
		old.docs += c.docs
		old.quotes += c.quotes
		old.sentences += c.sentences
	} else {
		old.articles -= min(old.articles, c.articles)
		old.docs -= min(old.docs, c.docs)
		old.quotes -= min(old.quotes, c.quotes)
		old.sentences -= min(old.sentences, c.sentences)
	}
	return old.write(m)
}

// counts are the store's counters.
type counts struct{ articles, docs, quotes, sentences uint64 }

func (c *counts) add(r record) {
	c.articles++
	c.docs += r.bleveDocs()
	c.quotes += uint64(r.Quotes)
	c.sentences += uint64(r.Sentences)
}

func readCounts(m *bolt.Bucket) counts {
	return counts{getUint(m, metaArticles), getUint(m, metaDocs), getUint(m, metaQuotes), getUint(m, metaSentences)}
}

func (c counts) write(m *bolt.Bucket) error {
	for _, kv := range []struct {
		k []byte
		v uint64
	}{{metaArticles, c.articles}, {metaDocs, c.docs}, {metaQuotes, c.quotes}, {metaSentences, c.sentences}} {
		if err := putUint(m, kv.k, kv.v); err != nil {
			return err
		}
	}
	return nil
}

// counts reads the store's counters.
func (x *Index) counts() (counts, error) {
	var c counts
	err := x.view(func(tx *bolt.Tx) error {
		c = readCounts(tx.Bucket(bucketMeta))
		return nil
	})
	return c, err
}

// Remove deletes an article, its quotes and its sentences from the store
// and the index, for good (Trash keeps them for a while).
func (x *Index) Remove(ctx context.Context, id string) error {
	return x.remove(ctx, id, nil)
}

// remove is Remove with a hook that runs in the store transaction before
// the article is deleted from it.
func (x *Index) remove(ctx context.Context, id string, hook func(tx *bolt.Tx, r record) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	idx, gen, release, err := x.index()
	if err := writable(err); err != nil {
		return err
	}
	if idx != nil {
		defer func() { release() }()
	}
	var r record
	err = x.update(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		if r, ok, err = getRecord(tx, id); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("article %s: %w", id, news.ErrNotFound)
		}
		if err := x.dropClean(tx); err != nil {
			return err
		}
		if hook != nil {
			if err := hook(tx, r); err != nil {
				return err
			}
		}
		if err := deleteDocument(tx, r); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDirty).Put([]byte(id), nil); err != nil {
			return err
		}
		return addCounters(tx, []record{r}, -1)
	})
	if err != nil {
		if errors.Is(err, news.ErrNotFound) {
			return err
		}
		return fmt.Errorf("remove article %s: %w", id, err)
	}
	x.clean = x.clean[:0]
	if idx == nil {
		return nil // the waiting rebuild leaves the article out
	}
	b := idx.NewBatch()
	b.Delete(r.ID)
	for n := range r.Quotes {
		b.Delete(quoteDocID(r.ID, n))
	}
	for n := range r.Sentences {
		b.Delete(sentenceDocID(r.ID, n))
	}
	if err := guard(func() error { return idx.Batch(b) }); err != nil {
		var pe *panicError
		if errors.As(err, &pe) {
			release()
			release = func() {}
			x.logPanic("the search index failed while removing; rebuilding it from the store", pe)
			x.startRepair(gen, pe.value)
			return nil
		}
		// The article is gone from the store; its dirty marker makes the
		// next Open remove it from the index.
		return fmt.Errorf("remove article %s from the index: %w", id, err)
	}
	x.clean = append(x.clean, r.ID)
	return nil
}

// Get returns the stored article with this id.
func (x *Index) Get(ctx context.Context, id string) (news.Article, error) {
	var a news.Article
	err := x.view(func(tx *bolt.Tx) error {
		r, ok, err := getRecord(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("article %s: %w", id, news.ErrNotFound)
		}
		a = r.Article
		a.Text = getText(tx, id)
		return nil
	})
	return a, err
}

// MinPrefix is the shortest id prefix Lookup accepts.
const MinPrefix = 4

// Lookup finds an article by id, unique id prefix (at least MinPrefix
// characters) or URL.
func (x *Index) Lookup(ctx context.Context, idOrURL string) (news.Article, error) {
	var id string
	err := x.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketArticles).Get([]byte(idOrURL)); v != nil {
			id = idOrURL
			return nil
		}
		if v := tx.Bucket(bucketURLs).Get([]byte(idOrURL)); v != nil {
			id = string(v)
			return nil
		}
		if len(idOrURL) < MinPrefix {
			return fmt.Errorf("article %q: %w", idOrURL, news.ErrNotFound)
		}
		c := tx.Bucket(bucketArticles).Cursor()
		k, _ := c.Seek([]byte(idOrURL))
		if k == nil || !hasPrefix(k, idOrURL) {
			return fmt.Errorf("article %q: %w", idOrURL, news.ErrNotFound)
		}
		id = string(k)
		if k2, _ := c.Next(); k2 != nil && hasPrefix(k2, idOrURL) {
			return fmt.Errorf("%w: %q is the start of several article ids; give more characters", news.ErrInvalid, idOrURL)
		}
		return nil
	})
	if err != nil {
		return news.Article{}, err
	}
	return x.Get(ctx, id)
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

// List returns the stored articles that scope may see, newest added first
// (limit <= 0: all).
func (x *Index) List(ctx context.Context, scope news.Scope, limit int) ([]news.Summary, error) {
	var out []news.Summary
	err := x.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAdded).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if limit > 0 && len(out) >= limit {
				break
			}
			r, ok, err := getRecord(tx, string(v))
			if err != nil {
				return err
			}
			if ok && scope.Allows(r.PrivateTo) {
				out = append(out, r.summary())
			}
		}
		return nil
	})
	return out, err
}

// Quotes returns the quotes of one article in text order.
func (x *Index) Quotes(ctx context.Context, articleID string) ([]news.Quote, error) {
	var qs []news.Quote
	err := x.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketArticles).Get([]byte(articleID)) == nil {
			return fmt.Errorf("article %s: %w", articleID, news.ErrNotFound)
		}
		var err error
		qs, err = getQuotes(tx, articleID)
		return err
	})
	return qs, err
}

// Since returns the documents (article with text, quotes and sentences)
// that scope may see, added in [from, to), oldest first. A zero to means no
// upper bound.
func (x *Index) Since(ctx context.Context, scope news.Scope, from, to time.Time) ([]news.Document, error) {
	var out []news.Document
	err := x.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAdded).Cursor()
		end := timeKey(to)
		for k, v := c.Seek(timeKey(from)); k != nil; k, v = c.Next() {
			if !to.IsZero() && string(k[:8]) >= string(end) {
				break
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			r, ok, err := getRecord(tx, string(v))
			if err != nil {
				return err
			}
			if !ok || !scope.Allows(r.PrivateTo) {
				continue // a private article is not even read
			}
			d, ok, err := getDocument(tx, string(v))
			if err != nil {
				return err
			}
			if ok {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// Count is the number of stored articles.
func (x *Index) Count(ctx context.Context) (int, error) {
	var n uint64
	err := x.view(func(tx *bolt.Tx) error {
		n = getUint(tx.Bucket(bucketMeta), metaArticles)
		return nil
	})
	return int(n), err
}
