package feeds

import (
	"bytes"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types of the alternate links a page advertises
// its feeds with, best first.
var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"}

// discover returns the feeds an HTML page advertises with
// <link rel="alternate" type="application/rss+xml" href="...">, resolved
// against the page's URL, in the page's order (comment feeds last).
func discover(body []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var main, comments []string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if a == atom.Body {
			break // feeds are advertised in the head
		}
		if a == atom.Base && hasAttr {
			if href := attrs(z)["href"]; href != "" {
				if b, err := base.Parse(href); err == nil {
					base = b
				}
			}
			continue
		}
		if a != atom.Link || !hasAttr {
			continue
		}
		at := attrs(z)
		if !hasWord(at["rel"], "alternate") || !isFeedType(at["type"]) {
			continue
		}
		u := resolve(base, at["href"])
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		if strings.Contains(strings.ToLower(at["title"]), "comment") || strings.Contains(strings.ToLower(u), "/comments/") {
			comments = append(comments, u)
		} else {
			main = append(main, u)
		}
	}
	return append(main, comments...)
}

func attrs(z *html.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		m[strings.ToLower(string(k))] = string(v)
		if !more {
			return m
		}
	}
}

func hasWord(list, word string) bool {
	return slices.Contains(strings.Fields(strings.ToLower(list)), word)
}

func isFeedType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	t, _, _ = strings.Cut(t, ";")
	return slices.Contains(feedTypes, t)
}
