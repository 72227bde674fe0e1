package summary

import (
	"fmt"
	"testing"
	"time"

	"newsbot/news"
)

// BenchmarkBuild measures a busy day: 100 articles of the seed's size with
// 8 quotes each.
func BenchmarkBuild(b *testing.B) {
	t := &testing.T{}
	seed := seedDoc(t)
	docs := make([]news.Document, 100)
	for i := range docs {
		d := seed
		d.Article.ID = fmt.Sprintf("a%03d", i)
		d.Article.Added = day.Add(time.Duration(i) * time.Minute)
		docs[i] = d
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(docs, day, day.Add(24*time.Hour))
	}
}

// BenchmarkGist measures the gist of the seed article.
func BenchmarkGist(b *testing.B) {
	seed := seedDoc(&testing.T{})
	b.ReportAllocs()
	for b.Loop() {
		Gist(seed.Article.Title, seed.Article.Text)
	}
}
