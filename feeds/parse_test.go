package feeds

import (
	"errors"
	"strings"
	"testing"
	"time"

	"newsbot/news"
)

func TestParseFormats(t *testing.T) {
	const base = "http://news.test/feed"
	tests := []struct {
		name  string
		body  string
		links []string
		keys  []string
		ttl   time.Duration
	}{
		{"rss 0.91 with relative links and ttl", `<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>http://news.test/</link><ttl>60</ttl>
<item><title>One</title><link>/a/1.html</link></item><item><title>Two</title><link>a/2.html#top</link></item></channel></rss>`,
			[]string{"http://news.test/a/1.html", "http://news.test/a/2.html"}, []string{"url:http://news.test/a/1.html", "url:http://news.test/a/2.html"}, time.Hour},
		{"rss 1.0 (rdf) with sy:updatePeriod", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel rdf:about="http://news.test/"><title>RDF</title><link>http://news.test/</link><sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
<item rdf:about="http://news.test/r/1"><title>R1</title><link>http://news.test/r/1</link></item></rdf:RDF>`,
			[]string{"http://news.test/r/1"}, []string{"url:http://news.test/r/1"}, 12 * time.Hour},
		{"repeated guids fall back to links", `<rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>http://news.test/a</link><guid isPermaLink="false">N/A</guid></item>
<item><title>B</title><link>http://news.test/b</link><guid isPermaLink="false">N/A</guid></item></channel></rss>`,
			[]string{"http://news.test/a", "http://news.test/b"}, []string{"url:http://news.test/a", "url:http://news.test/b"}, 0},
		{"permalink guid without link", `<rss version="2.0"><channel><title>T</title>
<item><title>A</title><guid>http://news.test/p/1</guid></item></channel></rss>`,
			[]string{"http://news.test/p/1"}, []string{"guid:http://news.test/p/1"}, 0},
		{"root after 4 KB of comment", `<?xml version="1.0"?><!--` + strings.Repeat("x", 5000) + `--><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>http://news.test/late</link><guid>g1</guid></item></channel></rss>`,
			[]string{"http://news.test/late"}, []string{"guid:g1"}, 0},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"j1","url":"https://news.test/j/1","title":"J1"}]}`,
			[]string{"https://news.test/j/1"}, []string{"guid:j1"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse([]byte(tt.body), "application/xml", base)
			if err != nil {
				t.Fatal(err)
			}
			var links, keys []string
			for _, e := range d.Entries {
				links, keys = append(links, e.Link), append(keys, e.Key)
			}
			if strings.Join(links, " ") != strings.Join(tt.links, " ") || strings.Join(keys, " ") != strings.Join(tt.keys, " ") {
				t.Errorf("links %q keys %q, want %q %q", links, keys, tt.links, tt.keys)
			}
			if d.TTL != tt.ttl {
				t.Errorf("ttl %v, want %v", d.TTL, tt.ttl)
			}
		})
	}
}

func TestParseRefusals(t *testing.T) {
	const u = "http://news.test/feed"
	tests := []struct{ name, body, ctype, want string }{
		{"html page", `<!DOCTYPE html><html><head></head><body>hi</body></html>`, "text/html", "is an HTML page, not a feed"},
		{"html served as xml", `<html><head><title>x</title></head><body></body></html>`, "application/xml", "is an HTML page, not a feed"},
		{"malformed", `<rss version="2.0"><channel><title>x</title><item><title>a</channel></rss>`, "", "is not a well-formed feed"},
		{"empty", `<rss version="2.0"><channel><title>x</title></channel></rss>`, "", "is an empty feed"},
		{"json without items", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[]}`, "application/feed+json", "is an empty feed"},
		{"text", `hello`, "text/plain", "is not an RSS, Atom or JSON feed"},
		{"empty body", ``, "", "is not an RSS, Atom or JSON feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.body), tt.ctype, u)
			if err == nil || !strings.Contains(err.Error(), u+" "+tt.want) || !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("err %v, want %q naming the URL", err, tt.want)
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	page := `<html><head><base href="http://news.test/sub/">
<link rel="stylesheet" href="s.css"><link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml"><link rel="alternate" type="text/html" href="/other">
</head><body><link rel="alternate" type="application/rss+xml" href="/late"></body></html>`
	got := discover([]byte(page), "http://news.test/")
	want := []string{"http://news.test/sub/atom.xml", "http://news.test/comments/feed"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("discover = %q, want %q", got, want)
	}
}

func TestHTMLText(t *testing.T) {
	got := htmlText(`<p>First &amp; <b>bold</b>.</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul>Tail<br>end`)
	want := "First & bold.\n\none\n\ntwo\n\nTail\n\nend"
	if got != want {
		t.Errorf("htmlText = %q, want %q", got, want)
	}
}

func TestNewestFirst(t *testing.T) {
	d := func(h int) time.Time { return time.Date(2026, 1, 1, h, 0, 0, 0, time.UTC) }
	got := newestFirst([]entry{{Title: "a", Published: d(1)}, {Title: "b", Published: d(3)}, {Title: "c", Published: d(2)}})
	if got[0].Title != "b" || got[1].Title != "c" || got[2].Title != "a" {
		t.Errorf("order %v", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><title>a</title><link>http://x.test/</link></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","url":"http://x.test/"}]}`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="/a"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := parse(body, "", "http://x.test/feed")
		if err == nil && len(d.Entries) == 0 {
			t.Fatal("no error and no entries")
		}
		for _, e := range d.Entries {
			if e.Key == "" || len(e.Key) > maxKeyBytes+8 {
				t.Fatalf("bad key %q", e.Key)
			}
		}
	})
}

// Feed and entry titles keep no control characters (a JSON Feed may carry
// any): `newsbot feeds` and `newsbot poll` print them on the operator's
// terminal.
func TestParseDropsControlCharacters(t *testing.T) {
	d, err := parse([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J\u001b[2J feed","items":[{"id":"j1","url":"https://news.test/j/1","title":"J1\u001b]0;x\u0007 title"}]}`),
		"application/feed+json", "http://news.test/feed")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "J[2J feed" || len(d.Entries) != 1 || d.Entries[0].Title != "J1]0;x title" {
		t.Errorf("feed title %q, entries %+v", d.Title, d.Entries)
	}
}
