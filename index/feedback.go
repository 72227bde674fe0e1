package index

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// Votes on answers and the corrections they make are kept apart from the
// extracted quotes, so that `reindex` (which extracts every quote again)
// and extractor upgrades leave them alone; they are applied when answers
// and summaries are made. Buckets:
//
//	feedback     be64(time) be64(sequence) -> JSON news.Feedback
//	corrections  article id 0x00 quote id -> JSON news.Correction
var (
	bucketFeedback    = []byte("feedback")
	bucketCorrections = []byte("corrections")

	// feedbackBuckets are created by Open but not required of a store (a
	// backup made before they existed is still sound).
	feedbackBuckets = [][]byte{bucketFeedback, bucketCorrections}
)

func correctionKey(articleID, quoteID string) []byte {
	return []byte(articleID + "\x00" + quoteID)
}

// RecordFeedback stores a vote; it is durable when it returns.
func (x *Index) RecordFeedback(ctx context.Context, fb news.Feedback) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := x.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedback)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		v, err := json.Marshal(fb)
		if err != nil {
			return err
		}
		return b.Put(binary.BigEndian.AppendUint64(timeKey(fb.Time), seq), v)
	})
	if err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	return nil
}

// Feedback returns every stored vote, oldest first.
func (x *Index) Feedback(ctx context.Context) ([]news.Feedback, error) {
	var out []news.Feedback
	err := x.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeedback).ForEach(func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var fb news.Feedback
			if err := json.Unmarshal(v, &fb); err != nil {
				return fmt.Errorf("decode feedback %x: %w", k, err)
			}
			out = append(out, fb)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read feedback: %w", err)
	}
	return out, nil
}

// PutCorrection sets (or replaces) the correction of one quote.
func (x *Index) PutCorrection(ctx context.Context, c news.Correction) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.ArticleID == "" || c.QuoteID == "" {
		return fmt.Errorf("%w: a correction needs an article id and a quote id", news.ErrInvalid)
	}
	v, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if err := x.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCorrections).Put(correctionKey(c.ArticleID, c.QuoteID), v)
	}); err != nil {
		return fmt.Errorf("store the correction: %w", err)
	}
	return nil
}

// Corrections returns the corrections of the given articles, keyed by
// quote id (QuoteID is unique to its article).
func (x *Index) Corrections(ctx context.Context, articleIDs ...string) (map[string]news.Correction, error) {
	out := map[string]news.Correction{}
	err := x.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketCorrections).Cursor()
		for _, id := range articleIDs {
			if err := ctx.Err(); err != nil {
				return err
			}
			prefix := correctionKey(id, "")
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				var cor news.Correction
				if err := json.Unmarshal(v, &cor); err != nil {
					return fmt.Errorf("decode correction %q: %w", k, err)
				}
				out[cor.QuoteID] = cor
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	return out, nil
}
