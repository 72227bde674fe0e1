package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"time"

	"newsbot/handlers"
	"newsbot/news"
)

// demoText is the founding example article (The Dallas Express, February
// 2023), shipped as the built-in demo.
//
//go:embed demo/china-russia-peace-talks.txt
var demoText string

func demoArticle() news.Article {
	return news.Article{
		Title:     "Xi Jinping plans Moscow visit as China pushes for peace talks",
		Outlet:    "The Dallas Express",
		Published: time.Date(2023, time.February, 22, 0, 0, 0, 0, time.UTC),
		Text:      demoText,
	}
}

// loadDemo adds the demo article when the data directory holds no article,
// and says so on w.
func loadDemo(ctx context.Context, st handlers.Store, h *handlers.Handlers, w io.Writer) error {
	n, err := st.Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	res, err := h.AddArticle(ctx, demoArticle())
	if err != nil && !errors.Is(err, news.ErrDuplicate) {
		return fmt.Errorf("load the demo article: %w", err)
	}
	fmt.Fprintf(w, "No articles yet, so I loaded a demo article: %q (%s, %d quotes). Add your own with /add or 'newsbot ingest'.\n",
		res.Article.Title, res.Article.Outlet, res.Quotes)
	return nil
}
