// Command compare measures newsbot's extraction (fetch.Client, built on
// go-readability) against go-trafilatura on the hand-written pages in
// pages/. It is a separate module so that trafilatura never enters
// newsbot's go.mod; run it with `go run .` from this directory.
//
// Each page marks its own gold standard: data-gold="body" on the article's
// paragraphs, "opt" on text that may or may not be kept (subheadings,
// captions, embeds), "junk" on boilerplate (menus, sidebars, comments,
// footers), and data-gold-title/-byline/-date/-outlet on <html>. The marks
// are removed before either extractor sees the page.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"newsbot/fetch"
)

type gold struct {
	title, byline, date, outlet string
	body, opt, junk             []string
}

type result struct {
	title, byline, date, outlet, text string
}

func main() {
	iters := flag.Int("n", 50, "iterations for the timing")
	verbose := flag.Bool("v", false, "print the extracted texts")
	flag.Parse()
	names, _ := filepath.Glob("pages/*.html")
	pages := map[string][]byte{}
	golds := map[string]gold{}
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			fail(err)
		}
		g, clean := parseGold(raw)
		key := strings.TrimSuffix(filepath.Base(n), ".html")
		pages[key], golds[key] = clean, g
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	defer srv.Close()
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.1"}})
	if err != nil {
		fail(err)
	}

	extractors := []struct {
		name string
		run  func(key string) (result, error)
	}{
		{"newsbot (readability)", func(key string) (result, error) {
			a, err := client.Fetch(context.Background(), srv.URL+"/"+key)
			if err != nil {
				return result{}, err
			}
			return result{a.Title, a.Byline, day(a.Published), a.Outlet, a.Text}, nil
		}},
		{"readability (library alone)", func(key string) (result, error) {
			u, _ := url.Parse(srv.URL + "/" + key)
			doc, err := html.Parse(bytes.NewReader(pages[key]))
			if err != nil {
				return result{}, err
			}
			p := readability.NewParser()
			a, err := p.ParseAndMutate(doc, u)
			if err != nil {
				return result{}, err
			}
			var buf bytes.Buffer
			if a.Node != nil {
				a.RenderText(&buf)
			}
			t, _ := a.PublishedTime()
			return result{a.Title(), a.Byline(), day(t), a.SiteName(), buf.String()}, nil
		}},
		{"trafilatura", trafilaturaRun(pages, srv.URL, false)},
		{"trafilatura+fallback", trafilaturaRun(pages, srv.URL, true)},
	}

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "page\textractor\tparas found\tjunk leaked\tword P\tword R\ttitle\tbyline\tdate\toutlet\t")
	for _, ex := range extractors {
		var found, paras, leaked, junk, meta, metaN int
		var sumP, sumR float64
		for _, n := range names {
			key := strings.TrimSuffix(filepath.Base(n), ".html")
			g := golds[key]
			r, err := ex.run(key)
			if err != nil {
				fmt.Fprintf(tw, "%s\t%s\terror: %v\t\t\t\t\t\t\t\t\n", key, ex.name, err)
				paras += len(g.body)
				junk += len(g.junk)
				metaN += 4
				continue
			}
			if *verbose {
				fmt.Printf("==== %s / %s\n%s\n", key, ex.name, r.text)
			}
			f := countFound(g.body, r.text)
			l := countLeaked(g.junk, r.text)
			p, rc := wordPR(g, r.text)
			checks := []bool{
				norm(r.title) == norm(g.title),
				norm(r.byline) == norm(g.byline),
				r.date == g.date,
				strings.EqualFold(r.outlet, g.outlet),
			}
			fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d/%d\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t\n", key, ex.name, f, len(g.body), l, len(g.junk), p, rc,
				mark(checks[0], r.title), mark(checks[1], r.byline), mark(checks[2], r.date), mark(checks[3], r.outlet))
			found += f
			paras += len(g.body)
			leaked += l
			junk += len(g.junk)
			sumP += p
			sumR += rc
			for _, c := range checks {
				if c {
					meta++
				}
			}
			metaN += 4
		}
		k := float64(len(names))
		fmt.Fprintf(tw, "TOTAL\t%s\t%d/%d\t%d/%d\t%.3f\t%.3f\tmetadata %d/%d\t\t\t\t\n", ex.name, found, paras, leaked, junk, sumP/k, sumR/k, meta, metaN)
	}
	tw.Flush()

	// Timing: the libraries alone on the in-memory pages (no HTTP).
	fmt.Printf("\nextraction time per page, mean of %d runs over %d pages:\n", *iters, len(names))
	u, _ := url.Parse(srv.URL + "/page")
	for _, t := range []struct {
		name string
		run  func(b []byte)
	}{
		{"readability", func(b []byte) {
			p := readability.NewParser()
			doc, _ := html.Parse(bytes.NewReader(b))
			p.ParseAndMutate(doc, u)
		}},
		{"trafilatura", func(b []byte) {
			trafilatura.Extract(bytes.NewReader(b), trafilatura.Options{OriginalURL: u, ExcludeComments: true})
		}},
		{"trafilatura+fallback", func(b []byte) {
			trafilatura.Extract(bytes.NewReader(b), trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: true})
		}},
	} {
		start := time.Now()
		for i := 0; i < *iters; i++ {
			for _, b := range pages {
				t.run(b)
			}
		}
		fmt.Printf("  %-22s %v\n", t.name, time.Since(start)/time.Duration(*iters*len(pages)))
	}
}

func trafilaturaRun(pages map[string][]byte, base string, fallback bool) func(string) (result, error) {
	return func(key string) (result, error) {
		u, _ := url.Parse(base + "/" + key)
		r, err := trafilatura.Extract(bytes.NewReader(pages[key]), trafilatura.Options{
			OriginalURL: u, ExcludeComments: true, EnableFallback: fallback,
		})
		if err != nil {
			return result{}, err
		}
		return result{r.Metadata.Title, r.Metadata.Author, day(r.Metadata.Date), r.Metadata.Sitename, r.ContentText}, nil
	}
}

func mark(ok bool, got string) string {
	if ok {
		return "ok"
	}
	if got == "" {
		return "MISSING"
	}
	if len(got) > 24 {
		got = got[:24] + "…"
	}
	return fmt.Sprintf("%q", got)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// parseGold reads the marks and returns the page without them.
func parseGold(raw []byte) (gold, []byte) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		fail(err)
	}
	var g gold
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			kept := n.Attr[:0]
			for _, a := range n.Attr {
				switch a.Key {
				case "data-gold":
					t := text(n)
					switch a.Val {
					case "body":
						g.body = append(g.body, t)
					case "opt":
						g.opt = append(g.opt, t)
					case "junk":
						g.junk = append(g.junk, t)
					}
				case "data-gold-title":
					g.title = a.Val
				case "data-gold-byline":
					g.byline = a.Val
				case "data-gold-date":
					g.date = a.Val
				case "data-gold-outlet":
					g.outlet = a.Val
				default:
					kept = append(kept, a)
				}
			}
			n.Attr = kept
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		fail(err)
	}
	return g, buf.Bytes()
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func norm(s string) string { return strings.Join(words(s), " ") }

// countFound counts gold paragraphs whose words appear, in order, in the output.
func countFound(paras []string, out string) int {
	o := " " + norm(out) + " "
	n := 0
	for _, p := range paras {
		if strings.Contains(o, " "+norm(p)+" ") {
			n++
		}
	}
	return n
}

// countLeaked counts junk blocks of which any 6-word run appears in the output.
func countLeaked(junk []string, out string) int {
	o := " " + norm(out) + " "
	n := 0
	for _, j := range junk {
		w := words(j)
		size := min(6, len(w))
		for i := 0; i+size <= len(w); i++ {
			if strings.Contains(o, " "+strings.Join(w[i:i+size], " ")+" ") {
				n++
				break
			}
		}
	}
	return n
}

// wordPR is bag-of-words precision (output words that belong to the body or
// optional text) and recall (body words present in the output).
func wordPR(g gold, out string) (float64, float64) {
	bag := func(ss []string) map[string]int {
		m := map[string]int{}
		for _, s := range ss {
			for _, w := range words(s) {
				m[w]++
			}
		}
		return m
	}
	body, all, o := bag(g.body), bag(append(append([]string{}, g.body...), g.opt...)), bag([]string{out})
	var inter, interAll, nOut, nBody int
	for w, c := range o {
		nOut += c
		interAll += min(c, all[w])
		inter += min(c, body[w])
	}
	for _, c := range body {
		nBody += c
	}
	if nOut == 0 {
		return 0, 0
	}
	return float64(interAll) / float64(nOut), float64(inter) / float64(nBody)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
