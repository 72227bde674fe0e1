package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// recover brings the bleve index in line with the store on Open: articles
// with a dirty marker (stored or removed, but not confirmed in bleve) are
// indexed again or deleted; an index built with another mapping, left half
// rebuilt, or whose document count disagrees with the store is rebuilt.
// damage says why openBleve replaced a damaged index ("" when it did not);
// the user is told when the index is rebuilt because of damage or a count
// that disagrees.
func (x *Index) recover(ctx context.Context, damage string) error {
	var version, rebuild, want uint64
	var dirty []string
	if err := x.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		version, rebuild, want = getUint(m, metaMapping), getUint(m, metaRebuild), getUint(m, metaDocs)
		return tx.Bucket(bucketDirty).ForEach(func(k, _ []byte) error {
			dirty = append(dirty, string(k))
			return nil
		})
	}); err != nil {
		return fmt.Errorf("read article store: %w", err)
	}
	if err := x.recount(); err != nil {
		return err
	}
	if err := x.indexSpeakers(); err != nil {
		return fmt.Errorf("index speakers: %w", err)
	}
	have, err := x.docCount()
	var pe *panicError
	if errors.As(err, &pe) {
		damage, err = pe.value, nil
	} else if err != nil {
		return err
	}
	switch {
	case damage != "":
	case version == 0 && want == 0 && have == 0:
		// A new data directory.
		return x.update(func(tx *bolt.Tx) error {
			return putUint(tx.Bucket(bucketMeta), metaMapping, mappingVersion)
		})
	case version != mappingVersion:
		x.log.Warn("the index mapping changed; rebuilding the search index", "from", version, "to", mappingVersion)
	case rebuild != 0:
		x.log.Warn("a rebuild of the search index was interrupted; rebuilding it")
	default:
		if len(dirty) > 0 {
			x.log.Info("indexing articles whose last change was not confirmed", "articles", len(dirty))
			err := x.reindexDirty(ctx, dirty)
			if err == nil {
				have, err = x.docCount()
			}
			if errors.As(err, &pe) {
				damage = pe.value
				break
			} else if err != nil {
				return err
			}
		}
		if have == want {
			return nil
		}
		x.logUnlessNotified("the search index does not match the store; rebuilding it", "indexed", have, "expected", want)
		damage = fmt.Sprintf("it held %d documents where the store has %d", have, want)
	}
	n, err := x.rebuild(ctx, nil)
	if err == nil && damage != "" {
		x.notifyRebuilt(damage, n)
	}
	return err
}

// docCount counts the documents of the bleve index under guard.
func (x *Index) docCount() (uint64, error) {
	var n uint64
	err := guard(func() error {
		var err error
		n, err = x.idx.DocCount()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("count indexed documents: %w", err)
	}
	return n, nil
}

// recount rebuilds the counters from the records when the per-type ones
// are missing (a store written before they existed).
func (x *Index) recount() error {
	return x.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if c := readCounts(m); c.articles == 0 || c.quotes != 0 || c.sentences != 0 {
			return nil
		}
		var c counts
		if err := tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
			r, ok, err := getRecord(tx, string(k))
			if ok {
				c.add(r)
			}
			return err
		}); err != nil {
			return err
		}
		return c.write(m)
	})
}

// reindexDirty deletes every bleve document of the given articles and
// indexes again those still in the store.
func (x *Index) reindexDirty(ctx context.Context, ids []string) error {
	return guard(func() error { return x.reindexDirtyUnguarded(ctx, ids) })
}

func (x *Index) reindexDirtyUnguarded(ctx context.Context, ids []string) error {
	b := x.idx.NewBatch()
	for _, id := range ids {
		old, err := x.docIDsOf(ctx, id)
		if err != nil {
			return err
		}
		for _, d := range old {
			b.Delete(d)
		}
		b.Delete(id)
		var doc news.Document
		var ok bool
		if err := x.view(func(tx *bolt.Tx) error {
			doc, ok, err = getDocument(tx, id)
			return err
		}); err != nil {
			return err
		}
		if ok {
			if err := bleveDocuments(doc, b.Index); err != nil {
				return fmt.Errorf("index article %s: %w", id, err)
			}
		}
	}
	if err := x.idx.Batch(b); err != nil {
		return fmt.Errorf("index recovered articles: %w", err)
	}
	return x.update(func(tx *bolt.Tx) error {
		for _, id := range ids {
			if err := tx.Bucket(bucketDirty).Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// docIDsOf returns the ids of the quote and sentence documents of an
// article found in the index.
func (x *Index) docIDsOf(ctx context.Context, id string) ([]string, error) {
	var out []string
	for _, field := range []string{fQuoteArticle, fSentenceArticle} {
		q := query.NewTermQuery(id)
		q.SetField(field)
		for from := 0; ; {
			req := bleve.NewSearchRequestOptions(q, 1000, from, false)
			req.SortBy([]string{"_id"})
			res, err := x.idx.SearchInContext(ctx, req)
			if err != nil {
				return nil, fmt.Errorf("find indexed documents of %s: %w", id, err)
			}
			for _, h := range res.Hits {
				out = append(out, h.ID)
			}
			from += len(res.Hits)
			if len(res.Hits) == 0 || uint64(from) >= res.Total {
				break
			}
		}
	}
	return out, nil
}

// Reindex rebuilds the search index from the stored articles. When prepare
// is not nil each article is prepared again (quotes and sentences
// re-extracted) and the store updated; an article prepare refuses keeps its
// stored quotes. The article id and added time never change. Searches keep
// using the old index until the new one is complete. It returns the number
// of articles indexed.
func (x *Index) Reindex(ctx context.Context, prepare func(news.Article) (news.Document, error)) (int, error) {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	if _, _, release, err := x.index(); err != nil {
		return 0, err
	} else {
		release()
	}
	return x.rebuild(ctx, prepare)
}

// rebuild builds a new bleve index next to the live one, from the store,
// and swaps it in. The caller holds wmu (or is Open).
func (x *Index) rebuild(ctx context.Context, prepare func(news.Article) (news.Document, error)) (int, error) {
	path := filepath.Join(x.dir, indexDir)
	tmp := path + ".new"
	if err := os.RemoveAll(tmp); err != nil {
		return 0, fmt.Errorf("remove %s: %w", tmp, err)
	}
	if err := x.update(func(tx *bolt.Tx) error {
		return putUint(tx.Bucket(bucketMeta), metaRebuild, 1)
	}); err != nil {
		return 0, fmt.Errorf("mark rebuild: %w", err)
	}
	idx, err := bleve.NewUsing(tmp, x.im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return 0, fmt.Errorf("create index %s: %w", tmp, err)
	}
	c, err := x.fill(ctx, idx, prepare)
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}

	// Swap the new index in.
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx != nil {
		if err := guard(x.idx.Close); err != nil {
			x.log.Warn("close the old index", "err", err)
		}
		x.idx = nil
	}
	old := path + ".old"
	if err := os.RemoveAll(old); err != nil {
		return 0, err
	}
	if err := os.Rename(path, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return 0, fmt.Errorf("swap index: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fmt.Errorf("swap index: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		x.log.Warn("remove the old index", "err", err)
	}
	if x.idx, err = bleve.Open(path); err != nil {
		return 0, fmt.Errorf("open rebuilt index: %w", err)
	}
	x.gen++
	x.clean = x.clean[:0]
	err = x.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if err := c.write(m); err != nil {
			return err
		}
		if err := putUint(m, metaRebuild, 0); err != nil {
			return err
		}
		if err := putUint(m, metaMapping, mappingVersion); err != nil {
			return err
		}
		// Everything stored is now indexed.
		if err := tx.DeleteBucket(bucketDirty); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketDirty)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("finish rebuild: %w", err)
	}
	if x.opts.Notify != nil { // the caller or the notice tells the user
		x.log.Debug("search index rebuilt", "articles", c.articles, "documents", c.docs)
	} else {
		x.log.Info("search index rebuilt", "articles", c.articles, "documents", c.docs)
	}
	return int(c.articles), nil
}

// fill indexes every stored article into idx, in batches, preparing each
// again first when prepare is set. It returns the counts of what it
// indexed.
func (x *Index) fill(ctx context.Context, idx bleve.Index, prepare func(news.Article) (news.Document, error)) (counts, error) {
	var ids []string
	if err := x.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAdded).ForEach(func(_, v []byte) error {
			ids = append(ids, string(v))
			return nil
		})
	}); err != nil {
		return counts{}, err
	}
	var c counts
	for start := 0; start < len(ids); start += x.opts.RebuildBatch {
		if err := ctx.Err(); err != nil {
			return counts{}, err
		}
		chunk := ids[start:min(start+x.opts.RebuildBatch, len(ids))]
		var batch []news.Document
		if err := x.view(func(tx *bolt.Tx) error {
			for _, id := range chunk {
				d, ok, err := getDocument(tx, id)
				if err != nil {
					return err
				}
				if ok {
					batch = append(batch, d)
				}
			}
			return nil
		}); err != nil {
			return counts{}, err
		}
		if prepare != nil {
			if err := x.prepareAll(batch, prepare); err != nil {
				return counts{}, err
			}
		}
		b := idx.NewBatch()
		for _, d := range batch {
			if err := bleveDocuments(d, b.Index); err != nil {
				return counts{}, fmt.Errorf("index article %s: %w", d.Article.ID, err)
			}
			c.add(newRecord(d))
		}
		if err := idx.Batch(b); err != nil {
			return counts{}, fmt.Errorf("index articles: %w", err)
		}
	}
	return c, nil
}

// prepareAll prepares the documents of batch again and writes the results
// to the store, in place.
func (x *Index) prepareAll(batch []news.Document, prepare func(news.Article) (news.Document, error)) error {
	return x.update(func(tx *bolt.Tx) error {
		for i, old := range batch {
			d, err := prepare(old.Article)
			if err != nil {
				x.log.Warn("cannot prepare a stored article again; keeping its quotes", "id", old.Article.ID, "err", err)
				continue
			}
			// Identity and history do not change.
			d.Article.ID, d.Article.Added, d.Article.URL = old.Article.ID, old.Article.Added, old.Article.URL
			if d.Article.Hash == "" {
				d.Article.Hash = news.ContentHash(d.Article.Text)
			}
			r, ok, err := getRecord(tx, old.Article.ID)
			if err != nil {
				return err
			}
			if ok {
				if err := deleteDocument(tx, r); err != nil {
					return err
				}
			}
			if _, err := putDocument(tx, d); err != nil {
				return fmt.Errorf("store article %s: %w", d.Article.ID, err)
			}
			batch[i] = d
		}
		return nil
	})
}
