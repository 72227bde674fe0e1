package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// demoMarker is the file in the data directory that records that the demo
// was loaded once: a user who removed it does not get it back.
const demoMarker = "demo-loaded"

// loadDemo adds the demo article the first time a data directory is used
// with no article, and says so on w.
func loadDemo(ctx context.Context, dir string, st handlers.Store, h *handlers.Handlers, w io.Writer) error {
	marker := filepath.Join(dir, demoMarker)
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	n, err := st.Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	res, err := h.AddArticle(ctx, demoArticle())
	if errors.Is(err, news.ErrDuplicate) {
		return nil // a race with another start: it is there
	} else if err != nil {
		return fmt.Errorf("load the demo article: %w", err)
	}
	if err := os.WriteFile(marker, []byte("the demo article was loaded once; delete this file to load it again on an empty data directory\n"), 0o644); err != nil {
		return fmt.Errorf("load the demo article: %w", err)
	}
	fmt.Fprintf(w, "No articles yet, so I loaded a demo article: %q (%s, %s). Add your own with /add or 'newsbot ingest'.\n",
		res.Article.Title, res.Article.Outlet, plural(res.Quotes, "quote", "quotes"))
	return nil
}
