// Package summary turns a period's articles and quotes into a digest: each
// article with a one-sentence gist, the most notable quotes and the
// most-quoted people. It is pure and deterministic: the same documents give
// the same digest, byte for byte.
package summary

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"newsbot/news"
)

// Limits of a digest.
const (
	// MaxQuotes is the most notable quotes a digest carries.
	MaxQuotes = 5
	// MinQuotes is how many quotes Build tries to reach, falling back to
	// reported speech when there are too few direct quotes.
	MinQuotes = 3
	// MaxSpeakers is the length of the most-quoted list.
	MaxSpeakers = 10
	// MaxGist is the longest gist, in characters, before it is cut.
	MaxGist = 280
)

// Build returns the digest of the documents added in [from, to). A document
// whose Added time is zero is kept (the caller chose it); zero from or to
// leaves that side of the period open. Articles are listed in the order they
// were added (ties by id); quotes best first; speakers most quoted first,
// ties by name.
func Build(docs []news.Document, from, to time.Time) news.Digest {
	d := news.Digest{
		From:     from,
		To:       to,
		Articles: []news.DigestArticle{},
		Quotes:   []news.DigestQuote{},
		Speakers: []news.SpeakerCount{},
	}
	kept := selectDocs(docs, from, to)
	for _, doc := range kept {
		a := doc.Article
		d.Articles = append(d.Articles, news.DigestArticle{
			ID:     a.ID,
			Title:  clean(a.Title),
			URL:    a.URL,
			Outlet: a.Outlet,
			Gist:   Gist(a.Title, a.Text),
		})
	}
	names := canonicalNames(kept)
	d.Quotes = notableQuotes(kept, names)
	d.Speakers = mostQuoted(kept, names)
	d.Feeds = feedCounts(kept)
	return d
}

// selectDocs keeps the documents of the period, one per article id (the
// first in input order wins), sorted by Added then id.
func selectDocs(docs []news.Document, from, to time.Time) []news.Document {
	seen := map[string]bool{}
	var out []news.Document
	for _, doc := range docs {
		a := doc.Article
		if !a.Added.IsZero() {
			if !from.IsZero() && a.Added.Before(from) {
				continue
			}
			if !to.IsZero() && !a.Added.Before(to) {
				continue
			}
		}
		key := a.ID
		if key == "" {
			key = "hash:" + a.Hash
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, doc)
	}
	slices.SortStableFunc(out, func(x, y news.Document) int {
		if c := x.Article.Added.Compare(y.Article.Added); c != 0 {
			return c
		}
		return cmp.Compare(x.Article.ID, y.Article.ID)
	})
	return out
}

// clean collapses white space (newlines included) to single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
