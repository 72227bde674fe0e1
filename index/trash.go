package index

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// The trash keeps removed articles whole until they are purged, and the
// audit log records every change to the library. Buckets:
//
//	trash   id -> JSON trashEntry (the whole document, who removed it, when)
//	audit   be64(time) be64(sequence) -> JSON news.AuditEvent
//
// A trashed article is out of every other bucket and out of bleve: it
// cannot be found, answered from, listed or summarised.
var (
	bucketTrash = []byte("trash")
	bucketAudit = []byte("audit")

	// historyBuckets are created by Open but not required of a store (a
	// backup made before they existed is still sound).
	historyBuckets = [][]byte{bucketTrash, bucketAudit}
)

// trashEntry is what the trash bucket holds for one article.
type trashEntry struct {
	Article   news.Article    `json:"article"`
	Quotes    []news.Quote    `json:"quotes"`
	Sentences []news.Sentence `json:"sentences"`
	RemovedBy news.Actor      `json:"removed_by"`
	RemovedAt time.Time       `json:"removed_at"`
}

func (e trashEntry) item() news.TrashItem {
	r := newRecord(news.Document{Article: e.Article, Quotes: e.Quotes, Sentences: e.Sentences})
	return news.TrashItem{Summary: r.summary(), RemovedBy: e.RemovedBy, RemovedAt: e.RemovedAt}
}

func getTrash(tx *bolt.Tx, id string) (trashEntry, bool, error) {
	v := tx.Bucket(bucketTrash).Get([]byte(id))
	if v == nil {
		return trashEntry{}, false, nil
	}
	var e trashEntry
	if err := json.Unmarshal(v, &e); err != nil {
		return trashEntry{}, false, fmt.Errorf("decode trashed article %s: %w", id, err)
	}
	return e, true, nil
}

// putAudit appends an event to the audit log.
func putAudit(tx *bolt.Tx, ev news.AuditEvent) error {
	b := tx.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	v, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	k := binary.BigEndian.AppendUint64(timeKey(ev.Time), seq)
	return b.Put(k, v)
}

// Trash moves an article to the trash: out of the store's lookups and the
// search index, kept whole with who removed it and when, until Purge.
func (x *Index) Trash(ctx context.Context, id string, by news.Actor, at time.Time) (news.TrashItem, error) {
	var item news.TrashItem
	err := x.remove(ctx, id, func(tx *bolt.Tx, r record) error {
		d, ok, err := getDocument(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("article %s: %w", id, news.ErrNotFound)
		}
		e := trashEntry{Article: d.Article, Quotes: d.Quotes, Sentences: d.Sentences, RemovedBy: by, RemovedAt: at.UTC()}
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketTrash).Put([]byte(id), v); err != nil {
			return err
		}
		item = e.item()
		return putAudit(tx, news.AuditEvent{Time: at.UTC(), Action: news.AuditRemove, ArticleID: id, Title: d.Article.Title,
			By: by, PrivateTo: d.Article.PrivateTo})
	})
	if err != nil {
		return news.TrashItem{}, err
	}
	return item, nil
}

// TrashList returns the trashed articles, most recently removed first.
func (x *Index) TrashList(ctx context.Context) ([]news.TrashItem, error) {
	var out []news.TrashItem
	err := x.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTrash).ForEach(func(k, _ []byte) error {
			e, ok, err := getTrash(tx, string(k))
			if ok {
				out = append(out, e.item())
			}
			return err
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].RemovedAt.After(out[j].RemovedAt) })
	return out, err
}

// Trashed returns one trashed article (news.ErrNotFound when the trash
// does not hold it).
func (x *Index) Trashed(ctx context.Context, id string) (news.TrashItem, error) {
	var item news.TrashItem
	err := x.view(func(tx *bolt.Tx) error {
		e, ok, err := getTrash(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("article %s is not in the trash: %w", id, news.ErrNotFound)
		}
		item = e.item()
		return nil
	})
	return item, err
}

// RestoreTrashed brings a trashed article back: stored and indexed again as
// it was (same id, visibility and date added), and out of the trash.
// action is news.AuditRestore or news.AuditUndo, for the audit log. It
// fails with a *news.DuplicateError when an article with the same URL or
// text was added since.
func (x *Index) RestoreTrashed(ctx context.Context, id string, by news.Actor, at time.Time, action string) (news.Ref, error) {
	var e trashEntry
	err := x.view(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		if e, ok, err = getTrash(tx, id); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("article %s is not in the trash: %w", id, news.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return news.Ref{}, err
	}
	doc := news.Document{Article: e.Article, Quotes: e.Quotes, Sentences: e.Sentences}
	errs, err := x.add(ctx, []news.Document{doc}, func(*bolt.Tx, []news.Document) error { return nil })
	if err != nil {
		return news.Ref{}, fmt.Errorf("restore article %s: %w", id, err)
	}
	if errs[0] != nil {
		return news.Ref{}, fmt.Errorf("cannot restore article %s: another copy was added since (%w); remove that one first", id, errs[0])
	}
	// The article is live again; only now does it leave the trash, so that
	// a failure in between leaves a copy rather than none.
	err = x.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketTrash).Delete([]byte(id)); err != nil {
			return err
		}
		return putAudit(tx, news.AuditEvent{Time: at.UTC(), Action: action, ArticleID: id, Title: e.Article.Title,
			By: by, PrivateTo: e.Article.PrivateTo})
	})
	if err != nil {
		return news.Ref{}, fmt.Errorf("restore article %s: take it out of the trash: %w", id, err)
	}
	return e.Article.Ref(), nil
}

// PurgeTrash deletes for good the articles removed before cutoff, and
// returns how many.
func (x *Index) PurgeTrash(ctx context.Context, cutoff, now time.Time) (int, error) {
	n := 0
	x.wmu.Lock()
	defer x.wmu.Unlock()
	err := x.update(func(tx *bolt.Tx) error {
		n = 0
		var old []trashEntry
		if err := tx.Bucket(bucketTrash).ForEach(func(k, _ []byte) error {
			e, ok, err := getTrash(tx, string(k))
			if ok && e.RemovedAt.Before(cutoff) {
				old = append(old, e)
			}
			return err
		}); err != nil {
			return err
		}
		for _, e := range old {
			if err := tx.Bucket(bucketTrash).Delete([]byte(e.Article.ID)); err != nil {
				return err
			}
			if err := putAudit(tx, news.AuditEvent{Time: now.UTC(), Action: news.AuditPurge, ArticleID: e.Article.ID,
				Title: e.Article.Title, PrivateTo: e.Article.PrivateTo, By: news.Actor{Via: news.ViaCLI},
				Detail: "in the trash since " + e.RemovedAt.UTC().Format(time.RFC3339)}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("purge the trash: %w", err)
	}
	return n, nil
}

// RecordAudit appends an event to the audit log (a refused removal, say:
// changes record their own events).
func (x *Index) RecordAudit(ctx context.Context, ev news.AuditEvent) error {
	if err := x.update(func(tx *bolt.Tx) error { return putAudit(tx, ev) }); err != nil {
		return fmt.Errorf("write the audit log: %w", err)
	}
	return nil
}

// Audit returns the audit log's events at or after since, oldest first.
func (x *Index) Audit(ctx context.Context, since time.Time) ([]news.AuditEvent, error) {
	var out []news.AuditEvent
	err := x.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Seek(timeKey(since)); k != nil; k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var ev news.AuditEvent
			if err := json.Unmarshal(v, &ev); err != nil {
				return fmt.Errorf("decode audit event %x: %w", k, err)
			}
			out = append(out, ev)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", err)
	}
	return out, nil
}
