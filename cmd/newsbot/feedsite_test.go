package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// feedItem is one entry of a test feed and its article page.
type feedItem struct {
	ID      string // the page is /articles/ID.html and the GUID "urn:test:ID"
	Title   string
	Speaker string // who says Quote in the page
	Quote   string
	Date    time.Time
	Content string // the feed's own text of the entry (HTML), optional
}

// feedSite is a local news site on loopback: a feed (RSS 2.0, Atom or JSON
// Feed) at /feed, article pages at /articles/ID.html, and a home page that
// advertises the feed. It answers conditional GETs with 304 and records the
// conditional headers of each feed request.
type feedSite struct {
	*httptest.Server
	format string // "rss", "atom" or "json"

	mu       sync.Mutex
	title    string
	items    []feedItem
	modified time.Time
	raw      string         // served as the feed instead, when set
	status   map[string]int // path -> status to answer instead
	feedReqs []http.Header  // headers of each /feed request
}

func newFeedSite(t *testing.T, format string, items ...feedItem) *feedSite {
	t.Helper()
	s := &feedSite{format: format, title: "Harbour Gazette", items: items, modified: time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), status: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// add publishes more entries (a new version of the feed).
func (s *feedSite) add(items ...feedItem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, items...)
	s.modified = s.modified.Add(time.Hour)
}

func (s *feedSite) setStatus(path string, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status[path] = code
}

func (s *feedSite) setRaw(raw string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.raw = raw
	s.modified = s.modified.Add(time.Hour)
}

// requests returns the headers of the feed requests so far.
func (s *feedSite) requests() []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.feedReqs...)
}

func (s *feedSite) feedURL() string { return s.URL + "/feed" }

func (s *feedSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if code := s.status[r.URL.Path]; code != 0 {
		http.Error(w, "no", code)
		return
	}
	switch {
	case r.URL.Path == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title>
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
<link rel="alternate" type="%s" title="%s" href="/feed">
</head><body><p>Welcome.</p></body></html>`, html.EscapeString(s.title), s.mediaType(), html.EscapeString(s.title))
	case r.URL.Path == "/feed":
		s.feedReqs = append(s.feedReqs, r.Header.Clone())
		body := s.raw
		if body == "" {
			body = s.render()
		}
		sum := sha256.Sum256([]byte(body))
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", s.modified.Format(http.TimeFormat))
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			if inm == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !s.modified.After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", s.mediaType())
		fmt.Fprint(w, body)
	case strings.HasPrefix(r.URL.Path, "/articles/"):
		id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/articles/"), ".html")
		for _, it := range s.items {
			if it.ID == id {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, articlePage(it))
				return
			}
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *feedSite) mediaType() string {
	switch s.format {
	case "atom":
		return "application/atom+xml"
	case "json":
		return "application/feed+json"
	}
	return "application/rss+xml"
}

func (s *feedSite) link(it feedItem) string { return s.URL + "/articles/" + it.ID + ".html" }

// render writes the feed, newest entry first.
func (s *feedSite) render() string {
	var b strings.Builder
	esc := html.EscapeString
	switch s.format {
	case "atom":
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title><link href="%s/"/><id>urn:test:feed</id><updated>%s</updated>`,
			esc(s.title), s.URL, s.modified.Format(time.RFC3339))
		for i := len(s.items) - 1; i >= 0; i-- {
			it := s.items[i]
			fmt.Fprintf(&b, `<entry><title>%s</title><link href="%s"/><id>urn:test:%s</id><updated>%s</updated><author><name>Ann Writer</name></author><summary type="html">%s</summary></entry>`,
				esc(it.Title), s.link(it), it.ID, it.Date.Format(time.RFC3339), esc(it.Content))
		}
		b.WriteString("</feed>")
	case "json":
		type jitem struct {
			ID            string `json:"id"`
			URL           string `json:"url"`
			Title         string `json:"title"`
			ContentHTML   string `json:"content_html,omitempty"`
			DatePublished string `json:"date_published"`
		}
		feed := struct {
			Version string  `json:"version"`
			Title   string  `json:"title"`
			Home    string  `json:"home_page_url"`
			Items   []jitem `json:"items"`
		}{Version: "https://jsonfeed.org/version/1.1", Title: s.title, Home: s.URL + "/"}
		for i := len(s.items) - 1; i >= 0; i-- {
			it := s.items[i]
			feed.Items = append(feed.Items, jitem{ID: "urn:test:" + it.ID, URL: s.link(it), Title: it.Title, ContentHTML: it.Content, DatePublished: it.Date.Format(time.RFC3339)})
		}
		j, _ := json.Marshal(feed)
		b.Write(j)
	default:
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>%s/</link><description>Local news</description>`, esc(s.title), s.URL)
		for i := len(s.items) - 1; i >= 0; i-- {
			it := s.items[i]
			fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid isPermaLink="false">urn:test:%s</guid><pubDate>%s</pubDate>`,
				esc(it.Title), s.link(it), it.ID, it.Date.Format(time.RFC1123Z))
			if it.Content != "" {
				fmt.Fprintf(&b, `<description>%s</description>`, esc(it.Content))
			}
			b.WriteString("</item>")
		}
		b.WriteString("</channel></rss>")
	}
	return b.String()
}

// articlePage is an article page with one quote of it.Speaker, long enough
// to be read as an article.
func articlePage(it feedItem) string {
	esc := html.EscapeString
	return fmt.Sprintf(`<!doctype html><html><head><title>%s</title><meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1>%s</h1>
<p>The council met on Tuesday evening to discuss part %s of the plan for the old harbour, which has been closed to shipping for most of the past decade while the city argued about what to do with it.</p>
<p>“%s,” said %s, who has followed the project since it began.</p>
<p>The meeting lasted well into the night, and residents who had come to listen filled the public gallery and the corridor outside the chamber for several hours.</p>
<p>A final vote on the budget is expected next month, after the city's auditors have reviewed the cost estimates and the engineers have published their report.</p>
</article></body></html>`, esc(it.Title), esc(it.Title), esc(it.ID), esc(it.Quote), esc(it.Speaker))
}

// feedItems returns n entries, the i-th published i hours after the first.
func feedItems(from, n int) []feedItem {
	speakers := []string{"Mara Lind", "Tom Berg", "Ines Vogt", "Paul Okafor", "Rita Sandoval", "Yusuf Demir", "Lena Holm", "Omar Haddad"}
	quotes := []string{
		"The harbour wall must be rebuilt before the winter storms arrive",
		"This project will cost twice what the council promised",
		"Fishing boats should come back to the old quay within two years",
		"Nobody asked the people who live on the waterfront",
		"The ferry terminal belongs in the middle of the new harbour",
		"Cargo traffic will never return to this part of the coast",
		"Children deserve a safe beach next to the harbour",
		"The lighthouse is the soul of this town and must stay lit",
	}
	var out []feedItem
	for i := from; i < from+n; i++ {
		out = append(out, feedItem{
			ID:      fmt.Sprintf("story-%d", i),
			Title:   fmt.Sprintf("Harbour story %d", i),
			Speaker: speakers[i%len(speakers)],
			Quote:   quotes[i%len(quotes)],
			Date:    time.Date(2026, 3, 9, 6+i, 0, 0, 0, time.UTC),
		})
	}
	return out
}
