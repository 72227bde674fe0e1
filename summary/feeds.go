package summary

import (
	"cmp"
	"slices"

	"newsbot/news"
)

// feedCounts counts the digest's articles by the feed they came from, most
// first (ties by title); nil when none came from a feed.
func feedCounts(docs []news.Document) []news.FeedCount {
	var out []news.FeedCount
	at := map[string]int{}
	for _, d := range docs {
		src := d.Article.Feed
		if src == nil || src.ID == "" {
			continue
		}
		i, ok := at[src.ID]
		if !ok {
			i = len(out)
			at[src.ID] = i
			out = append(out, news.FeedCount{ID: src.ID, Title: clean(src.Title)})
		}
		out[i].Articles++
	}
	slices.SortStableFunc(out, func(a, b news.FeedCount) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		return cmp.Compare(a.Title, b.Title)
	})
	return out
}
