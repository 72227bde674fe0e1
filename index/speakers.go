package index

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// The speakers bucket answers "what did X say?" without a topic: newest
// first, without bleve having to load and sort the dates of all of a
// prolific speaker's quotes. For every word of a quote's speaker:
//
//	word 0x00 newest-first(added) article-id 0x00 be32(n) -> speaker words 0x00 outlet 0x00 private-to
//
// (speaker words and outlet lower-cased; private-to empty, or absent in
// stores written before it existed, for the workspace), so filters and
// visibility are checked without decoding the quote.
var bucketSpeakers = []byte("speakers")

// metaSpeakers is set once the speakers bucket covers every stored quote.
var metaSpeakers = []byte("speakers")

var nameAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	im, err := newMapping()
	if err != nil {
		panic(err) // the mapping is a constant: tests catch this
	}
	return im.AnalyzerNamed(analyzerName)
})

// nameWords splits a name as the speaker field is analysed.
func nameWords(s string) []string {
	var out []string
	for _, tok := range nameAnalyzer().Analyze([]byte(s)) {
		if t := string(tok.Term); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// newestFirst orders times backwards.
func newestFirst(t time.Time) []byte {
	k := timeKey(t)
	for i := range k {
		k[i] = ^k[i]
	}
	return k
}

func speakerKeys(id string, added time.Time, privateTo string, n int, q news.Quote) (keys [][]byte, val []byte) {
	words := nameWords(q.Speaker)
	if len(words) == 0 {
		return nil, nil
	}
	val = []byte(strings.Join(words, " ") + "\x00" + strings.ToLower(strings.TrimSpace(q.Outlet)) + "\x00" + privateTo)
	tail := append(newestFirst(added), id...)
	tail = append(tail, 0, 0, 0, 0, 0)
	binary.BigEndian.PutUint32(tail[len(tail)-4:], uint32(n))
	for _, w := range words {
		k := append([]byte(w), 0)
		keys = append(keys, append(k, tail...))
	}
	return keys, val
}

func putSpeakers(tx *bolt.Tx, id string, added time.Time, privateTo string, quotes []news.Quote) error {
	b := tx.Bucket(bucketSpeakers)
	for n, q := range quotes {
		keys, val := speakerKeys(id, added, privateTo, n, q)
		for _, k := range keys {
			if err := b.Put(k, val); err != nil {
				return err
			}
		}
	}
	return nil
}

func deleteSpeakers(tx *bolt.Tx, id string, added time.Time, quotes []news.Quote) error {
	b := tx.Bucket(bucketSpeakers)
	for n, q := range quotes {
		keys, _ := speakerKeys(id, added, "", n, q)
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexSpeakers fills the speakers bucket from the stored quotes when it
// does not cover them yet (a store written before it existed).
func (x *Index) indexSpeakers() error {
	return x.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if getUint(m, metaSpeakers) != 0 {
			return nil
		}
		if err := tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
			r, ok, err := getRecord(tx, string(k))
			if err != nil || !ok {
				return err
			}
			qs, err := getQuotes(tx, r.ID)
			if err != nil {
				return err
			}
			return putSpeakers(tx, r.ID, r.Added, r.PrivateTo, qs)
		}); err != nil {
			return err
		}
		return putUint(m, metaSpeakers, 1)
	})
}

// speakerQuotes answers a QuoteQuery without text: the quotes of
// q.Speaker that pass the filters, newest first (in text order within an
// article). ok is false when the speaker has no words to look up.
func (x *Index) speakerQuotes(ctx context.Context, q news.QuoteQuery) (hits []news.QuoteHit, ok bool, err error) {
	words := nameWords(q.Speaker)
	if len(words) == 0 {
		return nil, false, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	// Scan the longest word's entries (the surname, usually: fewest).
	scan := slices.MaxFunc(words, func(a, b string) int { return len(a) - len(b) })
	outlet := strings.ToLower(strings.TrimSpace(q.Outlet))
	var articles map[string]bool
	if len(q.ArticleIDs) > 0 {
		articles = map[string]bool{}
		for _, id := range q.ArticleIDs {
			articles[id] = true
		}
	}
	prefix := append([]byte(scan), 0)
	err = x.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSpeakers).Cursor()
		start := prefix
		if !q.Until.IsZero() {
			start = append(slices.Clone(prefix), newestFirst(q.Until)...)
		}
		refs := map[string]news.Ref{}
		seen := 0
		for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if seen++; seen%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			rest := k[len(prefix):]
			if len(rest) < 8+1+4 {
				continue
			}
			var tk [8]byte
			for i := range tk {
				tk[i] = ^rest[i]
			}
			added := time.Unix(0, int64(binary.BigEndian.Uint64(tk[:])^(1<<63)))
			if !q.Until.IsZero() && !added.Before(q.Until) {
				continue
			}
			if !q.Since.IsZero() && added.Before(q.Since) {
				break
			}
			id := string(rest[8 : len(rest)-5])
			n := int(binary.BigEndian.Uint32(rest[len(rest)-4:]))
			if articles != nil && !articles[id] {
				continue
			}
			names, rest, _ := bytes.Cut(v, []byte{0})
			out, privateTo, _ := bytes.Cut(rest, []byte{0})
			if !q.Scope.Allows(string(privateTo)) {
				continue // part of the scan, as bleve's filter is part of its search
			}
			if outlet != "" && string(out) != outlet {
				continue
			}
			have := strings.Fields(string(names))
			if !allIn(words, have) {
				continue
			}
			qv := tx.Bucket(bucketQuotes).Get(quoteKey(id, n))
			if qv == nil {
				continue
			}
			var qt news.Quote
			if err := json.Unmarshal(qv, &qt); err != nil {
				return fmt.Errorf("decode quote %s/%d: %w", id, n, err)
			}
			qt.ArticleID = id
			ref, err := refOf(tx, refs, id)
			if err != nil {
				return err
			}
			hits = append(hits, news.QuoteHit{Quote: qt, Article: ref, Score: 1})
			if len(hits) == limit {
				break
			}
		}
		return nil
	})
	return hits, true, err
}

func allIn(want, have []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
