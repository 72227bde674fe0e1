package index

import (
	"context"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// The followed feeds and the feed entries read are kept in the store too,
// so that a restart neither forgets a feed nor imports an entry again:
//
//	feeds         feed id -> JSON news.Feed
//	feed_entries  entry key (guid:..., url:...) -> JSON news.FeedEntry
//
// The buckets are created by the first write, so stores and backups made
// before feeds existed stay sound as they are.
var (
	bucketFeeds       = []byte("feeds")
	bucketFeedEntries = []byte("feed_entries")
)

// Feeds returns every followed feed.
func (x *Index) Feeds(ctx context.Context) ([]news.Feed, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var fs []news.Feed
	err := x.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var f news.Feed
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("decode feed %s: %w", k, err)
			}
			fs = append(fs, f)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read feeds: %w", err)
	}
	return fs, nil
}

// AddFeed stores a newly followed feed and records entries, in one durable
// transaction; a feed with the same id or URL makes it fail with an error
// matching news.ErrDuplicate.
func (x *Index) AddFeed(ctx context.Context, f news.Feed, entries []news.FeedEntry) error {
	return x.putFeed(ctx, f, entries, true)
}

// UpdateFeed replaces a followed feed's state and records entries, in one
// durable transaction; news.ErrNotFound (and nothing written) when the feed
// is no longer followed, or has been followed again since f was read.
func (x *Index) UpdateFeed(ctx context.Context, f news.Feed, entries []news.FeedEntry) error {
	return x.putFeed(ctx, f, entries, false)
}

func (x *Index) putFeed(ctx context.Context, f news.Feed, entries []news.FeedEntry, create bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if f.ID == "" || f.URL == "" {
		return fmt.Errorf("store feed: %w: a feed needs an id and a URL", news.ErrInvalid)
	}
	v, err := json.Marshal(f)
	if err != nil {
		return err
	}
	err = x.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketFeeds)
		if err != nil {
			return err
		}
		if create {
			if b.Get([]byte(f.ID)) != nil {
				return fmt.Errorf("feed %s: %w", f.ID, news.ErrDuplicate)
			}
			if err := b.ForEach(func(_, v []byte) error {
				var old news.Feed
				if json.Unmarshal(v, &old) == nil && old.URL == f.URL {
					return fmt.Errorf("feed %s: %w", f.URL, news.ErrDuplicate)
				}
				return nil
			}); err != nil {
				return err
			}
		} else if !sameFollow(b.Get([]byte(f.ID)), f) {
			// Unfollowed, or unfollowed and followed again (maybe in
			// another conversation, privately) while f was polled: f's
			// channel and visibility are no longer the feed's.
			return fmt.Errorf("feed %s: %w", f.ID, news.ErrNotFound)
		}
		if err := b.Put([]byte(f.ID), v); err != nil {
			return err
		}
		if len(entries) == 0 {
			return nil
		}
		eb, err := tx.CreateBucketIfNotExists(bucketFeedEntries)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Key == "" {
				continue
			}
			ev, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := eb.Put([]byte(e.Key), ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store feed %s: %w", f.ID, err)
	}
	return nil
}

// sameFollow reports whether v, a stored feed, is the following of f (not
// a later one of the same URL).
func sameFollow(v []byte, f news.Feed) bool {
	var old news.Feed
	if v == nil || json.Unmarshal(v, &old) != nil {
		return false
	}
	return old.Followed.Equal(f.Followed) && old.Channel == f.Channel && old.Private == f.Private
}

// RemoveFeed forgets a followed feed; the entries read stay recorded, so
// following it again does not bring back what was read before.
func (x *Index) RemoveFeed(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := x.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if b == nil || b.Get([]byte(id)) == nil {
			return fmt.Errorf("feed %s: %w", id, news.ErrNotFound)
		}
		return b.Delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("remove feed: %w", err)
	}
	return nil
}

// FeedEntries returns the recorded entries among keys.
func (x *Index) FeedEntries(ctx context.Context, keys []string) (map[string]news.FeedEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := map[string]news.FeedEntry{}
	err := x.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedEntries)
		if b == nil {
			return nil
		}
		for _, k := range keys {
			v := b.Get([]byte(k))
			if v == nil {
				continue
			}
			var e news.FeedEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode feed entry %s: %w", k, err)
			}
			out[k] = e
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read feed entries: %w", err)
	}
	return out, nil
}
