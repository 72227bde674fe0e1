package index

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// turnPrefix keys a thread's last answer in the threads bucket (beside
// its articles, which are keyed by the thread alone), so that it expires
// and is pruned with them.
const turnPrefix = "turn:"

// PutThreadTurn records the last answer of the thread key.
func (x *Index) PutThreadTurn(ctx context.Context, key string, turn news.ThreadTurn, now, since time.Time) error {
	if err := x.putThreadValue(ctx, turnPrefix+key, turn, now, since); err != nil {
		return fmt.Errorf("remember the thread's last answer: %w", err)
	}
	return nil
}

// ThreadTurn returns the last answer of the thread key recorded at or
// after since; ok is false when there is none.
func (x *Index) ThreadTurn(ctx context.Context, key string, since time.Time) (turn news.ThreadTurn, ok bool, err error) {
	err = x.view(func(tx *bolt.Tx) error {
		t, v, found := stamped(tx.Bucket(bucketThreads).Get([]byte(turnPrefix + key)))
		if !found || t.Before(since) {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &turn)
	})
	if err != nil {
		return news.ThreadTurn{}, false, fmt.Errorf("read the thread's last answer %s: %w", key, err)
	}
	return turn, ok, nil
}
