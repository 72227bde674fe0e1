package index_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"newsbot/index"
	"newsbot/news"
)

// corpusDir is the BBC corpus used for measurements only (never copied into
// the repository).
const corpusDir = "../../shared/corpus/bbc-news-2225/articles"

// benchBatch is the number of articles per Add in the ingest benchmarks,
// the batch size of `newsbot ingest` on a directory.
const benchBatch = 100

var (
	corpusOnce sync.Once
	corpusDocs []news.Document
	corpusErr  error
)

// loadCorpus reads the BBC articles (title on the first line) and makes
// documents with crude sentences, every 4th sentence a quote by a fake
// speaker.
func loadCorpus(tb testing.TB) []news.Document {
	tb.Helper()
	corpusOnce.Do(func() {
		var paths []string
		corpusErr = filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
				paths = append(paths, path)
			}
			return err
		})
		slices.Sort(paths)
		seen := map[string]bool{} // the corpus has a few duplicate articles
		for i, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				corpusErr = err
				return
			}
			title, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
			d := synthDoc(strings.TrimSpace(title), strings.TrimSpace(body), t0.Add(time.Duration(i)*time.Minute))
			if !seen[d.Article.Hash] {
				seen[d.Article.Hash] = true
				corpusDocs = append(corpusDocs, d)
			}
		}
	})
	if corpusErr != nil || len(corpusDocs) == 0 {
		tb.Skipf("BBC corpus not available at %s (%v): skipping", corpusDir, corpusErr)
	}
	return corpusDocs
}

var (
	fakeSpeakers = []string{"Alice Marsh", "Bruno Okafor", "Chen Wei", "Dana Kowalski", "Emeka Nwosu", "Farah Haddad",
		"Gustav Lind", "Hana Sato", "Ivan Petrov", "Julia Romero", "Kwame Mensah", "Lena Fischer", "Mateo Silva",
		"Nadia Rahman", "Oscar Byrne", "Priya Nair", "Quentin Dubois", "Rosa Jimenez", "Sven Olsen", "Tariq Aziz"}
	fakeOutlets = []string{"", "", "BBC", "Reuters", "The Wall Street Journal", "Fox News"}
	fakeTitles  = []string{"", "chief executive", "foreign minister", "spokesman", "analyst at the Stimson Center"}
)

// synthDoc splits text into sentences crudely and makes every 4th one a
// quote.
func synthDoc(title, text string, added time.Time) news.Document {
	a := news.Article{Title: title, Outlet: "BBC News", Added: added, Text: text, Hash: news.ContentHash(text)}
	a.ID = news.NewID(a.Hash)
	d := news.Document{Article: a}
	para, start := 0, 0
	flush := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s == "" {
			start = end
			return
		}
		off := start + strings.Index(text[start:end], s)
		n := len(d.Sentences)
		d.Sentences = append(d.Sentences, news.Sentence{Text: s, Start: off, End: off + len(s), Paragraph: para})
		if n%4 == 3 {
			k := len(a.ID) + n
			d.Quotes = append(d.Quotes, news.Quote{ArticleID: a.ID, Text: s, Start: off, End: off + len(s), Kind: news.Direct,
				Speaker: fakeSpeakers[k%len(fakeSpeakers)], Mention: "he", Title: fakeTitles[k%len(fakeTitles)],
				Cue: "said", Outlet: fakeOutlets[k%len(fakeOutlets)], Paragraph: para, Confidence: 0.8})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			flush(i)
			if i+1 < len(text) && text[i+1] == '\n' {
				para++
			}
		case '.', '?', '!':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				flush(i + 1)
			}
		}
	}
	flush(len(text))
	return d
}

// variant returns a copy of d with different text (so a different hash
// and id), added later: corpus copies to build larger indexes.
func variant(d news.Document, n int, added time.Time) news.Document {
	suffix := "\n\nCopy " + strconv.Itoa(n) + "."
	a := d.Article
	a.Text += suffix
	a.Added = added
	a.Hash = news.ContentHash(a.Text)
	a.ID = news.NewID(a.Hash)
	qs := slices.Clone(d.Quotes)
	for i := range qs {
		qs[i].ArticleID = a.ID
	}
	return news.Document{Article: a, Quotes: qs, Sentences: d.Sentences}
}

func textBytes(docs []news.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Article.Title) + len(d.Article.Text))
	}
	return n
}

// BenchmarkAdd measures ingest: the whole corpus (articles, synthetic
// quotes, sentences) added in batches of benchBatch, durable.
func BenchmarkAdd(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(textBytes(docs))
	var elapsed time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		x, err := index.Open(dir, index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for i := 0; i < len(docs); i += benchBatch {
			errs, err := x.Add(context.Background(), docs[i:min(i+benchBatch, len(docs))])
			if err != nil {
				b.Fatal(err)
			}
			for _, err := range errs {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		elapsed += time.Since(start)
		b.StopTimer()
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "articles/s")
	reportCPU(b, cpu0, textBytes(docs))
}

// BenchmarkPlainBleve is the baseline of BenchmarkAdd: the same texts as
// one document each (title and text) in a plain bleve index with the
// default mapping, in batches of the same size.
func BenchmarkPlainBleve(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(textBytes(docs))
	var elapsed time.Duration
	type plain struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		idx, err := bleve.New(filepath.Join(b.TempDir(), "plain.bleve"), bleve.NewIndexMapping())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for i := 0; i < len(docs); i += benchBatch {
			batch := idx.NewBatch()
			for _, d := range docs[i:min(i+benchBatch, len(docs))] {
				if err := batch.Index(d.Article.ID, plain{d.Article.Title, d.Article.Text}); err != nil {
					b.Fatal(err)
				}
			}
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
		b.StopTimer()
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "articles/s")
	reportCPU(b, cpu0, textBytes(docs))
}

// cpuTime is the CPU time (user + system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports throughput per CPU second (including bleve's
// background persister and merger, and the untimed open and close): on a
// shared machine it varies less than MB/s of wall time.
func reportCPU(b *testing.B, since time.Duration, bytes int64) {
	if cpu := cpuTime() - since; cpu > 0 {
		b.ReportMetric(float64(bytes*int64(b.N))/(1<<20)/cpu.Seconds(), "MB/cpu-s")
	}
}

// benchArticles is the size of the search benchmark's index
// (NEWSBOT_BENCH_ARTICLES, default 20,000: the corpus copied with variants).
// Set NEWSBOT_BENCH_DIR to keep that index between runs (it is built only
// when the directory holds none).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSBOT_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 20000
}

var (
	bigOnce sync.Once
	bigDir  string // removed at exit
	bigKept string // NEWSBOT_BENCH_DIR: kept
	bigErr  error
)

// bigIndex builds (once per process) an index of benchArticles articles.
func bigIndex(b *testing.B) (string, []news.Document) {
	docs := loadCorpus(b)
	bigOnce.Do(func() {
		if keep := os.Getenv("NEWSBOT_BENCH_DIR"); keep != "" {
			// A directory kept between runs: built once, reused after.
			if _, err := os.Stat(filepath.Join(keep, "articles.db")); err == nil {
				bigKept = keep
				return
			}
			bigKept = keep
		} else if bigDir, bigErr = os.MkdirTemp("", "newsbot-bench-"); bigErr != nil {
			return
		}
		dir := bigDir
		if bigKept != "" {
			dir = bigKept
		}
		x, err := index.Open(dir, index.Options{})
		if err != nil {
			bigErr = err
			return
		}
		defer x.Close()
		n := benchArticles()
		start := time.Now()
		batch := make([]news.Document, 0, 500)
		for i := range n {
			d := docs[i%len(docs)]
			if i >= len(docs) {
				d = variant(d, i/len(docs), t0.Add(time.Duration(i)*time.Minute))
			}
			batch = append(batch, d)
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := x.Add(context.Background(), batch); err != nil {
					bigErr = err
					return
				}
				batch = batch[:0]
			}
		}
		fmt.Fprintf(os.Stderr, "built a %d-article index in %v\n", n, time.Since(start).Round(time.Second))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	if bigKept != "" {
		return bigKept, docs
	}
	return bigDir, docs
}

// whoSaidQueries makes "who said ...?" questions from random stretches of
// the corpus quotes, the way a user half-remembers a quote.
func whoSaidQueries(docs []news.Document, n int) []news.QuoteQuery {
	r := rand.New(rand.NewPCG(1, 2))
	var qs []news.QuoteQuery
	for len(qs) < n {
		d := docs[r.IntN(len(docs))]
		if len(d.Quotes) == 0 {
			continue
		}
		words := strings.Fields(d.Quotes[r.IntN(len(d.Quotes))].Text)
		if len(words) < 6 {
			continue
		}
		k := 4 + r.IntN(3)
		s := r.IntN(len(words) - k + 1)
		phrase := strings.Join(words[s:s+k], " ")
		qs = append(qs, news.QuoteQuery{Text: "who said " + phrase + "?", Phrases: []string{phrase}, Limit: 3})
	}
	return qs
}

// BenchmarkSearchQuotes measures who-said queries on an index of
// benchArticles articles (reopened, as after a restart), and reports the
// latency percentiles and the Go heap.
func BenchmarkSearchQuotes(b *testing.B) {
	dir, docs := bigIndex(b)
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	for _, tc := range []struct {
		name    string
		queries []news.QuoteQuery
	}{
		{"who-said", whoSaidQueries(docs, 1000)},
		// Each fake speaker has 1/20 of all quotes: far more than a real one.
		{"speaker", []news.QuoteQuery{{Speaker: "Hana Sato", Limit: 10}, {Speaker: "Petrov", Limit: 10}}},
		{"speaker-topic", []news.QuoteQuery{{Speaker: "Hana Sato", Text: "economy growth", Limit: 10}, {Speaker: "Petrov", Text: "the film won an award", Limit: 10}}},
		{"fuzzy", func() []news.QuoteQuery {
			qs := whoSaidQueries(docs, 200)
			for i := range qs {
				qs[i].Fuzzy = true
			}
			return qs
		}()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			var lat []time.Duration
			i := 0
			for b.Loop() {
				q := tc.queries[i%len(tc.queries)]
				i++
				start := time.Now()
				hits, err := x.SearchQuotes(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				_ = hits
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
			if rss, anon := rssMB(); rss > 0 {
				b.ReportMetric(rss, "rss-MB")
				b.ReportMetric(anon, "anon-MB")
			}
		})
	}
}

// BenchmarkSearchPassages measures general questions on the same index.
func BenchmarkSearchPassages(b *testing.B) {
	dir, docs := bigIndex(b)
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	qs := whoSaidQueries(docs, 500)
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		start := time.Now()
		if _, err := x.SearchPassages(ctx, news.PassageQuery{Text: q.Text, Phrases: q.Phrases, Limit: 3}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// rssMB is the process's resident set size (Linux), or 0, and its
// anonymous part (the rest is pages of the mapped index files, which the
// kernel can drop under pressure). Both include the benchmark's own corpus.
func rssMB() (rss, anon float64) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "RssAnon:":
			anon = kb / 1024
		}
	}
	return rss, anon
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}
