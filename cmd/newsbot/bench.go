package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// benchReport is what `newsbot bench` measures.
type benchReport struct {
	Articles       int     `json:"articles"`
	TextMB         float64 `json:"text_mb"`
	Quotes         int     `json:"quotes"`
	IngestSeconds  float64 `json:"ingest_seconds"`
	IngestMBps     float64 `json:"ingest_mb_per_s"`
	IngestArticles float64 `json:"ingest_articles_per_s"`
	PrivateShare   float64 `json:"private_share"`
	Conversations  int     `json:"conversations"`
	Questions      int     `json:"questions"`
	AskP50ms       float64 `json:"ask_p50_ms"`
	AskP99ms       float64 `json:"ask_p99_ms"`
	AskMaxms       float64 `json:"ask_max_ms"`
	Answered       int     `json:"answered"`
	HeapMB         float64 `json:"heap_mb"`
	PeakRSSMB      float64 `json:"peak_rss_mb"`
	IndexMB        float64 `json:"data_dir_mb"`
}

// bench measures ingest throughput, who-said latency, memory and size on a
// fresh data directory filled from the article files of DIR, repeated (with
// a distinguishing line per copy) up to --articles.
func (a *app) bench(ctx context.Context, args []string) error {
	fs := newFlags("bench")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	target := fs.Int("articles", 0, "number of articles to ingest (default: the files of DIR once)")
	questions := fs.Int("questions", 500, "number of who-said questions to time")
	keep := fs.String("keep", "", "build the index in this directory and keep it (default: a temporary one); an index already there is reused and only the questions are timed")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the questions to this file")
	privateShare := fs.Float64("private", 0.3, "share of the articles added as private to one of --conversations conversations (the rest are workspace-wide); each question is asked from one of them, or from a public channel")
	operator := fs.Bool("operator", false, "ask every question as the command line does (no visibility filter), to compare with the filtered questions")
	conversations := fs.Int("conversations", 20, "number of private conversations the private articles are spread over")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"bench needs a directory of article files (e.g. ../shared/corpus/bbc-news-2225/articles)"}
	}
	if *privateShare < 0 || *privateShare > 1 || *conversations < 1 {
		return usageError{"bench: --private must be between 0 and 1, and --conversations at least 1"}
	}
	files, _, err := walkArticles(fs.Arg(0))
	if err != nil {
		return err
	}
	var base []news.Article
	for _, p := range files {
		art, err := readArticleFile(p, nil)
		if err == nil {
			base = append(base, art)
		}
	}
	if len(base) == 0 {
		return fmt.Errorf("no readable article files in %s", fs.Arg(0))
	}
	n := *target
	if n <= 0 {
		n = len(base)
	}
	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "newsbot-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	ix, h, err := a.openDir(dir, nil)
	if err != nil {
		return err
	}
	defer ix.Close()

	rep := benchReport{PrivateShare: *privateShare, Conversations: *conversations}
	var pool []news.Quote
	rng := rand.New(rand.NewPCG(1, 2))
	// Visibilities are mixed as in a workspace with private channels: a
	// share of the articles is private to one of a few conversations.
	conversation := func(n int) string { return fmt.Sprintf("GBENCH%04d", n) }
	if have, err := ix.Count(ctx); err != nil {
		return err
	} else if have > 0 {
		// A kept index from an earlier run: time the questions only.
		rep.Articles = have
		n = 0
	}
	start := time.Now()
	batch := make([]news.Article, 0, batchArticles)
	flush := func() error {
		res, errs, err := h.AddArticles(ctx, batch)
		if err != nil {
			return err
		}
		for i := range batch {
			if errs[i] == nil {
				rep.Articles++
				rep.Quotes += res[i].Quotes
				rep.TextMB += float64(len(batch[i].Text)) / (1 << 20)
			}
		}
		batch = batch[:0]
		return nil
	}
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		art := base[i%len(base)]
		if copyNo := i / len(base); copyNo > 0 {
			// A copy must differ to be stored: a last line names it.
			art.Text += "\n\nArchive copy " + strconv.Itoa(copyNo) + "."
			art.Title += " (" + strconv.Itoa(copyNo) + ")"
		}
		if rng.Float64() < *privateShare {
			c := conversation(rng.IntN(*conversations))
			art.PrivateTo, art.AddedIn, art.AddedVia = c, c, news.ViaSlack
		}
		batch = append(batch, art)
		if len(batch) == batchArticles {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if n > 0 {
		rep.IngestSeconds = time.Since(start).Seconds()
		rep.IngestMBps = rep.TextMB / rep.IngestSeconds
		rep.IngestArticles = float64(rep.Articles) / rep.IngestSeconds
	}

	// Questions: six consecutive words of random quotes of the base set.
	for _, art := range base {
		doc, err := h.Prepare(art)
		if err != nil {
			continue
		}
		for _, q := range doc.Quotes {
			if len(strings.Fields(q.Text)) >= 8 {
				pool = append(pool, q)
			}
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var lat []float64
	for i := 0; i < *questions && len(pool) > 0; i++ {
		q := pool[rng.IntN(len(pool))]
		w := strings.Fields(q.Text)
		k := rng.IntN(len(w) - 5)
		question := "who said " + strings.Join(w[k:k+6], " ") + "?"
		// Asked from one of the private conversations, or (one time in
		// conversations+1) from a public channel.
		scope := news.In("CBENCHPUBLIC")
		if c := rng.IntN(*conversations + 1); c < *conversations {
			scope = news.In(conversation(c))
		}
		if *operator {
			scope = news.Everything
		}
		t0 := time.Now()
		ans, err := h.Ask(ctx, handlers.AskRequest{Question: question, Scope: scope})
		if err != nil {
			return err
		}
		lat = append(lat, float64(time.Since(t0).Microseconds())/1000)
		if ans.Kind != news.AnswerNone {
			rep.Answered++
		}
	}
	rep.Questions = len(lat)
	if len(lat) > 0 {
		sort.Float64s(lat)
		rep.AskP50ms = lat[len(lat)/2]
		rep.AskP99ms = lat[min(len(lat)-1, len(lat)*99/100)]
		rep.AskMaxms = lat[len(lat)-1]
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.HeapMB = float64(ms.HeapInuse) / (1 << 20)
	rep.PeakRSSMB = peakRSSMB()
	rep.IndexMB = dirMB(dir)

	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(a.stdout, "articles %d (%.1f MB of text, %d quotes)\n", rep.Articles, rep.TextMB, rep.Quotes)
	fmt.Fprintf(a.stdout, "ingest   %.1f s: %.2f MB/s, %.0f articles/s\n", rep.IngestSeconds, rep.IngestMBps, rep.IngestArticles)
	if *operator {
		fmt.Fprintln(a.stdout, "visible  every question asked as the operator (no visibility filter)")
	} else {
		fmt.Fprintf(a.stdout, "visible  each question asked from one of %d private conversations or a public channel (a new index gets %.0f%% of its articles private to one of them)\n", rep.Conversations, 100*rep.PrivateShare)
	}
	fmt.Fprintf(a.stdout, "who-said %d questions: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d answered)\n", rep.Questions, rep.AskP50ms, rep.AskP99ms, rep.AskMaxms, rep.Answered)
	fmt.Fprintf(a.stdout, "memory   heap in use %.0f MB, peak RSS %.0f MB\n", rep.HeapMB, rep.PeakRSSMB)
	fmt.Fprintf(a.stdout, "disk     %.0f MB in the data directory\n", rep.IndexMB)
	return nil
}

// peakRSSMB reads the process's peak resident set size (Linux), or 0.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

func dirMB(dir string) float64 {
	var total int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return float64(total) / (1 << 20)
}
