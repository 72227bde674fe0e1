package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/encoding/charmap"

	"newsbot/news"
)

// minTextRunes is the least body text (in letters and digits) that counts
// as an article; below it a page is a menu, a login wall or a gallery.
const minTextRunes = 200

// maxTitleRunes bounds a title taken from the first line of a text page.
const maxTitleRunes = 200

func noText(name fmt.Stringer) error {
	return fail(news.ErrInvalid, nil, "%s: that page has no article text I can read; paste the text with /newsbot add instead", name)
}

// fileName prints a path in errors.
type fileName string

func (f fileName) String() string { return string(f) }

// extract builds the article from a fetched body. ctype is the response's
// Content-Type (or the sniffed one); u is the URL after redirects.
func extract(body []byte, ctype string, u *url.URL) (news.Article, error) {
	text := toUTF8(body, ctype)
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt == "text/plain" {
		return extractText(text, u)
	}
	return extractHTML(text, u, u)
}

// toUTF8 decodes body using its BOM, the Content-Type charset or a <meta>
// declaration; a body with none of them is UTF-8 when it is valid UTF-8 and
// windows-1252 (the web's default) otherwise.
func toUTF8(body []byte, ctype string) string {
	enc, name, certain := charset.DetermineEncoding(body, ctype)
	if !certain && name == "windows-1252" && utf8.Valid(body) {
		name = "utf-8"
	}
	if name == "utf-8" {
		body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	if enc == nil {
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return string(out)
}

// extractText reads a plain-text page: the text as is, the title from its
// first line.
func extractText(text string, u *url.URL) (news.Article, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.TrimSpace(text)
	if countWordRunes(text) < minTextRunes {
		return news.Article{}, noText(u)
	}
	title, _, _ := strings.Cut(text, "\n")
	return news.Article{
		Title:  shorten(strings.TrimSpace(title), maxTitleRunes),
		URL:    u.String(),
		Outlet: hostOutlet(u),
		Text:   text,
	}, nil
}

// extractHTML reads an HTML page with go-readability, plus the metadata it
// does not give (canonical URL, a few more date sources). u is the page's
// URL: http(s) when fetched, file: when read from disk. name is how errors
// call the page.
func extractHTML(text string, u *url.URL, name fmt.Stringer) (news.Article, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return news.Article{}, noText(name)
	}
	meta := scanMeta(doc)
	dropPromos(doc)
	p := readability.NewParser()
	ra, err := p.ParseAndMutate(doc, u)
	if err != nil || ra.Node == nil {
		return news.Article{}, noText(name)
	}
	body := paragraphs(ra.Node)
	if countWordRunes(body) < minTextRunes {
		return news.Article{}, noText(name)
	}
	a := news.Article{
		Title:  clean(ra.Title()),
		URL:    canonical(meta, u),
		Outlet: clean(ra.SiteName()),
		Byline: tidyByline(ra.Byline()),
		Text:   body,
	}
	if a.Title == "" {
		a.Title = shorten(firstLine(body), maxTitleRunes)
	}
	// readability keeps "Headline | Outlet" when the headline is short;
	// the page's own <h1> tells which part is the headline.
	for _, h := range meta.h1s {
		if outlet := titleOutlet(a.Title, h); outlet != "" {
			a.Title = h
			if a.Outlet == "" {
				a.Outlet = outlet
			}
			break
		}
	}
	if a.Outlet == "" {
		a.Outlet = titleOutlet(meta.title, a.Title)
	}
	if a.Outlet == "" && a.URL != "" {
		if cu, err := url.Parse(a.URL); err == nil && cu.Host != "" {
			a.Outlet = hostOutlet(cu)
		}
	}
	if t, err := ra.PublishedTime(); err == nil {
		a.Published = t
	} else {
		a.Published = meta.published
	}
	return a, nil
}

// pageMeta is what scanMeta finds in the page itself.
type pageMeta struct {
	title     string   // <title>
	h1s       []string // the text of the first few <h1>
	canonical string   // <link rel=canonical>
	ogURL     string   // <meta property=og:url>
	published time.Time
}

// scanMeta reads the canonical URL and fallback publication dates
// (itemprop=datePublished, name=date, <time datetime>) that readability
// does not report.
func scanMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var timeTag time.Time
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				prop := strings.ToLower(attr(n, "property"))
				name := strings.ToLower(attr(n, "name"))
				content := strings.TrimSpace(attr(n, "content"))
				switch {
				case prop == "og:url" && m.ogURL == "":
					m.ogURL = content
				case m.published.IsZero() && (strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
					name == "date" || name == "pubdate" || name == "publish-date" || name == "publishdate" ||
					name == "article.published" || name == "sailthru.date"):
					m.published = parseDate(content)
				}
			case "h1":
				if len(m.h1s) < 3 {
					if h := clean(nodeText(n)); h != "" {
						m.h1s = append(m.h1s, h)
					}
				}
			case "title":
				if m.title == "" && n.FirstChild != nil {
					m.title = clean(n.FirstChild.Data)
				}
			case "time":
				if timeTag.IsZero() {
					timeTag = parseDate(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.published.IsZero() {
		m.published = timeTag
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// parseDate parses the machine-readable dates found in article metadata.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// canonical returns the page's canonical URL (link rel=canonical, else
// og:url) when it is an http(s) URL on the same site as the fetched page,
// else the fetched URL. A page elsewhere cannot claim another site's URL,
// which would make the real article look like a duplicate. A saved page
// (u is file:) has no site to compare with: its canonical URL is taken as
// is, and without one the article has no URL.
func canonical(m pageMeta, u *url.URL) string {
	saved := u.Scheme == "file"
	for _, ref := range []string{m.canonical, m.ogURL} {
		if ref == "" {
			continue
		}
		c, err := u.Parse(ref)
		if err != nil || (c.Scheme != "http" && c.Scheme != "https") || c.Host == "" {
			continue
		}
		if !saved && site(c.Hostname()) != site(u.Hostname()) {
			continue
		}
		c.Fragment, c.RawFragment = "", ""
		return c.String()
	}
	if saved {
		return ""
	}
	return u.String()
}

// site is a host's registrable domain ("bbc.co.uk" for "www.bbc.co.uk").
func site(host string) string {
	host = strings.ToLower(host)
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// titleOutlet finds the outlet in a <title> such as "Headline | Outlet" or
// "Headline - Outlet", when the part before the separator is the headline.
func titleOutlet(pageTitle, headline string) string {
	headline = strings.ToLower(clean(headline))
	if headline == "" {
		return ""
	}
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: "} {
		i := strings.LastIndex(pageTitle, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(pageTitle[:i]), strings.TrimSpace(pageTitle[i+len(sep):])
		if strings.ToLower(head) == headline && tail != "" && len(strings.Fields(tail)) <= 5 {
			return tail
		}
	}
	return ""
}

// promoWords mark, in a class or id, the boxes that sit inside article
// bodies without being part of them and that readability keeps: newsletter
// sign-ups, pull quotes (a repeat of the text, or worse a paraphrase),
// donation and "read more" boxes, author bios.
var promoWords = []string{"newsletter", "pullquote", "pull-quote", "signup", "sign-up", "subscribe",
	"promo", "donate", "read-more", "readmore", "author-bio", "cookie", "consent", "recommended"}

// maxPromoRunes bounds the text of a promotional box (in letters and digits).
const maxPromoRunes = 1000

// dropPromos removes small promotional boxes before readability runs. A box
// is never one that holds an <article> or <main>, or a third or more of the
// page's text: a class such as "has-newsletter" on a wrapper of the article
// must not remove the article.
func dropPromos(doc *html.Node) {
	total := countWordRunes(nodeText(doc))
	var doomed []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && hasPromoName(n) && !holdsArticle(n) {
			if r := countWordRunes(nodeText(n)); r < maxPromoRunes && r*3 < total {
				doomed = append(doomed, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func hasPromoName(n *html.Node) bool {
	switch n.Data {
	case "html", "body", "main", "article":
		return false
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range promoWords {
		if strings.Contains(names, w) {
			return true
		}
	}
	return false
}

func holdsArticle(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "article" || c.Data == "main") || holdsArticle(c) {
			return true
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// hostOutlet is the outlet name made from a host: "www.bbc.co.uk" -> "bbc.co.uk".
func hostOutlet(u *url.URL) string {
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		if rest, ok := strings.CutPrefix(h, p); ok && strings.Contains(rest, ".") {
			return rest
		}
	}
	return h
}

// paragraphs renders the readable node as plain text, one paragraph per
// block (heading, paragraph, list item, quote), separated by blank lines.
func paragraphs(n *html.Node) string {
	var buf strings.Builder
	if err := (readability.Article{Node: n}).RenderText(&buf); err != nil {
		return ""
	}
	var out []string
	for line := range strings.SplitSeq(buf.String(), "\n") {
		if line = clean(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n\n")
}

// clean folds runs of white space (including no-break spaces and tabs)
// into single spaces and trims the ends.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// tidyByline removes the "By" that bylines often carry.
func tidyByline(s string) string {
	s = clean(s)
	for _, p := range []string{"By ", "by ", "BY "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// shorten cuts s to at most n runes, at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexFunc(string(r), unicode.IsSpace); i > 0 {
		return strings.TrimSpace(string(r)[:i]) + "…"
	}
	return string(r) + "…"
}

// countWordRunes counts letters and digits: a measure of text that menus
// of punctuation and white space do not inflate.
func countWordRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
