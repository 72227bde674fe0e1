package index

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"newsbot/news"
)

// doc is a one-quote document.
func doc(title, quote, speaker string) news.Document {
	text := `"` + quote + `," said ` + speaker + "."
	a := news.Article{Title: title, Added: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Text: text, Hash: news.ContentHash(text)}
	a.ID = news.NewID(a.Hash)
	return news.Document{Article: a,
		Quotes:    []news.Quote{{ArticleID: a.ID, Text: quote, Start: 1, End: 1 + len(quote), Speaker: speaker}},
		Sentences: []news.Sentence{{Text: text, Start: 0, End: len(text)}}}
}

// TestRecoverDirty simulates a crash right after the store transaction of
// an Add (the bleve batch never ran) and one right after the store
// transaction of a Remove: reopening brings the index in line using the
// dirty markers, without a full rebuild.
func TestRecoverDirty(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gone := doc("Gone", "Removed zebras here", "Ann Lee")
	if _, err := x.Add(ctx, []news.Document{gone}); err != nil {
		t.Fatal(err)
	}
	// Store-only writes, as Add and Remove do them before their bleve batch.
	lost := doc("Lost", "Unindexed words there", "Bo Chan")
	if err := x.db.Update(func(tx *bolt.Tx) error {
		r, err := putDocument(tx, lost)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDirty).Put([]byte(lost.Article.ID), nil); err != nil {
			return err
		}
		if err := addCounters(tx, []record{r}, +1); err != nil {
			return err
		}
		old, _, err := getRecord(tx, gone.Article.ID)
		if err != nil {
			return err
		}
		if err := deleteDocument(tx, old); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDirty).Put([]byte(gone.Article.ID), nil); err != nil {
			return err
		}
		return addCounters(tx, []record{old}, -1)
	}); err != nil {
		t.Fatal(err)
	}
	x.clean = nil
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}

	var logs bytes.Buffer
	x, err = Open(dir, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if hits, err := x.SearchQuotes(ctx, news.QuoteQuery{Text: "unindexed words"}); err != nil || len(hits) != 1 || hits[0].Quote.Speaker != "Bo Chan" {
		t.Errorf("stored but unindexed article: %+v, %v", hits, err)
	}
	if hits, _ := x.SearchQuotes(ctx, news.QuoteQuery{Text: "zebras"}); len(hits) != 0 {
		t.Errorf("removed article still indexed: %+v", hits)
	}
	if n, _ := x.idx.DocCount(); n != 3 {
		t.Errorf("bleve holds %d documents, want 3", n)
	}
	if s := logs.String(); !strings.Contains(s, "not confirmed") || strings.Contains(s, "rebuilt") {
		t.Errorf("want a dirty-marker recovery, not a rebuild; logs:\n%s", s)
	}
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"beij", "beij", true}, {"beij", "beej", true}, {"beij", "beijj", true}, {"beij", "bij", true},
		{"beij", "biej", false}, {"beij", "be", false}, {"", "a", true}, {"ab", "ba", false},
	} {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestParseDocID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		id   string
		kind byte
		n    int
		ok   bool
	}{
		{"abc", "abc", 'a', 0, true},
		{quoteDocID("abc", 7), "abc", 'q', 7, true},
		{sentenceDocID("abc", 123456), "abc", 's', 123456, true},
		{"abc/x1", "", 0, 0, false},
		{"abc/q", "", 0, 0, false},
	} {
		id, kind, n, ok := parseDocID(tc.in)
		if id != tc.id || kind != tc.kind || n != tc.n || ok != tc.ok {
			t.Errorf("parseDocID(%q) = %q %c %d %v", tc.in, id, kind, n, ok)
		}
	}
}

func TestSentenceEncoding(t *testing.T) {
	text := "One two. Three four."
	in := []news.Sentence{{Text: "One two.", Start: 0, End: 8}, {Text: "Three four!", Start: 9, End: 20, Paragraph: 1}}
	enc := encodeSentences(text, in)
	all, err := decodeSentences(text, enc, -1)
	if err != nil || len(all) != 2 || all[0] != in[0] || all[1] != in[1] {
		t.Errorf("decode all = %+v, %v", all, err)
	}
	one, err := decodeSentences(text, enc, 1)
	if err != nil || len(one) != 1 || one[0] != in[1] {
		t.Errorf("decode one = %+v, %v", one, err)
	}
	if _, err := decodeSentences(text, enc[:len(enc)-3], -1); err == nil {
		t.Error("truncated record decoded without error")
	}
}
