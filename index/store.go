package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"time"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// The bbolt store (articles.db) is the source of truth: everything in the
// bleve index can be rebuilt from it. Buckets:
//
//	articles   id -> JSON record (the article without its text, plus counts)
//	texts      id -> the article text, raw bytes
//	quotes     id 0x00 be32(n) -> JSON news.Quote
//	sentences  id -> the article's sentences, compact binary (spans only)
//	urls       url -> id
//	hashes     content hash -> id
//	added      be64(added) id -> id (time order, for List and Since)
//	dirty      id -> "" (written to the store, not yet confirmed in bleve)
//	speakers   speaker word, time, quote -> speaker and outlet (see speakers.go)
//	meta       counters and flags
var (
	bucketArticles  = []byte("articles")
	bucketTexts     = []byte("texts")
	bucketQuotes    = []byte("quotes")
	bucketSentences = []byte("sentences")
	bucketURLs      = []byte("urls")
	bucketHashes    = []byte("hashes")
	bucketAdded     = []byte("added")
	bucketDirty     = []byte("dirty")
	bucketMeta      = []byte("meta")

	allBuckets = [][]byte{bucketArticles, bucketTexts, bucketQuotes, bucketSentences,
		bucketURLs, bucketHashes, bucketAdded, bucketDirty, bucketMeta, bucketSpeakers}

	// metaArticles and metaDocs count stored articles and the bleve
	// documents they should produce (1 + quotes + sentences each).
	metaArticles = []byte("articles")
	metaDocs     = []byte("docs")
	// metaQuotes and metaSentences count the quote and sentence documents
	// (for the share of documents a term occurs in).
	metaQuotes    = []byte("quotes")
	metaSentences = []byte("sentences")
	// metaMapping is the mapping version the bleve index was built with.
	metaMapping = []byte("mapping")
	// metaRebuild is set while the bleve index does not match the store
	// (a Reindex in progress); Open rebuilds the index when it finds it.
	metaRebuild = []byte("rebuild")
)

// record is what the articles bucket holds for one article.
type record struct {
	news.Article
	Quotes    int `json:"n_quotes"`
	Speakers  int `json:"n_speakers"`
	Sentences int `json:"n_sentences"`
}

func (r record) summary() news.Summary {
	return news.Summary{Ref: r.Ref(), Byline: r.Byline, Quotes: r.Quotes, Speakers: r.Speakers,
		PrivateTo: r.PrivateTo, AddedBy: r.AddedBy, AddedIn: r.AddedIn, AddedVia: r.AddedVia}
}

// bleveDocs is the number of bleve documents the article produces.
func (r record) bleveDocs() uint64 { return uint64(1 + r.Quotes + r.Sentences) }

func newRecord(d news.Document) record {
	r := record{Article: d.Article, Quotes: len(d.Quotes), Sentences: len(d.Sentences)}
	r.Text = ""
	seen := map[string]bool{}
	for _, q := range d.Quotes {
		if q.Speaker != "" {
			seen[news.NormalizeName(q.Speaker)] = true
		}
	}
	r.Speakers = len(seen)
	return r
}

func quoteKey(id string, n int) []byte {
	k := make([]byte, len(id)+5)
	copy(k, id)
	binary.BigEndian.PutUint32(k[len(id)+1:], uint32(n))
	return k
}

func quotePrefix(id string) []byte { return append([]byte(id), 0) }

// timeKey orders times as unsigned big-endian integers (sign bit flipped so
// that times before 1970 sort first). Times int64 nanoseconds cannot hold
// (before 1678 or after 2262, the zero time among them) are clamped.
func timeKey(t time.Time) []byte {
	var k [8]byte
	var n int64
	switch {
	case t.Before(minKeyTime):
		n = math.MinInt64
	case t.After(maxKeyTime):
		n = math.MaxInt64
	default:
		n = t.UnixNano()
	}
	binary.BigEndian.PutUint64(k[:], uint64(n)^(1<<63))
	return k[:]
}

var (
	minKeyTime = time.Unix(0, math.MinInt64)
	maxKeyTime = time.Unix(0, math.MaxInt64)
)

func addedKey(t time.Time, id string) []byte { return append(timeKey(t), id...) }

func getUint(b *bolt.Bucket, key []byte) uint64 {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func putUint(b *bolt.Bucket, key []byte, n uint64) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], n)
	return b.Put(key, v[:])
}

// encodeSentences stores spans only when the sentence text is the slice of
// the article text it claims to be (the usual case), so the text is not kept
// twice; otherwise the text is stored too.
func encodeSentences(text string, ss []news.Sentence) []byte {
	buf := make([]byte, 0, len(ss)*8)
	for _, s := range ss {
		buf = binary.AppendUvarint(buf, uint64(s.Start))
		buf = binary.AppendUvarint(buf, uint64(s.End))
		buf = binary.AppendUvarint(buf, uint64(s.Paragraph))
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(text) && text[s.Start:s.End] == s.Text {
			buf = binary.AppendUvarint(buf, 0)
		} else {
			buf = binary.AppendUvarint(buf, uint64(len(s.Text))+1)
			buf = append(buf, s.Text...)
		}
	}
	return buf
}

// decodeSentences decodes the sentences encoded by encodeSentences; only is
// the index of the one sentence wanted, or -1 for all.
func decodeSentences(text string, buf []byte, only int) ([]news.Sentence, error) {
	var out []news.Sentence
	next := func() (uint64, error) {
		v, n := binary.Uvarint(buf)
		if n <= 0 {
			return 0, fmt.Errorf("corrupt sentence record")
		}
		buf = buf[n:]
		return v, nil
	}
	for i := 0; len(buf) > 0; i++ {
		var v [4]uint64
		for j := range v {
			x, err := next()
			if err != nil {
				return nil, err
			}
			v[j] = x
		}
		s := news.Sentence{Start: int(v[0]), End: int(v[1]), Paragraph: int(v[2])}
		if v[3] > 0 {
			n := int(v[3] - 1)
			if n > len(buf) {
				return nil, fmt.Errorf("corrupt sentence record")
			}
			s.Text = string(buf[:n])
			buf = buf[n:]
		} else if s.Start <= s.End && s.End <= len(text) {
			s.Text = text[s.Start:s.End]
		}
		if only < 0 || i == only {
			out = append(out, s)
		}
		if i == only {
			break
		}
	}
	return out, nil
}

// getRecord reads one article record; ok is false when it is absent.
func getRecord(tx *bolt.Tx, id string) (record, bool, error) {
	v := tx.Bucket(bucketArticles).Get([]byte(id))
	if v == nil {
		return record{}, false, nil
	}
	var r record
	if err := json.Unmarshal(v, &r); err != nil {
		return record{}, false, fmt.Errorf("decode article %s: %w", id, err)
	}
	return r, true, nil
}

// getText returns a copy of the article's text.
func getText(tx *bolt.Tx, id string) string {
	return string(tx.Bucket(bucketTexts).Get([]byte(id)))
}

// getQuotes returns the stored quotes of one article in text order.
func getQuotes(tx *bolt.Tx, id string) ([]news.Quote, error) {
	var qs []news.Quote
	prefix := quotePrefix(id)
	c := tx.Bucket(bucketQuotes).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var q news.Quote
		if err := json.Unmarshal(v, &q); err != nil {
			return nil, fmt.Errorf("decode quote of %s: %w", id, err)
		}
		q.ArticleID = id
		qs = append(qs, q)
	}
	return qs, nil
}

// getDocument reads a whole stored document (article with text, quotes,
// sentences).
func getDocument(tx *bolt.Tx, id string) (news.Document, bool, error) {
	r, ok, err := getRecord(tx, id)
	if err != nil || !ok {
		return news.Document{}, ok, err
	}
	d := news.Document{Article: r.Article}
	d.Article.Text = getText(tx, id)
	if d.Quotes, err = getQuotes(tx, id); err != nil {
		return news.Document{}, false, err
	}
	if d.Sentences, err = decodeSentences(d.Article.Text, tx.Bucket(bucketSentences).Get([]byte(id)), -1); err != nil {
		return news.Document{}, false, fmt.Errorf("article %s: %w", id, err)
	}
	return d, true, nil
}

// putDocument writes a document's article, text, quotes and sentences and
// its lookup keys. It does not touch the counters.
func putDocument(tx *bolt.Tx, d news.Document) (record, error) {
	a := d.Article
	id := []byte(a.ID)
	r := newRecord(d)
	v, err := json.Marshal(r)
	if err != nil {
		return record{}, err
	}
	if err := tx.Bucket(bucketArticles).Put(id, v); err != nil {
		return record{}, err
	}
	if err := tx.Bucket(bucketTexts).Put(id, []byte(a.Text)); err != nil {
		return record{}, err
	}
	if err := putQuotesAndSentences(tx, d); err != nil {
		return record{}, err
	}
	if a.URL != "" {
		if err := tx.Bucket(bucketURLs).Put([]byte(a.URL), id); err != nil {
			return record{}, err
		}
	}
	if err := tx.Bucket(bucketHashes).Put([]byte(a.Hash), id); err != nil {
		return record{}, err
	}
	if err := tx.Bucket(bucketAdded).Put(addedKey(a.Added, a.ID), id); err != nil {
		return record{}, err
	}
	return r, nil
}

func putQuotesAndSentences(tx *bolt.Tx, d news.Document) error {
	qb := tx.Bucket(bucketQuotes)
	for n, q := range d.Quotes {
		q.ArticleID = "" // implied by the key
		v, err := json.Marshal(q)
		if err != nil {
			return err
		}
		if err := qb.Put(quoteKey(d.Article.ID, n), v); err != nil {
			return err
		}
	}
	if err := putSpeakers(tx, d.Article.ID, d.Article.Added, d.Article.PrivateTo, d.Quotes); err != nil {
		return err
	}
	return tx.Bucket(bucketSentences).Put([]byte(d.Article.ID), encodeSentences(d.Article.Text, d.Sentences))
}

func deleteQuotes(tx *bolt.Tx, id string) error {
	prefix := quotePrefix(id)
	c := tx.Bucket(bucketQuotes).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// deleteDocument removes every key of a stored article.
func deleteDocument(tx *bolt.Tx, r record) error {
	id := []byte(r.ID)
	for _, del := range []struct {
		bucket []byte
		key    []byte
	}{
		{bucketArticles, id},
		{bucketTexts, id},
		{bucketSentences, id},
		{bucketHashes, []byte(r.Hash)},
		{bucketAdded, addedKey(r.Added, r.ID)},
	} {
		if err := tx.Bucket(del.bucket).Delete(del.key); err != nil {
			return err
		}
	}
	if r.URL != "" {
		if v := tx.Bucket(bucketURLs).Get([]byte(r.URL)); bytes.Equal(v, id) {
			if err := tx.Bucket(bucketURLs).Delete([]byte(r.URL)); err != nil {
				return err
			}
		}
	}
	qs, err := getQuotes(tx, r.ID)
	if err != nil {
		return err
	}
	if err := deleteSpeakers(tx, r.ID, r.Added, qs); err != nil {
		return err
	}
	return deleteQuotes(tx, r.ID)
}
