package index_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newsbot/index"
	"newsbot/news"
)

// mustOpen opens an index in dir and closes it when the test ends.
func mustOpen(tb testing.TB, dir string) *index.Index {
	tb.Helper()
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		tb.Fatalf("Open(%s): %v", dir, err)
	}
	tb.Cleanup(func() { x.Close() })
	return x
}

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// quoteSpec is a quote of a test article: who says what.
type quoteSpec struct{ speaker, title, outlet, text string }

// makeDoc builds a document whose text is its quotes and extra sentences,
// with exact spans, the way the handlers' Prepare would.
func makeDoc(title, url string, added time.Time, quotes []quoteSpec, extra ...string) news.Document {
	var b strings.Builder
	var qs []news.Quote
	var ss []news.Sentence
	for i, q := range quotes {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(`"`)
		start := b.Len()
		b.WriteString(q.text)
		end := b.Len()
		fmt.Fprintf(&b, `," said %s.`, q.speaker)
		qs = append(qs, news.Quote{Text: q.text, Start: start, End: end, Kind: news.Direct, Speaker: q.speaker,
			Mention: q.speaker, Title: q.title, Cue: "said", Outlet: q.outlet, Paragraph: i, Confidence: 0.9})
		ss = append(ss, news.Sentence{Text: q.text, Start: start, End: end, Paragraph: i})
	}
	for _, s := range extra {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(s)
		ss = append(ss, news.Sentence{Text: s, Start: start, End: b.Len(), Paragraph: len(ss)})
	}
	text := b.String()
	a := news.Article{Title: title, URL: url, Outlet: "Test Outlet", Added: added, Text: text, Hash: news.ContentHash(text)}
	a.ID = news.NewID(a.Hash)
	for i := range qs {
		qs[i].ArticleID = a.ID
	}
	return news.Document{Article: a, Quotes: qs, Sentences: ss}
}

func peaceDoc() news.Document {
	return makeDoc("China and Russia talk peace", "https://example.com/peace", t0, []quoteSpec{
		{"Yun Sun", "director of the Stimson Center's China program", "The Wall Street Journal",
			"Calling for peace is cheap and easy"},
		{"Antony Blinken", "US Secretary of State", "BBC",
			"Chinese firms are already delivering non-lethal support to Russia"},
		{"Wang Wenbin", "foreign ministry spokesman", "BBC",
			"Beijing does not accept the United States' finger-pointing"},
	}, "Wang Yi arrived in Moscow on Tuesday for talks with Russian officials.")
}

func climateDoc() news.Document {
	return makeDoc("Climate summit ends", "https://example.com/climate", t0.Add(24*time.Hour), []quoteSpec{
		{"Kamala Harris", "US Vice President", "",
			"Russia is guilty of numerous atrocities and the world must respond"},
		{"Antony Blinken", "US Secretary of State", "Reuters",
			"The climate crisis will not wait for diplomats to agree"},
	}, "Delegates from 190 countries met in Geneva for two weeks.")
}

func add(t *testing.T, x *index.Index, docs ...news.Document) []error {
	t.Helper()
	errs, err := x.Add(context.Background(), docs)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	if len(errs) != len(docs) {
		t.Fatalf("Add returned %d errors for %d docs", len(errs), len(docs))
	}
	return errs
}

func addOK(t *testing.T, x *index.Index, docs ...news.Document) {
	t.Helper()
	for i, err := range add(t, x, docs...) {
		if err != nil {
			t.Fatalf("Add doc %d: %v", i, err)
		}
	}
}

func searchQuotes(t *testing.T, x *index.Index, q news.QuoteQuery) []news.QuoteHit {
	t.Helper()
	hits, err := x.SearchQuotes(context.Background(), q)
	if err != nil {
		t.Fatalf("SearchQuotes(%+v): %v", q, err)
	}
	return hits
}

func speakers(hits []news.QuoteHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Quote.Speaker)
	}
	return out
}

func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	peace, climate := peaceDoc(), climateDoc()
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addOK(t, x, peace, climate)
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	x = mustOpen(t, dir)
	if n, err := x.Count(ctx); err != nil || n != 2 {
		t.Fatalf("Count = %d, %v; want 2", n, err)
	}
	hits := searchQuotes(t, x, news.QuoteQuery{Text: "who said calling for peace is cheap?", Phrases: []string{"calling for peace is cheap"}})
	if len(hits) == 0 {
		t.Fatal("no hit after reopening")
	}
	h := hits[0]
	if h.Quote.Speaker != "Yun Sun" || h.Quote.Outlet != "The Wall Street Journal" || h.Article.ID != peace.Article.ID ||
		h.Article.Title != peace.Article.Title || h.Article.URL != peace.Article.URL {
		t.Errorf("top hit = %+v", h)
	}
	if h.Quote.Text != "Calling for peace is cheap and easy" || h.Quote.ArticleID != peace.Article.ID {
		t.Errorf("quote = %+v", h.Quote)
	}
	if got := peace.Article.Text[h.Quote.Start:h.Quote.End]; got != h.Quote.Text {
		t.Errorf("span gives %q", got)
	}
	if !cmp.Equal(h.Terms, []string{"call", "cheap", "peac"}) {
		t.Errorf("terms = %q", h.Terms)
	}
	var bold []string
	for _, sp := range h.Matched {
		bold = append(bold, h.Quote.Text[sp.Start:sp.End])
	}
	if !cmp.Equal(bold, []string{"Calling", "peace", "cheap"}) {
		t.Errorf("matched words = %q", bold)
	}

	ps, err := x.SearchPassages(ctx, news.PassageQuery{Text: "when did Wang Yi arrive in Moscow?"})
	if err != nil || len(ps) == 0 {
		t.Fatalf("SearchPassages = %v, %v", ps, err)
	}
	if want := "Wang Yi arrived in Moscow on Tuesday for talks with Russian officials."; ps[0].Sentence.Text != want {
		t.Errorf("passage = %q, want %q", ps[0].Sentence.Text, want)
	}
	if ps[0].Article.ID != peace.Article.ID {
		t.Errorf("passage article = %+v", ps[0].Article)
	}

	got, err := x.Get(ctx, peace.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(peace.Article, got); diff != "" {
		t.Errorf("Get (-want +got):\n%s", diff)
	}
	qs, err := x.Quotes(ctx, peace.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(peace.Quotes, qs); diff != "" {
		t.Errorf("Quotes (-want +got):\n%s", diff)
	}

	list, err := x.List(ctx, news.Everything, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Summary{
		{Ref: climate.Article.Ref(), Quotes: 2, Speakers: 2},
		{Ref: peace.Article.Ref(), Quotes: 3, Speakers: 3},
	}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("List (-want +got):\n%s", diff)
	}
	if list, _ := x.List(ctx, news.Everything, 1); len(list) != 1 || list[0].ID != climate.Article.ID {
		t.Errorf("List(1) = %+v", list)
	}
}

func TestLookup(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	peace := peaceDoc()
	addOK(t, x, peace)
	id := peace.Article.ID
	for _, key := range []string{id, id[:4], id[:8], peace.Article.URL} {
		a, err := x.Lookup(ctx, key)
		if err != nil || a.ID != id {
			t.Errorf("Lookup(%q) = %s, %v", key, a.ID, err)
		}
	}
	for _, key := range []string{id[:3], "zzzz", "https://example.com/nothing", ""} {
		if _, err := x.Lookup(ctx, key); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Lookup(%q) error = %v, want ErrNotFound", key, err)
		}
	}
	if _, err := x.Get(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Get(nope) error = %v", err)
	}
	if _, err := x.Quotes(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Quotes(nope) error = %v", err)
	}
}

func TestLookupAmbiguousPrefix(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	a, b := peaceDoc(), climateDoc()
	a.Article.ID, b.Article.ID = "abcd11112222", "abcd33334444"
	addOK(t, x, a, b)
	if _, err := x.Lookup(ctx, "abcd"); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("Lookup(ambiguous) error = %v, want ErrInvalid", err)
	}
	if got, err := x.Lookup(ctx, "abcd3"); err != nil || got.ID != b.Article.ID {
		t.Errorf("Lookup(abcd3) = %s, %v", got.ID, err)
	}
}

func TestDuplicates(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	peace := peaceDoc()
	addOK(t, x, peace)

	sameURL := climateDoc()
	sameURL.Article.URL = peace.Article.URL
	sameText := peaceDoc()
	sameText.Article.URL = "https://example.org/copy"
	sameText.Article.Text = strings.ReplaceAll(strings.ToUpper(peace.Article.Text), " ", "  \n") // same content hash
	sameText.Article.Hash = news.ContentHash(sameText.Article.Text)
	if sameText.Article.Hash != peace.Article.Hash {
		t.Fatal("test setup: hashes differ")
	}
	fresh := climateDoc()
	inBatch := climateDoc() // same as fresh, in the same call
	inBatch.Article.URL = "https://example.org/other"
	errs := add(t, x, sameURL, sameText, fresh, inBatch)
	for i, err := range errs[:2] {
		var d *news.DuplicateError
		if !errors.As(err, &d) || d.ID != peace.Article.ID || d.Title != peace.Article.Title {
			t.Errorf("errs[%d] = %v, want duplicate of %s", i, err, peace.Article.ID)
		}
	}
	if errs[2] != nil {
		t.Errorf("errs[2] = %v, want nil", errs[2])
	}
	var d *news.DuplicateError
	if !errors.As(errs[3], &d) || d.ID != fresh.Article.ID || !errors.Is(errs[3], news.ErrDuplicate) {
		t.Errorf("errs[3] = %v, want duplicate of %s", errs[3], fresh.Article.ID)
	}
	if n, _ := x.Count(ctx); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	// Same URL within one batch.
	a, b := makeDoc("A", "https://example.com/same", t0, nil, "Alpha text."), makeDoc("B", "https://example.com/same", t0, nil, "Beta text.")
	errs = add(t, x, a, b)
	if errs[0] != nil || !errors.Is(errs[1], news.ErrDuplicate) {
		t.Errorf("same URL in one batch: errs = %v", errs)
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	peace, climate := peaceDoc(), climateDoc()
	addOK(t, x, peace, climate)
	if err := x.Remove(ctx, peace.Article.ID); err != nil {
		t.Fatalf("Remove: %v", err)
	}
	if err := x.Remove(ctx, peace.Article.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("second Remove error = %v, want ErrNotFound", err)
	}
	check := func(x *index.Index) {
		t.Helper()
		if hits := searchQuotes(t, x, news.QuoteQuery{Text: "calling for peace is cheap"}); len(hits) != 0 {
			t.Errorf("removed quote still found: %+v", hits)
		}
		if ps, _ := x.SearchPassages(ctx, news.PassageQuery{Text: "Wang Yi arrived in Moscow"}); len(ps) != 0 {
			t.Errorf("removed sentence still found: %+v", ps)
		}
		if _, err := x.Lookup(ctx, peace.Article.URL); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Lookup(url) after remove: %v", err)
		}
		if qs, err := x.Quotes(ctx, peace.Article.ID); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Quotes after remove = %v, %v", qs, err)
		}
		if n, _ := x.Count(ctx); n != 1 {
			t.Errorf("Count = %d, want 1", n)
		}
		if hits := searchQuotes(t, x, news.QuoteQuery{Text: "climate crisis"}); len(hits) != 1 {
			t.Errorf("other article's quote: %+v", hits)
		}
	}
	check(x)
	// The same article can be added again once removed.
	addOK(t, x, peace)
	if err := x.Remove(ctx, peace.Article.ID); err != nil {
		t.Fatal(err)
	}
	x.Close()
	check(mustOpen(t, dir))
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir)
	start := time.Now()
	y, err := index.Open(dir, index.Options{LockTimeout: 100 * time.Millisecond})
	if err == nil {
		y.Close()
		t.Fatal("second Open of the same directory succeeded")
	}
	if !errors.Is(err, news.ErrLocked) {
		t.Errorf("error %v does not match news.ErrLocked", err)
	}
	if want := "data directory " + dir + " is in use by another newsbot process"; !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "quit the other") {
		t.Errorf("error = %q, want %q", err, want)
	}
	if d := time.Since(start); d > 30*time.Second { // generous: only catches a hang
		t.Errorf("second Open took %v", d)
	}
}

func TestLockDefaultTimeout(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir)
	if _, err := index.Open(dir, index.Options{}); !errors.Is(err, news.ErrLocked) {
		t.Fatalf("second Open error = %v, want ErrLocked", err)
	}
}

func TestSince(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	var docs []news.Document
	for i := range 5 {
		docs = append(docs, makeDoc(fmt.Sprintf("Day %d", i), "", t0.Add(time.Duration(i)*24*time.Hour),
			[]quoteSpec{{"Ann Lee", "", "", fmt.Sprintf("Day %d was a good day", i)}}, fmt.Sprintf("Number %d.", i)))
	}
	addOK(t, x, docs[3], docs[0], docs[4])
	addOK(t, x, docs[1], docs[2])
	titles := func(ds []news.Document) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Article.Title)
			if len(d.Quotes) != 1 || d.Quotes[0].ArticleID != d.Article.ID || d.Article.Text == "" || len(d.Sentences) != 2 {
				t.Errorf("document %s incomplete: %+v", d.Article.ID, d)
			}
		}
		return out
	}
	for _, tc := range []struct {
		from, to time.Time
		want     []string
	}{
		{t0, t0.Add(5 * 24 * time.Hour), []string{"Day 0", "Day 1", "Day 2", "Day 3", "Day 4"}},
		{t0.Add(24 * time.Hour), t0.Add(3 * 24 * time.Hour), []string{"Day 1", "Day 2"}}, // to excluded
		{t0.Add(time.Nanosecond), t0.Add(24*time.Hour + time.Nanosecond), []string{"Day 1"}},
		{t0.Add(-time.Hour), t0, nil},
		{t0.Add(4 * 24 * time.Hour), time.Time{}, []string{"Day 4"}}, // zero to: no bound
	} {
		got, err := x.Since(ctx, news.Everything, tc.from, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, titles(got)); diff != "" {
			t.Errorf("Since(%v, %v) (-want +got):\n%s", tc.from, tc.to, diff)
		}
	}
	// The same ranges filter searches.
	hits := searchQuotes(t, x, news.QuoteQuery{Text: "good day", Since: t0.Add(24 * time.Hour), Until: t0.Add(3 * 24 * time.Hour)})
	if len(hits) != 2 {
		t.Errorf("quotes in range: %d, want 2", len(hits))
	}
	ps, _ := x.SearchPassages(ctx, news.PassageQuery{Text: "number", Until: t0.Add(24 * time.Hour)})
	if len(ps) != 1 || ps[0].Article.Title != "Day 0" {
		t.Errorf("passages until day 1: %+v", ps)
	}
}

func TestFilters(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	peace, climate := peaceDoc(), climateDoc()
	addOK(t, x, peace, climate)
	for _, tc := range []struct {
		name string
		q    news.QuoteQuery
		want []string
	}{
		{"surname", news.QuoteQuery{Speaker: "Blinken"}, []string{"Antony Blinken", "Antony Blinken"}},
		{"full name any case", news.QuoteQuery{Speaker: "antony BLINKEN", Text: "Russia"}, []string{"Antony Blinken"}},
		{"all speaker words must match", news.QuoteQuery{Speaker: "Antony Harris"}, nil},
		{"speaker and topic", news.QuoteQuery{Speaker: "Blinken", Text: "climate"}, []string{"Antony Blinken"}},
		{"outlet case-insensitive", news.QuoteQuery{Outlet: "bbc"}, []string{"Antony Blinken", "Wang Wenbin"}},
		{"outlet and text", news.QuoteQuery{Outlet: "BBC", Text: "Beijing finger-pointing"}, []string{"Wang Wenbin"}},
		{"outlet is whole", news.QuoteQuery{Outlet: "Wall"}, nil},
		{"article", news.QuoteQuery{Text: "Russia", ArticleIDs: []string{climate.Article.ID}}, []string{"Kamala Harris"}},
		{"articles", news.QuoteQuery{Text: "Russia", ArticleIDs: []string{climate.Article.ID, peace.Article.ID}}, []string{"Antony Blinken", "Kamala Harris"}},
		{"articles only", news.QuoteQuery{ArticleIDs: []string{peace.Article.ID}}, []string{"Yun Sun", "Antony Blinken", "Wang Wenbin"}},
		{"limit", news.QuoteQuery{Speaker: "Blinken", Limit: 1}, []string{"Antony Blinken"}},
		{"speaker since", news.QuoteQuery{Speaker: "Blinken", Since: climate.Article.Added}, []string{"Antony Blinken"}},
		{"speaker until", news.QuoteQuery{Speaker: "Blinken", Until: climate.Article.Added}, []string{"Antony Blinken"}},
		{"speaker empty range", news.QuoteQuery{Speaker: "Blinken", Since: t0.Add(time.Hour), Until: climate.Article.Added}, nil},
		{"speaker outlet", news.QuoteQuery{Speaker: "blinken", Outlet: "Reuters"}, []string{"Antony Blinken"}},
		{"speaker article", news.QuoteQuery{Speaker: "Wang", ArticleIDs: []string{peace.Article.ID}}, []string{"Wang Wenbin"}},
		{"speaker and stop words", news.QuoteQuery{Speaker: "Wang Wenbin", Text: "what did he"}, []string{"Wang Wenbin"}},
		{"unknown speaker", news.QuoteQuery{Speaker: "Nobody"}, nil},
		{"nothing asked", news.QuoteQuery{}, nil},
		{"one-word phrase", news.QuoteQuery{Phrases: []string{"of the Beijing"}}, []string{"Wang Wenbin"}},
		{"stop words only", news.QuoteQuery{Text: "who is the"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := speakers(searchQuotes(t, x, tc.q))
			if tc.name == "articles" { // order by score is not the point here
				if len(got) == 2 && got[0] > got[1] {
					got[0], got[1] = got[1], got[0]
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// A speaker's quotes without a topic come newest first.
	hits := searchQuotes(t, x, news.QuoteQuery{Speaker: "Blinken"})
	if len(hits) == 2 && hits[0].Article.ID != climate.Article.ID {
		t.Errorf("speaker's quotes not newest first: %+v", hits)
	}
	// Removed quotes are gone from the speaker lookup too.
	if err := x.Remove(context.Background(), climate.Article.ID); err != nil {
		t.Fatal(err)
	}
	if got := speakers(searchQuotes(t, x, news.QuoteQuery{Speaker: "Blinken"})); len(got) != 1 {
		t.Errorf("after remove: %v", got)
	}
}

func TestSpeakerQuotesInTextOrder(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	d := makeDoc("Many", "", t0, []quoteSpec{
		{"Ann Lee", "", "", "First thing"}, {"Bo Chan", "", "", "Other"}, {"Ann Lee", "", "", "Second thing"}, {"Ann Lee", "", "", "Third thing"},
	})
	older := makeDoc("Older", "", t0.Add(-time.Hour), []quoteSpec{{"Ann Lee", "", "", "Oldest thing"}})
	addOK(t, x, older, d)
	var got []string
	for _, h := range searchQuotes(t, x, news.QuoteQuery{Speaker: "Lee"}) {
		got = append(got, h.Quote.Text)
	}
	if want := []string{"First thing", "Second thing", "Third thing", "Oldest thing"}; !cmp.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got = nil
	for _, h := range searchQuotes(t, x, news.QuoteQuery{ArticleIDs: []string{d.Article.ID}}) {
		got = append(got, h.Quote.Text)
	}
	if want := []string{"First thing", "Other", "Second thing", "Third thing"}; !cmp.Equal(got, want) {
		t.Errorf("article's quotes: got %q, want %q", got, want)
	}
}

// TestCommonWords: a word in most quotes only adds to the score of quotes
// found by the other words; a quote with all the words ranks first.
func TestCommonWords(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	var qs []quoteSpec
	for i := range 1500 {
		qs = append(qs, quoteSpec{"Ann Lee", "", "", fmt.Sprintf("Government number %d", i)})
		if i%2 == 0 {
			qs = append(qs, quoteSpec{"Al Mar", "", "", fmt.Sprintf("Filler number %d", i)})
		}
	}
	qs = append(qs, quoteSpec{"Bo Chan", "", "", "The government must fund the orchestra"},
		quoteSpec{"Cy Dee", "", "", "The orchestra needs money today"})
	addOK(t, x, makeDoc("Common", "", t0, qs))
	hits := searchQuotes(t, x, news.QuoteQuery{Text: "government orchestra", Limit: 5})
	if got := speakers(hits); !cmp.Equal(got, []string{"Bo Chan", "Cy Dee"}) {
		t.Errorf("got %v, want Bo Chan then Cy Dee only", got)
	}
	if len(hits) > 0 && !cmp.Equal(hits[0].Terms, []string{"govern", "orchestra"}) {
		t.Errorf("terms = %q", hits[0].Terms)
	}
	// When every word is common, the rarest still find quotes.
	if hits := searchQuotes(t, x, news.QuoteQuery{Text: "government", Limit: 3}); len(hits) != 3 {
		t.Errorf("only common words: %d hits", len(hits))
	}
	stats, docs, err := x.TermStats(context.Background(), "quote", "the Government orchestras")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]news.TermStat{{{Term: "govern", DocFreq: 1501}, {Term: "orchestra", DocFreq: 2}}}
	if diff := cmp.Diff(want, stats); diff != "" || docs < 2252 {
		t.Errorf("TermStats: docs %d, (-want +got):\n%s", docs, diff)
	}
}

func TestAnalyze(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	got := x.Analyze("The families’ Governments were paying.", "")
	want := [][]news.Token{{
		{Term: "famili", Start: 4, End: 12},
		{Term: "govern", Start: 16, End: 27},
		{Term: "pai", Start: 33, End: 39},
	}, nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Analyze (-want +got):\n%s", diff)
	}
}

func TestFindArticles(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	peace, climate := peaceDoc(), climateDoc()
	addOK(t, x, peace, climate)
	refs, err := x.FindArticles(ctx, news.Everything, "the climate summit", 5)
	if err != nil || len(refs) != 1 || refs[0].ID != climate.Article.ID {
		t.Errorf("FindArticles = %+v, %v", refs, err)
	}
	if refs, _ := x.FindArticles(ctx, news.Everything, "penguins", 5); len(refs) != 0 {
		t.Errorf("FindArticles(penguins) = %+v", refs)
	}
}

func TestPhraseBeatsScatteredWords(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	scattered := makeDoc("Scattered", "", t0, []quoteSpec{
		{"Bob Scatter", "", "", "Peace talks are cheap to organise, and calling anyone is easy"},
	})
	phrase := makeDoc("Phrase", "", t0, []quoteSpec{
		{"Pat Phrase", "", "", "Frankly, calling for peace is cheap, and everyone in this long debate knows it by now"},
	})
	addOK(t, x, scattered, phrase)
	q := news.QuoteQuery{Text: "calling for peace is cheap", Phrases: []string{"calling for peace is cheap"}}
	hits := searchQuotes(t, x, q)
	if got := speakers(hits); len(got) != 2 || got[0] != "Pat Phrase" {
		t.Fatalf("with phrase: %v", got)
	}
	if hits[0].Score <= hits[1].Score {
		t.Errorf("phrase score %v <= scattered %v", hits[0].Score, hits[1].Score)
	}
}

func TestFuzzy(t *testing.T) {
	x := mustOpen(t, t.TempDir())
	addOK(t, x, peaceDoc())
	q := news.QuoteQuery{Text: "who said Beeijing does not acept finger-pointing"}
	exact := searchQuotes(t, x, q)
	q.Fuzzy = true
	fuzzy := searchQuotes(t, x, q)
	if len(fuzzy) == 0 || fuzzy[0].Quote.Speaker != "Wang Wenbin" {
		t.Fatalf("fuzzy: %v", speakers(fuzzy))
	}
	if len(exact) > 0 && exact[0].Score >= fuzzy[0].Score {
		t.Errorf("fuzzy matching did not raise the score: %v vs %v", exact[0].Score, fuzzy[0].Score)
	}
	has := func(terms []string, t string) bool {
		return slices.Contains(terms, t)
	}
	if !has(fuzzy[0].Terms, "beij") && !has(fuzzy[0].Terms, "beijing") {
		t.Errorf("fuzzy terms %q lack Beijing", fuzzy[0].Terms)
	}
	// Short words are not fuzzy: "Russa" (5 letters) matches, "Rusia"... but "peac" (4) must not match "pact".
	short := searchQuotes(t, x, news.QuoteQuery{Text: "pact", Fuzzy: true})
	if len(short) != 0 {
		t.Errorf("4-letter word matched fuzzily: %v", speakers(short))
	}
}

// TestRecoverDirty simulates a crash between the store commit and the bleve
// batch: the store holds an article the index lacks. Reopening indexes it.
func TestRecoverFromStaleIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	addOK(t, x, peaceDoc())
	x.Close()
	// Keep the index as it is now (without the next article).
	stale := t.TempDir()
	copyDir(t, filepath.Join(dir, "index.bleve"), stale)

	x = mustOpen(t, dir)
	climate := climateDoc()
	addOK(t, x, climate)
	x.Close()
	if err := os.RemoveAll(filepath.Join(dir, "index.bleve")); err != nil {
		t.Fatal(err)
	}
	copyDir(t, stale, filepath.Join(dir, "index.bleve"))

	var logs bytes.Buffer
	x, err := index.Open(dir, index.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	hits := searchQuotes(t, x, news.QuoteQuery{Text: "climate crisis"})
	if len(hits) != 1 || hits[0].Article.ID != climate.Article.ID {
		t.Errorf("article missing from the stale index not recovered: %+v", hits)
	}
	if hits := searchQuotes(t, x, news.QuoteQuery{Text: "calling for peace"}); len(hits) != 1 {
		t.Errorf("older article: %d hits", len(hits))
	}
	if !strings.Contains(logs.String(), "rebuild") {
		t.Errorf("no rebuild logged: %s", logs.String())
	}
	if n, _ := x.Count(ctx); n != 2 {
		t.Errorf("Count = %d", n)
	}
}

func TestRecoverMissingIndex(t *testing.T) {
	dir := t.TempDir()
	x := mustOpen(t, dir)
	addOK(t, x, peaceDoc(), climateDoc())
	x.Close()
	if err := os.RemoveAll(filepath.Join(dir, "index.bleve")); err != nil {
		t.Fatal(err)
	}
	x = mustOpen(t, dir)
	if hits := searchQuotes(t, x, news.QuoteQuery{Speaker: "Blinken"}); len(hits) != 2 {
		t.Errorf("after losing the index: %d Blinken quotes, want 2", len(hits))
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReindex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := mustOpen(t, dir)
	peace, climate := peaceDoc(), climateDoc()
	addOK(t, x, peace, climate)
	// A better extractor: it finds every sentence mentioning Russia as a
	// quote by "Ivan Newman"; it refuses the climate article.
	prepare := func(a news.Article) (news.Document, error) {
		if a.ID == climate.Article.ID {
			return news.Document{}, fmt.Errorf("%w: refused", news.ErrInvalid)
		}
		d := news.Document{Article: a}
		start := strings.Index(a.Text, "Wang Yi")
		end := start + len("Wang Yi arrived in Moscow on Tuesday for talks with Russian officials.")
		d.Quotes = []news.Quote{{Text: a.Text[start:end], Start: start, End: end, Speaker: "Ivan Newman", Kind: news.Indirect}}
		d.Sentences = []news.Sentence{{Text: a.Text[start:end], Start: start, End: end}}
		return d, nil
	}
	n, err := x.Reindex(ctx, prepare)
	if err != nil || n != 2 {
		t.Fatalf("Reindex = %d, %v", n, err)
	}
	check := func(x *index.Index) {
		t.Helper()
		if got := speakers(searchQuotes(t, x, news.QuoteQuery{Text: "Moscow"})); !cmp.Equal(got, []string{"Ivan Newman"}) {
			t.Errorf("re-extracted quote: %v", got)
		}
		if got := speakers(searchQuotes(t, x, news.QuoteQuery{Text: "calling for peace"})); len(got) != 0 {
			t.Errorf("old quote still found: %v", got)
		}
		if got := speakers(searchQuotes(t, x, news.QuoteQuery{Text: "climate crisis"})); len(got) != 1 {
			t.Errorf("refused article lost its quotes: %v", got)
		}
		qs, err := x.Quotes(ctx, peace.Article.ID)
		if err != nil || len(qs) != 1 || qs[0].Speaker != "Ivan Newman" {
			t.Errorf("stored quotes: %+v, %v", qs, err)
		}
		list, _ := x.List(ctx, news.Everything, 0)
		if len(list) != 2 || list[1].Quotes != 1 {
			t.Errorf("List after reindex: %+v", list)
		}
	}
	check(x)
	x.Close()
	check(mustOpen(t, dir))
}

func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			d := makeDoc(fmt.Sprintf("T%d", i), "", t0, []quoteSpec{{"Ann Lee", "", "", fmt.Sprintf("Concurrency test number %d", i)}})
			if _, err := x.Add(ctx, []news.Document{d}); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			if _, err := x.SearchQuotes(ctx, news.QuoteQuery{Text: "concurrency"}); err != nil {
				t.Error(err)
			}
			if _, err := x.List(ctx, news.Everything, 0); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if hits := searchQuotes(t, x, news.QuoteQuery{Text: "concurrency test"}); len(hits) != 4 {
		t.Errorf("%d hits, want 4", len(hits))
	}
}

func TestSinceExtremeTimes(t *testing.T) {
	ctx := context.Background()
	x := mustOpen(t, t.TempDir())
	addOK(t, x, peaceDoc(), climateDoc())
	for _, tc := range []struct {
		from, to time.Time
		want     int
	}{
		{time.Time{}, time.Time{}, 2},
		{time.Time{}, time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), 2},
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), t0.Add(time.Hour), 1},
		{time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, 0},
	} {
		docs, err := x.Since(ctx, news.Everything, tc.from, tc.to)
		if err != nil || len(docs) != tc.want {
			t.Errorf("Since(%v, %v) = %d docs, %v; want %d", tc.from, tc.to, len(docs), err, tc.want)
		}
	}
}
