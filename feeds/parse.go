package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html/charset"

	"newsbot/news"
)

// document is a parsed feed as newsbot uses it.
type document struct {
	Title string
	Site  string
	// Entries in the document's order.
	Entries []entry
	// TTL is the least time between fetches the feed asks for (RSS ttl,
	// sy:updatePeriod and sy:updateFrequency); 0 when it says nothing.
	TTL time.Duration
}

// entry is one item of a feed.
type entry struct {
	// Key identifies the entry across polls and feeds: its GUID when the
	// feed's GUIDs are usable, else its link, else a hash of its text.
	Key       string
	GUID      string
	Link      string
	Title     string
	Author    string
	Published time.Time
	// Content is the entry's full content, else its summary (HTML).
	Content string
}

// errHTML is returned by parse for an HTML page: the caller looks for the
// feed the page advertises.
var errHTML = errors.New("an HTML page, not a feed")

// parse reads a feed document fetched from docURL. It refuses, naming the
// URL, an HTML page (errHTML wrapped), malformed XML or JSON, a document
// that is no feed, and a feed without entries. Every error matches
// news.ErrInvalid.
func parse(body []byte, contentType, docURL string) (document, error) {
	f, err := parseFeed(body)
	if (err != nil || len(f.Items) == 0) && !looksHTML(body, contentType) {
		// gofeed reads broken XML leniently (an unclosed element loses
		// the entries after it): say what is broken rather than "empty".
		if serr := xmlSyntax(body); serr != nil {
			err = serr
		}
	}
	switch {
	case err == nil:
	case looksHTML(body, contentType):
		return document{}, refuse(news.ErrInvalid, errHTML, "%s is an HTML page, not a feed", docURL)
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return document{}, refuse(news.ErrInvalid, err, "%s is not an RSS, Atom or JSON feed (it starts with %q)", docURL, start(body, 40))
	default:
		return document{}, refuse(news.ErrInvalid, err, "%s is not a well-formed feed (%v)", docURL, oneLine(err.Error()))
	}
	base, _ := url.Parse(docURL)
	d := document{Title: oneLine(f.Title), Site: resolve(base, f.Link), TTL: ttl(f)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		e := entry{
			GUID:    strings.TrimSpace(it.GUID),
			Link:    resolve(base, it.Link),
			Title:   oneLine(it.Title),
			Content: it.Content,
		}
		if strings.TrimSpace(e.Content) == "" {
			e.Content = it.Description
		}
		if e.Link == "" && isHTTP(e.GUID) {
			e.Link = e.GUID // an RSS guid is a permalink unless it says not
		}
		var names []string
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, oneLine(p.Name))
			}
		}
		e.Author = strings.Join(names, ", ")
		switch {
		case it.PublishedParsed != nil:
			e.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			e.Published = it.UpdatedParsed.UTC()
		}
		if e.Link == "" && strings.TrimSpace(e.Content) == "" {
			continue // nothing to read
		}
		d.Entries = append(d.Entries, e)
	}
	if len(d.Entries) == 0 {
		if serr := xmlSyntax(body); serr != nil {
			return document{}, refuse(news.ErrInvalid, serr, "%s is not a well-formed feed (%v)", docURL, oneLine(serr.Error()))
		}
		return document{}, refuse(news.ErrInvalid, nil, "%s is an empty feed: it has no entries to read", docURL)
	}
	setKeys(d.Entries)
	return d, nil
}

// parseFeed runs gofeed. gofeed detects the format in the first 4 KB only
// (a long comment or stylesheet before the root element defeats it): a
// document it cannot place but whose root is plainly RSS or Atom is given
// to that format's parser directly.
func parseFeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil { // a crafted document must not crash the bot
			f, err = nil, fmt.Errorf("the feed parser failed: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err = p.Parse(bytes.NewReader(body))
	if !errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return f, err
	}
	switch {
	case bytes.Contains(body, []byte("<rss")) || bytes.Contains(body, []byte("<rdf:RDF")):
		rf, rerr := (&rss.Parser{}).Parse(bytes.NewReader(body))
		if rerr != nil {
			return nil, rerr
		}
		return (&gofeed.DefaultRSSTranslator{}).Translate(rf)
	case bytes.Contains(body, []byte("<feed")):
		af, aerr := (&atom.Parser{}).Parse(bytes.NewReader(body))
		if aerr != nil {
			return nil, aerr
		}
		return (&gofeed.DefaultAtomTranslator{}).Translate(af)
	}
	return nil, err
}

// xmlSyntax checks that an XML document is well-formed (HTML entities
// such as &nbsp; allowed, as feed readers do); nil for JSON.
func xmlSyntax(body []byte) error {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// setKeys gives each entry its dedupe key. A GUID is used only when every
// entry of the document has its own: feeds that repeat one GUID ("N/A") or
// leave it empty are keyed by link.
func setKeys(es []entry) {
	seen := map[string]bool{}
	usable := true
	for _, e := range es {
		if e.GUID == "" || seen[e.GUID] {
			usable = false
			break
		}
		seen[e.GUID] = true
	}
	for i := range es {
		e := &es[i]
		switch {
		case usable:
			e.Key = "guid:" + e.GUID
		case e.Link != "":
			e.Key = "url:" + e.Link
		default:
			h := sha256.Sum256([]byte(e.Title + "\x00" + e.Content))
			e.Key = "text:" + hex.EncodeToString(h[:12])
		}
		if len(e.Key) > maxKeyBytes { // the store's keys are bounded
			h := sha256.Sum256([]byte(e.Key))
			e.Key = "hash:" + hex.EncodeToString(h[:])
		}
	}
}

// maxKeyBytes bounds an entry key; longer GUIDs and links are hashed.
const maxKeyBytes = 512

// newestFirst orders entries by date, newest first; undated entries keep
// their place relative to each other after the dated ones' order (feeds
// list newest first, so document order is the best guess).
func newestFirst(es []entry) []entry {
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(a, b entry) int {
		switch {
		case a.Published.IsZero() || b.Published.IsZero():
			return 0
		case a.Published.After(b.Published):
			return -1
		case b.Published.After(a.Published):
			return 1
		}
		return 0
	})
	return out
}

// ttl is the least polling interval the feed asks for.
func ttl(f *gofeed.Feed) time.Duration {
	var d time.Duration
	if rf, ok := f.OriginalFeed().(*rss.Feed); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(rf.TTL)); err == nil && n > 0 {
			d = time.Duration(n) * time.Minute
		}
	}
	if sy := f.Extensions["sy"]; sy != nil {
		period := map[string]time.Duration{"hourly": time.Hour, "daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour,
			"monthly": 30 * 24 * time.Hour, "yearly": 365 * 24 * time.Hour}[strings.TrimSpace(extValue(sy, "updatePeriod"))]
		freq := 1
		if n, err := strconv.Atoi(strings.TrimSpace(extValue(sy, "updateFrequency"))); err == nil && n > 0 {
			freq = n
		}
		if p := period / time.Duration(freq); p > d {
			d = p
		}
	}
	return d
}

func extValue(ns map[string][]ext.Extension, name string) string {
	if vs := ns[name]; len(vs) > 0 {
		return vs[0].Value
	}
	return ""
}

// looksHTML reports whether a document is an HTML page.
func looksHTML(body []byte, contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	head := strings.ToLower(start(body, 512))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<html") && strings.Contains(head, "<head")
}

// start is the beginning of a document, for messages: at most n
// characters, after a BOM and white space.
func start(body []byte, n int) string {
	b := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	b = bytes.TrimSpace(b)
	s := strings.ToValidUTF8(string(b[:min(len(b), n*4)]), "")
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return oneLine(s)
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

func isHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// oneLine is news.OneLine (feed titles are printed at the command line).
func oneLine(s string) string { return news.OneLine(s) }
