package index

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The store also keeps what the Slack bot must remember across restarts:
// the event deliveries it has taken (so that Slack's retries of an event
// answered before a restart are not answered again) and the articles each
// thread is about (so that a follow-up keeps its context). Entries carry
// their time; readers ignore entries older than the since they pass, and
// writes delete such entries now and then.
//
//	seen     key -> be64(unix nanoseconds)
//	threads  key -> be64(unix nanoseconds) JSON([]article id)
var (
	bucketSeen    = []byte("seen")
	bucketThreads = []byte("threads")

	// stateBuckets are created by Open but not required of a store (a
	// backup made before they existed is still sound).
	stateBuckets = [][]byte{bucketSeen, bucketThreads}
)

// pruneEvery is the number of state writes between two deletions of
// expired entries: rare enough to cost nothing per event, often enough
// to bound the buckets to about a week of events.
const pruneEvery = 512

func stamp(t time.Time) []byte { return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())) }

func stamped(v []byte) (time.Time, []byte, bool) {
	if len(v) < 8 {
		return time.Time{}, nil, false
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(v[:8]))), v[8:], true
}

// FirstSeen records keys at now and reports whether none of them was
// recorded at or after since. Empty keys are ignored. It is durable when
// it returns.
func (x *Index) FirstSeen(ctx context.Context, now, since time.Time, keys ...string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	first := true
	err := x.batch(func(tx *bolt.Tx) error {
		first = true
		b := tx.Bucket(bucketSeen)
		for _, k := range keys {
			if k == "" {
				continue
			}
			if t, _, ok := stamped(b.Get([]byte(k))); ok && !t.Before(since) {
				first = false
			}
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			if err := b.Put([]byte(k), stamp(now)); err != nil {
				return err
			}
		}
		return x.maybePrune(tx, since)
	})
	if err != nil {
		return false, fmt.Errorf("record delivery: %w", err)
	}
	return first, nil
}

// PutThread records that the thread key is about the articles ids (best
// first), replacing what it held.
func (x *Index) PutThread(ctx context.Context, key string, ids []string, now, since time.Time) error {
	if err := x.putThreadValue(ctx, key, ids, now, since); err != nil {
		return fmt.Errorf("remember thread: %w", err)
	}
	return nil
}

// putThreadValue stores v as JSON under key in the threads bucket, stamped
// with now, and now and then prunes what is older than since.
func (x *Index) putThreadValue(ctx context.Context, key string, v any, now, since time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return x.batch(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketThreads).Put([]byte(key), append(stamp(now), raw...)); err != nil {
			return err
		}
		return x.maybePrune(tx, since)
	})
}

// Thread returns the articles of the thread key recorded at or after
// since; nil when there are none.
func (x *Index) Thread(ctx context.Context, key string, since time.Time) ([]string, error) {
	var ids []string
	err := x.view(func(tx *bolt.Tx) error {
		t, v, ok := stamped(tx.Bucket(bucketThreads).Get([]byte(key)))
		if !ok || t.Before(since) {
			return nil
		}
		return json.Unmarshal(v, &ids)
	})
	if err != nil {
		return nil, fmt.Errorf("read thread %s: %w", key, err)
	}
	return ids, nil
}

// maybePrune deletes the state entries older than since, every
// pruneEvery calls.
func (x *Index) maybePrune(tx *bolt.Tx, since time.Time) error {
	if x.stateWrites.Add(1)%pruneEvery != 0 {
		return nil
	}
	for _, name := range stateBuckets {
		c := tx.Bucket(name).Cursor()
		for k, v := c.First(); k != nil; {
			if t, _, ok := stamped(v); !ok || t.Before(since) {
				k = append([]byte(nil), k...) // the page it points into changes
				if err := c.Delete(); err != nil {
					return err
				}
				k, v = c.Seek(k)
				continue
			}
			k, v = c.Next()
		}
	}
	return nil
}

// stateBatchDelay is how long a state write waits for others to share
// its transaction (bbolt's default, 10 ms, would add that to every event
// that arrives alone).
const stateBatchDelay = 2 * time.Millisecond

// batch runs a write transaction that bbolt may merge with concurrent
// ones (one fsync for many events); fn may run more than once.
func (x *Index) batch(fn func(tx *bolt.Tx) error) error {
	return x.storeErr(guard(func() error { return x.db.Batch(fn) }))
}
